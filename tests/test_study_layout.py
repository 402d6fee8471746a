"""The Study panel fits any width and text size, and opening side panels leaves the lesson its room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from test_study import press, study


# ----- layout: the panel fits any width, and the lesson keeps its room ------------------------------------
def _overflowing(dock) -> list:
    from PySide6.QtWidgets import QWidget

    viewport = dock.scroll.viewport()
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
    assert not dock.scroll.horizontalScrollBar().isVisible()
    assert dock.scroll.widget().width() <= dock.scroll.viewport().width()
    assert button.text().endswith(long) and button.accessibleName().startswith("Choice 1: a very long")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)           # still a button
    assert "Not quite" in dock.feedback.text()
    qtbot.waitUntil(lambda: _overflowing(dock) == [])


def test_study_and_lesson_notes_share_one_place_and_the_lesson_keeps_its_width(open_window, mini_dir, qtbot):
    window = open_window(mini_dir, size=(1366, 768))
    window.open_lesson("upper")
    qtbot.waitUntil(lambda: window.panel.width() > 0)
    lesson_before = window.panel.width()
    press(window, Qt.Key.Key_F9)
    dock = study(window).dock
    qtbot.waitUntil(lambda: window.panel.width() >= min(520, lesson_before))
    window.user_menus.lesson_notes_action.trigger()
    notes = window.user_menus.notes_dock
    assert notes.isVisible() and notes in window.tabifiedDockWidgets(dock)     # tabs, not side by side
    qtbot.waitUntil(lambda: window.panel.width() >= 520)
    assert window.view.width() >= 250                                          # the diagram gave the room
    notes.close()
    dock.close()
    qtbot.waitUntil(lambda: window.view.width() > window.panel.width() * 0.9)  # the room goes back to the diagram


def test_chairside_panels_take_their_room_from_the_diagram(open_window, mini_dir, qtbot):
    window = open_window(mini_dir, size=(1366, 768))
    window.open_lesson("upper")
    qtbot.waitUntil(lambda: window.panel.width() > 0)
    lesson_before, view_before = window.panel.width(), window.view.width()
    press(window, Qt.Key.Key_F6)                                   # Positions
    qtbot.waitUntil(lambda: window.chairside.positions.isVisible())
    qtbot.waitUntil(lambda: abs(window.panel.width() - lesson_before) <= 2)
    assert window.view.width() < view_before - 100                 # the diagram gave the room
    window.chairside.positions.close()
    qtbot.waitUntil(lambda: window.view.width() >= view_before - 2)
