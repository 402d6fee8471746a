"""Lessons: every lesson in teaching order, with the short structure entries in a submenu, and the
toolbar's "Lessons ▾" button that opens the same menu. Filled once, after the first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow


class LessonsMenu(QMenu):
    def __init__(self, window: MainWindow):
        super().__init__("&Lessons", window)
        self.main_window = window
        self._filled = False
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        """One entry per lesson, above anything features added; built once, when first needed."""
        if self._filled:
            return
        self._filled = True
        content, open_lesson = self.main_window.content, self.main_window.open_lesson
        first = self.actions()[0] if self.actions() else None
        for lesson_id in content.lesson_order():
            if content.is_entry(lesson_id):
                continue  # the short structure entries have their own submenu, below
            action = QAction(content.lessons[lesson_id].title, self)
            action.triggered.connect(lambda _checked=False, i=lesson_id: open_lesson(i))
            self.insertAction(first, action) if first is not None else self.addAction(action)
        entries = content.entry_ids()
        if entries:
            structures = QMenu("&Structures on the diagram", self)
            for lesson_id in entries:
                action = structures.addAction(content.lessons[lesson_id].title)
                action.triggered.connect(lambda _checked=False, i=lesson_id: open_lesson(i))
            self.insertMenu(first, structures) if first is not None else self.addMenu(structures)

    def toolbar_button(self) -> QToolButton:
        button = QToolButton()
        button.setObjectName("lessons-button")
        # the drop-down mark is part of the text: Qt draws its own over the last letter of a text-only button
        button.setText("Lessons ▾")
        button.setStyleSheet("QToolButton#lessons-button::menu-indicator { image: none; width: 0px; }")
        button.setAccessibleName("Lessons")
        button.setToolTip("Every lesson, in teaching order")
        button.setMenu(self)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button
