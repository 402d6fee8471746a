"""Colours and pens for highlights; one place so contrast can be checked in tests.

Highlights never rely on colour alone: hover draws an outline, selection a
thicker outline with a white halo, keyboard focus a dashed outline.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HighlightTheme:
    outline: str = "#0b3d91"        # deep blue: contrasts with ivory bone, red muscle and yellow nerve
    halo: str = "#ffffff"
    hover_fill: str = "#2f7fe0"
    hover_alpha: int = 60
    selected_fill: str = "#2f7fe0"
    selected_alpha: int = 70
    hover_width: float = 2.5         # device pixels (cosmetic pens keep their width at any zoom)
    selected_width: float = 4.0
    tag_background: str = "#0b3d91"
    tag_text: str = "#ffffff"
    canvas: str = "#ffffff"
    tensed: str = "#e65100"          # orange, diagonal hatching: a position stretches this structure
    narrowed: str = "#6a1b9a"        # purple, cross hatching: a position narrows this space


THEME = HighlightTheme()
