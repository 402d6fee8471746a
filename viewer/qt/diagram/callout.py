"""Keyboard focus on the diagram, made visible: the structure's name in a callout placed clear of
the printed labels, or (in Find-it, where a name or outline would be an answer) a pointer.

The callout is the view's name tag (viewer/qt/diagram/name_tag.py); this module only chooses where
it goes. The pointer is a ring with "Enter ▸" beside it, like a cursor: it says where the keyboard
is, and looks like nothing the quiz uses to mark an answer.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from viewer.qt.app.theme import THEME
from viewer.qt.diagram.scene import TAG_Z

GAPS = (14, 40, 80, 130, 200, 300)  # pixels from the structure's inner point, nearest first


def clear_spot(view, anchor: QPointF, width: float, height: float, obstacles: list[QRectF]) -> QPointF:
    """The scene position for a callout's top-left corner: near ``anchor`` (scene), inside the view,
    over none of the ``obstacles`` (scene rectangles of label words) if any such place is near enough;
    else where it covers least."""
    point = view.mapFromScene(anchor)
    area = QRectF(view.viewport().rect()).adjusted(4, 4, -4, -4)
    boxes = [view.mapFromScene(rect).boundingRect() for rect in obstacles]
    best, best_cover = None, None
    for gap in GAPS:
        for dx, dy in _offsets(gap, width, height):
            rect = QRectF(point.x() + dx, point.y() + dy, width, height)
            if not area.contains(rect):
                continue
            cover = sum(_overlap(rect, QRectF(box)) for box in boxes)
            if cover == 0:
                return view.mapToScene(rect.topLeft().toPoint())
            if best_cover is None or cover < best_cover:
                best, best_cover = rect, cover
    if best is None:  # nowhere inside the view: beside the point, as before
        best = QRectF(point.x() + GAPS[0], point.y() - height / 2, width, height)
    return view.mapToScene(best.topLeft().toPoint())


def _offsets(gap: float, width: float, height: float) -> list[tuple[float, float]]:
    """Where the callout's top-left corner may go relative to the point: right, left, below, above (each
    slid along its side), then the corners."""
    slides = (0.5, 0.25, 0.75, 0.0, 1.0)
    return [(gap, -height / 2), (-gap - width, -height / 2),
            *[(-width * s, gap) for s in slides], *[(-width * s, -gap - height) for s in slides],
            (gap, gap), (-gap - width, gap), (gap, -gap - height), (-gap - width, -gap - height)]


def _overlap(a: QRectF, b: QRectF) -> float:
    both = a.intersected(b)
    return max(0.0, both.width()) * max(0.0, both.height())


class FocusPointer(QGraphicsPathItem):
    """A ring with a cross and "Enter ▸": where the keyboard is, at constant screen size."""

    def __init__(self):
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), 11, 11)
        for x1, y1, x2, y2 in ((-17, 0, -6, 0), (6, 0, 17, 0), (0, -17, 0, -6), (0, 6, 0, 17)):
            path.moveTo(x1, y1)
            path.lineTo(x2, y2)
        super().__init__(path)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(TAG_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.text = QGraphicsSimpleTextItem("Enter ▸", self)
        font = QFont()
        font.setBold(True)
        self.text.setFont(font)
        self.text.setPos(20, -self.text.boundingRect().height() / 2)
        self.text.setBrush(QColor(THEME.pointer))
        self.hide()

    def paint(self, painter, option, widget=None) -> None:
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(THEME.pointer_halo), 6))   # a halo under the ring: seen on any art
        painter.drawPath(self.path())
        painter.setPen(QPen(QColor(THEME.pointer), 2.5))
        painter.drawPath(self.path())
        text = self.text.mapRectToParent(self.text.boundingRect()).adjusted(-3, -1, 3, 1)
        painter.setPen(QPen(QColor(THEME.pointer), 1))
        painter.setBrush(QColor(THEME.pointer_halo))
        painter.drawRoundedRect(text, 3, 3)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self.text.mapRectToParent(self.text.boundingRect())).adjusted(-5, -5, 5, 5)
