"""The lesson panel, bookmarks and notes on lessons."""
