"""Issue 19: the depth and the nerve type are remembered between runs; New patient starts again."""

from __future__ import annotations

from gui_helpers import view_point
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from viewer.model.content.loader import load_content
from viewer.qt.app.start import create_window


def _muscle_in_the_middle(window) -> bool:
    colour = window.view.viewport().grab().toImage().pixelColor(view_point(window, 800, 600))
    return colour.red() > 1.6 * colour.green()  # red-brown gluteus maximus over the nerve and rotators


def _peel_to_muscle_and_choose_b(window, qtbot) -> None:
    """What a user does: [ lays gluteus maximus back over the deep space; the picker's type B."""
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_BracketLeft)
    qtbot.waitUntil(lambda: window.depth_control.depth.position == 1.0, timeout=3000)
    window.variant_control.picker_action.trigger()
    QTest.mouseClick(window.variant_control._picker.buttons["B"], Qt.MouseButton.LeftButton)
    assert window.variant_control.button.text() == "Nerve: Type B"


def _reopen(qtbot, repo, data, layer=None, variant=None):
    window = create_window(load_content(repo), data, layer=layer, variant=variant)
    window.resize(1400, 900)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.finish_loading()
    return window


def test_depth_and_variant_are_remembered_between_runs(open_window, repo, qtbot, tmp_path):
    data = tmp_path / "data"
    window = open_window(repo, data)
    assert not _muscle_in_the_middle(window)  # a first start: the deep space
    _peel_to_muscle_and_choose_b(window, qtbot)
    window.close()
    again = _reopen(qtbot, repo, data)
    assert again.depth_control.slider.name.text() == "Gluteus maximus"
    assert again.variant_control.button.text() == "Nerve: Type B"
    assert _muscle_in_the_middle(again)


def test_command_line_layer_and_variant_win_and_are_not_remembered(open_window, repo, qtbot, tmp_path):
    data = tmp_path / "data"
    window = open_window(repo, data)
    _peel_to_muscle_and_choose_b(window, qtbot)
    window.close()
    scripted = _reopen(qtbot, repo, data, layer="deep", variant="C")
    assert scripted.depth_control.slider.name.text() == "Deep space"
    assert scripted.variant_control.button.text() == "Nerve: Type C" and not _muscle_in_the_middle(scripted)
    scripted.close()
    later = _reopen(qtbot, repo, data)  # the user's own choice is still there
    assert later.depth_control.depth.top == "gluteus-maximus" and later.variant_control.current == "B"


def test_new_patient_returns_to_the_deep_space_and_type_a(open_window, repo, qtbot, tmp_path):
    data = tmp_path / "data"
    window = open_window(repo, data)
    _peel_to_muscle_and_choose_b(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.depth_control.depth.top == "deep" and window.variant_control.button.text() == "Nerve: Type A"
    assert not _muscle_in_the_middle(window)
    assert "deep space" in window.statusBar().currentMessage()
    window.close()
    again = _reopen(qtbot, repo, data)
    assert again.depth_control.depth.top == "deep" and again.variant_control.current == "A"
