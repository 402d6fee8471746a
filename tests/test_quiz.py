"""Study sessions without a window: answers, tolerant names, hidden labels, review and teach-back."""

from __future__ import annotations

import random

import pytest

from viewer.model.content.loader import load_content
from viewer.model.study.quiz import (QuizSession, best_match, name_matches, question_task, questions_for,
                               region_tasks, typos, interleave)
from viewer.model.study.plan import tasks_for_cards
from viewer.model.diagram.regions import Region


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
    assert result.summary() == "We went over 2 questions; you got 1 straight away"
    text = result.handout_markdown()
    assert "## What we went over today" in text and "you got 1 straight away" in text
    assert "**When does the upper muscle squeeze the band?** When you sit" in text
    assert "Upper muscle or Lower muscle" in text


def test_teachback_all_right_is_said_kindly(mini):
    tasks = [question_task(q) for q in mini.questions if q.teachback]
    session = QuizSession("teachback", tasks, mini.regions, record=False)
    session.answer_choice(tasks[0].answer)
    session.advance()
    session.answer_region("upper")
    assert session.teachback_result().summary() == "We went over 2 questions; you got every one straight away"


def test_a_find_question_can_give_its_answer_in_plain_words(mini, tmp_path):
    from viewer.model.content.questions import load_bank

    bank = tmp_path / "bank.toml"
    bank.write_text('''[[question]]
id = "where"
topic = "anatomy"
level = "patient"
teachback = true
kind = "find"
prompt = "Where is it?"
regions = ["upper", "lower"]
answer_text = "At the top or at the bottom."
explanation = "Either one."
lesson = "upper"

[[question]]
id = "bad"
topic = "anatomy"
level = "patient"
prompt = "Which?"
choices = ["a", "b"]
answer = 0
answer_text = 3
explanation = "x"
lesson = "upper"
''', encoding="utf-8")
    questions, problems = load_bank(bank)
    assert [q.id for q in questions] == ["where"] and questions[0].answer_text == "At the top or at the bottom."
    assert any("answer_text must be a string" in p.message for p in problems)
    session = QuizSession("teachback", [question_task(questions[0])], mini.regions, record=False)
    assert session.answer_region("band").right == "At the top or at the bottom."
    assert "**Where is it?** At the top or at the bottom." in session.teachback_result().handout_markdown()


def test_new_cards_are_interleaved_by_kind():
    cards = ["find:a", "find:b", "name:a", "name:b", "q:x"]
    mixed = interleave(cards, random.Random(0))
    assert sorted(mixed) == sorted(cards)
    assert [c.partition(":")[0] for c in mixed[:3]] == ["find", "name", "q"]


# ----- the label quiz ------------------------------------------------------------------------------------
def test_every_label_of_the_diagram_is_read_with_its_text_and_region(bundled):
    from viewer.model.study.label_quiz import diagram_labels

    labels = {label.id: label for label in diagram_labels(bundled.diagram, bundled.regions)}
    assert list(labels) == bundled.diagram.label_ids and len(labels) >= 30
    hamstring = labels["label-hamstring-origin"]
    assert hamstring.text == "Hamstring origin (conjoint tendon)" and len(hamstring.lines) == 2
    assert (hamstring.anchor, hamstring.font_size, hamstring.region) == ("end", 23.0, "hamstring-origin")
    assert labels["label-quadratus-femoris"].region == "ischiofemoral-tunnel"   # listed under that region
    assert labels["label-sacrum"].region == "sacrum" and labels["label-sacrum"].card_id == "label:label-sacrum"
    assert all(label.region for label in labels.values())   # every labelled structure is clickable (issue 16)


@pytest.mark.parametrize("typed, label_id, right", [
    ("sacrum", "label-sacrum", True), ("Sacrm", "label-sacrum", True),
    ("hamstring origin", "label-hamstring-origin", True), ("conjoint tendon", "label-hamstring-origin", True),
    ("ischiofemoral tunnel", "label-ischiofemoral-tunnel", True),
    ("quadratus femoris", "label-quadratus-femoris", True), ("quadratus femoris", "label-ischiofemoral-tunnel", False),
    ("coccyx", "label-sacrum", False), ("", "label-sacrum", False),
])
def test_typed_label_names_are_matched_tolerantly(bundled, typed, label_id, right):
    from viewer.model.study.label_quiz import diagram_labels, label_matches

    assert label_matches(typed, label_id, diagram_labels(bundled.diagram, bundled.regions)) is right


def test_a_label_session_covers_every_label_until_it_is_answered(bundled):
    from viewer.model.study.label_quiz import diagram_labels, label_tasks

    labels = diagram_labels(bundled.diagram, bundled.regions)
    ids = [label.id for label in labels]
    tasks = label_tasks(labels, random.Random(3), limit=50)
    assert len(tasks) == len(labels) and all(len(t.choices) == 4 and t.kind == "label" for t in tasks)
    assert all(t.choices[t.answer] == next(lb.text for lb in labels if lb.id == t.label) for t in tasks)
    session = QuizSession("labels", tasks, bundled.regions, labels=labels)
    assert session.visible_labels(ids) == set(ids) and session.covered_labels(ids) == set(ids)
    first = session.current
    assert session.answer_text(next(lb.text for lb in labels if lb.id == first.label).upper()).correct
    assert session.covered_labels(ids) == set(ids) - {first.label}   # only the answered one is uncovered
    session.advance()
    second = session.current
    wrong = next(i for i in range(4) if i != second.answer)
    assert not session.answer_choice(wrong).correct
    assert session.covered_labels(ids) == set(ids) - {first.label, second.label}
    review = tasks_for_cards(["label:label-sacrum", "label:gone"], bundled.regions, bundled.questions,
                             random.Random(0), labels)
    assert [(t.kind, t.label) for t in review] == [("label", "label-sacrum")]
