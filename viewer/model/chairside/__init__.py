"""Chairside: the clinician's drawing and the positions."""
