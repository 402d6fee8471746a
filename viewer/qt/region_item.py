"""One clickable region drawn over the diagram: invisible until hovered, focused or selected."""

from __future__ import annotations

from functools import reduce

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from viewer.model.geometry import Shape
from viewer.qt.theme import THEME


def painter_path(shape: Shape) -> QPainterPath:
    """The union of the shape's parts, each drawn with its exact curves."""
    paths = []
    for commands in shape.parts:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for cmd in commands:
            if cmd[0] == "M":
                path.moveTo(cmd[1], cmd[2])
            elif cmd[0] == "L":
                path.lineTo(cmd[1], cmd[2])
            elif cmd[0] == "C":
                path.cubicTo(*cmd[1:])
            elif cmd[0] == "Z":
                path.closeSubpath()
        paths.append(path)
    return reduce(lambda a, b: a.united(b), paths) if len(paths) > 1 else paths[0]


class RegionItem(QGraphicsPathItem):
    def __init__(self, region_id: str, name: str, shape: Shape):
        super().__init__(painter_path(shape))
        self.region_id = region_id
        self.name = name
        self.hovered = False
        self.focused = False
        self.selected = False
        self.setAcceptHoverEvents(False)  # the view does hover itself, from the model's hit-test
        self._restyle()

    def set_state(self, *, hovered: bool | None = None, focused: bool | None = None,
                  selected: bool | None = None) -> None:
        before = (self.hovered, self.focused, self.selected)
        if hovered is not None:
            self.hovered = hovered
        if focused is not None:
            self.focused = focused
        if selected is not None:
            self.selected = selected
        if before != (self.hovered, self.focused, self.selected):
            self._restyle()

    def _restyle(self) -> None:
        if self.selected:
            fill = QColor(THEME.selected_fill)
            fill.setAlpha(THEME.selected_alpha)
            pen = QPen(QColor(THEME.outline), THEME.selected_width)
        elif self.hovered or self.focused:
            fill = QColor(THEME.hover_fill)
            fill.setAlpha(THEME.hover_alpha)
            pen = QPen(QColor(THEME.outline), THEME.hover_width)
            if self.focused and not self.hovered:
                pen.setStyle(Qt.PenStyle.DashLine)
        else:
            self.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            self.setPen(QPen(Qt.PenStyle.NoPen))
            return
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setBrush(QBrush(fill))
        self.setPen(pen)

    def paint(self, painter, option, widget=None):
        if self.selected:  # white halo under the outline so it reads on dark and light art alike
            halo = QPen(QColor(THEME.halo), THEME.selected_width + 3)
            halo.setCosmetic(True)
            painter.setPen(halo)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.path())
        super().paint(painter, option, widget)
