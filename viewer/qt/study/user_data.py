"""The user's own data for a window: study progress, bookmarks and lesson notes.

Loaded on first use from the data folder (window.settings.data_dir), saved atomically. Problems
(a damaged file set aside, a read-only folder, a full disk) become one clear notice each; the app
goes on working, keeping changes in memory.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from viewer.model.core import datafile
from viewer.model.study import notes as notes_model, progress as progress_model, transfer
from viewer.model.study.notes import Notes
from viewer.model.study.progress import Progress

PROGRESS_FILE = "progress.json"
NOTES_FILE = "notes.json"


def user_data(window) -> UserData:
    """The window's UserData, created on the first call."""
    data = getattr(window, "_user_data", None)
    if data is None:
        data = window._user_data = UserData(window)
    return data


def card_info(content) -> dict[str, tuple[str | None, str | None]]:
    """Every study card of the content -> (region, topic). Only structures drawn on the diagram can be asked."""
    info: dict[str, tuple[str | None, str | None]] = {}
    for region in content.index().regions:
        info[f"find:{region.id}"] = (region.id, "anatomy")
        info[f"name:{region.id}"] = (region.id, "anatomy")
    for question in getattr(content, "questions", None) or []:
        info[f"q:{question.id}"] = (question.region or None, question.topic or None)
    from viewer.model.study.label_quiz import diagram_labels

    for label in diagram_labels(content.diagram, content.regions):
        info[label.card_id] = (label.region, "anatomy")
    return info


class _SaveOnClose(QObject):
    def __init__(self, window, data):
        super().__init__(window)
        self._data = data
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Close:
            self._data.save()
        return False


