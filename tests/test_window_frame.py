"""The window's frame as a user meets it on a small screen: a minimum size, and Urgent help in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest

from viewer.qt.app import text_size
from viewer.qt.app.main_window import MIN_WINDOW_SIZE


def _urgent_in_view(window) -> None:
    """The red button is shown, whole, inside the window and not behind the toolbar's » overflow."""
    button = window.urgent_button
    assert button.isVisible() and button.text().replace("&", "") == "Urgent help"
    top_left = button.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, button.size())
    assert window.rect().contains(rect), (rect, window.size())
    assert button.width() >= button.sizeHint().width() and button.height() >= button.sizeHint().height() - 2
    assert button.font().bold() and button.font().pointSizeF() == pytest.approx(button.parent().font().pointSizeF())
    assert window.childAt(rect.center()) is button  # nothing drawn over it


def test_window_cannot_shrink_below_a_usable_size(open_window, repo):
    window = open_window(repo)
    window.resize(200, 171)
    assert (window.width(), window.height()) == MIN_WINDOW_SIZE
    assert MIN_WINDOW_SIZE[0] <= 800 and MIN_WINDOW_SIZE[1] <= 600  # a 800x600 screen still fits it


@pytest.mark.parametrize("size", [MIN_WINDOW_SIZE, (800, 600), (1024, 700), (1920, 1080)])
def test_urgent_help_stays_in_view_at_every_text_size(open_window, repo, qtbot, size):
    window = open_window(repo, size=size)
    try:
        for step in range(len(text_size.SCALES)):
            window.text_size.set_step(step, remember=False)
            window.resize(*size)
            qtbot.waitUntil(lambda: window.urgent_button.width() >= window.urgent_button.sizeHint().width())
            _urgent_in_view(window)
        QTest.mouseClick(window.urgent_button, Qt.MouseButton.LeftButton)
        assert window.current_lesson() == "urgent-help"
    finally:
        window.text_size.set_step(text_size.DEFAULT_STEP, remember=False)


def test_urgent_help_stays_in_view_while_presenting(open_window, repo):
    window = open_window(repo, size=MIN_WINDOW_SIZE)
    window.chairside.present_action.setChecked(True)
    try:
        assert not any(action.isVisible() for action in window.menuBar().actions())  # the menus make room
        _urgent_in_view(window)
    finally:
        window.chairside.present_action.setChecked(False)
    assert all(action.isVisible() for action in window.menuBar().actions())
