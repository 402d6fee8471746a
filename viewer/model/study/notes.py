"""The user's bookmarks and their own notes on lessons (notes.json in the data folder)."""

from __future__ import annotations

from datetime import datetime, timezone

from viewer.model.core.record import record

VERSION = 1
KIND = "notes"
MERGE_SEPARATOR = "\n\n— from the imported file —\n\n"


@record
class Note:
    text: str
    updated: str  # ISO time, UTC


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="seconds")


class Notes:
    def __init__(self):
        self.bookmarks: list[str] = []       # lesson ids, in the order they were added
        self.notes: dict[str, Note] = {}     # lesson id -> note
        self.revision = 0

    # ----- bookmarks ------------------------------------------------------------------------------------
    def is_bookmarked(self, lesson_id: str) -> bool:
        return lesson_id in self.bookmarks

    def toggle_bookmark(self, lesson_id: str) -> bool:
        """Add or remove; returns True when the lesson is now bookmarked."""
        if lesson_id in self.bookmarks:
            self.bookmarks.remove(lesson_id)
            marked = False
        else:
            self.bookmarks.append(lesson_id)
            marked = True
        self.revision += 1
        return marked

    # ----- notes ----------------------------------------------------------------------------------------
    def note(self, lesson_id: str) -> str:
        entry = self.notes.get(lesson_id)
        return entry.text if entry else ""

    def set_note(self, lesson_id: str, text: str, now: datetime | None = None) -> None:
        if text == self.note(lesson_id):
            return
        if text.strip():
            self.notes[lesson_id] = Note(text, _stamp(now))
        else:
            self.notes.pop(lesson_id, None)
        self.revision += 1

    def lessons_with_notes(self) -> list[str]:
        return sorted(self.notes)

    # ----- storing ----------------------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"kind": KIND, "version": VERSION, "bookmarks": list(self.bookmarks),
                "notes": {lesson: {"text": n.text, "updated": n.updated} for lesson, n in sorted(self.notes.items())}}

    @classmethod
    def from_json(cls, data: dict) -> Notes:
        notes = cls()
        marks = data.get("bookmarks")
        for lesson_id in (marks if isinstance(marks, list) else ()):
            if isinstance(lesson_id, str) and lesson_id and lesson_id not in notes.bookmarks:
                notes.bookmarks.append(lesson_id)
        entries = data.get("notes")
        for lesson_id, entry in (entries.items() if isinstance(entries, dict) else ()):
            if isinstance(entry, dict) and isinstance(entry.get("text"), str) and entry["text"].strip():
                notes.notes[str(lesson_id)] = Note(entry["text"], str(entry.get("updated", "")))
        return notes

    def merge(self, other: Notes) -> None:
        """Bookmarks: both sets. Notes: if the texts differ and neither holds the other, keep both texts."""
        for lesson_id in other.bookmarks:
            if lesson_id not in self.bookmarks:
                self.bookmarks.append(lesson_id)
        for lesson_id, theirs in other.notes.items():
            mine = self.notes.get(lesson_id)
            if mine is None or theirs.text.strip() in mine.text:
                self.notes.setdefault(lesson_id, Note(theirs.text, theirs.updated))
            elif mine.text.strip() in theirs.text:
                self.notes[lesson_id] = Note(theirs.text, max(mine.updated, theirs.updated))
            else:
                self.notes[lesson_id] = Note(mine.text + MERGE_SEPARATOR + theirs.text, _stamp())
        self.revision += 1

    def replace_with(self, other: Notes) -> None:
        self.bookmarks = list(other.bookmarks)
        self.notes = {lesson: Note(n.text, n.updated) for lesson, n in other.notes.items()}
        self.revision += 1