class UserData:
    def __init__(self, window):
        self.window = window
        self.data_dir = Path(window.settings.data_dir)
        self._progress: Progress | None = None
        self._notes: Notes | None = None
        self._writable = {PROGRESS_FILE: True, NOTES_FILE: True}
        self._saved = {PROGRESS_FILE: 0, NOTES_FILE: 0}
        self._on_disk: dict[str, tuple | None] = {}  # each file as last read or written here (see _merge_disk)
        self._shown: set[str] = set()
        self.last_error: str | None = None
        _SaveOnClose(window, self)

    # ----- loading --------------------------------------------------------------------------------------
    @property
    def progress(self) -> Progress:
        if self._progress is None:
            data = self._load(PROGRESS_FILE, progress_model.KIND, progress_model.VERSION)
            self._progress = Progress.from_json(data) if data else Progress()
        return self._progress

    @property
    def notes(self) -> Notes:
        if self._notes is None:
            data = self._load(NOTES_FILE, notes_model.KIND, notes_model.VERSION)
            self._notes = Notes.from_json(data) if data else Notes()
        return self._notes

    def _load(self, name: str, kind: str, version: int) -> dict | None:
        self._on_disk[name] = _file_stamp(self.data_dir / name)
        result = datafile.load_json(self.data_dir / name, kind, version)
        self._writable[name] = result.writable
        if result.notice:
            self.notify(result.notice)
        return result.data

    def all_card_ids(self, content) -> list[str]:
        return list(card_info(content))

    def due_today(self, content=None) -> int:
        return self.progress.due_today_count(card_info(content or self.window.content))

    def due_and_new(self, content=None) -> tuple[int, int]:
        """(studied cards due by the end of today, cards never studied): the count shown everywhere."""
        return self.progress.due_and_new(card_info(content or self.window.content))

    # ----- saving ---------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write whatever changed. False (with a notice to the user) when it could not be written."""
        ok = True
        if self._progress is not None:
            ok &= self._save(PROGRESS_FILE, self._progress)
        if self._notes is not None:
            ok &= self._save(NOTES_FILE, self._notes)
        return bool(ok)

    def _save(self, name: str, store) -> bool:
        if store.revision == self._saved[name]:
            return True
        if not self._writable[name]:
            return False
        try:
            self._merge_disk(name, store)
            datafile.save_json(self.data_dir / name, store.to_json())
            self._on_disk[name] = _file_stamp(self.data_dir / name)
        except OSError as exc:
            self.last_error = datafile.describe_save_error(exc, self.data_dir)
            self.notify(f"Could not save your {name.removesuffix('.json')}: {self.last_error}. The app keeps "
                        f"working and keeps your changes until you close it.")
            return False
        self._saved[name] = store.revision
        self.last_error = None
        return True

    def _merge_disk(self, name: str, store) -> None:
        """Another copy of the app on the same data folder may have saved since this one read the file:
        its answers, bookmarks and notes are merged in before writing, so that neither copy's are lost."""
        path = self.data_dir / name
        if _file_stamp(path) == self._on_disk.get(name):
            return
        model = progress_model if name == PROGRESS_FILE else notes_model
        result = datafile.load_json(path, model.KIND, model.VERSION)
        if result.data:
            store.merge((Progress if name == PROGRESS_FILE else Notes).from_json(result.data))

    def check_folder(self) -> bool:
        """Tell the user once if nothing can be saved (read-only folder); True when writable."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.data_dir, prefix=".write-test-"):
                pass
        except OSError as exc:
            reason = datafile.describe_save_error(exc, self.data_dir)
            self.notify(f"Nothing will be saved: {reason}. The app works normally, but settings, progress and "
                        f"notes will be lost when you close it. Start with --data-dir to choose another folder.")
            return False
        return True

    # ----- moving to another computer ----------------------------------------------------------------------
    def export_to(self, path) -> None:
        """Write all progress, bookmarks and notes to one file. Raises OSError."""
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        datafile.write_atomic(Path(path), transfer.export_text(self.progress, self.notes, stamp))

    def read_import(self, path) -> transfer.Bundle:
        """Read an export file. Raises TransferError (with a message for the user) or OSError."""
        return transfer.read_export(Path(path).read_text(encoding="utf-8", errors="replace"))

    def import_bundle(self, bundle: transfer.Bundle, mode: str) -> bool:
        """Merge or replace (after backing up the current files), then save."""
        if mode == "replace":
            self._backup()
        transfer.apply(bundle, self.progress, self.notes, mode)
        return self.save()

    def _backup(self) -> None:
        for name in (PROGRESS_FILE, NOTES_FILE):
            source = self.data_dir / name
            if source.exists():
                target = datafile.aside_name(source, "before-import")
                try:
                    datafile.write_atomic(target, source.read_text(encoding="utf-8"))
                except OSError:
                    pass  # the save that follows reports the folder problem

    # ----- telling the user --------------------------------------------------------------------------------
    def notify(self, text: str) -> None:
        """Show a notice once: it stays in the status bar until dismissed."""
        if text in self._shown:
            return
        self._shown.add(text)
        show_notice(self.window, text)


def _file_stamp(path: Path) -> tuple | None:
    """What tells one version of a file from the next: modification time (ns), size and inode."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


class NoticeBar(QFrame):
    """A notice in the status bar that stays until the user dismisses it (hover text cannot hide it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#notice { background: #fff4ce; border: 1px solid #8a6d00; }"
                           "QFrame#notice QLabel { color: #1f1f1f; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.label.setAccessibleName("Notice")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.setAccessibleName("Dismiss notice")
        self.dismiss.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss)
        self.messages: list[str] = []

    def resizeEvent(self, event) -> None:
        """The status bar ignores height-for-width: fit the wrapped text to the width it really has."""
        super().resizeEvent(event)
        height = self.label.heightForWidth(max(self.label.width(), 100))
        if height > 0 and height != self.label.height():
            self.label.setFixedHeight(height)

    def add(self, text: str) -> None:
        self.messages.append(text)
        self.label.setText("⚠ " + "\n⚠ ".join(self.messages))
        self.setAccessibleDescription(" ".join(self.messages))
        self.show()

    def clear(self) -> None:
        self.messages.clear()
        self.label.clear()
        self.hide()


def notice_bar(window) -> NoticeBar:
    bar = getattr(window, "_notice_bar", None)
    if bar is None:
        bar = window._notice_bar = NoticeBar()
        window.statusBar().addPermanentWidget(bar, 1)
    return bar


def show_notice(window, text: str) -> None:
    notice_bar(window).add(text)
    window.statusBar().clearMessage()
