"""Checks a lesson figure: it opens, it is a picture, and its size is sane."""

from __future__ import annotations

import warnings
from pathlib import Path

MAX_SIDE = 8000          # pixels; larger figures are slow to show and bloat handouts
MIN_SIDE = 16
MAX_PIXELS = 40_000_000  # well below Pillow's decompression-bomb limit
RASTER = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"}


def figure_problem(path: Path) -> str | None:
    """A message describing what is wrong with the figure, or None if it is fine."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        import xml.etree.ElementTree as ET

        from viewer.model.diagram.svg_safety import entity_line, unsafe_parts

        try:
            text = path.read_text(encoding="utf-8")
            if entity_line(text) is not None:
                return f"figure {path.name} declares XML entities (<!ENTITY>), which can read other files"
            unsafe = unsafe_parts(ET.fromstring(text))
        except (ET.ParseError, OSError, UnicodeDecodeError) as exc:
            return f"figure {path.name} is not a valid SVG: {exc}"
        if unsafe:
            return f"figure {path.name}: {unsafe[0][1]}; it is left out of the view"
        return None
    if suffix not in RASTER:
        return f"figure {path.name}: use PNG, JPEG, GIF, WebP or SVG"
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return f"figure {path.name} is {width}x{height} pixels; at most {MAX_PIXELS // 1_000_000} megapixels"
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"figure {path.name} is far too large to open safely (a decompression bomb?)"
    except Exception:  # Pillow raises many kinds for a broken file
        return (f"figure {path.name} cannot be opened as a picture; it is damaged or not really "
                f"a {suffix[1:].upper()} file")
    if max(width, height) > MAX_SIDE or min(width, height) < MIN_SIDE:
        return f"figure {path.name} is {width}x{height} pixels; keep each side between {MIN_SIDE} and {MAX_SIDE}"
    return None
