"""Freehand lines and arrows drawn on their own layer above the diagram.

Strokes live in scene (diagram) coordinates, so they follow zoom and pan. The
strokes themselves are kept by the Qt-free ``Drawing`` model, which also does
undo and redo; this class only turns mouse movement into strokes and shows them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QObject, QPointF, Signal

from viewer.model.chairside.drawing import Drawing, Stroke
from viewer.qt.app.theme import PEN_COLOURS
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

if TYPE_CHECKING:  # made when the first line is drawn, not at start-up
    from PySide6.QtGui import QPainterPath
    from PySide6.QtWidgets import QGraphicsPathItem

DRAWING_Z = 25
STROKE_WIDTH = 6.0       # diagram units: the ink scales with the picture
ARROW_HEAD = 28.0


def stroke_path(stroke: Stroke) -> QPainterPath:
    path = QPainterPath()
    points = [QPointF(*p) for p in stroke.points]
    if not points:
        return path
    if stroke.arrow:
        start, end = points[0], points[-1]
        path.moveTo(start)
        path.lineTo(end)
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        for side in (-1, 1):
            path.moveTo(end)
            path.lineTo(end.x() - ARROW_HEAD * math.cos(angle + side * 0.45),
                        end.y() - ARROW_HEAD * math.sin(angle + side * 0.45))
        return path
    path.moveTo(points[0])
    for point in points[1:]:
        path.lineTo(point)
    return path


class PenTool(QObject):
    changed = Signal()  # the drawing changed (for undo/redo buttons)

    def __init__(self, scene, drawing: Drawing):
        super().__init__(scene)
        self.scene = scene
        self.drawing = drawing
        self.active = False
        self.arrow = False
        self.colour = PEN_COLOURS["Red"]
        self._items: list[QGraphicsPathItem] = []
        self._points: list[tuple[float, float]] = []
        self._preview: QGraphicsPathItem | None = None

    def press(self, scene_pos: QPointF) -> None:
        self._points = [(scene_pos.x(), scene_pos.y())]
        self._preview = self._new_item(Stroke(tuple(self._points), self.colour, self.arrow))

    def move(self, scene_pos: QPointF) -> None:
        if self._preview is None:
            return
        point = (scene_pos.x(), scene_pos.y())
        if self.arrow:
            self._points = [self._points[0], point]
        else:
            self._points.append(point)
        self._preview.setPath(stroke_path(Stroke(tuple(self._points), self.colour, self.arrow)))

    def release(self, scene_pos: QPointF) -> None:
        if self._preview is None:
            return
        self.move(scene_pos)
        self.scene.removeItem(self._preview)
        self._preview = None
        if len(self._points) >= 2:
            self.drawing.add(Stroke(tuple(self._points), self.colour, self.arrow))
        self.refresh()

    def undo(self) -> None:
        self.drawing.undo()
        self.refresh()

    def redo(self) -> None:
        self.drawing.redo()
        self.refresh()

    def clear(self) -> None:
        self.drawing.clear()
        self.refresh()

    def forget(self) -> None:
        self.drawing.forget()
        self.refresh()

    def refresh(self) -> None:
        """Show exactly the model's strokes."""
        for item in self._items:
            self.scene.removeItem(item)
        self._items = [self._new_item(stroke) for stroke in self.drawing.strokes]
        self.changed.emit()

    def _new_item(self, stroke: Stroke) -> QGraphicsPathItem:
        item = QGraphicsPathItem(stroke_path(stroke))
        pen = QPen(QColor(stroke.colour), STROKE_WIDTH)
        pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
        item.setPen(pen)
        item.setZValue(DRAWING_Z)
        item.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        self.scene.addItem(item)
        return item
