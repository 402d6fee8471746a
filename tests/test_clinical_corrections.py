"""Issue 16: the errors an independent musculoskeletal review found must not come back.

Each test reads what a user reads (lesson text at both levels, quiz questions with their right
answers, the Positions panel, the handout box) and fails if a corrected error reappears.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from viewer.model.content.lessons import LEVELS
from viewer.model.content.loader import load_content
from viewer.model.content.plaintext import lesson_text

REPO = Path(__file__).resolve().parent.parent
CONTENT = load_content(REPO)
QUESTIONS = {q.id: q for q in CONTENT.questions}


def text(lesson_id: str, level: str) -> str:
    return " ".join(lesson_text(CONTENT.lessons[lesson_id], level).split())


def everything() -> str:
    parts = [text(lesson_id, level) for lesson_id in CONTENT.lessons for level in LEVELS]
    parts += [f"{q.prompt} {q.choices[q.answer]} {q.explanation}" for q in CONTENT.questions if q.choices]
    parts += [f"{p.patient} {p.clinical} {p.nerve}" for p in CONTENT.positions]
    parts.append((REPO / "lessons" / "handout.toml").read_text(encoding="utf-8"))
    return " ".join(" ".join(parts).split())


ALL = everything()  # what is taught: wrong quiz choices are meant to be wrong, so they are left out


def right_answer(question_id: str) -> str:
    question = QUESTIONS[question_id]
    return question.choices[question.answer]


def test_fair_figures_belong_to_the_h_reflex_index_test_not_the_bedside_manoeuvre():  # item 1
    assert "against an H-reflex" not in ALL and "H-reflex standard" not in ALL
    assert "clinical working definition" in right_answer("test-fair-reference")
    assert "H-reflex" in right_answer("test-fair-reference")
    for lesson_id in ("piriformis", "diagnosis"):
        clinical = text(lesson_id, "clinical")
        for match in re.finditer(r"0\.881", clinical):
            nearby = clinical[max(0, match.start() - 400):match.end() + 400]
            assert "clinical working definition" in nearby, lesson_id
    fair = next(p for p in CONTENT.positions if p.id == "fair")
    assert "clinical working definition" in fair.clinical and "not a piriformis stretch" in fair.clinical


def test_piriformis_is_stretched_with_external_rotation_in_deep_flexion():  # item 2
    assert not re.search(r"stretch\w* into flexion[–-]adduction[–-]internal rotation", ALL, re.IGNORECASE)
    assert "external rotation" in right_answer("pos-piriformis-stretch-direction")
    assert "internal rotation" not in right_answer("pos-piriformis-stretch-direction")
    assert "external* rotation" in CONTENT.lessons["piriformis"].markdown("clinical")
    assert "knee towards the opposite shoulder" in text("management", "clinical")


def test_mcgovern_internal_rotation_was_measured_from_zero_flexion():  # item 3
    for position in CONTENT.positions:
        if "45°" in position.clinical:
            assert "0° flexion" in position.clinical, position.id
    assert "0° of flexion" in text("gemelli-obturator-internus", "clinical")
    assert "0 degrees of flexion" in QUESTIONS["pos-oi-internal-rotation"].explanation


def test_martin_2018_is_about_hamstring_tears_and_no_30_90_rule_is_taught():  # item 4
    assert not re.search(r"weak at 30.{0,40}normal at 90", ALL, re.IGNORECASE)
    assert "tears" in right_answer("test-active-hamstring")
    assert "42 patients, 27 with proximal hamstring tears" in text("hamstring-origin", "clinical")


def test_michel_score_is_a_case_control_derivation_with_spectrum_bias():  # item 5
    for lesson_id in ("piriformis", "diagnosis"):
        assert "spectrum bias" in text(lesson_id, "clinical"), lesson_id
        assert "30 healthy controls" in text(lesson_id, "clinical"), lesson_id
    assert "spectrum bias" in QUESTIONS["test-michel-score"].explanation


def test_medicines_follow_nice_ng59_at_both_levels():  # item 6
    assert "stay active and sleep better" not in ALL
    assert "neuropathic agents to reduce pain, support activity and improve sleep" not in ALL
    assert "NG59" in text("management", "clinical") and "gabapentinoids" in text("management", "clinical")
    assert "does not advise" in text("management", "patient")


@pytest.mark.parametrize("words", ["had cancer", "losing weight without trying", "fight infection",
                                   "injecting drugs", "fever", "Pain at night that does not ease"])
def test_patient_red_flags_are_on_the_urgent_page_and_the_handout(words):  # item 7
    assert words.lower() in text("urgent-help", "patient").lower()
    handout = tomllib.loads((REPO / "lessons" / "handout.toml").read_text(encoding="utf-8"))["urgent"].lower()
    handout_words = {"had cancer": "had cancer", "losing weight without trying": "lost weight without trying",
                     "fight infection": "weak immune system", "injecting drugs": "inject drugs", "fever": "fever",
                     "pain at night that does not ease": "even at night"}
    assert handout_words[words.lower()] in handout


def test_night_pain_is_never_called_normal_without_the_position_caveat():  # item 7
    for lesson_id in CONTENT.lessons:
        for level in LEVELS:
            words = text(lesson_id, level)
            for match in re.finditer(r"night", words, re.IGNORECASE):
                nearby = words[max(0, match.start() - 300):match.end() + 300].lower()
                if "nantes" in nearby:  # the pudendal criteria's "not waking the patient at night"
                    continue
                assert "position" in nearby or "whichever way you lie" in nearby, (lesson_id, level, nearby)


def test_barros_is_charted_with_its_size_and_caveat():  # item 8 (drawing: tests/test_evidence_gui.py)
    clinical = text("ischiofemoral-tunnel", "clinical")
    assert "size not given" not in clinical
    assert "6 patients" in clinical and "partly defined by the MRI" in clinical


def test_long_stride_test_size_and_bias():  # item 9
    for lesson_id in ("ischiofemoral-tunnel", "diagnosis"):
        clinical = text(lesson_id, "clinical")
        assert "17 with IFI" in clinical and "incorporation bias" in clinical, lesson_id
    assert "17 with IFI" in QUESTIONS["test-long-stride"].explanation


def test_sciatic_nerve_lesson_points_to_real_figures_and_sources():  # item 10
    clinical = text("sciatic-nerve", "clinical")
    assert "figures above" not in clinical
    assert "16 healthy volunteers" in clinical
    markdown = CONTENT.lessons["sciatic-nerve"].markdown("clinical")
    blood_flow = next(line for line in markdown.splitlines() if "blood flow" in line and "activity" in line.lower())
    assert "@dgsleaflet2025" in blood_flow and "@martin2015" not in blood_flow
    assert CONTENT.bibliography["dgsleaflet2025"].authors


def test_martin_2014_women_and_meknas_2009():  # item 11
    assert "10 patients without entrapment" in text("what-is-dgs", "clinical")
    gemelli = text("gemelli-obturator-internus", "clinical")
    assert "randomised" in gemelli and "8-year" in gemelli
    assert "This is a very small series" not in gemelli


def test_patient_lessons_agree_on_stretching_strength_and_warm_up():  # item 12
    assert "Pulling your knee up and across your body." not in text("piriformis", "patient")
    management = text("management", "patient")
    assert "Warm up and stretch before sport" not in ALL
    assert "skip hard hamstring stretches" in management
    assert "go back a step" in management and "If exercise stirs up the pain" in management


def test_patient_and_clinical_levels_agree():  # item 13
    patient = text("dgs-vs-back", "patient")  # table cells read as sentences: "Row name. DGS cell. Back cell."
    assert "Weakness or numb patches. Uncommon." not in patient
    assert "Tingling or numb feelings in the leg. Common. Common." in patient
    assert "Raising the straight leg. Often normal, but can be painful or limited." in patient
    assert "It is not damaged in the spine." not in text("what-is-dgs", "patient")
    assert "have a back problem as well" in text("what-is-dgs", "patient")


@pytest.mark.parametrize("lesson_id, level", [("management", "patient"), ("management", "clinical"),
                                              ("diagnosis", "patient"), ("diagnosis", "clinical")])
def test_injection_safety_is_given_wherever_a_numbing_injection_is_offered(lesson_id, level):  # item 14
    words = text(lesson_id, level).lower()
    assert "driving" in words or "drive" in words
    assert "stairs" in words and "hours" in words


# --- Follow-up of the independent clinical review (findings 22, 23) and cauda equina figures ---

def _table_rows(lesson_id: str, heading: str) -> list[str]:
    """The body rows of the first table under ``## heading`` in the lesson's source."""
    source = (REPO / "lessons" / f"{lesson_id}.md").read_text(encoding="utf-8")
    section = source.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return rows[2:]  # header and rule


