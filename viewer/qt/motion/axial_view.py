"""The axial ("MRI level") section, drawn from resources/axial.svg, with the femur placed by the model.

The static layer (skin, muscles, ischium, tendons, nerve, labels) is rendered once per widget size
into a pixmap; the femur layer likewise, and is drawn with the pose's transform; quadratus femoris
and the IFS/QFS lines are drawn per frame from the model, so a frame is two pixmap blits and a few
paths (benchmarks/motion.py measures it).
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QRegion,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy

from viewer.model.motion.spoken import Spoken
from viewer.model.motion.kinematics import HipModel
from viewer.model.motion.pose import Pose
from viewer.qt.app.theme import PAPER, THEME
from viewer.qt.motion.structure_keys import StructureKeys

MM = 5.0  # SVG units per millimetre (see the comment in axial.svg)
PIVOT = QPointF(450.0, 300.0)  # the femoral head centre's projection
SHOWN_SHIFT_MM = 22.0  # large forward shifts (deep flexion) are drawn compressed so the femur stays in view
REGIONS = {"axial-region-ischiofemoral-tunnel": "ischiofemoral-tunnel",
           "axial-region-hamstring-origin": "hamstring-origin",
           "axial-region-sciatic-nerve": "sciatic-nerve"}


def svg_point(x_mm: float, y_mm: float) -> QPointF:
    """Model (x lateral, y anterior, mm) to SVG units: lateral is the viewer's left, anterior is up."""
    return QPointF(PIVOT.x() - MM * x_mm, PIVOT.y() - MM * y_mm)


