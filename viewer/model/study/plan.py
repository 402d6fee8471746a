"""Which cards a study session asks, and in what order. No Qt: tests/test_study_plan.py checks it
without a window; viewer/qt/study/session.py only shows the tasks and takes the answers.

- Find it / Name it: a random choice of the structures drawn on the diagram.
- Label quiz: a random choice of the diagram's labels.
- Questions: the questions for the reading level (and topic), overdue first, then new ones
  (shuffled), then the rest.
- Review: every card the level allows that is due now, overdue first, then new cards interleaved
  so that one kind of card does not come in a block.
- Teach-back: the teach-back questions, in the order written.
"""

from __future__ import annotations

import random

from viewer.model.core.record import record
from viewer.model.diagram.regions import Region
from viewer.model.study.cards import card_info
from viewer.model.study.label_quiz import DiagramLabel, label_task, label_tasks
from viewer.model.study.progress import Progress
from viewer.model.content.questions import Question
from viewer.model.study.quiz import (Task, find_task, interleave, name_task, question_task, questions_for,
                                    region_tasks)

MODES = ("find", "name", "labels", "questions", "review", "teachback")
EMPTY = {"review": "Nothing is due now. Well done!",
         "teachback": "This content has no teach-back questions.",
         "questions": "No questions for this reading level and topic."}
NOTHING_TO_ASK = "There is nothing to ask on this diagram."


@record
class Plan:
    tasks: list[Task]
    hide_all_labels: bool   # every label hidden while asking (the student's choice, not for questions)
    record: bool            # answers go into the user's progress (never a patient's teach-back)


def plan_session(mode: str, content, regions: list[Region], labels: list[DiagramLabel], progress: Progress,
                 level: str, topic: str | None, limit: int, hide_all_labels: bool,
                 rng: random.Random) -> Plan:
    """The tasks of one session of ``mode`` over the structures and labels that can be asked."""
    if mode in ("find", "name"):
        tasks = region_tasks(mode, regions, rng, limit)
    elif mode == "labels":
        tasks = label_tasks(labels, rng, limit)
    elif mode == "questions":
        tasks = _question_tasks(questions_for(content.questions, level, topic), progress, limit, rng)
        hide_all_labels = False
    elif mode == "review":
        allowed = {q.card_id for q in questions_for(content.questions, level)}
        cards = [c for c in card_info(content) if not c.startswith("q:") or c in allowed]
        tasks = tasks_for_cards(review_order(cards, progress, rng), regions, content.questions, rng, labels)[:limit]
    elif mode == "teachback":
        tasks = [question_task(q) for q in content.questions if q.teachback]
        hide_all_labels = False
    else:
        raise ValueError(f"unknown study mode {mode!r}")
    return Plan(tasks, hide_all_labels, mode != "teachback")


def empty_note(mode: str) -> str:
    """What to say when a session of ``mode`` has nothing to ask."""
    return EMPTY.get(mode, NOTHING_TO_ASK)


def review_order(card_ids: list[str], progress: Progress, rng: random.Random) -> list[str]:
    """Due cards: studied ones most overdue first, then the new ones interleaved."""
    due = progress.due_cards(card_ids)  # overdue first, then cards never studied
    return [c for c in due if progress.studied(c)] + interleave([c for c in due if not progress.studied(c)], rng)


def _question_tasks(chosen: list[Question], progress: Progress, limit: int, rng: random.Random) -> list[Task]:
    ids = [q.card_id for q in chosen]
    due = progress.due_cards(ids)  # overdue first, then new ones (shuffled), then the rest
    new = [i for i in due if not progress.studied(i)]
    rng.shuffle(new)
    order = [i for i in due if progress.studied(i)] + new + [i for i in ids if i not in due]
    by_id = {q.card_id: q for q in chosen}
    return [question_task(by_id[i]) for i in order[:limit]]


def tasks_for_cards(card_ids: list[str], regions: list[Region], questions: list[Question],
                    rng: random.Random, labels: list[DiagramLabel] | None = None) -> list[Task]:
    """Tasks for a review session; cards whose region, question or label no longer exists are skipped."""
    labels = labels or []
    by_label = {label.id: label for label in labels}
    by_region = {r.id: r for r in regions}
    by_question = {q.card_id: q for q in questions}
    tasks = []
    for card_id in card_ids:
        kind, _, key = card_id.partition(":")
        if kind == "find" and key in by_region:
            tasks.append(find_task(by_region[key]))
        elif kind == "name" and key in by_region:
            tasks.append(name_task(by_region[key], regions, rng))
        elif kind == "label" and key in by_label:
            tasks.append(label_task(by_label[key], labels, rng))
        elif card_id in by_question:
            tasks.append(question_task(by_question[card_id]))
    return tasks
