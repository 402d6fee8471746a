"""The Study panel fits any width and text size, and opening side panels leaves the lesson its room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from test_study import press, study


# ----- layout: the panel fits any width, and the lesson keeps its room ------------------------------------
def _overflowing(dock) -> list:
    from PySide6.QtWidgets import QWidget

    viewport = dock.scroll_area.viewport()
    return [w for w in dock.pages.findChildren(QWidget) if w.isVisible()
            and w.mapTo(viewport, w.rect().topRight()).x() > viewport.width()]


@pytest.mark.parametrize("large", [False, True])
def test_a_very_long_choice_wraps_and_the_panel_never_scrolls_sideways(open_window, mini_dir, qtbot, large):
    import dataclasses

    from viewer.model.study.quiz import question_task

    window = open_window(mini_dir, size=(1366, 768))
    runner = study(window)
    runner.start("questions")
    question = next(q for q in window.content.questions if q.kind == "choice")
    long = "a very long answer that goes on and on about the deep gluteal space " * 4
    question = dataclasses.replace(question, choices=[long, "short", "another answer"], answer=1)
    runner.session.tasks[runner.session.index] = question_task(question)
    runner._show_task()
    runner.dock.set_large(large)
    dock, button = runner.dock, runner.dock.choice_buttons[0]
    qtbot.waitUntil(lambda: button.height() > 3 * button.fontMetrics().height())   # wrapped onto several lines
    qtbot.waitUntil(lambda: _overflowing(dock) == [])                                # once the layout settles
    assert not dock.scroll_area.horizontalScrollBar().isVisible()
    assert dock.scroll_area.widget().width() <= dock.scroll_area.viewport().width()
    assert button.text().endswith(long) and button.accessibleName().startswith("Choice 1: a very long")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)           # still a button
    assert "Not quite" in dock.feedback.text()
    qtbot.waitUntil(lambda: _overflowing(dock) == [])


def _diagram_keeps_half(window) -> bool:
    return window.view.width() >= window.width() // 2 - 8  # the splitter handle and frames


def test_study_and_lesson_notes_share_one_place_and_take_room_from_the_lesson(open_window, mini_dir, qtbot):
    window = open_window(mini_dir, size=(1366, 768))
    window.open_lesson("upper")
    qtbot.waitUntil(lambda: window.panel.width() > 0)
    view_before, lesson_before = window.view.width(), window.panel.width()
    press(window, Qt.Key.Key_F9)
    dock = study(window).dock
    qtbot.waitUntil(lambda: window.panel.width() < lesson_before - 100)        # the lesson gave the room
    assert window.view.width() >= min(view_before, window.width() // 2) - 8 and _diagram_keeps_half(window)
    window.user_menus.lesson_notes_action.trigger()
    notes = window.user_menus.notes_dock
    assert notes.isVisible() and notes in window.tabifiedDockWidgets(dock)     # tabs, not side by side
    qtbot.waitUntil(lambda: _diagram_keeps_half(window))
    notes.close()
    dock.close()
    qtbot.waitUntil(lambda: abs(window.panel.width() - lesson_before) <= 2)    # the normal split comes back
    assert abs(window.view.width() - view_before) <= 2


@pytest.mark.parametrize("size", [(800, 600), (1024, 700), (1366, 768), (1920, 1080)])
def test_chairside_panels_take_their_room_from_the_lesson(open_window, mini_dir, qtbot, size):
    window = open_window(mini_dir, size=size)
    window.open_lesson("upper")
    qtbot.waitUntil(lambda: window.panel.width() > 0)
    lesson_before, view_before = window.panel.width(), window.view.width()
    press(window, Qt.Key.Key_F6)                                   # Positions
    qtbot.waitUntil(lambda: window.chairside.positions.isVisible())
    qtbot.waitUntil(lambda: window.panel.width() < lesson_before - 50)
    assert _diagram_keeps_half(window), (window.view.width(), window.width())
    assert window.chairside.positions.width() >= 200 and window.panel.width() >= 150
    press(window, Qt.Key.Key_F7)                                   # Notes for the handout as well
    qtbot.waitUntil(lambda: window.chairside.notes.isVisible())
    qtbot.waitUntil(lambda: _diagram_keeps_half(window))
    window.close()  # saving now keeps the normal split, not the squeezed one
    saved = window.settings.bytes("window/splitter")
    window.show()
    qtbot.waitExposed(window)
    window.chairside.positions.close()
    window.chairside.notes.close()
    qtbot.waitUntil(lambda: abs(window.view.width() - view_before) <= 2)
    assert abs(window.panel.width() - lesson_before) <= 2
    from PySide6.QtWidgets import QSplitter

    fresh = QSplitter()
    fresh.addWidget(type(window.view.viewport())())
    fresh.addWidget(type(window.view.viewport())())
    fresh.resize(window.splitter.size())
    assert fresh.restoreState(saved)
    assert fresh.sizes() == window.splitter.sizes()
