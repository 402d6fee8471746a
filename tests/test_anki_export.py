"""Anki export (genanki): the .apkg read back as Anki would read it, a zip holding an SQLite
collection and numbered media files."""

from __future__ import annotations

import html
import json
import sqlite3
import subprocess
import sys
import zipfile

import pytest

from viewer.model.content.loader import load_content
from viewer.model.export.anki_cards import anki_notes, question_note

pytest.importorskip("genanki")


def run_cli(repo, *args):
    return subprocess.run([sys.executable, "-m", "viewer", *args], cwd=repo, capture_output=True, text=True,
                          timeout=180, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})


def read_package(path, folder):
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder)
        names = set(archive.namelist())
    collection = next(folder / n for n in ("collection.anki21", "collection.anki2") if n in names)
    db = sqlite3.connect(collection)
    notes = db.execute("select guid, flds, tags from notes").fetchall()
    decks = json.loads(db.execute("select decks from col").fetchone()[0])
    cards = db.execute("select count(*) from cards").fetchone()[0]
    db.close()
    media = json.loads((folder / "media").read_text())
    return notes, {d["name"] for d in decks.values()}, cards, media


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from conftest import REPO as repo

    folder = tmp_path_factory.mktemp("anki")
    first, second = folder / "first.apkg", folder / "second.apkg"
    for path in (first, second):
        result = run_cli(repo, "--export-anki", str(path))
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # no Qt warning on the way
    return first, second


def test_every_question_and_every_label_is_a_note_with_its_picture(repo, exported, tmp_path):
    content = load_content(repo)
    from viewer.model.study.label_quiz import diagram_labels

    labels = diagram_labels(content.diagram, content.regions)
    notes, decks, cards, media = read_package(exported[0], tmp_path)
    assert len(notes) == cards == len(content.questions) + len(labels)
    assert decks >= {"DGS Viewer::Patient questions", "DGS Viewer::Clinical questions", "DGS Viewer::Diagram labels"}
    pictures = [n for n in notes if "<img" in n[1]]
    assert len(pictures) == len(labels)
    for _guid, fields, tags in pictures:
        name = fields.split('src="')[1].split('"')[0]
        assert name in media.values()
        number = next(k for k, v in media.items() if v == name)
        assert (tmp_path / number).read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG, present in the package
        assert "image-occlusion" in tags
    label_texts = {label.text for label in labels}
    assert {fields.split("\x1f")[1] for _g, fields, _t in pictures} == label_texts  # the answer: the label's words
    assert len(set(media.values())) == len(media)  # each picture stored once


def test_a_question_note_carries_prompt_choices_answer_why_and_sources(repo, exported, tmp_path):
    content = load_content(repo)
    question = next(q for q in content.questions if q.kind == "choice" and q.cite and q.level == "clinical")
    notes, *_ = read_package(exported[0], tmp_path)
    prompt, choices, answer, why, sources = next(
        f.split("\x1f") for _g, f, _t in notes if f.split("\x1f")[0] == question_note(
            question, content.bibliography, {}).fields[0])
    assert all(f"<li>{html.escape(choice)}</li>" in choices for choice in question.choices)
    assert answer == html.escape(question.right_answer)
    assert why == html.escape(question.explanation)
    reference = content.bibliography[question.cite[0]]
    assert html.escape(reference.citation(with_note=False)) in sources


def test_note_ids_are_stable_across_exports(exported, tmp_path):
    first, *_ = read_package(exported[0], tmp_path / "a")
    second, *_ = read_package(exported[1], tmp_path / "b")
    assert sorted(g for g, _f, _t in first) == sorted(g for g, _f, _t in second)
    assert len({g for g, _f, _t in first}) == len(first)


def test_one_level_makes_one_question_deck(repo, tmp_path):
    content = load_content(repo)
    labels_only = anki_notes([], [], {}, {}, ("patient",), {})
    assert labels_only == []
    path = tmp_path / "patient.apkg"
    result = run_cli(repo, "--export-anki", str(path), "--level", "patient")
    assert result.returncode == 0, result.stderr
    notes, decks, _cards, _media = read_package(path, tmp_path / "x")
    assert "DGS Viewer::Clinical questions" not in decks
    questions = [n for n in notes if "<img" not in n[1]]
    assert len(questions) == sum(q.level == "patient" for q in content.questions)


@pytest.mark.parametrize("target, message", [
    ("missing-folder/deck.apkg", "does not exist"),
    (".", "is a folder"),
])
def test_a_bad_path_is_one_clear_line_and_exit_2(repo, tmp_path, target, message):
    result = run_cli(repo, "--export-anki", str(tmp_path / target))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert not list(tmp_path.glob("**/*.apkg"))


def test_genanki_is_not_loaded_by_the_window(repo, tmp_path):
    code = (f"import sys; from viewer.cli import main; main(['--exit-after-paint', '--data-dir', {str(tmp_path)!r}]);"
            "print([m for m in sys.modules if m.startswith(('genanki', 'PyInstaller'))])")
    result = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_study_menu_exports_a_deck_the_user_names(open_window, repo, tmp_path, monkeypatch):
    """Study ▸ Export to Anki…: pick a level, a file without ".apkg"; the deck is written with it."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    window = open_window(repo)
    action = next(a for a in window.study_menu.actions() if a.text().replace("&", "") == "Export to Anki…")
    told = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Patient level", True)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "deck"), "")))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _w, _t, text: told.append(text)))
    action.trigger()
    notes, decks, _cards, _media = read_package(tmp_path / "deck.apkg", tmp_path / "x")
    assert "DGS Viewer::Clinical questions" not in decks and notes
    assert told and str(tmp_path / "deck.apkg") in told[0]


def test_a_handout_into_a_missing_folder_is_one_clear_line(repo, tmp_path):
    """The same check as the deck's, before Qt could print a warning of its own."""
    result = run_cli(repo, "--handout", "piriformis", "--output", str(tmp_path / "missing" / "h.pdf"))
    assert result.returncode == 2
    assert result.stderr == f"dgs-viewer: error: the folder {tmp_path / 'missing'} does not exist\n"
