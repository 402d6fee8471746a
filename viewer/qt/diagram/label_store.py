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

from PySide6.QtGui import QImage, QTransform

from viewer.model.core.cache_store import CacheStore
from viewer.qt.diagram.tile_art import FORMAT, keep_picture, kept_picture, picture_key

MAX_BYTES = 64 * 1024 * 1024
FILES_KEPT = 3  # diagrams whose labels are kept: an author switching content packs starts warm in each


def load(cache: CacheStore, svg_key: str, items: dict) -> tuple | None:
    """Give each item in ``items`` (element id -> SvgElementItem) its kept picture, if the file matches;
    returns the pictures' key (see picture_key), or None."""
    raw = cache.read("labels", svg_key, ".bin")
    if raw is None:
        return None
    header_line, _, data = raw.partition(b"\n")
    try:
        header = json.loads(header_line)
    except ValueError:
        return None
    if len(data) > MAX_BYTES:
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


def save(cache: CacheStore, svg_key: str, items: dict, transform: QTransform) -> bool:
    """Write the labels' pictures for ``transform``, if every visible label has one."""
    if cache.folder is None:
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
    return cache.write("labels", svg_key, ".bin", header.encode() + b"\n" + b"".join(chunks), keep=FILES_KEPT)
