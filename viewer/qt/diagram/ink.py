"""Drawing an SVG element in one colour (a dark theme's labels): every line and letter in the ink,
over a one-pixel halo, so a light leader line still shows where it crosses pale bone."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QPainterPath, QTransform

from viewer.qt.app.enum_free import solid_brush, transparent_image

FORMAT = QImage.Format.Format_ARGB32_Premultiplied


def draw_inked(renderer, painter: QPainter, element: str, bounds: QRectF, rect: QRect, ink: str, halo: str) -> None:
    """Draw ``element`` into its device rectangle ``rect`` of ``painter`` in ``ink`` over ``halo``."""
    transform = painter.worldTransform()
    drawn = transparent_image(rect.width(), rect.height(), FORMAT)
    own = QPainter(drawn)
    own.setRenderHint(QPainter.RenderHint.Antialiasing)
    own.setTransform(transform * QTransform.fromTranslate(-rect.left(), -rect.top()))
    renderer.render(own, element, bounds)
    own.end()
    inked, edge = tinted(drawn, ink), tinted(drawn, halo or ink)
    painter.save()
    painter.setTransform(QTransform())
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        painter.drawImage(QPointF(rect.left() + dx, rect.top() + dy), edge)
    painter.drawImage(QPointF(rect.left(), rect.top()), inked)
    painter.restore()


def tinted(image: QImage, colour: str) -> QImage:
    """The image's shapes, every pixel in ``colour`` (its coverage kept)."""
    result = image.copy()
    painter = QPainter(result)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    area = QPainterPath()
    area.addRect(QRectF(result.rect()))
    painter.fillPath(area, solid_brush(colour))  # not fillRect: its overloads build Qt's enum namespace
    painter.end()
    return result
