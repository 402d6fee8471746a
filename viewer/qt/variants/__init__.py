"""Nerve-piriformis variants on the main diagram: the picker and the redrawing."""
