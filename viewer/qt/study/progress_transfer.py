"""Export and import of all study data as one file (Study ▸ Export progress… / Import progress…).

``export_progress`` and ``import_progress`` take a path and do the work; the ``*_dialog``
functions only ask for the path (and, on import, merge or replace) and call them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.model.study.transfer import SUFFIX, TransferError

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow

FILE_FILTER = f"DGS Viewer progress (*{SUFFIX} *.json);;All files (*)"
MERGE_TEXT = ("Merge keeps everything: the answers from both computers are combined, each card keeps its "
              "most recent review, bookmarks are combined and differing notes are kept together.")
REPLACE_TEXT = ("Replace discards the progress, bookmarks and notes on this computer and uses the file's "
                "instead. A backup of the current files is kept in the data folder.")


def export_progress(window: MainWindow, path) -> bool:
    path = Path(path)
    try:
        window.context.user_data.export_to(path)
    except OSError as exc:
        window.statusBar().showMessage(f"Could not export to {path}: {exc.strerror or exc}.", 10000)
        return False
    window.statusBar().showMessage(f"Progress, bookmarks and notes exported to {path}.", 10000)
    return True


def import_progress(window: MainWindow, path, mode: str) -> bool:
    """``mode`` is "merge" or "replace" (the caller has asked the user)."""
    data = window.context.user_data
    try:
        bundle = data.read_import(path)
    except (OSError, TransferError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        window.statusBar().showMessage(f"Could not import {Path(path).name}: {reason}.", 10000)
        return False
    saved = data.import_bundle(bundle, mode)
    answers = len(bundle.progress.attempts)
    verb = "merged into" if mode == "merge" else "now replaces"
    counts = f"{_count(answers, 'answer')}, {_count(len(bundle.notes.bookmarks), 'bookmark')} and " \
             f"{_count(len(bundle.notes.notes), 'note')}"
    window.statusBar().showMessage(f"Imported {Path(path).name}: {counts} {verb} this computer's."
                                   + ("" if saved else " It could not be saved (see the notice)."), 10000)
    view = window.user_menus.progress_view
    if view is not None:
        view.refresh()
    return True


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def default_export_name() -> str:
    return f"dgs-progress-{date.today().isoformat()}{SUFFIX}"


def export_dialog(window: MainWindow) -> None:
    start = str(Path.home() / default_export_name())
    path, _filter = QFileDialog.getSaveFileName(window, "Export progress", start, FILE_FILTER)
    if path:
        export_progress(window, path)


def ask_import_mode(window: MainWindow, path) -> str | None:
    """Merge, replace or cancel. Replace is never the default."""
    box = QMessageBox(QMessageBox.Icon.Question, "Import progress",
                      f"How should {Path(path).name} be brought in?", parent=window)
    box.setInformativeText(f"{MERGE_TEXT}\n\n{REPLACE_TEXT}")
    merge = box.addButton("Merge", QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton("Replace…", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(merge)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()  # owned by the window: without this every import would leave one behind
    if clicked is merge:
        return "merge"
    if clicked is replace:
        sure = QMessageBox.warning(window, "Replace progress",
                                   "Replace this computer's progress, bookmarks and notes with the file's?",
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                   QMessageBox.StandardButton.Cancel)
        return "replace" if sure == QMessageBox.StandardButton.Yes else None
    return None


def import_dialog(window: MainWindow) -> None:
    path, _filter = QFileDialog.getOpenFileName(window, "Import progress", str(Path.home()), FILE_FILTER)
    if not path:
        return
    try:
        window.context.user_data.read_import(path)  # a wrong file is refused before any question is asked
    except (OSError, TransferError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        QMessageBox.warning(window, "Import progress", f"{Path(path).name} cannot be imported: {reason}.")
        return
    mode = ask_import_mode(window, path)
    if mode:
        import_progress(window, path, mode)
