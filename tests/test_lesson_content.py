"""The bundled lessons: two reading levels, readability, seed coverage, citations."""

from __future__ import annotations

import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from viewer.model.content.loader import load_content
from viewer.model.content.lessons import LEVELS
from viewer.model.content.plaintext import lesson_text

REPO = Path(__file__).resolve().parent.parent
CONTENT = load_content(REPO)
LESSON_IDS = sorted(CONTENT.lessons)
REQUIRED_LESSONS = ["what-is-dgs", "piriformis", "gemelli-obturator-internus", "ischiofemoral-tunnel",
                    "hamstring-origin", "sciatic-nerve", "symptoms", "diagnosis", "dgs-vs-back", "urgent-help",
                    "management"]
MAX_PATIENT_GRADE = 8.0


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_required_lessons_exist():
    assert set(REQUIRED_LESSONS) <= set(LESSON_IDS)


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_both_levels_and_review_date(lesson_id):
    lesson = CONTENT.lessons[lesson_id]
    assert all(lesson.has_level(level) for level in LEVELS)
    assert lesson.reviewed


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_patient_text_reads_at_grade_8_or_lower(lesson_id, no_network):
    import textstat

    text = lesson_text(CONTENT.lessons[lesson_id], "patient")
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_PATIENT_GRADE, f"{lesson_id}: Flesch-Kincaid grade {grade:.1f}"


def test_readability_measure_tells_plain_from_dense(no_network):
    """The grade test can fail: dense clinical prose scores well above 8."""
    import textstat

    dense = ("Intraoperative visualisation demonstrated fibrovascular adhesions tethering the sciatic nerve "
             "posterior to the obturator internus, with perineural hypervascularity and constrictive bands.")
    assert textstat.flesch_kincaid_grade(dense) > MAX_PATIENT_GRADE


def all_lesson_text() -> str:
    return "\n".join(lesson_text(lesson, level).lower()
                     for lesson in CONTENT.lessons.values() for level in LEVELS)


def seed_points():
    data = tomllib.loads((REPO / "tests" / "data" / "seed_points.toml").read_text(encoding="utf-8"))
    return data["point"]


def test_every_seed_document_has_points():
    seeds = {p["seed"] for p in seed_points()}
    shared = REPO.parent / "shared" / "seeds"
    if shared.is_dir():
        assert seeds == {p.name for p in shared.glob("*.txt")}
    assert len(seeds) == 3


@pytest.mark.parametrize("point", seed_points(), ids=lambda p: p["point"][:60])
def test_seed_point_is_taught(point):
    text = " ".join(all_lesson_text().split())
    assert any(" ".join(phrase.lower().split()) in text for phrase in point["phrases"]), point["point"]


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_lesson_text_cli(repo, lesson_id):
    for level in LEVELS:
        result = subprocess.run([sys.executable, "-m", "viewer", "--lesson-text", lesson_id, "--level", level],
                                cwd=repo, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0].rstrip(".") == CONTENT.lessons[lesson_id].title
        assert "[@" not in result.stdout and "::: " not in result.stdout and "](" not in result.stdout


def test_lesson_text_unknown_id(repo):
    result = subprocess.run([sys.executable, "-m", "viewer", "--lesson-text", "nope"], cwd=repo,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "unknown lesson id 'nope'" in result.stderr


def test_comparison_lesson_has_a_table_at_both_levels():
    lesson = CONTENT.lessons["dgs-vs-back"]
    for level in LEVELS:
        assert any(line.strip().startswith("|---") or line.strip().startswith("| ---")
                   for line in lesson.markdown(level).splitlines()), level


def test_misquoted_figures_are_not_taught():
    """clinical-facts.md warns about these; the lessons must teach the corrected version."""
    text = all_lesson_text()
    assert "semimembranosus and the long head of biceps" not in text
    assert "seated piriformis stretch test had a sensitivity of 0.91" not in text
    for lesson in CONTENT.lessons.values():
        for line in lesson.markdown("clinical").splitlines():
            if "0.91" in line or "91%" in line:
                assert any(w in line.lower() for w in ("combin", "both", "together")), f"{lesson.id}: {line}"
