"""The window driven by real mouse and key events, on the small test content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui_helpers import click_scene, lesson_text, move_to_scene, point_just_outside


def test_click_opens_lesson_and_selects_region(open_window, mini_dir):
    window = open_window(mini_dir)
    click_scene(window, 100, 80)
    assert window.current_lesson() == "upper"
    assert window.view.selected_id == "upper"
    assert window.scene.region_items["upper"].selected
    assert "Upper muscle" in lesson_text(window)


def test_click_on_covering_region_picks_the_one_on_top(open_window, mini_dir):
    window = open_window(mini_dir)
    click_scene(window, 200, 200)
    assert window.current_lesson() == "band"


def test_click_on_empty_space_clears_and_shows_home(open_window, mini_dir):
    window = open_window(mini_dir)
    click_scene(window, 100, 200)
    assert window.view.selected_id == "lower"
    click_scene(window, 5, 5)
    assert window.view.selected_id is None
    assert not any(item.selected for item in window.scene.region_items.values())
    assert window.current_lesson() == "overview"


def test_escape_clears_selection(open_window, mini_dir):
    window = open_window(mini_dir, select="lower")
    assert window.view.selected_id == "lower"
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.view.selected_id is None


def test_hover_highlights_and_names_the_region(open_window, mini_dir):
    window = open_window(mini_dir)
    move_to_scene(window, 330, 220)
    item = window.scene.region_items["round"]
    assert item.hovered and window.view.tag.isVisible()
    assert window.view.tag.text.text() == "Round thing"
    assert "Round thing" in window.statusBar().currentMessage()
    move_to_scene(window, 5, 5)
    assert not item.hovered and not window.view.tag.isVisible()


def test_click_just_outside_a_shape_does_not_open_it(open_window, mini_dir):
    window = open_window(mini_dir)
    index = window.content.index()
    for region in window.content.regions:
        x, y = point_just_outside(region.shape, index.interior_point(region))
        click_scene(window, x, y)
        assert window.view.selected_id != region.id, region.id


def test_keyboard_walk_through_regions_in_file_order(open_window, mini_dir):
    window = open_window(mini_dir)
    window.view.setFocus()
    seen = []
    for _ in window.content.regions:
        QTest.keyClick(window.view, Qt.Key.Key_Tab)
        seen.append(window.view.focused_id)
    assert seen == ["upper", "band", "lower", "round"]
    QTest.keyClick(window.view, Qt.Key.Key_Backtab)
    assert window.view.focused_id == "lower"
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert window.current_lesson() == "lower" and window.view.selected_id == "lower"
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # past the last region, focus leaves the diagram
    assert not window.view.hasFocus()


def test_lesson_links_back_and_forward(open_window, mini_dir):
    window = open_window(mini_dir)
    window.open_lesson("overview")
    window.panel.anchorClicked.emit(_url("lesson:band#how-it-presses"))
    assert window.current_lesson() == "band"
    assert window.view.selected_id == "band"  # opening a lesson highlights its region
    window.back_action.trigger()
    assert window.current_lesson() == "overview" and window.view.selected_id is None
    window.forward_action.trigger()
    assert window.current_lesson() == "band"


def test_back_forward_from_keyboard(open_window, mini_dir):
    window = open_window(mini_dir)
    window.open_lesson("upper")
    window.open_lesson("lower")
    QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_lesson() == "upper"
    QTest.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_lesson() == "lower"


def test_reading_level_switch(open_window, mini_dir):
    window = open_window(mini_dir)
    window.open_lesson("upper")
    assert "squeezes the band" in lesson_text(window)
    window.level_actions["clinical"].trigger()
    assert "12 of 20 cases" in lesson_text(window) and "squeezes the band" not in lesson_text(window)
    assert "Lee C" in lesson_text(window)  # numbered references follow the text


def test_labels_toggle_with_l(open_window, mini_dir):
    window = open_window(mini_dir)
    label = window.scene.label_items["label-upper"]
    assert label.isVisible()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_L)
    assert not label.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_L)
    assert label.isVisible()


def test_zoom_keys_and_fit(open_window, mini_dir):
    window = open_window(mini_dir)
    window.view.setFocus()
    fitted = window.view.transform().m11()
    QTest.keyClick(window.view, Qt.Key.Key_Plus)
    assert window.view.transform().m11() > fitted * 1.2
    QTest.keyClick(window.view, Qt.Key.Key_Minus)
    QTest.keyClick(window.view, Qt.Key.Key_Minus)
    assert window.view.transform().m11() < fitted
    QTest.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(window.view.transform().m11() - fitted) < 1e-6


def test_wheel_zoom_keeps_point_under_cursor(open_window, mini_dir, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    window = open_window(mini_dir)
    view = window.view
    anchor = view.mapFromScene(QPointF(100, 80))
    before = view.mapToScene(anchor)
    event = QWheelEvent(QPointF(anchor), QPointF(view.viewport().mapToGlobal(anchor)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.transform().m11() > 1.5
    after = view.mapToScene(anchor)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2


def test_drag_pans_without_selecting(open_window, mini_dir):
    window = open_window(mini_dir)
    view = window.view
    QTest.keyClick(view, Qt.Key.Key_Plus)
    QTest.keyClick(view, Qt.Key.Key_Plus)
    start = view.mapFromScene(100, 80)
    before = view.mapToScene(start)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(view.viewport(), start + _point(step * 20, step * 10))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + _point(100, 50))
    assert view.mapToScene(start) != before
    assert window.view.selected_id is None


def test_arrow_keys_pan(open_window, mini_dir):
    window = open_window(mini_dir)
    view = window.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Plus)
    centre = view.mapToScene(view.viewport().rect().center())
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Down)
    moved = view.mapToScene(view.viewport().rect().center())
    assert moved.x() > centre.x() and moved.y() > centre.y()


def test_state_is_restored_at_next_launch(open_window, mini_dir, tmp_path):
    data = tmp_path / "profile"
    window = open_window(mini_dir, data_dir=data, size=(780, 560))  # within the offscreen screen
    window.open_lesson("lower")
    window.splitter.setSizes([700, 400])
    window.labels_action.setChecked(False)
    sizes = window.splitter.sizes()
    window.close()
    again = open_window(mini_dir, data_dir=data, size=None)
    assert (again.width(), again.height()) == (780, 560)
    assert again.current_lesson() == "lower"
    assert again.view.selected_id == "lower"
    assert again.splitter.sizes() == sizes
    assert not again.labels_action.isChecked()


def _url(text):
    from PySide6.QtCore import QUrl
    return QUrl(text)


def _point(x, y):
    from PySide6.QtCore import QPoint
    return QPoint(x, y)
