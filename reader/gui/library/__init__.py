"""The library list (article metadata, sorted and fetched in batches) and importing files into it."""