def test_every_differential_feature_is_cited_or_labelled_as_clinical_reasoning_without_a_number():
    rows = _table_rows("differentials", "Distinguishing features")
    assert len(rows) >= 14
    for row in rows:
        condition, towards, away = (cell.strip() for cell in row.strip("|").split("|"))
        for cell in (towards, away):
            if "[@" in cell or cell.startswith("See [") or "Image before" in cell or "referral" in cell.lower():
                continue
            if "clinical reasoning" in cell.lower():
                assert not re.search(r"\d", cell), f"{condition}: a figure in a clinical-reasoning cell: {cell}"
            else:  # a next step (a test to order), not a claimed feature
                assert any(word in cell for word in ("MRI", "Radiographs", "imaging", "index")), (condition, cell)
    clinical = text("differentials", "clinical")
    assert "no study we hold tests them against deep gluteal syndrome" in clinical
    assert "below 60" not in clinical  # a number that rested on further reading only (MSD Manual)


def test_cough_in_dgs_is_given_as_reasoning_at_both_levels():
    patient, clinical = text("dgs-vs-back", "patient"), text("dgs-vs-back", "clinical")
    assert "Does not usually make it worse" not in patient
    assert "This is our reasoning, not a tested fact." in patient
    assert "Not typically provocative" not in clinical
    assert "clinical reasoning, because the entrapment is outside the spinal canal" in clinical


def test_cauda_equina_figures_are_the_guidelines_and_say_so():
    clinical = text("urgent-help", "clinical")
    for figure in ("under 14 days", "MRI within 4 hours", "200 mL or more"):
        assert figure in clinical
    assert "BMJ Best Practice advises MRI within 4 hours" in clinical
    assert "teach them as guideline advice, not as tested cut-offs" in clinical
    for lesson_id in CONTENT.lessons:  # nowhere else is a cauda equina figure given more precisely
        for level in LEVELS:
            words = text(lesson_id, level)
            if lesson_id != "urgent-help":
                assert not re.search(r"\b(200 ?mL|4 hours|14 days)\b", words), (lesson_id, level)
