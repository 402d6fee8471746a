"""Live charts in the lesson panel, their print pictures, and the start-up cost (none)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from PySide6.QtCore import QPoint, QUrl, Qt
from PySide6.QtGui import QTextDocument

from viewer.qt.evidence.plotting import pyqtgraph

STARTUP_PROBE = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication(["x", "-platform", "offscreen"])
    from viewer.model.content.loader import load_content
    from viewer.qt.app.start import create_window
    window = create_window(load_content(Path(".")), sys.argv[1])
    window.resize(1400, 900)
    window.show()
    window.finish_loading()
    for _ in range(3):
        app.processEvents()
    seen = {"start": "pyqtgraph" in sys.modules}
    window.set_level("clinical")
    window.open_lesson("piriformis")
    app.processEvents()
    seen["no chart"] = "pyqtgraph" in sys.modules
    window.open_lesson("management")        # charts far below the first screen: not shown yet
    app.processEvents()
    seen["chart out of view"] = "pyqtgraph" in sys.modules
    started = time.perf_counter()
    window.open_lesson("ischiofemoral-tunnel", "imaging")
    while not window.panel.charts.widgets and time.perf_counter() - started < 20:
        app.processEvents()
    seen["chart shown"] = "pyqtgraph" in sys.modules
    seen["ms"] = round((time.perf_counter() - started) * 1000)
    print(json.dumps(seen))
""")


def test_pyqtgraph_is_imported_only_when_a_chart_is_shown(repo, tmp_path):
    result = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(tmp_path / "data")], cwd=repo,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    print("time to first chart shown:", seen["ms"], "ms")
    assert seen == {"start": False, "no chart": False, "chart out of view": False, "chart shown": True,
                    "ms": seen["ms"]}


def open_ifs(open_window, repo, qtbot):
    window = open_window(repo)
    window.set_level("clinical")
    window.open_lesson("ischiofemoral-tunnel", "imaging")
    qtbot.waitUntil(lambda: window.panel.charts.widget("ifs-mri") is not None
                    and window.panel.charts.widget("ifs-mri").isVisible())
    chart = window.panel.charts.widget("ifs-mri")
    qtbot.waitUntil(lambda: chart.height() == window.panel.charts.height("ifs-mri"))  # laid out at its real height
    return window, chart


def test_chart_sits_in_the_text_and_follows_scrolling(open_window, repo, qtbot):
    window, chart = open_ifs(open_window, repo, qtbot)
    viewport = window.panel.viewport().rect()
    assert viewport.intersects(chart.geometry()) and chart.parent() is window.panel.viewport()
    assert chart.findChild(type(chart.readout), "source").text().startswith(
        "Source: Singer et al., meta-analysis, 217 hips vs 140 hips")
    top = chart.geometry().top()
    bar = window.panel.verticalScrollBar()
    step = min(120, bar.maximum() - bar.value())
    bar.setValue(bar.value() + step)
    qtbot.waitUntil(lambda: chart.geometry().top() == top - step)
    window.set_level("patient")  # no chart at this level: the widget goes
    qtbot.waitUntil(lambda: not window.panel.charts.widgets)


def test_hover_and_arrow_keys_read_exact_values(open_window, repo, qtbot):
    window, chart = open_ifs(open_window, repo, qtbot)
    box = chart.plot.getPlotItem().vb
    spot = chart.spots[0]
    scene_point = box.mapViewToScene(pyqtgraph().Point(spot.x, spot.y))
    qtbot.mouseMove(chart.plot.viewport(), chart.plot.mapFromScene(scene_point) + QPoint(2, 1))
    qtbot.waitUntil(lambda: "mean 14.91 ± 4.8 mm" in chart.readout.text())
    assert "Patients with IFI, Meta-analysis" in chart.readout.text() and "217 hips" in chart.readout.text()
    chart.plot.setFocus()
    qtbot.waitUntil(chart.plot.hasFocus)
    qtbot.keyClick(chart.plot, Qt.Key.Key_Right)
    assert chart.readout.text() == chart.spots[1].text and "Case–control study" in chart.readout.text()


