"""Plain text keeps its sources: numbered markers and the reference list at Clinical level, and no
stray space where a citation was taken out, in the lessons and in the Positions panel."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.model.content.loader import load_content
from viewer.model.content.plaintext import lesson_text
from viewer.model.content.render import render_lesson

REPO = Path(__file__).resolve().parent.parent
CONTENT = load_content(REPO)
SPACE_BEFORE_PUNCTUATION = re.compile(r"\w\s+[.,;:!?](?=\s|$)", re.MULTILINE)


@pytest.mark.parametrize("level", ["patient", "clinical"])
@pytest.mark.parametrize("lesson_id", sorted(CONTENT.lessons))
def test_no_space_before_punctuation(lesson_id, level):
    lesson = CONTENT.lessons[lesson_id]
    for text in (lesson_text(lesson, level), lesson_text(lesson, level, CONTENT.bibliography)):
        assert not SPACE_BEFORE_PUNCTUATION.findall(text), SPACE_BEFORE_PUNCTUATION.findall(text)[:3]
    assert not SPACE_BEFORE_PUNCTUATION.findall(render_lesson(lesson, level, CONTENT.bibliography).markdown)


@pytest.mark.parametrize("lesson_id", sorted(CONTENT.lessons))
def test_clinical_text_numbers_its_sources_as_the_panel_does(lesson_id):
    lesson = CONTENT.lessons[lesson_id]
    text = lesson_text(lesson, "clinical", CONTENT.bibliography)
    shown = render_lesson(lesson, "clinical", CONTENT.bibliography).references  # the panel's list, in order
    if not shown:
        assert "References." not in text
        return
    body, _, listed = text.partition("\nReferences.\n")
    entries = listed.splitlines()
    assert len(entries) == len(shown)
    for number, (entry, reference) in enumerate(zip(entries, shown), start=1):
        assert entry.startswith(f"{number}. ")
        for part in (reference.authors, reference.title, reference.journal, str(reference.year)):
            assert part.rstrip(".") in entry
        for identifier in (reference.doi, reference.pmid):
            assert identifier in entry
    cited = {int(n) for group in re.findall(r"\[(\d+(?:, \d+)*)\]", body) for n in group.split(", ")}
    assert cited and cited <= set(range(1, len(shown) + 1))
    assert "@" not in body  # no raw citation key left


def test_lesson_text_cli_keeps_markers_and_references(repo):
    result = subprocess.run([sys.executable, "-m", "viewer", "--lesson-text", "diagnosis", "--level", "clinical"],
                            cwd=repo, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "confirmed at endoscopy ." not in out
    assert re.search(r"\w \[\d+(, \d+)*\]\.", out), "no numbered marker before a full stop"
    assert "\nReferences.\n1. " in out
    patient = subprocess.run([sys.executable, "-m", "viewer", "--lesson-text", "diagnosis"],
                             cwd=repo, capture_output=True, text=True, timeout=60, check=False).stdout
    assert "References." not in patient and not re.search(r"\[\d+\]", patient)  # patient words stay plain
    assert not SPACE_BEFORE_PUNCTUATION.findall(patient)


def test_positions_panel_has_no_space_before_punctuation(open_window, repo):
    window = open_window(repo)
    window.level_actions["clinical"].trigger()
    dock = window.chairside.positions
    dock.show()
    checked = 0
    for position in window.content.positions:
        dock.select(position.id)
        from PySide6.QtGui import QTextDocumentFragment

        shown = QTextDocumentFragment.fromHtml(dock.explanation.text()).toPlainText()
        assert not SPACE_BEFORE_PUNCTUATION.findall(shown), (position.id, SPACE_BEFORE_PUNCTUATION.findall(shown))
        checked += bool(position.clinical)
    assert checked >= 3  # clinical text with citations was shown
