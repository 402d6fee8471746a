"""Variants of the sciatic nerve and piriformis (Beaton & Anson types A-F), drawn on the main diagram."""
