"""The library's tag vocabulary in the app: the tag manager (rename, merge, delete, undoable) and tag
completion where tags are typed."""
