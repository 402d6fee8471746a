"""Menu entries for the user's own data: progress chart, export/import, bookmarks, lesson notes.

Only QActions are made at start-up. The data files are read after the first frame is on screen
(so a damaged file is reported at once), and the dialogs and docks are built on first use.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from viewer.qt.app.paint_watch import FirstPaint

STARTUP_CHECK_DELAY_MS = 150  # after the first frame, so start-up timing never pays for it


def install(window) -> None:
    study = window.study_menu
    if study.actions() and not study.actions()[-1].isSeparator():
        study.addSeparator()
    window.progress_action = window._action("Pro&gress…", lambda: _progress_view().show_progress(window), [],
                                            "Correct answers and cards due, per region and per topic, over time")
    window.export_progress_action = window._action(
        "&Export progress…", lambda: _transfer().export_dialog(window), [],
        "Save all progress, bookmarks and lesson notes to one file, to take to another computer")
    window.import_progress_action = window._action(
        "&Import progress…", lambda: _transfer().import_dialog(window), [],
        "Bring in progress, bookmarks and notes exported on another computer")
    for action in (window.progress_action, window.export_progress_action, window.import_progress_action):
        study.addAction(action)

    window.bookmark_action = window._action("&Bookmark this lesson", lambda: _lesson_notes().toggle_bookmark(window),
                                            ["Ctrl+D"], "Add or remove a bookmark on the lesson shown")
    window.bookmarks_menu = menu = QMenu("&Bookmarks", window)
    menu.aboutToShow.connect(lambda: _lesson_notes().fill_bookmarks_menu(window, menu))
    menu.addAction(window.bookmark_action)  # filled for real when first shown
    window.menuBar().insertMenu(window.study_menu.menuAction(), menu)

    window.lesson_notes_action = window._action("Lesson &notes", lambda checked: _lesson_notes().show_notes(window, checked),
                                                ["F8"], "Your own notes on the lesson shown, saved as you type",
                                                checkable=True)
    window.view_menu.addSeparator()
    window.view_menu.addAction(window.lesson_notes_action)

    FirstPaint(window.view.viewport(), lambda: _after_first_frame(window))


def _after_first_frame(window) -> None:
    if isValid(window):  # a test may have closed the window already
        QTimer.singleShot(STARTUP_CHECK_DELAY_MS, window, lambda: startup_check(window))


def startup_check(window) -> None:
    """Tell the user about a damaged settings file, a read-only data folder, or a damaged data file."""
    from viewer.qt.study.user_data import show_notice, user_data

    notice = getattr(window.settings, "notice", None)
    if notice:
        show_notice(window, notice)
    data = user_data(window)
    data.check_folder()
    data.progress, data.notes  # noqa: B018 -- loading reports damaged files


def _progress_view():
    from viewer.qt.study import progress_view

    return progress_view


def _transfer():
    from viewer.qt.study import progress_transfer

    return progress_transfer


def _lesson_notes():
    from viewer.qt.lesson import notes as lesson_notes

    return lesson_notes
