"""One module per `hawamish` command; see reader/cli.py."""
