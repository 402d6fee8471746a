"""Body chart and home programme driven as a clinician would: paint by mouse drags, type and
intensity, undo, overlays, New patient, and both on the saved handout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def paint(canvas, chart_points):
    points = [canvas.to_widget(x, y).toPoint() for x, y in chart_points]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(canvas, point)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def grab_colour_count(canvas, colour: str) -> int:
    """Pixels close to ``colour`` in what the canvas shows."""
    pixmap = canvas.grab()
    image = pixmap.toImage()
    target = QColor(colour)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - target.red()) < 40 and abs(pixel.green() - target.green()) < 40
                    and abs(pixel.blue() - target.blue()) < 40):
                count += 1
    return count


@pytest.fixture
def chart_window(open_window, repo):
    window = open_window(repo, size=(1900, 1000))  # a chairside screen: the panel opens 560 wide
    window.chairside.body_chart_action.trigger()   # from the chairside toolbar
    dock = window.chairside.body_chart
    assert dock.isVisible()
    window.resizeDocks([dock], [640], Qt.Orientation.Horizontal)   # as a clinician widens it to paint
    QApplication.processEvents()
    assert dock.canvas.width() >= 560
    return window, dock


def test_paint_by_drag_with_type_and_intensity_then_undo_redo_clear(chart_window):
    from viewer.qt.app.theme import LIGHT

    window, dock = chart_window
    canvas = dock.canvas
    assert grab_colour_count(canvas, LIGHT.pain) == 0
    dock.intensity.setValue(7)
    paint(canvas, [(145, 50), (147, 58), (148, 66)])   # back view: buttock to thigh
    assert len(dock.chart.areas) == 1
    area = dock.chart.areas[0]
    assert (area.kind, area.intensity, area.view) == ("pain", 7, "back")
    assert grab_colour_count(canvas, LIGHT.pain) > 20           # the red hatching is drawn
    QTest.mouseClick(dock.kind_buttons["pins-and-needles"], Qt.MouseButton.LeftButton)
    dock.intensity.setValue(3)
    paint(canvas, [(55, 95), (56, 104)])                         # front view: shin
    assert [(a.kind, a.intensity, a.view) for a in dock.chart.areas][1] == ("pins-and-needles", 3, "front")
    assert grab_colour_count(canvas, LIGHT.pins_and_needles) > 10
    QTest.mouseClick(dock.undo_button, Qt.MouseButton.LeftButton)
    assert len(dock.chart.areas) == 1 and grab_colour_count(canvas, LIGHT.pins_and_needles) == 0
    QTest.mouseClick(dock.redo_button, Qt.MouseButton.LeftButton)
    assert len(dock.chart.areas) == 2
    QTest.mouseClick(dock.clear_button, Qt.MouseButton.LeftButton)
    assert dock.chart.areas == [] and not dock.clear_button.isEnabled()
    QTest.mouseClick(dock.undo_button, Qt.MouseButton.LeftButton)   # clearing can be undone
    assert len(dock.chart.areas) == 2


def test_types_differ_by_pattern_not_only_colour():
    from viewer.qt.bodychart.canvas import PATTERNS

    assert len(set(PATTERNS.values())) == 3 and Qt.BrushStyle.SolidPattern not in PATTERNS.values()


def test_overlays_show_sources_caveat_and_lesson_link(chart_window):
    window, dock = chart_window
    before = dock.canvas.grab().toImage()
    QTest.mouseClick(dock.overlay_box, Qt.MouseButton.LeftButton)
    assert dock.canvas.overlays == ["overlay-dgs", "overlay-l5", "overlay-s1"]
    assert dock.canvas.grab().toImage() != before
    text = dock.explanation.text()
    assert "Typical DGS pattern" in text and "L5" in text and "S1" in text and "Lee 2008" in text.replace("Lee MWL", "Lee")
    assert "overlap" in text and "lesson:dgs-vs-back" in text
    dock.explanation.linkActivated.emit("lesson:dgs-vs-back")
    assert window.current_lesson() == "dgs-vs-back"
    QTest.mouseClick(dock.overlay_box, Qt.MouseButton.LeftButton)
    assert dock.canvas.overlays == [] and dock.explanation.isHidden()


def test_new_patient_wipes_chart_and_programme(chart_window):
    window, dock = chart_window
    paint(dock.canvas, [(145, 50), (148, 66)])
    window.chairside.home_programme_action.trigger()
    programme = window.chairside.home_programme
    QTest.mouseClick(programme.add_button, Qt.MouseButton.LeftButton)
    assert dock.chart.areas and programme.programme.items
    window.chairside.new_patient_action.trigger()
    assert dock.chart.areas == [] and not dock.chart.can_undo()
    assert programme.programme.items == [] and programme.chosen.count() == 0


def test_programme_pick_filter_dose_reorder(open_window, repo):
    window = open_window(repo)
    window.chairside.home_programme_action.trigger()
    dock = window.chairside.home_programme
    dock.filter_region("hamstring-origin")
    titles = [dock.found.item(i).text() for i in range(dock.found.count())]
    assert "Heel press, lying down" in titles and "Clam" not in titles
    QTest.keyClicks(dock.search, "heel")
    assert [dock.found.item(i).text() for i in range(dock.found.count())] == ["Heel press, lying down"]
    QTest.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    dock.search.clear()
    dock.filter_region(None)
    dock.found.setCurrentRow(0)
    QTest.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    assert dock.programme.ids() == ["hamstring-isometric", "nerve-slider-sitting"]
    dock.dose_boxes["reps"].setValue(12)
    assert dock.programme.items[1].dose.reps == 12 and "12 times" in dock.chosen.item(1).text()
    QTest.mouseClick(dock.up_button, Qt.MouseButton.LeftButton)
    assert dock.programme.ids() == ["nerve-slider-sitting", "hamstring-isometric"]


def test_saved_handout_has_body_chart_and_programme(chart_window, tmp_path):
    from pypdf import PdfReader

    from viewer.qt.chairside.handout import write_pdf

    window, dock = chart_window
    paint(dock.canvas, [(145, 50), (147, 58), (148, 66)])
    window.chairside.home_programme_action.trigger()
    programme = window.chairside.home_programme
    for row in range(3):
        programme.found.setCurrentRow(row)
        QTest.mouseClick(programme.add_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "chairside.pdf"
    assert write_pdf(window.chairside.handout_document("a4"), out, "a4")
    reader = PdfReader(str(out))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Back: pain 5/10" in text                       # the chart's legend beside its picture
    first_page_images = [image.image.size for image in reader.pages[0].images]
    assert len(first_page_images) >= 2                      # the diagram and the body chart
    for item in programme.programme.items:
        assert item.exercise.title.split(",")[0] in text
