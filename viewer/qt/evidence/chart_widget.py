"""One interactive chart: the plot, a read-out of the exact numbers under the pointer (or
chosen with the arrow keys), the caveat, the source with study sizes and, for measurement
charts, a field for a patient's measured value. Imported only when a chart is first shown,
so it may use pyqtgraph freely."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QImage, QKeyEvent, QPalette
from PySide6.QtWidgets import (QAbstractScrollArea, QApplication, QDoubleSpinBox, QFrame, QHBoxLayout, QLabel, QToolTip,
                               QVBoxLayout, QWidget)

from pyqtgraph import InfiniteLine, PlotWidget  # after PySide6, so it binds to it; configured by pyqtgraph() below

from viewer.model.evidence.charts import Chart, describe_value, number_text, text_lines
from viewer.qt.app.theme import CHART_BLUE, PRINTED
from viewer.qt.evidence.chart_fit import fit, place_tag
from viewer.qt.evidence.chart_plot import PRINT, PURPLE, Ink, draw, small_font
from viewer.qt.evidence.plotting import pyqtgraph

pg = pyqtgraph()
HOVER_PIXELS = 26
ARROW_STEPS: dict[int, int] = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}  # next value
HINT = "Point at a marker or bar, or click the chart and press the arrow keys, to read its exact numbers."
ENTER_HINT = "Press Enter to use this chart (arrow keys read values; Escape returns to the text)."
PLOT_HEIGHT = {"range": 330, "paired": 300}
ROW_HEIGHT = 50  # accuracy charts: a test's two bars and its name on up to three lines


def plot_height(chart: Chart, scale: float = 1.0) -> int:
    if chart.type == "accuracy":  # rows do not shrink on paper (their names need the room), but grow with the text
        return round(ROW_HEIGHT * max(1.0, scale)) * len(chart.items) + 40
    return int(PLOT_HEIGHT[chart.type] * scale)
STYLE = ("QFrame#chart {{ background: {paper}; border: 1px solid {frame}; border-radius: 4px; }}"
         "QLabel {{ color: {text}; background: transparent; border: none; }}"
         "QGraphicsView {{ border: 2px solid transparent; }} QGraphicsView:focus {{ border: 2px solid {focus}; }}")
FOCUS = CHART_BLUE
NOWRAP = 32  # legend entries this short are kept on one line


def palette_ink() -> Ink:
    """The live chart follows the app's colours (light, dark or high-contrast theme) and text size."""
    from viewer.qt.app.text_size import current_scale

    palette, scale = QApplication.palette(), current_scale()
    paper, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    if paper.lightness() > 128:
        return Ink(scale=scale)
    muted = QColor((paper.red() + 3 * text.red()) // 4, (paper.green() + 3 * text.green()) // 4,
                   (paper.blue() + 3 * text.blue()) // 4)
    return Ink(text.name(), paper.name(), muted.name(), scale)


class ChartPlot(PlotWidget):
    """A PlotWidget that leaves the mouse wheel to the lesson, so the text still scrolls over it."""

    def wheelEvent(self, event) -> None:
        area = self.parent()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parent()
        if area is None:
            event.ignore()
            return
        bar = area.verticalScrollBar()
        bar.setValue(bar.value() - round(event.angleDelta().y() / 120 * 3 * bar.singleStep()))
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.parent() is not None:  # back to the lesson text
            area = self.parent().parent()
            (area.parent() if area is not None and area.parent() is not None else self.parent()).setFocus()
            return
        super().keyPressEvent(event)


class ChartWidget(QFrame):
    heightChanged = Signal()  # the patient's value added or removed lines of words
    def __init__(self, chart: Chart, parent: QWidget | None = None, for_print: bool = False):
        super().__init__(parent)
        self.chart = chart
        self.ink = PRINT if for_print else palette_ink()
        focus = FOCUS if self.ink.paper == PRINT.paper else QApplication.palette().color(QPalette.ColorRole.Highlight).name()
        self.style_sheet = STYLE.format(paper=self.ink.paper, text=self.ink.text, focus=focus, frame=PRINTED.chart_frame)
        self.focus_colour = focus
        self.setObjectName("chart")
        self.setStyleSheet(self.style_sheet)
        self.setAccessibleName(f"Chart: {chart.title}")
        self.setAccessibleDescription(" ".join(text_lines(chart)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        title = QLabel(chart.title)
        scale = self.ink.scale
        title.setFont(small_font(12, bold=True, scale=scale))
        title.setWordWrap(True)
        layout.addWidget(title)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setFont(small_font(9.5, scale=scale))
        layout.addWidget(self.legend)
        self.plot = ChartPlot(background=self.ink.paper)
        if for_print:  # a fixed size on paper: the picture is as tall as its parts, no taller
            self.plot.setFixedHeight(plot_height(chart, 0.75))
        else:
            self.plot.setMinimumHeight(plot_height(chart, scale))
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus if not for_print else Qt.FocusPolicy.NoFocus)
        self.plot.setAccessibleName(f"{chart.title}: use the arrow keys to read each value")
        self.plot.setAccessibleDescription(" ".join(text_lines(chart)))
        self.plot.setToolTip("")
        layout.addWidget(self.plot)
        self.spots, keys, self.layout_ = draw(self.plot.getPlotItem(), chart, self.ink)
        self.legend.setText(("<br/>" if chart.type == "paired" else " &nbsp; ").join(
            f"<span style='white-space:{'nowrap' if len(k.name) <= NOWRAP else 'normal'}'><span style='color:{k.colour}; "
            f"font-size:{13 * scale:.1f}pt'>{k.glyph}</span>&nbsp;{html.escape(k.name)}</span>" for k in keys))
        self.plot.getPlotItem().vb.sigResized.connect(self.fit)
        self.current = -1
        self.ring = pg.ScatterPlotItem(size=26, pen=pg.mkPen(self.ink.text, width=2.5), brush=None, symbol="o")
        self.ring.setZValue(50)
        self.plot.addItem(self.ring)
        self.readout = QLabel("" if for_print else HINT)
        self.readout.setObjectName("readout")
        self.readout.setWordWrap(True)
        self.readout.setAccessibleName("Chart value")
        if not for_print:
            layout.addWidget(self.readout)
        self.value_box: QDoubleSpinBox | None = None
        self.value_words: QLabel | None = None  # the patient's value in words, beside the field
        self.patient_line: InfiniteLine | None = None
        if chart.patient_value and not for_print:
            layout.addLayout(self._patient_row())
        caveats = "\n".join(f"Weaker evidence: {line}" for line in chart.caveat_lines())
        for text, name in ((caveats, "caveat"), (chart.note, "note"), (chart.source_line(), "source")):
            if text:
                label = QLabel(text)
                label.setObjectName(name)
                label.setWordWrap(True)
                label.setFont(small_font(9, bold=name == "source", scale=scale))
                layout.addWidget(label)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.installEventFilter(self)

    def fit(self, *_args) -> None:
        """Place the labels for the plot's size now (see chart_fit)."""
        fit(self.plot.getPlotItem(), self.layout_)
        if self.patient_line is not None:
            place_tag(self.plot.getPlotItem(), self.patient_line)

    def set_link_focus(self, on: bool) -> None:
        """The lesson's Tab focus is on this chart's link: a thick outline and a hint."""
        self.setStyleSheet(self.style_sheet + (f"QFrame#chart {{ border: 3px solid {self.focus_colour}; }}" if on else ""))
        if on:
            self.readout.setText(ENTER_HINT)
        elif self.readout.text() == ENTER_HINT:
            self.readout.setText(HINT)

    # ----- a patient's measured value ------------------------------------------------------------------
    def _patient_row(self):
        row = QVBoxLayout()
        line = QHBoxLayout()
        label = QLabel(f"Patient's measured value ({self.chart.unit}):")
        self.value_box = QDoubleSpinBox()
        self.value_box.setRange(0, 80)
        self.value_box.setDecimals(1)
        self.value_box.setSingleStep(0.5)
        self.value_box.setSpecialValueText("not set")
        self.value_box.setSuffix(f" {self.chart.unit}")
        self.value_box.setAccessibleName(f"Patient's measured value in {self.chart.unit} for {self.chart.title}")
        self.value_box.setAccessibleDescription("Type a value to see where it falls against the cut-offs and groups")
        label.setBuddy(self.value_box)
        line.addWidget(label)
        line.addWidget(self.value_box)
        line.addStretch(1)
        row.addLayout(line)
        self.value_words = QLabel("")
        self.value_words.setObjectName("patient-words")
        self.value_words.setWordWrap(True)
        self.value_words.setAccessibleName("Where the patient's value falls")
        row.addWidget(self.value_words)
        self.value_box.valueChanged.connect(self.set_patient_value)
        return row

    def set_patient_value(self, value: float) -> None:
        words = self.value_words
        if words is None:  # no patient field on this chart (printed, or no patient_value)
            return
        if self.patient_line is not None:
            self.plot.removeItem(self.patient_line)
            self.patient_line = None
        if value <= 0:
            words.setText("")
            self.heightChanged.emit()
            return
        unit = f" {self.chart.unit}" if self.chart.unit else ""
        line = InfiniteLine(pos=value, angle=0, pen=pg.mkPen(PURPLE, width=4, style=Qt.PenStyle.DashDotLine),
                            label=f"Patient: {number_text(value)}{unit}",
                            labelOpts={"position": 0.97, "color": self.ink.text,
                                       "anchors": [(1, 1), (1, 1)], "fill": self.ink.fill()})
        line.label.setFont(small_font(9, bold=True, scale=self.ink.scale))
        line.setZValue(40)
        self.plot.addItem(line)
        self.patient_line = line
        place_tag(self.plot.getPlotItem(), line)  # clear of the error bars and values
        words.setText("\n".join(describe_value(self.chart, value)
                                            + ["Measurements depend on hip position; compare like with like."]))
        self.heightChanged.emit()

    # ----- reading exact values ------------------------------------------------------------------------
    def spot_at(self, scene_pos) -> int:
        """Index of the hot spot under a scene position: inside a bar, or within HOVER_PIXELS of a point."""
        box = self.plot.getPlotItem().vb
        view = box.mapSceneToView(scene_pos)
        best, best_distance = -1, float(HOVER_PIXELS)
        for index, spot in enumerate(self.spots):
            if spot.rect is not None and spot.rect.contains(view):
                return index
            point = box.mapViewToScene(pg.Point(spot.x, spot.y))
            distance = math.hypot(point.x() - scene_pos.x(), point.y() - scene_pos.y())
            if distance < best_distance:
                best, best_distance = index, distance
        return best

    def _hover(self, scene_pos) -> None:
        index = self.spot_at(scene_pos)
        if index >= 0 and index != self.current:
            self.show_spot(index)
            QToolTip.showText(QCursor.pos(), self.spots[index].text, self.plot)

    def show_spot(self, index: int) -> None:
        self.current = index
        spot = self.spots[index]
        self.ring.setData([spot.x], [spot.y])
        self.readout.setText(spot.text)
        self.plot.setAccessibleDescription(spot.text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.plot and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self.spots:
            step = ARROW_STEPS.get(event.key())
            if step:
                self.show_spot((self.current + step) % len(self.spots))
                return True
        return False


def chart_image(chart: Chart, width: int, scale: float = 2.0) -> QImage:
    """The chart drawn off screen for print, ``width`` wide and as tall as it needs: no read-out
    or patient field; the legend, caveat and source are kept."""
    widget = ChartWidget(chart, for_print=True)
    height = widget.heightForWidth(width)
    lay_out_hidden(widget, width, height)
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(PRINTED.paper))
    widget.render(image)
    image.setDevicePixelRatio(1.0)  # print sizes it by the text format, in points
    widget.close()
    widget.deleteLater()
    return image


def lay_out_hidden(widget: ChartWidget, width: int, height: int) -> None:
    """Size a chart that is never shown and place its labels for that size: a hidden widget is
    told its size only when drawn, too late for the labels."""
    widget.resize(width, height)
    layout = widget.layout()
    if layout is not None:  # made in ChartWidget.__init__
        layout.activate()
    for _ in range(3):  # the plot, then its axes (which the labels may resize), then the labels again
        widget.plot.resizeEvent(None)  # pyqtgraph fits its plot item to the view here
        widget.plot.getPlotItem().layout.activate()
        widget.fit()
