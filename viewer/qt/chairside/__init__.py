"""Chairside tools: presentation, pen, positions, notes, handout."""
