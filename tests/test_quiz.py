"""Study sessions without a window: answers, tolerant names, hidden labels, review and teach-back."""

from __future__ import annotations

import random

import pytest

from viewer.model.content import load_content
from viewer.model.quiz import (QuizSession, best_match, name_matches, question_task, questions_for,
                               region_tasks, tasks_for_cards, typos, interleave)
from viewer.model.regions import Region


@pytest.fixture
def mini(repo):
    return load_content(repo / "tests" / "data" / "mini")


@pytest.fixture
def bundled(repo):
    return load_content(repo)


def region(content, region_id) -> Region:
    return content.region(region_id)


@pytest.mark.parametrize("typed", ["Piriformis", "piriformis", "  PIRIFORMIS ", "pirifomis", "piriformus",
                                   "the piriformis", "Piriformis muscle"])
def test_name_typing_forgives_case_and_small_typos(bundled, typed):
    assert name_matches(typed, region(bundled, "piriformis"), bundled.regions)


@pytest.mark.parametrize("typed, target", [
    ("quadratus femoris", "ischiofemoral-tunnel"),        # the name in brackets
    ("ischiofemoral tunel", "ischiofemoral-tunnel"),
    ("obturator internus", "gemelli-obturator-internus"),  # an alias from regions.toml
    ("hamstrings", "hamstring-origin"),
    ("sciatic", "sciatic-nerve"),
])
def test_name_typing_accepts_parts_and_aliases(bundled, typed, target):
    assert name_matches(typed, region(bundled, target), bundled.regions)


@pytest.mark.parametrize("typed, target", [
    ("sciatic nerve", "piriformis"), ("", "piriformis"), ("muscle", "piriformis"), ("pear", "piriformis"),
])
def test_name_typing_rejects_wrong_names(bundled, typed, target):
    assert not name_matches(typed, region(bundled, target), bundled.regions)


def test_another_structures_close_name_is_not_accepted(mini):
    # "lower muscle" is one letter-swap family away from "upper muscle": the closest name wins
    assert not name_matches("Lower muscle", region(mini, "upper"), mini.regions)
    assert name_matches("uper muscle", region(mini, "upper"), mini.regions)
    assert best_match("Lowr muscle", mini.regions)[0].id == "lower"
    assert name_matches("bnad", region(mini, "band"), mini.regions)      # one swap in a short name
    assert not name_matches("bin", region(mini, "band"), mini.regions)
    assert (typos("band", "bnad"), typos("lower", "upper"), typos("pirifomis", "piriformis")) == (1, 3, 1)


def test_find_session_scores_clicks_and_reveals_only_what_was_asked(mini):
    tasks = region_tasks("find", mini.regions, random.Random(1), limit=10)
    assert sorted(t.region for t in tasks) == ["band", "lower", "round", "upper"]
    assert all(t.kind == "find" and t.card_id == f"find:{t.region}" for t in tasks)
    session = QuizSession("find", tasks, mini.regions, hide_all_labels=True)
    labels = ["label-upper", "label-lower"]
    assert session.visible_labels(labels) == set()              # image occlusion: all hidden at the start
    wrong = next(r.id for r in mini.regions if r.id != session.current.region)
    first = session.current
    outcome = session.answer_region(wrong)
    assert not outcome.correct and outcome.clicked == wrong and outcome.right == session.region_name(first.region)
    with pytest.raises(RuntimeError):
        session.answer_region(first.region)                     # one answer per task
    shown = session.visible_labels(labels)
    assert shown == ({f"label-{first.region}"} & set(labels))   # the asked one only, not the wrong click
    while session.advance():
        assert session.answer_region(session.current.region).correct
    assert session.finished and session.correct_count == 3 and len(session.outcomes) == 4
    assert [t.region for t, _o in session.missed()] == [first.region]
    assert session.visible_labels(labels) == set(labels)


