"""The body chart canvas: the front and back outline (resources/bodychart.svg), the teaching
overlays when switched on, and the painted areas; painting with the mouse (or a pen/finger)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPainterPathStroker, QPen)
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.model.bodychart.chart import BRUSH_WIDTH, BodyChart
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
                pending=None, pending_kind: str = "pain", hatch: float = 1.0) -> None:
    """Draws the chart into ``target`` (chart units scaled to fit): outline, overlays, areas."""
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
    shapes = [(a.kind, a.intensity, a.points) for a in chart.areas]
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


class ChartCanvas(QWidget):
    """Paint by dragging; each drag is one area of the current type and intensity."""

    painted = Signal()

    def __init__(self, renderer, chart: BodyChart, parent=None):
        super().__init__(parent)
        self.renderer = renderer
        self.chart = chart
        self.kind = "pain"
        self.intensity = 5
        self.overlays: list[str] = []
        self._pending: list[tuple[float, float]] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 220)
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
                        self.kind)
        finally:
            painter.end()  # a painter left open on a widget brings the process down

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pending = [self.to_chart(event.position())]
            self.update()

    def mouseMoveEvent(self, event) -> None:
        if self._pending is not None:
            self._pending.append(self.to_chart(event.position()))
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if self._pending is not None and event.button() == Qt.MouseButton.LeftButton:
            self._pending.append(self.to_chart(event.position()))
            self.chart.add(self.kind, self.intensity, self._pending)
            self._pending = None
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
