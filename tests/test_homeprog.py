"""The home programme: the exercise library's data and check, the CLI, and the handout PDF read back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MAX_EXERCISE_GRADE = 6.0


def library():
    from viewer.model.homeprog.library import load_library

    lib, problems = load_library(REPO / "lessons" / "exercises.toml")
    return lib, problems


def test_library_loads_cleanly_and_covers_the_issue():
    lib, problems = library()
    assert problems == []
    ids = set(lib.ids())
    assert {"nerve-slider-sitting", "nerve-slider-lying", "piriformis-stretch", "side-lying-abduction", "bridge",
            "clamshell", "step-down", "shorter-stride", "sitting-breaks", "hamstring-isometric"} <= ids
    for exercise in lib.exercises:
        assert exercise.steps and exercise.purpose and exercise.evidence and exercise.references
        assert (REPO / "resources" / "exercises" / exercise.image).is_file()


@pytest.mark.parametrize("exercise_id", [e.id for e in library()[0].exercises])
def test_patient_text_reads_at_grade_6_or_lower(exercise_id):
    import textstat

    text = library()[0].get(exercise_id).patient_text()
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_EXERCISE_GRADE, f"{exercise_id}: Flesch-Kincaid grade {grade:.1f}"


def test_piriformis_stretch_follows_the_corrected_biomechanics():
    """Deep flexion + adduction + EXTERNAL rotation (knee to the opposite shoulder), Delp 1999."""
    stretch = library()[0].get("piriformis-stretch")
    steps = " ".join(stretch.steps).lower()
    assert "other shoulder" in steps and "internal" not in steps
    assert "external rotation" in stretch.clinical and "delp1999" in stretch.references


def test_sliders_not_tensioners_and_cautions():
    lib = library()[0]
    for exercise_id in ("nerve-slider-sitting", "nerve-slider-lying"):
        exercise = lib.get(exercise_id)
        assert "slider" in exercise.clinical.lower() or "sliders" in exercise.evidence.lower()
        assert any("pins and needles" in c for c in exercise.cautions)
    assert any("deep muscles" in c for c in lib.get("clamshell").cautions)
    assert "stretch" in " ".join(lib.get("hamstring-isometric").steps).lower()  # "do not stretch ... hard"


def test_check_catches_a_broken_library(tmp_path, repo):
    import shutil

    from viewer.model.content.check import check_content
    from viewer.model.content.loader import load_content

    root = tmp_path / "content"
    shutil.copytree(repo / "lessons", root / "lessons")
    shutil.copytree(repo / "resources", root / "resources")
    text = (root / "lessons" / "exercises.toml").read_text(encoding="utf-8")
    text = text.replace('references = ["delp1999", "vaarbakken2014"]', 'references = ["nosuchpaper"]')
    text = text.replace("dose = { sets = 2, reps = 8, hold_seconds = 0, times_a_day = 1 }",
                        "dose = { sets = 2, reps = 8, hold_seconds = 0 }")
    (root / "lessons" / "exercises.toml").write_text(text, encoding="utf-8")
    (root / "resources" / "exercises" / "bridge.svg").unlink()
    messages = [str(p) for p in check_content(load_content(root))]
    assert any("'piriformis-stretch': reference 'nosuchpaper'" in m for m in messages)
    assert any("'step-down': dose.times_a_day is missing" in m for m in messages)
    assert any("'bridge': image resources/exercises/bridge.svg is missing" in m for m in messages)
    assert all(":" in m.split(" ")[0] for m in messages)  # path:line: message


def test_bundled_check_is_clean(repo):
    result = subprocess.run([sys.executable, "-m", "viewer", "--check"], cwd=repo, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout


def test_programme_add_move_dose_and_limit():
    from viewer.model.homeprog.programme import MAX_EXERCISES, Programme

    lib = library()[0]
    programme = Programme()
    for exercise in lib.exercises:
        programme.add(exercise)
    assert len(programme.items) == MAX_EXERCISES
    assert not programme.add(lib.exercises[-1])
    first = programme.ids()[0]
    assert programme.move(0, 1) == 1 and programme.ids()[1] == first
    programme.set_dose(1, "reps", 15)
    programme.set_dose(1, "times_a_day", 99)
    assert programme.items[1].dose.reps == 15 and programme.items[1].dose.times_a_day == 12
    assert "15 times" in programme.items[1].dose.text()


def test_exercises_json(repo):
    result = subprocess.run([sys.executable, "-m", "viewer", "--exercises"], cwd=repo, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert {"id", "title", "regions", "has_image"} == set(data[0])
    assert all(entry["has_image"] for entry in data)


def test_unknown_exercise_id_exits_2_naming_it(repo, tmp_path):
    result = subprocess.run([sys.executable, "-m", "viewer", "--handout", "piriformis", "--exercises-for-handout",
                             "bridge,no-such-move", "--output", str(tmp_path / "x.pdf")],
                            cwd=repo, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no-such-move" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_handout_with_programme_read_back(repo, tmp_path):
    """Every chosen exercise's title, steps and dose are in the PDF; no block is split across pages;
    the pages before the programme stay at most two."""
    from pypdf import PdfReader

    ids = ["nerve-slider-sitting", "piriformis-stretch", "side-lying-abduction", "clamshell", "hamstring-isometric"]
    out = tmp_path / "programme.pdf"
    result = subprocess.run([sys.executable, "-m", "viewer", "--handout", "piriformis", "--exercises-for-handout",
                             ",".join(ids), "--output", str(out)], cwd=repo, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    import unicodedata

    # NFKC: the PDF's fonts use ligatures (fi, fl)
    pages = [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]
    lib = library()[0]
    first_programme_page = next(n for n, text in enumerate(pages) if "Your home exercises" in text)
    assert first_programme_page <= 2  # the lesson part keeps its two pages at most
    for exercise_id in ids:
        exercise = lib.get(exercise_id)
        holding = [n for n, text in enumerate(pages) if exercise.title in text]
        assert len(holding) == 1, exercise.title
        page = pages[holding[0]]
        for step in exercise.steps:   # the whole block on the page of its title: never split
            assert " ".join(step.split()) in page, (exercise_id, step)
        assert exercise.dose.text(exercise.dose_note) in page
    pictures = sum(len(page.images) for page in reader.pages[first_programme_page:])
    assert pictures >= len(ids)