def test_without_hide_all_only_the_current_answer_is_hidden(mini):
    task = next(t for t in region_tasks("name", mini.regions, random.Random(0), 10) if t.region == "upper")
    session = QuizSession("name", [task], mini.regions)
    assert session.visible_labels(["label-upper", "label-lower"]) == {"label-lower"}
    session.answer_text("upper muscle")
    assert session.visible_labels(["label-upper", "label-lower"]) == {"label-upper", "label-lower"}


def test_name_task_offers_four_options_with_the_right_one(bundled):
    for task in region_tasks("name", bundled.regions, random.Random(3), limit=5):
        assert len(task.choices) == 4 and len(set(task.choices)) == 4
        assert task.choices[task.answer] == bundled.region(task.region).name
        session = QuizSession("name", [task], bundled.regions)
        wrong = (task.answer + 1) % 4
        outcome = session.answer_choice(wrong)
        assert not outcome.correct and outcome.given == task.choices[wrong]


def test_region_tasks_respect_the_limit(bundled):
    assert len(region_tasks("find", bundled.regions, random.Random(0), limit=2)) == 2


def test_choice_question_and_give_up(mini):
    question = next(q for q in mini.questions if q.id == "upper-cases")
    session = QuizSession("questions", [question_task(question), question_task(question)], mini.regions)
    assert session.current.kind == "choice" and session.current.topic == "mechanisms"
    with pytest.raises(RuntimeError):
        session.answer_region("upper")
    outcome = session.answer_choice(2)
    assert outcome.correct and outcome.right == "12"
    session.advance()
    shown = session.give_up()
    assert not shown.correct and shown.given == "" and shown.right == "12"
    assert session.advance() is None and session.finished


def test_find_question_accepts_any_listed_region(mini):
    question = next(q for q in mini.questions if q.id == "where-pinched")
    task = question_task(question)
    assert task.kind == "find" and task.targets == ["upper", "lower"] and task.card_id == "q:where-pinched"
    session = QuizSession("questions", [task, task], mini.regions)
    assert session.answer_region("lower").correct
    session.advance()
    outcome = session.answer_region("band")
    assert not outcome.correct and outcome.right == "Upper muscle or Lower muscle"


def test_level_filter(mini):
    assert {q.level for q in questions_for(mini.questions, "patient")} == {"patient"}
    assert len(questions_for(mini.questions, "clinical")) == 4
    assert [q.id for q in questions_for(mini.questions, "clinical", "tests")] == ["lower-about"]


def test_review_tasks_mix_card_kinds_and_skip_stale_cards(mini):
    cards = ["q:upper-cases", "find:band", "name:lower", "find:gone", "q:gone"]
    tasks = tasks_for_cards(cards, mini.regions, mini.questions, random.Random(0))
    assert [(t.kind, t.card_id) for t in tasks] == [("choice", "q:upper-cases"), ("find", "find:band"),
                                                    ("name", "name:lower")]


def test_teachback_result_for_the_handout(mini):
    tasks = [question_task(q) for q in mini.questions if q.teachback]
    session = QuizSession("teachback", tasks, mini.regions, record=False)
    session.answer_choice(0)
    session.advance()
    session.answer_region("band")
    result = session.teachback_result()
    assert (result.correct, result.total) == (1, 2)
    assert result.summary() == "What we went over today: 1 of 2 answered"
    text = result.handout_markdown()
    assert "## What we went over today" in text and "you answered 1 of 2" in text
    assert "**When does the upper muscle squeeze the band?** When you sit" in text
    assert "Upper muscle or Lower muscle" in text


def test_new_cards_are_interleaved_by_kind():
    cards = ["find:a", "find:b", "name:a", "name:b", "q:x"]
    mixed = interleave(cards, random.Random(0))
    assert sorted(mixed) == sorted(cards)
    assert [c.partition(":")[0] for c in mixed[:3]] == ["find", "name", "q"]
