"""The pictures of the image-occlusion cards: the diagram with every label covered and the asked
label outlined with a "?" (hide all, guess one), drawn by the same scene and covers as the app's
label quiz, so a card looks like the quiz a student already knows."""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.qt.app.theme import PRINTED
from viewer.qt.study.labels import LabelCovers

WIDTH_PX = 1000  # sharp on a laptop and a phone
JPEG_QUALITY = 88  # labels and leader lines stay crisp; a third of the PNG's size (about 110 kB)


def _picture(scene, source: QRectF) -> bytes:
    height = max(1, round(WIDTH_PX * source.height() / source.width()))
    image = QImage(WIDTH_PX, height, QImage.Format.Format_RGB32)
    image.fill(QColor(PRINTED.paper))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", JPEG_QUALITY)  # type: ignore[call-overload]  # the stub types format as bytes; PySide6 6.11 takes only str
    return bytes(data.data())


def render_occlusion_images(scene, labels, folder: Path) -> dict[str, str]:
    """One JPEG per label into ``folder``; returns label id -> file name. A file is named by its
    contents, so two cards that would show the same picture share one file."""
    covers = LabelCovers(scene)
    covered = {label.id for label in labels}
    names: dict[str, str] = {}
    try:
        for label in labels:
            covers.show(labels, covered, asked=label.id)
            data = _picture(scene, scene.diagram_rect)
            name = f"dgs-viewer-label-{zlib.crc32(data):08x}-{len(data):x}.jpg"
            path = folder / name
            if not path.exists():
                path.write_bytes(data)
            names[label.id] = name
    finally:
        covers.clear()
    return names
