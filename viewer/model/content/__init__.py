"""Lesson content: loading a content folder, lessons, glossary, references, rendering, checks."""
