"""Issue 20: a painted area's type and intensity change after painting: by clicking it (or Tab to it),
then the panel's controls or keys; undo brings the old values back, and the saved handout shows the change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from test_bodychart import grab_colour_count, paint


@pytest.fixture
def chart(open_window, repo):
    window = open_window(repo, size=(1900, 1000))
    window.chairside.body_chart_action.trigger()
    dock = window.chairside.body_chart
    window.resizeDocks([dock], [640], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    return window, dock


def click_chart(canvas, x, y):
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, canvas.to_widget(x, y).toPoint())


def handout_text(window, tmp_path):
    from pypdf import PdfReader

    from viewer.qt.chairside.handout import write_pdf

    out = tmp_path / "handout.pdf"
    assert write_pdf(window.chairside.handout_document("a4"), out, "a4")
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(out)).pages).split())


def test_click_an_area_then_change_its_intensity_and_type_with_undo_and_the_handout_follows(chart, tmp_path):
    from viewer.qt.app.theme import LIGHT

    window, dock = chart
    canvas = dock.canvas
    dock.intensity.setValue(6)
    paint(canvas, [(145, 50), (147, 58), (148, 66)])          # back: buttock to thigh
    paint(canvas, [(55, 95), (56, 104)])                       # front: shin
    assert canvas.selected is None and "Drag on the body" in dock.selection_note.text()
    click_chart(canvas, 147, 58)                               # a click on the first area selects it
    assert canvas.selected == 0 and len(dock.chart.areas) == 2  # ...and paints nothing
    assert "Area 1 of 2 selected: Back: pain 6/10" in dock.selection_note.text()
    assert dock.intensity.value() == 6 and dock.kind_buttons["pain"].isChecked()
    dock.intensity.setFocus()
    QTest.keyClick(dock.intensity, Qt.Key.Key_Down)
    QTest.keyClick(dock.intensity, Qt.Key.Key_Down)
    assert dock.chart.describe(0) == "Back: pain 4/10" and dock.chart.areas[1].intensity == 6
    before = grab_colour_count(canvas, LIGHT.pins_and_needles)
    QTest.mouseClick(dock.kind_buttons["pins-and-needles"], Qt.MouseButton.LeftButton)
    assert dock.chart.describe(0) == "Back: pins and needles 4/10"
    assert grab_colour_count(canvas, LIGHT.pins_and_needles) > before + 20   # the blue hatching now shows there
    assert "Back: pins and needles 4/10" in dock.selection_note.text()
    text = handout_text(window, tmp_path)
    assert "Back: pins and needles 4/10" in text and "Back: pain" not in text
    QTest.mouseClick(dock.undo_button, Qt.MouseButton.LeftButton)
    assert dock.chart.describe(0) == "Back: pain 4/10" and dock.kind_buttons["pain"].isChecked()
    QTest.mouseClick(dock.undo_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dock.undo_button, Qt.MouseButton.LeftButton)
    assert dock.chart.describe(0) == "Back: pain 6/10" and dock.intensity.value() == 6
    QTest.mouseClick(dock.redo_button, Qt.MouseButton.LeftButton)
    assert dock.chart.describe(0) == "Back: pain 5/10"
    # a drag paints a new area with the painting settings, and lets the selection go
    paint(canvas, [(40, 60), (42, 70)])
    assert canvas.selected is None and len(dock.chart.areas) == 3


def test_keyboard_only_tab_through_areas_change_them_delete_and_leave(chart, tmp_path):
    window, dock = chart
    canvas = dock.canvas
    paint(canvas, [(145, 50), (148, 66)])
    paint(canvas, [(55, 95), (56, 104)])
    dock.intensity.setFocus()
    for _ in range(10):                                       # Tab on until the chart has the focus
        if canvas.hasFocus():
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert canvas.hasFocus() and canvas.selected is None
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected == 0 and canvas.hasFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected == 1 and "Area 2 of 2 selected" in dock.selection_note.text()
    assert canvas.accessibleDescription().startswith("Area 2 of 2 selected: Front: pain 5/10.")  # read aloud
    assert "0 … 9" in canvas.accessibleDescription() and "T (type)" in canvas.accessibleDescription()
    QTest.keyClick(canvas, Qt.Key.Key_6)                      # 6 also answers a quiz; here it is the chart's
    assert dock.chart.areas[1].intensity == 6
    zoom = window.view.transform().m11()
    QTest.keyClick(canvas, Qt.Key.Key_Plus)                   # the chart's, not the diagram's zoom, while selected
    assert dock.chart.areas[1].intensity == 7 and window.view.transform().m11() == zoom
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    QTest.keyClick(canvas, Qt.Key.Key_8)
    QTest.keyClick(canvas, Qt.Key.Key_Up)
    QTest.keyClick(canvas, Qt.Key.Key_T)                      # pain -> pins and needles
    assert dock.chart.describe(1) == "Front: pins and needles 9/10"
    assert dock.intensity.value() == 9 and dock.kind_buttons["pins-and-needles"].isChecked()
    QTest.keyClick(canvas, Qt.Key.Key_Backtab)
    assert canvas.selected == 0
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert dock.chart.summary() == ["Front: pins and needles 9/10"] and canvas.selected is None
    QTest.mouseClick(dock.undo_button, Qt.MouseButton.LeftButton)
    assert len(dock.chart.areas) == 2
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    QTest.keyClick(canvas, Qt.Key.Key_Escape)                 # back to painting: the controls show its settings
    assert canvas.selected is None and dock.intensity.value() == canvas.intensity == 5
    assert "Front: pins and needles 9/10" in handout_text(window, tmp_path)
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    QTest.keyClick(canvas, Qt.Key.Key_Tab)                    # past the last area, focus moves on
    assert not canvas.hasFocus() and canvas.selected is None


def test_the_chart_keys_are_the_shortcut_tables(chart, monkeypatch):
    """Give "next type" another key in the table: T no longer changes the selected area, that key does."""
    from viewer.qt.app.shortcuts import BY_ID

    window, dock = chart
    canvas = dock.canvas
    paint(canvas, [(145, 50), (148, 66)])
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected == 0
    monkeypatch.setitem(BY_ID, "bodychart.kind", BY_ID["bodychart.kind"]._replace(keys=("K",)))
    QTest.keyClick(canvas, Qt.Key.Key_T)
    assert dock.chart.areas[0].kind == "pain"
    QTest.keyClick(canvas, Qt.Key.Key_K)
    assert dock.chart.areas[0].kind == "pins-and-needles"
