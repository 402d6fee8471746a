"""Menu entries for the user's own data: progress chart, export/import, bookmarks, lesson notes.

Only QActions are made at start-up. The data files are read after the first frame is on screen
(so a damaged file is reported at once), and the dialogs and docks are built on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from viewer.qt.app.paint_watch import FirstPaint

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow
    from viewer.qt.lesson.notes import LessonNotesDock
    from viewer.qt.study.progress_view import ProgressDialog

STARTUP_CHECK_DELAY_MS = 150  # after the first frame, so start-up timing never pays for it


class UserMenus:
    def __init__(self, window: MainWindow):
        self.window = window
        self.progress_view: ProgressDialog | None = None    # Study ▸ Progress…, made on first use
        self.notes_dock: LessonNotesDock | None = None      # View ▸ Lesson notes, made on first use
        study = window.study_menu
        if study.actions() and not study.actions()[-1].isSeparator():
            study.addSeparator()
        self.progress_action = window.add_action(
            "Pro&gress…", lambda: _progress_view().show_progress(window), "",
            "Correct answers and cards due, per region and per topic, over time")
        self.export_progress_action = window.add_action(
            "&Export progress…", lambda: _transfer().export_dialog(window), "",
            "Save all progress, bookmarks and lesson notes to one file, to take to another computer")
        self.import_progress_action = window.add_action(
            "&Import progress…", lambda: _transfer().import_dialog(window), "",
            "Bring in progress, bookmarks and notes exported on another computer")
        self.export_anki_action = window.add_action(
            "Export to &Anki…", lambda: _anki().export_dialog(window), "",
            "Every question and a card per diagram label, as an Anki deck (image occlusion)")
        for action in (self.progress_action, self.export_progress_action, self.import_progress_action,
                       self.export_anki_action):
            study.addAction(action)

        self.bookmark_action = window.add_action("&Bookmark this lesson",
                                                 lambda: _lesson_notes().toggle_bookmark(window), "notes.bookmark",
                                                 "Add or remove a bookmark on the lesson shown")
        self.bookmarks_menu = menu = QMenu("&Bookmarks", window)
        menu.aboutToShow.connect(lambda: _lesson_notes().fill_bookmarks_menu(window, menu))
        menu.addAction(self.bookmark_action)  # filled for real when first shown
        window.menuBar().insertMenu(window.study_menu.menuAction(), menu)

        self.lesson_notes_action = window.add_action(
            "Lesson &notes", lambda checked: _lesson_notes().show_notes(window, checked), "notes.lesson",
            "Your own notes on the lesson shown, saved as you type", checkable=True)
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.lesson_notes_action)

        FirstPaint(window.view.viewport(), lambda: _after_first_frame(window))


def _after_first_frame(window: MainWindow) -> None:
    if isValid(window):  # a test may have closed the window already
        QTimer.singleShot(STARTUP_CHECK_DELAY_MS, window, lambda: startup_check(window))


def startup_check(window: MainWindow) -> None:
    """Tell the user about a damaged settings file, a read-only data folder, or a damaged data file."""
    notice = window.settings.notice
    if notice:
        window.show_notice(notice)
    data = window.context.user_data
    data.check_folder()
    data.progress, data.notes  # noqa: B018 -- loading reports damaged files


def _progress_view():
    from viewer.qt.study import progress_view

    return progress_view


def _transfer():
    from viewer.qt.study import progress_transfer

    return progress_transfer


def _anki():
    from viewer.qt.study import anki_export  # genanki: only when an export runs

    return anki_export


def _lesson_notes():
    from viewer.qt.lesson import notes as lesson_notes

    return lesson_notes
