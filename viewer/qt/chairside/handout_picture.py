"""The diagram as a picture for paper (the handout, an exported PNG): at print resolution, without
the hover name tag, and with only the labels that are readable on paper."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.qt.app.theme import PRINTED

DPI = 300


def render_picture(scene, source: QRectF, width_px: int) -> QImage:
    """The diagram as shown (highlight, drawing, visible labels), without the hover name tag."""
    height_px = max(1, round(width_px * source.height() / source.width()))
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)  # opaque: the PDF needs no alpha mask
    image.fill(QColor(PRINTED.paper))
    image.setDotsPerMeterX(round(DPI / 0.0254))
    image.setDotsPerMeterY(round(DPI / 0.0254))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    hidden = [item for item in scene.items() if item.zValue() >= 30 and item.isVisible()]  # name tag
    for item in hidden:
        item.hide()
    scene.render(painter, QRectF(image.rect()), source, Qt.AspectRatioMode.KeepAspectRatio)
    for item in hidden:
        item.show()
    painter.end()
    return image


def picture_with_labels(scene, source: QRectF, width: int, keep: set[str]) -> QImage:
    """The view as a picture with only the ``keep`` labels (their leader lines); the window's labels as
    they were afterwards."""
    shown = {label_id for label_id, item in scene.label_items.items() if item.isVisible()}
    scale = scene.label_scale  # on paper the words are written again at LABEL_PT (handout_labels.py) over the
    scene.set_label_scale(1.0)  # SVG's own, so the picture has the SVG's words and leaders, at any text size
    scene.set_labels_visible(True, only=keep)
    try:
        return render_picture(scene, source, width)
    finally:
        scene.set_labels_visible(bool(shown), only=shown or None)
        scene.set_label_scale(scale)


def side_by_side(left: QImage, right: QImage) -> QImage:
    """Two pictures on one white strip, the second scaled to the first's height."""
    right = right.scaledToHeight(left.height(), Qt.TransformationMode.SmoothTransformation)
    gap = left.height() // 30
    image = QImage(left.width() + gap + right.width(), left.height(), QImage.Format.Format_RGB32)
    image.fill(QColor(PRINTED.paper))
    image.setDotsPerMeterX(left.dotsPerMeterX())
    image.setDotsPerMeterY(left.dotsPerMeterY())
    painter = QPainter(image)
    painter.drawImage(0, 0, left)
    painter.drawImage(left.width() + gap, 0, right)
    painter.end()
    return image