class AxialView(StructureKeys):
    """Shows one pose; `set_pose` redraws. Emits regionActivated(region_id) on a click."""

    hoverChanged = Signal(str)

    def __init__(self, svg_path: Path, model: HipModel, names: dict[str, str] | None = None,
                 descriptions: dict[str, str] | None = None, spoken: Spoken | None = None, parent=None):
        super().__init__(parent)
        self.model = model
        self.spoken = spoken  # the spaces in words, for a screen reader (viewer/qt/access/motion.py)
        self.names = names or {}
        self.descriptions = descriptions or {}  # region id -> one sentence, for a screen reader
        self.renderer = QSvgRenderer(str(svg_path))
        self.setMouseTracking(True)
        self.setMinimumSize(240, 210)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paintEvent covers every pixel
        self.setAccessibleName("Axial view at the level of the lesser trochanter (MRI level)")
        self.pose = Pose()
        self.measures = model.measure(self.pose)
        self.hover = ""
        self._layers: dict[str, QPixmap] = {}
        self._layer_key: tuple = ()
        self._anchors = {name: self._centre(f"axial-qf-{name}") for name in ("ischium-a", "ischium-b", "femur-a", "femur-b")}
        self._femur_box = self.renderer.boundsOnElement("axial-femur")
        self._labels_box = self.renderer.boundsOnElement("axial-femur-labels").adjusted(-4, -4, 4, 4)
        self._region_paths = {rid: self._element_path(rid) for rid in REGIONS}
        self._quadratus_colours = _art_colours(svg_path, "axial-quadratus-femoris")

    # ----- geometry ------------------------------------------------------------------------------------
    def _centre(self, element_id: str) -> QPointF:
        return self.renderer.boundsOnElement(element_id).center()

    def _element_path(self, element_id: str) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.renderer.boundsOnElement(element_id))
        return path

    def view_box(self) -> QRectF:
        return QRectF(self.renderer.viewBoxF())

    def svg_to_widget(self) -> QTransform:
        box = self.view_box()
        scale = min(self.width() / box.width(), self.height() / box.height())
        dx = (self.width() - box.width() * scale) / 2
        dy = (self.height() - box.height() * scale) / 2
        return QTransform(scale, 0, 0, scale, dx - box.x() * scale, dy - box.y() * scale)

    def femur_transform(self, pose: Pose | None = None) -> QTransform:
        """SVG-to-SVG transform that moves the femur layer to the pose (turn about the shaft axis, then shift)."""
        pose = pose or self.pose
        dx, dy, _ = self.model.femur_axial(pose)
        if dy > 0:  # forward (flexion) shifts are drawn compressed; narrowing shifts are drawn true to the model
            dy = SHOWN_SHIFT_MM * math.tanh(dy / SHOWN_SHIFT_MM)
        lt = self.model.landmarks.points["lesser-trochanter"].at
        turn = QTransform().translate(PIVOT.x(), PIVOT.y()).rotate(pose.rotation).translate(-PIVOT.x(), -PIVOT.y())
        turned = turn.map(svg_point(lt[0], lt[1]))
        target = svg_point(lt[0] + dx, lt[1] + dy)
        return turn * QTransform().translate(target.x() - turned.x(), target.y() - turned.y())

    def drawn_nearer(self) -> bool:
        """True where the forward shift is drawn compressed by more than 2 mm (the calipers are then not to scale)."""
        dy = self.model.femur_axial(self.pose)[1]
        return dy - SHOWN_SHIFT_MM * math.tanh(max(dy, 0.0) / SHOWN_SHIFT_MM) > 2.0

    def _paint_note(self, painter: QPainter, to_widget: QTransform, text: str) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(10, round(18 * to_widget.m11())))
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(QColor(THEME.measure_contact))
        box = self.view_box()
        area = to_widget.mapRect(QRectF(box.x(), box.y(), box.width() - 10, 40))
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    def lesser_trochanter_point(self) -> QPointF:
        """Where the lesser trochanter is drawn now, in widget pixels (for tests and the hover tip)."""
        lt = self.model.landmarks.points["lesser-trochanter"].at
        return self.svg_to_widget().map(self.femur_transform().map(svg_point(lt[0], lt[1])))

    def set_pose(self, pose: Pose) -> None:
        """Only what moves is repainted: the femur, its labels, quadratus femoris and the two calipers,
        where they were and where they go, each its own rectangle (an animation frame at 4K is then a
        fraction of the view; one rectangle round them all took in the whole top of the picture)."""
        before = self.moving_region()
        self.pose = pose
        self.measures = self.model.measure(pose)
        self.update(before.united(self.moving_region()))

    def moving_region(self) -> QRegion:
        """Widget pixels that the moving parts cover in the current pose (with room for the caliper labels)."""
        to_widget = self.svg_to_widget()
        femur = self.femur_transform()
        anchor = self._femur_box.center()
        rects = [to_widget.mapRect(femur.mapRect(self._femur_box.adjusted(-6, -6, 6, 6))),
                 to_widget.mapRect(self._labels_box.translated(femur.map(anchor) - anchor)),
                 to_widget.map(self.quadratus_polygon(femur)).boundingRect()]
        em = max(11, round(22 * to_widget.m11()))
        for gap in (self.measures.ifs, self.measures.qfs):
            p = to_widget.map(svg_point(gap.start[0], gap.start[1]))
            q = to_widget.map(self._shown_femur_point(gap.end, femur))
            rects.append(QRectF(p, q).normalized().adjusted(-7 * em, -3.5 * em, 7 * em, 3.5 * em))
        if self.drawn_nearer():  # the note along the top, only while it is shown
            rects.append(to_widget.mapRect(QRectF(self.view_box().x(), self.view_box().y(), self.view_box().width(), 40)))
        ring = 6 + THEME.hover_width + 3  # a ring round the tunnel moves with it
        rects.append(self.region_rect("ischiofemoral-tunnel", to_widget).adjusted(-ring, -ring, ring, ring))
        region = QRegion()
        for rect in rects:
            region = region.united(QRegion(rect.adjusted(-4, -4, 4, 4).toAlignedRect()))
        return region

    # ----- painting ------------------------------------------------------------------------------------
    def _layer(self, element_id: str, scale: float) -> QPixmap:
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio)
        if key != self._layer_key:
            self._layers.clear()
            self._layer_key = key
        if element_id not in self._layers:
            self._layers[element_id] = self._render_layer(element_id, scale, ratio)
        return self._layers[element_id]

    def _render_layer(self, element_id: str, scale: float, ratio: float) -> QPixmap:
        box = {"axial-static": self.view_box(), "axial-femur-labels": self._labels_box}.get(
            element_id, self._femur_box.adjusted(-4, -4, 4, 4))
        opaque = element_id == "axial-static"  # the background: opaque, so a frame blits it without blending
        image = QImage(max(1, math.ceil(box.width() * scale * ratio)), max(1, math.ceil(box.height() * scale * ratio)),
                       QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(PAPER) if opaque else QColor(Qt.GlobalColor.transparent))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale * ratio, scale * ratio)
        painter.translate(-box.x(), -box.y())
        bounds = self.renderer.boundsOnElement(element_id)
        self.renderer.render(painter, element_id, bounds)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        to_widget = self.svg_to_widget()
        paper = self._paper_rect(to_widget)
        for margin in (QRectF(0, 0, self.width(), paper.top()), QRectF(0, paper.bottom(), self.width(), self.height()),
                       QRectF(0, 0, paper.left(), self.height()), QRectF(paper.right(), 0, self.width(), self.height())):
            if margin.width() > 0 and margin.height() > 0:
                painter.fillRect(margin, QColor(THEME.canvas))
        self._paint(painter, to_widget, self._layer)
        painter.end()

    def _paper_rect(self, to_widget: QTransform) -> QRectF:
        """Exactly where the background picture is blitted (whole pixels), so no pixel is left unpainted."""
        box = self.view_box()
        corner = to_widget.map(box.topLeft())
        layer = self._layer("axial-static", to_widget.m11())
        size = layer.deviceIndependentSize()
        return QRectF(round(corner.x()), round(corner.y()), size.width(), size.height())

    def render_image(self, width_px: int) -> QImage:
        """The view at any size (the handout's picture), on white, without hover marks."""
        box = self.view_box()
        height_px = max(1, round(width_px * box.height() / box.width()))
        image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
        image.fill(QColor(PAPER))
        scale = width_px / box.width()
        to_image = QTransform(scale, 0, 0, scale, -box.x() * scale, -box.y() * scale)
        hover, self.hover = self.hover, ""
        painter = QPainter(image)
        self._paint(painter, to_image, lambda element_id, s: self._render_layer(element_id, s, 1.0))
        painter.end()
        self.hover = hover
        return image

    def _paint(self, painter: QPainter, to_widget: QTransform, layer) -> None:
        scale = to_widget.m11()
        box = self.view_box()
        corner = to_widget.map(box.topLeft())
        painter.drawPixmap(round(corner.x()), round(corner.y()), layer("axial-static", scale))  # a plain blit
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        femur = self.femur_transform()
        self._paint_quadratus(painter, to_widget, femur)
        painter.save()
        painter.setTransform(femur * to_widget, True)
        femur_box = self._femur_box.adjusted(-4, -4, 4, 4)
        painter.drawPixmap(QRectF(femur_box.topLeft(), femur_box.size()), layer("axial-femur", scale), QRectF())
        painter.restore()
        anchor = self._femur_box.center()
        shift = femur.map(anchor) - anchor
        labels_box = self._labels_box
        painter.drawPixmap(QRectF(to_widget.map(labels_box.topLeft() + shift), labels_box.size() * scale),
                           layer("axial-femur-labels", scale), QRectF())
        self._paint_hover(painter, to_widget)  # under the calipers' numbers, which stay readable
        self._paint_measure(painter, to_widget, femur, self.measures.ifs, THEME.measure_ifs, "IFS", scale)
        self._paint_measure(painter, to_widget, femur, self.measures.qfs, THEME.measure_qfs, "QFS", scale)
        if self.drawn_nearer():
            self._paint_note(painter, to_widget, "Deep flexion: the thigh bone is drawn nearer than the numbers say")

    def quadratus_polygon(self, femur: QTransform | None = None) -> QPolygonF:
        femur = femur or self.femur_transform()
        a = self._anchors
        return QPolygonF([a["ischium-a"], a["ischium-b"], femur.map(a["femur-a"]), femur.map(a["femur-b"])])

    def _paint_quadratus(self, painter: QPainter, to_widget: QTransform, femur: QTransform) -> None:
        polygon = to_widget.map(self.quadratus_polygon(femur))
        fill, stroke = self._quadratus_colours
        painter.setPen(QPen(stroke, max(1.0, 2 * to_widget.m11())))
        painter.setBrush(fill)
        painter.drawPolygon(polygon)
        if self.measures.ifs.mm < 18.0:  # squeezed: cross-hatched as the Positions panel marks a narrowed space
            painter.setBrush(QBrush(QColor(THEME.narrowed), Qt.BrushStyle.DiagCrossPattern))
            painter.drawPolygon(polygon)

    def _paint_measure(self, painter, to_widget, femur, gap, colour, name, scale) -> None:
        start = svg_point(gap.start[0], gap.start[1])
        end = self._shown_femur_point(gap.end, femur)
        p, q = to_widget.map(start), to_widget.map(end)
        width = max(2.0, 3.2 * scale)
        halo = QPen(QColor(PAPER), width + 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(halo)
        painter.drawLine(p, q)
        ink = QColor(THEME.measure_contact if gap.contact else colour)
        painter.setPen(QPen(ink, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(p, q)
        along = q - p
        length = max(1e-6, (along.x() ** 2 + along.y() ** 2) ** 0.5)
        bar = QPointF(-along.y() / length, along.x() / length) * (5 * width)
        for point in (p, q):  # caliper ends, as on a radiology workstation
            painter.drawLine(point - bar, point + bar)
        font = QFont(self.font())
        font.setPixelSize(max(11, round(22 * scale)))
        font.setBold(True)
        painter.setFont(font)
        text = f"{name} {gap.mm:.0f} mm" if not gap.contact else f"{name}: " + ("bones touch" if name == "IFS" else "no space")
        middle = (p + q) / 2
        offset = QPointF(0, font.pixelSize() * (-1.8 if name == "IFS" else 2.0))
        rect = painter.fontMetrics().boundingRect(text)
        box = QRectF(middle + offset - QPointF(rect.width() / 2 + 4, rect.height() / 2 + 2),
                     middle + offset + QPointF(rect.width() / 2 + 4, rect.height() / 2 + 2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PAPER))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(ink)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _shown_femur_point(self, point, femur: QTransform) -> QPointF:
        """A femur-side point as drawn: its neutral place moved by the drawn femur transform."""
        m = self.model
        from viewer.model.motion.kinematics import apply, rotation_matrix
        r = rotation_matrix(self.pose, m.landmarks.side)
        inverse = ((r[0][0], r[1][0], r[2][0]), (r[0][1], r[1][1], r[2][1]), (r[0][2], r[1][2], r[2][2]))
        neutral = apply(inverse, point)
        return femur.map(svg_point(neutral[0], neutral[1]))

    def region_ids(self) -> list[str]:
        """The structures a click, Tab or a screen reader reaches, in Tab order."""
        return list(REGIONS.values())

    def region_rect(self, region_id: str, to_widget: QTransform | None = None) -> QRectF:
        """A structure's box in widget pixels (the tunnel follows quadratus femoris as the femur moves)."""
        element = next(e for e, r in REGIONS.items() if r == region_id)
        shape = self.quadratus_polygon().boundingRect() if element == "axial-region-ischiofemoral-tunnel" \
            else self.renderer.boundsOnElement(element)
        return (to_widget or self.svg_to_widget()).mapRect(shape)

    def _paint_hover(self, painter: QPainter, to_widget: QTransform) -> None:
        """The pointer's structure and the keyboard's, ringed as on the posterior diagram."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for region_id in {self.hover, self.focused_id if self.hasFocus() else ""} - {""}:
            rect = self.region_rect(region_id, to_widget).adjusted(-4, -4, 4, 4)
            painter.setPen(QPen(QColor(THEME.halo), THEME.hover_width + 3))
            painter.drawRoundedRect(rect, 8, 8)
            painter.setPen(QPen(QColor(THEME.outline), THEME.hover_width))
            painter.drawRoundedRect(rect, 8, 8)

    # ----- pointer -------------------------------------------------------------------------------------
    def region_at(self, widget_point: QPointF) -> str:
        inverse, ok = self.svg_to_widget().inverted()
        if not ok:
            return ""
        point = inverse.map(widget_point)
        if self.quadratus_polygon().containsPoint(point, Qt.FillRule.OddEvenFill):
            return "ischiofemoral-tunnel"
        for element, region_id in REGIONS.items():
            if element != "axial-region-ischiofemoral-tunnel" and self._region_paths[element].contains(point):
                return region_id
        return ""

    def mouseMoveEvent(self, event) -> None:
        region = self.region_at(event.position())
        if region != self.hover:
            self.hover = region
            self.setCursor(Qt.CursorShape.PointingHandCursor if region else Qt.CursorShape.ArrowCursor)
            self.setToolTip(self.names.get(region, ""))
            self.hoverChanged.emit(region)
            self.update()

    def leaveEvent(self, event) -> None:
        if self.hover:
            self.hover = ""
            self.hoverChanged.emit("")
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            region = self.region_at(event.position())
            if region:
                self.regionActivated.emit(region)


def _art_colours(svg_path: Path, element_id: str) -> tuple[QColor, QColor]:
    """The fill and stroke the artist gave an element (the art's colours live in the SVG, not here)."""
    import xml.etree.ElementTree as ET

    for element in ET.parse(svg_path).getroot().iter():
        if element.get("id") == element_id:
            return QColor(element.get("fill", "gray")), QColor(element.get("stroke", "black"))
    return QColor(Qt.GlobalColor.gray), QColor(Qt.GlobalColor.black)
