"""Reading one article: the article view, its highlight and search-mark layers, find in the article."""
