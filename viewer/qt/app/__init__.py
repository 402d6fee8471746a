"""The application shell: start-up, the main window, settings, themes, text size."""
