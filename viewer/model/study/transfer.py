"""One file holding all of a user's study data, to carry it to another computer.

The export holds progress (answers and card schedules), bookmarks and lesson notes. Importing
either merges it into what is here (nothing is lost: both histories are kept, each card keeps its
most recent review) or replaces what is here (the old files are backed up first, by the caller).
"""

from __future__ import annotations

import json

from viewer.model.core.datafile import dump_json
from viewer.model.study.notes import Notes
from viewer.model.study.progress import Progress
from viewer.model.core.record import record

KIND = "dgs-viewer-export"
VERSION = 1
SUFFIX = ".dgsprogress.json"


@record
class Bundle:
    progress: Progress
    notes: Notes


class TransferError(ValueError):
    """The chosen file is not a usable export; the message is for the user."""


def export_text(progress: Progress, notes: Notes, exported_at: str = "") -> str:
    data = {"kind": KIND, "version": VERSION, "progress": progress.to_json(), "notes": notes.to_json()}
    if exported_at:
        data["exported"] = exported_at
    return dump_json(data)


def read_export(text: str) -> Bundle:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise TransferError(f"it is not a progress export (damaged at line {getattr(exc, 'lineno', '?')})") from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise TransferError("it is not a progress export from this app")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise TransferError("it has no format version")
    if version > VERSION:
        raise TransferError(f"it was made by a newer version of the app (format {version}); update the app first")
    progress, notes = data.get("progress"), data.get("notes")
    progress = progress if isinstance(progress, dict) else {}
    notes = notes if isinstance(notes, dict) else {}
    return Bundle(Progress.from_json(progress), Notes.from_json(notes))


def apply(bundle: Bundle, progress: Progress, notes: Notes, mode: str) -> None:
    """``mode`` "merge" keeps both; "replace" discards what is here."""
    if mode == "merge":
        progress.merge(bundle.progress)
        notes.merge(bundle.notes)
    elif mode == "replace":
        progress.replace_with(bundle.progress)
        notes.replace_with(bundle.notes)
    else:
        raise ValueError(f"import mode must be 'merge' or 'replace', not {mode!r}")
