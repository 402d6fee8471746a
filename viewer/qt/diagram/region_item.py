"""One clickable region drawn over the diagram: invisible until hovered, focused or selected."""

from __future__ import annotations

from functools import reduce

from PySide6 import QtCore
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from viewer.model.diagram.geometry import Shape
from viewer.qt.app.theme import THEME
from viewer.qt.diagram.tile_art import paint_cached, warm_picture


def painter_path(shape: Shape) -> QPainterPath:
    """The union of the shape's parts, each drawn with its exact curves."""
    paths = []
    for commands in shape.parts:
        path = QPainterPath()
        path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
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
    """Paints the region's highlight: tint and outline where the region is visible,
    a dashed outline where another structure covers it (e.g. the nerve under piriformis)."""

    def __init__(self, region_id: str, name: str, shape: Shape):
        super().__init__(painter_path(shape))
        self.region_id = region_id
        self.name = name
        self.hovered = False
        self.focused = False
        self.selected = False
        self.effect: str | None = None  # "tenses" or "narrows" while a position is shown
        self.clip: QRectF | None = None  # the drawing's edge: shapes cut off by it are outlined only inside it
        self._covering: list[QGraphicsPathItem] = []  # regions drawn above this one that may overlap it
        self._split: tuple[QPainterPath, QPainterPath] | None = None  # (visible, hidden), made when first drawn
        self.setAcceptHoverEvents(False)  # the view does hover itself, from the model's hit-test
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        # the outline is a long anti-aliased path: drawn once per state and zoom, then copied as pixels
        # (paint_cached); hidden while there is nothing to draw, so the scene skips it entirely
        self.setVisible(False)

    def set_shape(self, shape: Shape, cover: QPainterPath) -> None:
        """Outline another shape (the structure was redrawn, e.g. as a nerve variant); ``cover``: what lies
        over it (empty: nothing)."""
        self.prepareGeometryChange()
        self.setPath(painter_path(shape))
        self.__dict__.pop("_pictures", None)  # the pictures of the old outline
        self._covering = []
        self._split = ((self.path(), QPainterPath()) if cover.isEmpty()
                       else (self.path().subtracted(cover), self.path().intersected(cover)))
        self.update()

    def set_covered_by(self, items: list[QGraphicsPathItem]) -> None:
        """The regions drawn above this one. The visible and hidden parts are worked out when the
        highlight is first drawn (usually while idle): path unions cost tens of milliseconds for a bone
        under many muscles, too much to pay for every structure before the window answers."""
        self._covering = list(items)
        self._split = None

    @property
    def visible_path(self) -> QPainterPath:
        return self._paths()[0]

    @property
    def hidden_path(self) -> QPainterPath:
        return self._paths()[1]

    def _paths(self) -> tuple[QPainterPath, QPainterPath]:
        if self._split is None:
            cover = QPainterPath()
            for item in self._covering:
                cover = cover.united(item.path())
            if cover.isEmpty():
                self._split = (self.path(), QPainterPath())
            else:
                self._split = (self.path().subtracted(cover), self.path().intersected(cover))
        return self._split

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
            self.setVisible(self.highlighted or bool(self.effect))
            self.update()

    def set_effect(self, effect: str | None) -> None:
        if effect != self.effect:
            self.effect = effect
            self.setVisible(self.highlighted or bool(self.effect))
            self.update()

    @property
    def highlighted(self) -> bool:
        return self.hovered or self.focused or self.selected

    def boundingRect(self):
        margin = (THEME.selected_width + 4) / max(self.scene_scale(), 1e-3)
        return self.path().boundingRect().adjusted(-margin, -margin, margin, margin)

    def scene_scale(self) -> float:
        views = self.scene().views() if self.scene() else []
        return views[0].transform().m11() if views else 1.0

    def paint(self, painter, option, widget=None):
        if self.effect or self.highlighted:
            paint_cached(self, painter, widget, self._picture_key(), self._draw)

    def _picture_key(self) -> tuple:
        """What the drawing depends on (hover and selection look alike once selected)."""
        dashed = self.focused and not (self.hovered or self.selected)
        return self.selected, dashed, self.highlighted, self.effect, THEME.key  # a theme switch redraws

    def warm(self, transform) -> None:
        """Draw the hover and selected pictures ahead of time, so a first click copies pixels."""
        saved = (self.hovered, self.focused, self.selected)
        for state in ((True, False, False), (False, False, True)):
            self.hovered, self.focused, self.selected = state
            warm_picture(self, transform, self._picture_key(), self._draw)
        self.hovered, self.focused, self.selected = saved

    def clip_to(self, rect: QRectF) -> None:
        """Highlights stop at the drawing's cut edge (a muscle or the nerve running off the picture)."""
        self.clip = QRectF(rect)
        self.update()

    def _draw(self, painter) -> None:
        if self.clip is not None:
            painter.setClipRect(self.clip, QtCore.Qt.ClipOperation.IntersectClip)
        if self.effect:
            self._paint_effect(painter)
        if not self.highlighted:
            return
        width = THEME.selected_width if self.selected else THEME.hover_width
        fill = QColor(THEME.selected_fill if self.selected else THEME.hover_fill)
        fill.setAlpha(THEME.selected_alpha if self.selected else THEME.hover_alpha)
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        # every highlight: a halo of the opposite lightness under the outline, so it reads on any art
        painter.setPen(_pen(THEME.halo, width + 3))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        painter.drawPath(self.visible_path)
        outline = _pen(THEME.outline, width)
        if self.focused and not (self.hovered or self.selected):
            outline.setStyle(QtCore.Qt.PenStyle.DashLine)
        painter.setPen(outline)
        painter.setBrush(QBrush(fill))
        painter.drawPath(self.visible_path)
        if not self.hidden_path.isEmpty():
            hidden = _pen(THEME.outline, 1.5)
            hidden.setStyle(QtCore.Qt.PenStyle.DashLine)
            painter.setPen(hidden)
            painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            painter.drawPath(self.hidden_path)


    def _paint_effect(self, painter) -> None:
        """A position's effect: hatching plus an outline, so it never relies on colour alone."""
        colour = THEME.tensed if self.effect == "tenses" else THEME.narrowed
        pattern = QtCore.Qt.BrushStyle.BDiagPattern if self.effect == "tenses" else QtCore.Qt.BrushStyle.CrossPattern
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setPen(_pen(THEME.halo, THEME.selected_width + 2))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        painter.drawPath(self.visible_path)
        painter.setPen(_pen(colour, THEME.selected_width))
        painter.setBrush(QBrush(QColor(colour), pattern))
        painter.drawPath(self.visible_path)


def _pen(color: str, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCosmetic(True)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    return pen
