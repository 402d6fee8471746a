"""Live charts in the lesson panel, their print pictures, and the start-up cost (none)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from PySide6.QtCore import QPoint, QUrl, Qt
from PySide6.QtGui import QTextDocument

from viewer.qt.plotting import pyqtgraph

STARTUP_PROBE = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication(["x", "-platform", "offscreen"])
    from viewer.model.content import load_content
    from viewer.qt.app import create_window
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
    return window, window.panel.charts.widget("ifs-mri")


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
    assert "Meta-analysis: within 1 SD of Patients with IFI" in words and "hip position" in words


def test_accuracy_bars_show_values_on_hover(open_window, repo, qtbot):
    window = open_window(repo)
    window.set_level("clinical")
    window.open_lesson("diagnosis", "examination")
    qtbot.waitUntil(lambda: window.panel.charts.widget("test-accuracy") is not None)
    chart = window.panel.charts.widget("test-accuracy")
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
    from viewer.model.content import load_content
    from viewer.qt.handout import build_document

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