def test_a_typed_patient_value_is_drawn_and_put_in_words(open_window, repo, qtbot):
    _window, chart = open_ifs(open_window, repo, qtbot)
    qtbot.mouseClick(chart.value_box, Qt.MouseButton.LeftButton)
    chart.value_box.selectAll()
    qtbot.keyClicks(chart.value_box, "12")
    qtbot.waitUntil(lambda: chart.patient_line is not None and chart.patient_line.value() == 12)
    words = chart.value_words.text()
    assert "12 mm is below the 15 mm line" in words
    assert "Meta-analysis: within 1 SD of patients with IFI (patients with IFI 14.91" in words and "hip position" in words


def test_a_typed_patient_value_survives_a_theme_and_text_size_change(open_window, repo, qtbot):
    """Switching theme (or text size) rebuilds the chart in the new colours; the value stays."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    system, palette = app.font(), app.palette()
    window, chart = open_ifs(open_window, repo, qtbot)
    qtbot.mouseClick(chart.value_box, Qt.MouseButton.LeftButton)
    chart.value_box.selectAll()
    qtbot.keyClicks(chart.value_box, "12")
    qtbot.waitUntil(lambda: chart.patient_line is not None)
    try:
        for change in ((Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
                       (Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)):
            before = window.panel.charts.widget("ifs-mri")
            qtbot.keyClick(window, *change)
            window.panel.scroll_to("imaging")
            qtbot.waitUntil(lambda: window.panel.charts.widget("ifs-mri") not in (None, before)
                            and window.panel.charts.widget("ifs-mri").isVisible())
            again = window.panel.charts.widget("ifs-mri")
            assert again.value_box.value() == 12 and again.patient_line is not None
            assert "12 mm is below the 15 mm line" in again.value_words.text()
        window.open_lesson("piriformis")
        window.open_lesson("ischiofemoral-tunnel", "imaging")  # another lesson in between: a fresh chart
        qtbot.waitUntil(lambda: window.panel.charts.widget("ifs-mri") is not None)
        assert window.panel.charts.widget("ifs-mri").value_box.value() == 0
    finally:
        window.themes.actions["light"].trigger()
        window.text_size.reset_action.trigger()
        app.setFont(system)
        app.setPalette(palette)


def test_accuracy_bars_show_values_on_hover(open_window, repo, qtbot):
    window = open_window(repo)
    window.set_level("clinical")
    window.open_lesson("diagnosis", "examination")
    qtbot.waitUntil(lambda: window.panel.charts is not None and "test-accuracy" in window.panel.charts.charts)
    window.panel.charts.focus("test-accuracy")  # below the table: scrolled to, as Enter on its link does
    qtbot.waitUntil(lambda: window.panel.charts.widget("test-accuracy") is not None)
    chart = window.panel.charts.widget("test-accuracy")
    qtbot.waitUntil(lambda: chart.height() == window.panel.charts.height("test-accuracy"))
    bar = window.panel.verticalScrollBar()
    bar.setValue(bar.value() + chart.geometry().top())  # the chart at the top of the lesson panel
    qtbot.waitUntil(lambda: abs(chart.geometry().top()) <= 2 and chart.isVisible())
    seated = next(s for s in chart.spots if s.text.startswith("Seated piriformis stretch") and "sensitivity" in s.text)
    box = chart.plot.getPlotItem().vb
    middle = box.mapViewToScene(pyqtgraph().Point(seated.rect.center().x() / 2, seated.rect.center().y()))
    chart.show_spot(-1 % len(chart.spots))
    qtbot.mouseMove(chart.plot.viewport(), chart.plot.mapFromScene(middle))
    qtbot.waitUntil(lambda: chart.readout.text() == seated.text)
    assert "sensitivity 0.52; LR+ 5.22, LR− 0.53; 33 patients, 23 confirmed at endoscopy" in seated.text


def test_handout_gets_a_picture_of_each_chart_at_its_level(repo, qtbot):
    from viewer.model.content.loader import load_content
    from viewer.qt.chairside.handout import build_document

    content = load_content(repo)
    document = build_document(content, "management", "Treatment", None, "", "a4")
    picture = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("chart-print:surgery-pain-plain"))
    assert picture is not None and not picture.isNull() and picture.width() > 1000  # crisp for print
    text = document.toPlainText()
    assert "<!--" not in text and 'type = "paired"' not in text and "Keeping it away" in text
    clinical_only = build_document(content, "diagnosis", "Diagnosis", None, "", "a4")
    assert clinical_only.resource(QTextDocument.ResourceType.ImageResource, QUrl("chart-print:test-accuracy")) is None


def test_keyboard_reaches_the_chart_through_its_link(open_window, repo, qtbot):
    from PySide6.QtWidgets import QApplication

    window, chart = open_ifs(open_window, repo, qtbot)
    panel = window.panel
    panel.setFocus()
    for _ in range(200):  # Tab through the lesson's links until the chart's link is focused
        qtbot.keyClick(panel, Qt.Key.Key_Tab)
        QApplication.processEvents()  # the overlay checks the selection right after Tab
        if "Press Enter" in chart.readout.text():
            break
    assert "Press Enter to use this chart" in chart.readout.text()
    assert "3px solid" in chart.styleSheet()  # a visible outline, not only words
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    qtbot.waitUntil(chart.plot.hasFocus)
    qtbot.keyClick(chart.plot, Qt.Key.Key_Right)
    assert chart.readout.text() == chart.spots[0].text
    qtbot.keyClick(chart.plot, Qt.Key.Key_Escape)
    qtbot.waitUntil(panel.hasFocus)


def test_the_wheel_over_a_chart_scrolls_the_lesson(open_window, repo, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    window, chart = open_ifs(open_window, repo, qtbot)
    bar = window.panel.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    point = QPointF(50, 50)
    QApplication.sendEvent(chart.plot.viewport(), QWheelEvent(
        point, chart.plot.viewport().mapToGlobal(point), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
    assert bar.value() > start


# ----- labels placed for the size the chart has (chart_fit) ---------------------------------------------------
def shown_chart(qtbot, chart_id, width):
    from viewer.model.content.loader import load_content
    from viewer.qt.evidence.chart_widget import ChartWidget
    from conftest import REPO

    content = load_content(REPO)
    chart = next(c for lesson in content.lessons.values() for c in lesson.charts.values() if c.id == chart_id)
    widget = ChartWidget(chart)
    qtbot.addWidget(widget)
    widget.resize(width, widget.heightForWidth(width))
    widget.show()
    qtbot.waitExposed(widget)
    box = widget.plot.getPlotItem().vb
    qtbot.waitUntil(lambda: abs(box.width() - (widget.plot.getPlotItem().width() - widget.plot.getPlotItem()
                                               .getAxis("left").width())) < 40)
    for _ in range(2):  # as the window would after the next events: the plot's layout, then the labels
        widget.fit()
        widget.plot.getPlotItem().layout.activate()
    box.updateMatrix()  # pyqtgraph updates these when it paints; the test measures before that
    return widget, box


def text_rect(item):
    item.updateTransform(force=True)
    rect = item.sceneBoundingRect()
    assert rect.width() > 8 and rect.height() > 8  # a real label, so the checks below mean something
    return rect


@pytest.mark.parametrize("width", [420, 500, 860])
def test_range_chart_labels_clear_the_lines_whiskers_and_each_other(qtbot, width):
    widget, box = shown_chart(qtbot, "ifs-mri", width)
    layout = widget.layout_
    area = box.sceneBoundingRect()
    tags = [text_rect(tag) for tag, *_ in layout.tags]
    values = [text_rect(text) for text, *_ in layout.values]
    for rect in tags + values:
        assert area.adjusted(-1, -1, 1, 1).contains(rect), (rect, area)  # never cut at the edge
    assert tags and not any(a.intersects(b) for i, a in enumerate(tags) for b in tags[i + 1:])
    whisker_left = box.mapViewToScene(pyqtgraph().Point(layout.left_edge + 0.06, 0)).x()
    assert all(rect.right() < whisker_left for rect in tags)  # tags sit in their margin, left of the data
    lines = [box.mapViewToScene(pyqtgraph().Point(0, value)).y() for _tag, value, *_ in layout.tags]
    for rect in values:
        assert not any(rect.top() < y < rect.bottom() for y in lines)  # no value printed on a cut-off line
        assert not any(rect.intersects(tag) for tag in tags)


@pytest.mark.parametrize("width", [400, 480, 860])
def test_accuracy_chart_keeps_ticks_apart_and_values_inside(qtbot, width):
    widget, box = shown_chart(qtbot, "test-accuracy", width)
    area = box.sceneBoundingRect()
    for text, *_ in widget.layout_.values:
        assert area.adjusted(-1, -1, 1, 1).contains(text_rect(text))
    ticks = [value for value, _text in widget.plot.getPlotItem().getAxis("bottom")._tickLevels[0]]
    pixels = [box.mapViewToScene(pyqtgraph().Point(value, 0)).x() for value in ticks]
    assert len(ticks) >= 2 and min(b - a for a, b in zip(pixels, pixels[1:])) >= 38
    names = [text for _y, text in widget.plot.getPlotItem().getAxis("left")._tickLevels[0]]
    assert all(text.split("\n")[-1].startswith("n") for text in names)  # the study size under each test name
    assert widget.plot.getPlotItem().getAxis("left").width() <= 0.42 * widget.plot.getPlotItem().width() + 1


def test_print_picture_parts_do_not_overlap(qtbot):
    from PySide6.QtWidgets import QLabel

    from viewer.model.content.loader import load_content
    from viewer.qt.evidence.chart_widget import ChartWidget, chart_image
    from conftest import REPO

    content = load_content(REPO)
    chart = content.lessons["management"].charts["surgery-pain-plain"]
    image = chart_image(chart, 400, scale=1.0)
    assert image.height() < 400 * 1.2  # compact on paper
    widget = ChartWidget(chart, for_print=True)
    qtbot.addWidget(widget)
    widget.resize(400, widget.heightForWidth(400))
    widget.show()
    qtbot.waitExposed(widget)
    note = widget.findChild(QLabel, "note")
    assert note.geometry().top() >= widget.plot.geometry().bottom()  # the axis words stay above the note
    widget.plot.getPlotItem().layout.activate()
    widget.fit()
    widget.plot.getPlotItem().vb.updateMatrix()
    for stage in widget.layout_.stages:
        rects = [text_rect(text) for text, *_ in stage]
        assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


def test_live_chart_follows_a_dark_palette_but_print_stays_white(qtbot, repo):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from viewer.model.content.loader import load_content
    from viewer.qt.evidence.chart_widget import ChartWidget, chart_image

    chart = load_content(repo).lessons["ischiofemoral-tunnel"].charts["ifs-mri"]
    app = QApplication.instance()
    before = app.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1a1b1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    app.setPalette(dark)
    try:
        widget = ChartWidget(chart)
        qtbot.addWidget(widget)
        assert (widget.ink.paper, widget.ink.text) == ("#1a1b1e", "#e8eaed")
        assert "background: #1a1b1e" in widget.styleSheet()
        assert widget.plot.backgroundBrush().color().name() == "#1a1b1e"
        picture = chart_image(chart, 300, scale=1.0)
        assert QColor(picture.pixel(3, picture.height() // 2)).name() == "#ffffff"
    finally:
        app.setPalette(before)
    assert ChartWidget(chart).ink.paper == "#ffffff"


def test_a_print_picture_is_laid_out_for_its_own_size(repo, qtbot):
    from viewer.model.content.loader import load_content
    from viewer.qt.evidence.chart_widget import ChartWidget, lay_out_hidden

    chart = load_content(repo).lessons["ischiofemoral-tunnel"].charts["ifs-mri"]
    widget = ChartWidget(chart, for_print=True)
    qtbot.addWidget(widget)
    lay_out_hidden(widget, 400, widget.heightForWidth(400))
    item = widget.plot.getPlotItem()
    assert (item.width(), item.height()) == (widget.plot.width(), widget.plot.height())  # not pyqtgraph's 640x480
    axis = item.getAxis("bottom")
    names = [name for _x, name in axis._tickLevels[0]]
    assert "Case–control\nstudy (weaker)" in names and axis.height() >= 40  # two lines, and room for both


def test_chart_text_follows_the_text_size_but_print_keeps_its_own(open_window, repo, qtbot):
    """Ctrl+= makes a chart's title, axis numbers and value labels larger, as it does the lesson;
    the handout's picture of the chart stays at its designed size on paper."""
    from PySide6.QtWidgets import QApplication, QLabel

    from viewer.qt.evidence.chart_widget import ChartWidget

    app = QApplication.instance()
    system = app.font()
    window, chart = open_ifs(open_window, repo, qtbot)

    def sizes(widget):
        title = widget.findChildren(QLabel)[0].font().pointSizeF()
        ticks = widget.plot.getPlotItem().getAxis("bottom").style["tickFont"].pointSizeF()
        value = widget.layout_.values[0][0].textItem.font().pointSizeF()
        return title, ticks, value

    before, height = sizes(chart), chart.plot.minimumHeight()
    try:
        for _ in range(3):  # 100% -> 115% -> 130% -> 150%
            qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        window.panel.scroll_to("imaging")  # the chart's section, wherever the larger text has put it
        qtbot.waitUntil(lambda: window.panel.charts.widget("ifs-mri") not in (None, chart)
                        and window.panel.charts.widget("ifs-mri").isVisible())
        larger = window.panel.charts.widget("ifs-mri")  # the chart is built again at the new size
        assert sizes(larger) == pytest.approx(tuple(size * 1.5 for size in before))
        assert larger.plot.minimumHeight() > height
        printed = ChartWidget(larger.chart, for_print=True)
        qtbot.addWidget(printed)
        assert sizes(printed)[:2] == pytest.approx(before[:2])  # paper: as designed, whatever the screen's size
    finally:
        window.text_size.reset_action.trigger()
        app.setFont(system)


