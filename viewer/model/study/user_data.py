"""The user's own data: study progress, bookmarks and lesson notes, in the data folder.

Loaded on first use, saved atomically. Problems (a damaged file set aside, a read-only folder, a
full disk) become one clear notice each, handed to ``notify`` (the window shows it); the app goes on
working, keeping changes in memory. No Qt: tests use it without a window.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from viewer.model.core import datafile
from viewer.model.study import notes as notes_model, progress as progress_model, transfer
from viewer.model.study.cards import card_info
from viewer.model.study.notes import Notes
from viewer.model.study.progress import Progress

PROGRESS_FILE = "progress.json"
NOTES_FILE = "notes.json"


class UserData:
    def __init__(self, data_dir: Path, notify: Callable[[str], None] = lambda text: None):
        self.data_dir = Path(data_dir)
        self._tell = notify
        self._progress: Progress | None = None
        self._notes: Notes | None = None
        self._writable = {PROGRESS_FILE: True, NOTES_FILE: True}
        self._saved = {PROGRESS_FILE: 0, NOTES_FILE: 0}
        self._shown: set[str] = set()
        self.last_error: str | None = None

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
        result = datafile.load_json(self.data_dir / name, kind, version)
        self._writable[name] = result.writable
        if result.notice:
            self.notify(result.notice)
        return result.data

    @property
    def loaded(self) -> bool:
        """Whether anything was read yet (nothing to save before)."""
        return self._progress is not None or self._notes is not None

    def notes_loaded(self) -> bool:
        return self._notes is not None

    def due_and_new(self, content) -> tuple[int, int]:
        """(studied cards due by the end of today, cards never studied): the count shown everywhere."""
        return self.progress.due_and_new(card_info(content))

    def record_answer(self, card_id: str, correct: bool, region: str | None, topic: str | None) -> bool:
        """One answer, for the scheduler, saved at once (False: kept in memory, the user was told)."""
        self.progress.record(card_id, correct, region=region, topic=topic)
        return self.save()

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
            datafile.save_json(self.data_dir / name, store.to_json())
        except OSError as exc:
            self.last_error = datafile.describe_save_error(exc, self.data_dir)
            self.notify(f"Could not save your {name.removesuffix('.json')}: {self.last_error}. The app keeps "
                        f"working and keeps your changes until you close it.")
            return False
        self._saved[name] = store.revision
        self.last_error = None
        return True

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
        self._tell(text)
