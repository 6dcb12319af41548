"""The PySide6 app. Depends on reader.core (through the Library); nothing in reader.core imports this package.

    app.py, main_window.py   start-up; the window that builds every feature, in one order, with the Library
                             and a Shell (shell.py: what a feature may ask of the window)
    common/                  workers, offsets, settings, error sentences, library events, label display
    reading/                 the article view, its layers, the find bar, opening articles
    library/                 the library list, its filters and collections, article metadata, importing
    annotations/             highlights, notes, colour labels
    search/                  the search panel, its queries, the index service and process
    export/, backup/         File → Export Notes…, File → Back Up Library…

A package imports only common/, reading/ and shell.py besides itself; main_window.py is the one place that
knows every feature.
"""
