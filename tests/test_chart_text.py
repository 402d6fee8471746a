"""Chart text is never cut or dropped, at any text size from 80% to 250% and any width a chart is shown at:
axis names and numbers are all drawn, none over another and none past the view's edge, and every value
label lies inside the plot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from viewer.model.content.loader import load_content

REPO = Path(__file__).resolve().parent.parent
CHARTS = [chart for lesson in load_content(REPO).lessons.values() for chart in lesson.charts.values()]
SIZES = (0.8, 1.0, 1.5, 2.0, 2.5)


def cut_text(widget) -> list[str]:
    import pyqtgraph as pg

    problems = []
    item = widget.plot.getPlotItem()
    visible = QRectF(0, 0, widget.plot.viewport().width(), widget.plot.viewport().height()).adjusted(-1, -1, 1, 1)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            ticks = axis._tickLevels[0] if axis.isVisible() and axis._tickLevels else []
            texts = axis.generateDrawSpecs(painter)[2] if ticks else []
            shown = {text for _rect, _flags, text in texts}
            problems += [f"{name} axis: {text!r} not drawn" for _value, text in ticks if text not in shown]
            for index, (rect, _flags, text) in enumerate(texts):
                on_screen = QRectF(widget.plot.mapFromScene(axis.mapRectToScene(rect)).boundingRect())
                if not visible.contains(on_screen):
                    problems.append(f"{name} axis: {text!r} cut by the edge")
                problems += [f"{name} axis: {text!r} over {other!r}" for other_rect, _f, other in texts[index + 1:]
                             if rect.intersects(other_rect)]
    finally:
        painter.end()
    view = item.vb.sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
    problems += [f"value {child.textItem.toPlainText()!r} cut" for child in item.vb.addedItems
                 if isinstance(child, pg.TextItem) and child.isVisible() and not view.contains(child.sceneBoundingRect())]
    return problems


@pytest.mark.parametrize("size", SIZES)
def test_chart_text_is_never_cut(qtbot, size):
    from PySide6.QtWidgets import QApplication

    from viewer.qt.app.text_size import system_point_size
    from viewer.qt.evidence.chart_overlay import MAX_WIDTH, MIN_WIDTH
    from viewer.qt.evidence.chart_widget import ChartWidget

    app = QApplication.instance()
    system = app.font()
    font = app.font()
    font.setPointSizeF(system_point_size() * size)
    app.setFont(font)
    try:
        problems = []
        narrowest = max(MIN_WIDTH, round(MIN_WIDTH * size * 0.52))  # as ChartOverlays.width allows
        for width in (narrowest, MAX_WIDTH):
            for chart in CHARTS:
                widget = ChartWidget(chart)
                qtbot.addWidget(widget)
                widget.resize(width, widget.heightForWidth(width))
                widget.show()
                for _ in range(4):  # the plot lays out in rounds: axis sizes, then the view, then the labels
                    app.processEvents()
                problems += [f"{chart.id} at {width}px: {p}" for p in cut_text(widget)]
                widget.close()
        assert not problems, "\n".join(problems)
    finally:
        app.setFont(system)


@pytest.mark.parametrize("width", [360, 860])
def test_patient_value_tag_never_covers_an_error_bar_or_value(qtbot, width):
    """Typed values from low to high: the "Patient: 12 mm" tag always sits clear of the error bars,
    markers, value labels and cut-off tags."""
    from PySide6.QtWidgets import QApplication

    from viewer.qt.evidence.chart_fit import obstacles
    from viewer.qt.evidence.chart_widget import ChartWidget

    app = QApplication.instance()
    charts = [chart for chart in CHARTS if chart.patient_value]
    assert charts
    covered = []
    for chart in charts:
        widget = ChartWidget(chart)
        qtbot.addWidget(widget)
        widget.resize(width, widget.heightForWidth(width))
        widget.show()
        for _ in range(4):
            app.processEvents()
        low, high = widget.plot.getPlotItem().vb.viewRange()[1]
        for step in range(1, 20):
            value = round(low + (high - low) * step / 20, 1)
            widget.value_box.setValue(value)
            for _ in range(2):
                app.processEvents()
            tag = widget.patient_line.label.sceneBoundingRect()
            plot = widget.plot.getPlotItem()
            if any(tag.intersects(rect) for rect in obstacles(plot, widget.patient_line)):
                covered.append(f"{chart.id} at {width}px, value {value}")
            assert plot.vb.sceneBoundingRect().contains(tag), f"{chart.id}: the tag is cut at {value}"
        widget.close()
    assert not covered, covered
