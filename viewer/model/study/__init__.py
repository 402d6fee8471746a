"""Study: question banks, quiz sessions, progress and spaced repetition, bookmarks and notes."""
