"""The depth control: peels the diagram's layers (skin, gluteus maximus) away, with a fade."""
