"""Research pages in the window: the pages pane (list, Markdown editor, live rendering, export)."""
