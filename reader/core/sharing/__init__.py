"""Sharing a library through a folder a sync engine carries (Syncthing, Nextcloud, a git remote).

No server and no live database in the folder: each library appends what changed to a JSON-lines log of its
own (one writer per file), and reads the others' logs from where it stopped. `clock` orders records across
members (a hybrid logical clock), `records` is the log's line format, `log` reads and writes the folder
(half-written and duplicated files included), `merge` decides, from every record of one highlight or
article, the state every member converges to and the concurrent versions kept as its history. SQLite is
touched only through the Library (reader/core/library/sharing.py).
"""
