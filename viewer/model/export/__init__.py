"""Taking the content out of the app: Anki decks (genanki), loaded only when an export runs."""