# ----- a weaker study is drawn weaker than pooled data (issue 16: Barros 2019) ----------------------------------
def test_a_weaker_study_is_drawn_hollow_and_dashed_with_its_size_and_caveat(qtbot):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLabel

    from viewer.qt.evidence.chart_plot import VERMILION

    widget, box = shown_chart(qtbot, "ifs-mri", 860)
    meta, barros = widget.chart.items
    assert not meta.weaker and barros.weaker and barros.n == ["6 patients", "44 controls"]
    plot = widget.plot
    image = plot.grab().toImage()
    paper = QColor(widget.ink.paper)

    def colour_at(x: float, y: float, down: int = 0) -> QColor:
        """The pixel at a data point, ``down`` pixels lower (clear of a cut-off line through the marker)."""
        point = plot.mapFromScene(box.mapViewToScene(pyqtgraph().Point(x, y)))
        ratio = image.devicePixelRatio()
        return image.pixelColor(round(point.x() * ratio), round((point.y() + down) * ratio))

    def distance(a: QColor, b: QColor) -> int:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    # patients' means: the meta-analysis marker is filled in colour, the case-control marker is hollow (paper inside)
    for down in (-3, 3):  # the 15 mm line crosses the meta-analysis marker's centre
        assert distance(colour_at(-0.125, meta.values[0], down), QColor(VERMILION)) < 60
        hollow = colour_at(0.875, barros.values[0], down)
        assert distance(hollow, paper) < 100 and distance(hollow, QColor(VERMILION)) > 300

    def ink_along_whisker(x: float, low: float, high: float) -> float:
        """Share of pixel rows along a whisker that carry ink (within a pixel either side)."""
        top = plot.mapFromScene(box.mapViewToScene(pyqtgraph().Point(x, high)))
        bottom = plot.mapFromScene(box.mapViewToScene(pyqtgraph().Point(x, low)))
        ratio = image.devicePixelRatio()
        rows = range(round(top.y() * ratio), round(bottom.y() * ratio))
        # a gap in a dash has no strong ink
        inked = [any(distance(image.pixelColor(round(top.x() * ratio) + dx, row), paper) > 250 for dx in (-1, 0, 1))
                 for row in rows]
        return sum(inked) / len(inked)

    # controls' upper whiskers, clear of the marker and of the beam: solid for pooled data, dashed for the weak study
    assert ink_along_whisker(0.125, meta.values[1] + 2, meta.values[1] + meta.sd[1] - 1) > 0.95
    assert 0.3 < ink_along_whisker(1.125, barros.values[1] + 2, barros.values[1] + barros.sd[1] - 1) < 0.8

    caveat = widget.findChild(QLabel, "caveat")
    assert caveat is not None and caveat.isVisible()
    assert "6 patients vs 44 controls" in caveat.text() and "partly defined by the MRI finding" in caveat.text()
    assert "hollow" in widget.legend.text()
    assert "6 patients vs 44 controls" in widget.findChild(QLabel, "source").text()
    assert "Weaker evidence" in widget.plot.accessibleDescription()
    weak_spots = [spot.text for spot in widget.spots if "Case–control" in spot.text]
    assert weak_spots and all("Weaker evidence" in text for text in weak_spots)
    assert not any("Weaker evidence" in spot.text for spot in widget.spots if "Meta-analysis" in spot.text)
