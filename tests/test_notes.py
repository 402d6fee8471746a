"""Bookmarks and the user's notes on lessons (model)."""

from __future__ import annotations

from datetime import datetime, timezone

from viewer.model.core.datafile import load_json, save_json
from viewer.model.study.notes import KIND, MERGE_SEPARATOR, VERSION, Notes


def test_bookmarks_toggle_and_keep_their_order():
    notes = Notes()
    assert notes.toggle_bookmark("piriformis") is True
    assert notes.toggle_bookmark("overview") is True
    assert notes.bookmarks == ["piriformis", "overview"] and notes.is_bookmarked("overview")
    assert notes.toggle_bookmark("piriformis") is False
    assert notes.bookmarks == ["overview"]


def test_notes_per_lesson_and_an_emptied_note_is_removed():
    notes = Notes()
    notes.set_note("piriformis", "Check sitting pain.")
    revision = notes.revision
    notes.set_note("piriformis", "Check sitting pain.")
    assert notes.revision == revision  # same text: nothing to save
    assert notes.note("piriformis") == "Check sitting pain." and notes.note("overview") == ""
    notes.set_note("piriformis", "   ")
    assert notes.lessons_with_notes() == []


def test_notes_survive_save_and_reload(tmp_path):
    notes = Notes()
    notes.toggle_bookmark("overview")
    notes.set_note("overview", "Line one\nLine two — ünïcode", now=datetime(2026, 1, 2, tzinfo=timezone.utc))
    save_json(tmp_path / "notes.json", notes.to_json())
    result = load_json(tmp_path / "notes.json", KIND, VERSION)
    again = Notes.from_json(result.data)
    assert again.to_json() == notes.to_json()
    assert again.notes["overview"].updated.startswith("2026-01-02")


def test_reading_skips_nonsense_entries():
    notes = Notes.from_json({"bookmarks": ["a", "a", 3, ""], "notes": {"a": {"text": "x"}, "b": "text", "c": {"text": " "}}})
    assert notes.bookmarks == ["a"] and list(notes.notes) == ["a"]


def test_merge_combines_bookmarks_and_never_drops_a_note():
    here, there = Notes(), Notes()
    here.toggle_bookmark("a")
    there.toggle_bookmark("b")
    there.toggle_bookmark("a")
    here.set_note("same", "identical")
    there.set_note("same", "identical")
    here.set_note("grown", "start")
    there.set_note("grown", "start, and more written later")
    here.set_note("differ", "mine")
    there.set_note("differ", "theirs")
    there.set_note("only-there", "new")
    here.merge(there)
    assert here.bookmarks == ["a", "b"]
    assert here.note("same") == "identical"
    assert here.note("grown") == "start, and more written later"
    assert here.note("differ") == "mine" + MERGE_SEPARATOR + "theirs"
    assert here.note("only-there") == "new"
