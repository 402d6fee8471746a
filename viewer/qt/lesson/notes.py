"""Bookmarks on lessons (Ctrl+D, Bookmarks menu) and the user's own notes per lesson (F8 dock).

Notes are kept per lesson and saved by themselves a moment after typing stops, when another
lesson opens, and when the window closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QPlainTextEdit, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow

AUTOSAVE_MS = 800


def _lesson_title(window: MainWindow, lesson_id: str) -> str:
    lesson = window.content.lessons.get(lesson_id)
    return lesson.title if lesson else lesson_id


# ----- bookmarks ----------------------------------------------------------------------------------------
def toggle_bookmark(window: MainWindow) -> bool | None:
    """Bookmark the lesson shown, or remove its bookmark. Returns the new state (None: no lesson)."""
    lesson_id = window.current_lesson()
    if not lesson_id:
        window.statusBar().showMessage("Open a lesson first, then bookmark it.", 5000)
        return None
    data = window.context.user_data
    marked = data.notes.toggle_bookmark(lesson_id)
    title = _lesson_title(window, lesson_id)
    saved = data.save()
    message = f"Bookmarked “{title}”." if marked else f"Bookmark removed from “{title}”."
    window.statusBar().showMessage(message + ("" if saved else " (not saved)"), 5000)
    window.user_menus.bookmark_action.setText("Remove &bookmark" if marked else "&Bookmark this lesson")
    return marked


def fill_bookmarks_menu(window: MainWindow, menu) -> None:
    """Rebuilt each time the menu opens: the toggle, then one entry per bookmarked lesson."""
    notes = window.context.user_data.notes
    current = window.current_lesson()
    window.user_menus.bookmark_action.setText("Remove &bookmark" if current and notes.is_bookmarked(current)
                                   else "&Bookmark this lesson")
    window.user_menus.bookmark_action.setEnabled(bool(current))
    for submenu in menu.findChildren(QMenu):  # clear() drops their entries but not the submenus themselves
        submenu.deleteLater()
    menu.clear()
    menu.addAction(window.user_menus.bookmark_action)
    menu.addSeparator()
    if not notes.bookmarks:
        empty = menu.addAction("No bookmarks yet (Ctrl+D bookmarks the lesson shown)")
        empty.setEnabled(False)
    for number, lesson_id in enumerate(notes.bookmarks, start=1):
        known = lesson_id in window.content.lessons
        label = _lesson_title(window, lesson_id) + ("" if known else " (lesson no longer exists)")
        if number <= 9:
            label = f"&{number} {label}"
        action = menu.addAction(label)
        action.setEnabled(known)
        action.triggered.connect(lambda _checked=False, i=lesson_id: window.open_lesson(i))
    with_notes = [i for i in window.context.user_data.notes.lessons_with_notes() if i in window.content.lessons]
    if with_notes:
        sub = menu.addMenu("Lessons with my &notes")
        for lesson_id in with_notes:
            action = sub.addAction(_lesson_title(window, lesson_id))
            action.triggered.connect(lambda _checked=False, i=lesson_id: _open_with_notes(window, i))


def _open_with_notes(window: MainWindow, lesson_id: str) -> None:
    window.open_lesson(lesson_id)
    window.user_menus.lesson_notes_action.setChecked(True)


# ----- lesson notes dock ----------------------------------------------------------------------------------
class LessonNotesDock(QDockWidget):
    def __init__(self, window: MainWindow):
        super().__init__("Lesson notes", window)
        self.setObjectName("lesson-notes")
        self.window_ = window
        self.lesson_id: str | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Notes on")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("lesson-notes-editor")
        self.editor.setAccessibleName("My notes on this lesson")
        self.editor.setAccessibleDescription("Saved automatically, one note per lesson")
        self.editor.setPlaceholderText("Type your own notes on this lesson. They are saved as you type.")
        self.editor.setTabChangesFocus(True)
        self.status = QLabel()
        self.status.setAccessibleName("Save status")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        self.setWidget(body)
        self.setFocusProxy(self.editor)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        self.editor.textChanged.connect(self._edited)
        self._loading = False
        window.windowTitleChanged.connect(lambda _title: self.follow_lesson())
        self.visibilityChanged.connect(self._visibility_changed)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        from viewer.qt.app.dock_room import watch_close

        watch_close(window, self)
        self.follow_lesson()

    def follow_lesson(self) -> None:
        """Show the note of the lesson now open (saving the one that was being edited)."""
        lesson_id = self.window_.current_lesson()
        if lesson_id == self.lesson_id:
            return
        self.save()
        self.lesson_id = lesson_id
        self._loading = True
        self.editor.setPlainText(self.window_.context.user_data.notes.note(lesson_id) if lesson_id else "")
        self._loading = False
        self.editor.setReadOnly(not lesson_id)
        self.heading.setText(f"Notes on: <b>{_lesson_title(self.window_, lesson_id)}</b>" if lesson_id
                             else "Open a lesson to write notes on it.")
        self.status.setText("")

    def _edited(self) -> None:
        if self._loading or not self.lesson_id:
            return
        self.window_.context.user_data.notes.set_note(self.lesson_id, self.editor.toPlainText())
        self.status.setText("Not saved yet…")
        self.timer.start()

    def save(self) -> bool:
        self.timer.stop()
        data = self.window_.context.user_data
        if not data.notes_loaded():
            return True
        ok = data.save()
        if self.lesson_id:
            self.status.setText("Saved." if ok else "Could not save: see the notice below.")
        return ok

    def _visibility_changed(self, visible: bool) -> None:
        if not visible:
            self.save()
        shown = not self.isHidden()  # False only when closed, not when tabbed behind another dock
        if self.window_.user_menus.lesson_notes_action.isChecked() != shown:
            self.window_.user_menus.lesson_notes_action.setChecked(shown)


def notes_dock(window: MainWindow) -> LessonNotesDock:
    menus = window.user_menus
    if menus.notes_dock is None:
        menus.notes_dock = LessonNotesDock(window)
    return menus.notes_dock


def show_notes(window: MainWindow, visible: bool) -> None:
    if not visible and window.user_menus.notes_dock is None:
        return
    dock = notes_dock(window)
    if not visible:
        dock.setVisible(False)
    else:
        from viewer.qt.app.dock_room import open_dock

        open_dock(window, dock)  # a tab beside the Study panel; the lesson keeps its width
        dock.follow_lesson()
        dock.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
