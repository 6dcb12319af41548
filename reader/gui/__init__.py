"""The PySide6 app. Depends on reader.core; nothing in reader.core imports this package."""
