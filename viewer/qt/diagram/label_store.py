"""The labels' pictures at the start-up zoom, kept in the data folder between runs (with those of
the SVG's other small layers, drawn the same way).

Drawing the 31 labels from the SVG takes about 10 ms and needs the parsed SVG (another 10-15 ms).
When a frame had to draw them from the SVG, the scene then draws each label's picture for that
zoom and writes them here (DiagramScene.label_drawn_straight); the next start at the same window
size paints its labels by copying these pixels. A file that does not match the diagram, the zoom
or its own size is ignored and replaced.

File: one JSON line (the SVG's key, the view transform, and per label its id, offset and size),
then each label's premultiplied ARGB pixels in that order.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtGui import QImage, QTransform

from viewer.qt.diagram.tile_art import FORMAT, keep_picture, kept_picture, picture_key

MAX_BYTES = 64 * 1024 * 1024
FILES_KEPT = 3  # diagrams whose labels are kept: an author switching content packs starts warm in each


def store_path(cache_dir: Path, svg_key: str) -> Path:
    return cache_dir / f"labels-{svg_key}.bin"


def load(cache_dir: Path | None, svg_key: str, items: dict) -> tuple | None:
    """Give each item in ``items`` (element id -> SvgElementItem) its kept picture, if the file matches;
    returns the pictures' key (see picture_key), or None."""
    if cache_dir is None:
        return None
    try:
        with open(store_path(cache_dir, svg_key), "rb") as file:
            header = json.loads(file.readline())
            data = file.read(MAX_BYTES + 1)
    except (OSError, ValueError):
        return None
    try:
        labels, transform = header["labels"], header["transform"]
        if header["svg"] != svg_key or len(transform) != 4:
            return None
        if sum(int(w) * int(h) * 4 for _id, _x, _y, w, h in labels) != len(data):
            return None
        pictures = {}
        offset = 0
        for label_id, x, y, width, height in labels:
            size = width * height * 4
            if label_id not in items or width <= 0 or height <= 0:
                return None
            image = QImage(data[offset:offset + size], width, height, width * 4, FORMAT).copy()
            pictures[label_id] = (image, float(x), float(y))
            offset += size
    except (KeyError, TypeError, ValueError):
        return None
    key = (None, *map(float, transform))  # as picture_key makes it
    for label_id, entry in pictures.items():
        keep_picture(items[label_id], key, entry)
    return key


def save(cache_dir: Path | None, svg_key: str, items: dict, transform: QTransform) -> bool:
    """Write the labels' pictures for ``transform``, if every visible label has one."""
    if cache_dir is None:
        return False
    wanted = picture_key(transform, None)
    labels, chunks = [], []
    for label_id, item in items.items():
        entry = kept_picture(item, wanted)
        if entry is None:
            if item.isVisible():
                return False
            continue
        image, x, y = entry
        labels.append([label_id, x, y, image.width(), image.height()])
        chunks.append(bytes(image.constBits())[:image.width() * image.height() * 4])
    header = json.dumps({"svg": svg_key, "transform": list(wanted[1:]), "labels": labels})
    path = store_path(cache_dir, svg_key)
    try:  # written whole, then renamed over the old one: a cache, so no need to wait for the disk
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(header.encode() + b"\n" + b"".join(chunks))
        os.replace(temporary, path)
        for old in sorted(cache_dir.glob("labels-*.bin"), key=lambda p: p.stat().st_mtime)[:-FILES_KEPT]:
            old.unlink()  # other diagrams, or older versions of this one: keep the latest few
    except OSError:
        return False
    return True
