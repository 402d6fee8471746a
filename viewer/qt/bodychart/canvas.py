"""The body chart canvas: the front and back outline (resources/bodychart.svg), the teaching
overlays when switched on, and the painted areas; painting with the mouse (or a pen/finger)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPainterPathStroker, QPen)
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.model.bodychart.chart import BRUSH_WIDTH, KINDS, BodyChart, Point
from viewer.qt.app.theme import LIGHT
from viewer.qt.app.theme import PRINTED

PATTERNS = {"pain": Qt.BrushStyle.BDiagPattern, "pins-and-needles": Qt.BrushStyle.DiagCrossPattern,
            "numbness": Qt.BrushStyle.HorPattern}


def kind_colour(kind: str, theme=LIGHT) -> QColor:
    return QColor({"pain": theme.pain, "pins-and-needles": theme.pins_and_needles, "numbness": theme.numbness}[kind])


def area_path(points) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    if len(points) == 1:
        path.lineTo(QPointF(points[0][0] + 0.01, points[0][1]))
    for x, y in points[1:]:
        path.lineTo(QPointF(x, y))
    stroker = QPainterPathStroker()
    stroker.setWidth(BRUSH_WIDTH)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    outline = stroker.createStroke(path)  # not simplified(): that crashed on a stroke that doubles back
    outline.setFillRule(Qt.FillRule.WindingFill)
    return outline


def paint_chart(painter: QPainter, renderer, chart: BodyChart, overlays: list[str], target: QRectF,
                pending=None, pending_kind: str = "pain", hatch: float = 1.0, selected: int | None = None) -> None:
    """Draws the chart into ``target`` (chart units scaled to fit): outline, overlays, areas, and the
    selected area (if any) ringed by a thick dashed line so it reads without colour."""
    view_box = renderer.viewBoxF()
    if view_box.isEmpty() or target.width() < 1 or target.height() < 1:
        return  # nothing to draw into (a collapsed panel); an error here would end the paint event badly
    painter.save()
    scale = min(target.width() / view_box.width(), target.height() / view_box.height())
    origin_x = target.x() + (target.width() - view_box.width() * scale) / 2
    origin_y = target.y() + (target.height() - view_box.height() * scale) / 2
    painter.translate(origin_x, origin_y)
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, "outline", renderer.boundsOnElement("outline"))
    for element in overlays:
        renderer.render(painter, element, renderer.boundsOnElement(element))
    labels = []
    shapes: list[tuple[str, int | None, tuple[Point, ...]]] = [(a.kind, a.intensity, a.points) for a in chart.areas]
    if pending:
        shapes.append((pending_kind, None, tuple(pending)))
    for kind, intensity, points in shapes:
        path = area_path(points)
        colour = kind_colour(kind)
        wash = QColor(colour)
        wash.setAlpha(70)
        painter.fillPath(path, wash)
        pattern = QBrush(colour, PATTERNS[kind])
        pattern.setTransform(pattern.transform().scale(hatch / scale, hatch / scale))  # screen/print density
        painter.fillPath(path, pattern)
        painter.setPen(QPen(colour, 0.5))
        painter.drawPath(path)
        if intensity is not None:
            labels.append((points[0], intensity))
    if selected is not None and 0 <= selected < len(chart.areas):
        ring = QPen(QColor(LIGHT.chart_ink), 2.5 / scale, Qt.PenStyle.DashLine)  # 2.5 px on screen
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(area_path(chart.areas[selected].points))
    painter.restore()
    painter.save()
    # the intensity labels at device scale (a tiny font under a large scale is unreliable)
    radius = 3.0 * scale
    font = QFont()
    font.setPixelSize(max(6, round(3.6 * scale)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QPen(QColor(LIGHT.chart_ink), max(1.0, 0.4 * scale)))
    painter.setBrush(QColor(PRINTED.paper))
    for (x, y), intensity in labels:
        centre = QPointF(origin_x + x * scale, origin_y + y * scale)
        painter.drawEllipse(centre, radius, radius)
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                         Qt.AlignmentFlag.AlignCenter, str(intensity))
    painter.restore()


CLICK = 4.0  # pixels: a press and release closer than this on a painted area selects it instead of painting


def area_at(chart: BodyChart, x: float, y: float) -> int | None:
    """The topmost painted area under a chart point (the last painted is on top), or None."""
    for index in range(len(chart.areas) - 1, -1, -1):
        if area_path(chart.areas[index].points).contains(QPointF(x, y)):
            return index
    return None


class ChartCanvas(QWidget):
    """Paint by dragging; each drag is one area of the current type and intensity. A click on a painted
    area selects it (so does Tab, area by area, before focus moves on); Esc lets it go, Delete removes it.
    With an area selected, the panel's type and intensity controls change that area."""

    painted = Signal()
    selection_changed = Signal()

    def __init__(self, renderer, chart: BodyChart, parent=None):
        super().__init__(parent)
        self.renderer = renderer
        self.chart = chart
        self.kind = "pain"
        self.intensity = 5
        self.overlays: list[str] = []
        self._pending: list[tuple[float, float]] | None = None
        self._press = None
        self.selected: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 300)  # both figures legible; the panel scrolls below that
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Body chart")
        self.setAccessibleDescription("Front and back of the body. Drag to paint where the patient feels symptoms.")

    def _transform(self):
        view_box = self.renderer.viewBoxF()
        scale = min(self.width() / view_box.width(), self.height() / view_box.height())
        dx = (self.width() - view_box.width() * scale) / 2
        dy = (self.height() - view_box.height() * scale) / 2
        return scale, dx, dy

    def to_chart(self, point) -> tuple[float, float]:
        scale, dx, dy = self._transform()
        scale = scale or 1.0  # a collapsed canvas
        return ((point.x() - dx) / scale, (point.y() - dy) / scale)

    def to_widget(self, x: float, y: float) -> QPointF:
        scale, dx, dy = self._transform()
        return QPointF(x * scale + dx, y * scale + dy)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor(PRINTED.paper))
            paint_chart(painter, self.renderer, self.chart, self.overlays, QRectF(self.rect()), self._pending,
                        self.kind, selected=self.selected)
            if self.hasFocus():  # where the keyboard is, for a user without a mouse
                painter.setPen(QPen(QColor(LIGHT.chart_ink), 2, Qt.PenStyle.DotLine))
                painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        finally:
            painter.end()  # a painter left open on a widget brings the process down

    # ----- selection ------------------------------------------------------------------------------------
    def select(self, index: int | None) -> None:
        if index is not None and not 0 <= index < len(self.chart.areas):
            index = None
        if index != self.selected:
            self.selected = index
            self.update()
            self.selection_changed.emit()

    def keep_selection_valid(self) -> None:
        """After undo, redo or clear the selected area may be gone."""
        if self.selected is not None and self.selected >= len(self.chart.areas):
            self.select(None)
        self.update()

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab step through the painted areas first, then leave the chart."""
        count = len(self.chart.areas)
        if count and self.hasFocus():
            if self.selected is None:
                target = 0 if forward else count - 1
            else:
                target = self.selected + (1 if forward else -1)
            if 0 <= target < count:
                self.select(target)
                return True
            self.select(None)
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    KEYS = ("bodychart.done", "bodychart.remove", "bodychart.intensity", "bodychart.more", "bodychart.less",
            "bodychart.kind")

    def event(self, event) -> bool:
        """With an area selected, its keys are the chart's, not the window's (+ and - would zoom the diagram,
        1-6 answer a quiz): claiming the shortcut makes Qt send the key here."""
        if event.type() == QEvent.Type.ShortcutOverride and self.selected is not None:
            from viewer.qt.app.key_sequences import pressed

            if any(pressed(event, shortcut_id) for shortcut_id in self.KEYS):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        """With an area selected, the keys of the shortcut table's "bodychart." rows: 0-9, Up/Down or +/-
        its intensity, T its type, Delete removes it, Esc lets it go (Tab and Shift+Tab would move on to
        the next area, so these keys act here rather than on the panel's controls)."""
        from viewer.qt.app.key_sequences import pressed

        index = self.selected
        if index is None:
            super().keyPressEvent(event)
            return
        area = self.chart.areas[index]
        if pressed(event, "bodychart.done"):
            self.select(None)
            return
        if pressed(event, "bodychart.remove"):
            self.select(None)
            self.chart.remove(index)
        elif pressed(event, "bodychart.intensity"):
            self.chart.set_intensity(index, int(event.text()))
        elif pressed(event, "bodychart.more"):
            self.chart.set_intensity(index, area.intensity + 1)
        elif pressed(event, "bodychart.less"):
            self.chart.set_intensity(index, area.intensity - 1)
        elif pressed(event, "bodychart.kind"):
            self.chart.set_kind(index, KINDS[(KINDS.index(area.kind) + 1) % len(KINDS)])
        else:
            super().keyPressEvent(event)
            return
        self.update()
        self.painted.emit()

    # ----- painting -------------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._pending = [self.to_chart(event.position())]
            self.update()

    def mouseMoveEvent(self, event) -> None:
        if self._pending is not None:
            self._pending.append(self.to_chart(event.position()))
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if self._pending is not None and event.button() == Qt.MouseButton.LeftButton:
            press, points = self._press, self._pending
            self._pending = self._press = None
            end = self.to_chart(event.position())
            if press is not None and (event.position() - press).manhattanLength() < CLICK:
                hit = area_at(self.chart, *end)
                if hit is not None:  # a click on a painted area: select it to change it
                    self.select(hit)
                    self.update()
                    return
            self.select(None)
            points.append(end)
            self.chart.add(self.kind, self.intensity, points)
            self.update()
            self.painted.emit()


def chart_image(renderer, chart: BodyChart, overlays: list[str], width_px: int) -> QImage:
    """The chart for the handout, at print resolution, opaque."""
    view_box = renderer.viewBoxF()
    height_px = max(1, round(width_px * view_box.height() / view_box.width()))
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor(PRINTED.paper))
    image.setDotsPerMeterX(round(300 / 0.0254))
    image.setDotsPerMeterY(round(300 / 0.0254))
    painter = QPainter(image)
    paint_chart(painter, renderer, chart, overlays, QRectF(image.rect()), hatch=width_px / 500)
    painter.end()
    return image
