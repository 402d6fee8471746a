"""Study sessions, without any UI: what to ask, whether an answer is right, which labels to show.

Four kinds of task share one session type:
  find    the app names a structure; the answer is a click on the diagram
  name    a structure is highlighted with its label hidden; the answer is its name (picked or typed)
  choice  a multiple-choice question from a bank
  label   one of the diagram's labels is covered and highlighted; the answer is its text (label_quiz.py)
Cards ids are those of the progress store: "find:<region>", "name:<region>", "q:<question>", "label:<label>".
"""

from __future__ import annotations

import difflib
import random
import re
from dataclasses import field
from typing import TYPE_CHECKING, TypeVar

from viewer.model.core.typos import allowed_typos, typos
from viewer.model.content.questions import Question
from viewer.model.core.record import record
from viewer.model.diagram.regions import Region

if TYPE_CHECKING:  # label_quiz imports this module
    from viewer.model.study.label_quiz import DiagramLabel

NAME_CHOICES = 4
MATCH_THRESHOLD = 0.8  # difflib ratio: "pirifomis" for "piriformis" passes, "lower" for "upper" does not
Named = TypeVar("Named")  # a thing answered by its name: a region or a label


@record
class Task:
    card_id: str
    kind: str                      # "find", "name", "choice" or "label"
    prompt: str
    region: str | None             # what progress files the card under; for "name", the highlighted one
    topic: str
    targets: list[str] = field(default_factory=list)   # find: clicking any of these is right
    choices: list[str] = field(default_factory=list)   # choice and name: the options offered
    answer: int | None = None                          # index of the right option
    question: Question | None = None
    label: str | None = None                           # label: the label group asked

    @property
    def right_choice(self) -> str:
        """The right option's text (choice, name and label tasks have one)."""
        if self.answer is None:
            raise ValueError(f"task {self.card_id} has no right option")
        return self.choices[self.answer]

    @property
    def concealed(self) -> list[str]:
        """Regions whose labels would give the answer away while the task is open."""
        if self.kind == "find":
            return list(self.targets)
        if self.kind == "name" and self.region:
            return [self.region]
        return []


@record
class Outcome:
    correct: bool
    given: str            # the user's answer in words ("" when they asked to see the answer)
    right: str            # the right answer in words
    clicked: str | None = None   # find: the region clicked


# ----- names ---------------------------------------------------------------------------------------------
def normalise(text: str) -> str:
    text = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    return re.sub(r"^the ", "", text)


def names_of(region: Region) -> list[str]:
    """Every accepted spelling: the name, its parts around a bracket, and the region's aliases."""
    names = [region.name, re.sub(r"\(.*?\)", " ", region.name)]
    names += re.findall(r"\((.*?)\)", region.name)
    names += list(getattr(region, "aliases", []) or [])
    return [n for n in dict.fromkeys(normalise(n) for n in names) if n]


def best_match(text: str, regions: list[Region]) -> tuple[Region | None, float, bool]:
    """The region whose name is closest to ``text``, how close (0..1), and whether close enough."""
    return closest(text, [(region, names_of(region)) for region in regions])


def closest(text: str, candidates: list[tuple[Named, list[str]]]) -> tuple[Named | None, float, bool]:
    """The candidate (thing, its accepted normalised names) closest to ``text``, how close, and whether close enough."""
    typed = normalise(text)
    best: Named | None = None
    score, close = 0.0, False
    if not typed:
        return None, 0.0, False
    for region, names in candidates:
        for name in names:
            edits = typos(typed, name)
            ratio = difflib.SequenceMatcher(None, typed, name).ratio()
            similarity = max(ratio, 1 - edits / max(len(name), 1))
            if similarity > score:
                best, score = region, similarity
                close = edits <= allowed_typos(len(name)) or ratio >= MATCH_THRESHOLD
    return best, score, close


def name_matches(text: str, target: Region, regions: list[Region]) -> bool:
    """Right when ``target`` is the closest name and close enough: case and small typos are forgiven,
    another structure's name is not."""
    region, _score, close = best_match(text, regions)
    return region is not None and region.id == target.id and close


def label_names(label: DiagramLabel) -> list[str]:
    """Accepted spellings: the whole text, the text without its bracket, and the bracket alone."""
    names = [label.text, re.sub(r"\(.*?\)", " ", label.text)] + re.findall(r"\((.*?)\)", label.text)
    return [n for n in dict.fromkeys(normalise(n) for n in names) if n]


def label_matches(text: str, label_id: str, labels: list[DiagramLabel]) -> bool:
    """Right when the asked label is the closest and close enough (case and small typos are forgiven)."""
    best, _score, close = closest(text, [(label, label_names(label)) for label in labels])
    if best is None or not close:
        return False
    if best.id == label_id:
        return True
    target = next((label for label in labels if label.id == label_id), None)  # two labels with the same text
    return target is not None and normalise(target.text) == normalise(best.text)


# ----- building tasks ------------------------------------------------------------------------------------
def find_task(region: Region) -> Task:
    return Task(f"find:{region.id}", "find", region.name, region.id, "anatomy", targets=[region.id])


def name_task(region: Region, regions: list[Region], rng: random.Random) -> Task:
    others = [r.name for r in regions if r.id != region.id]
    options = rng.sample(others, min(len(others), NAME_CHOICES - 1)) + [region.name]
    rng.shuffle(options)
    return Task(f"name:{region.id}", "name", "What is the highlighted structure?", region.id, "anatomy",
                choices=options, answer=options.index(region.name))


def question_task(question: Question) -> Task:
    if question.kind == "find":
        return Task(question.card_id, "find", question.prompt, question.region,
                    question.topic, targets=list(question.regions), question=question)
    return Task(question.card_id, "choice", question.prompt, question.region, question.topic,
                choices=list(question.choices), answer=question.answer, question=question)


def region_tasks(kind: str, regions: list[Region], rng: random.Random, limit: int) -> list[Task]:
    """A Find-it or Name-it round over the diagram's structures, in random order."""
    chosen = list(regions)
    rng.shuffle(chosen)
    make = find_task if kind == "find" else (lambda r: name_task(r, regions, rng))
    return [make(r) for r in chosen[:limit]]


def questions_for(questions: list[Question], level: str, topic: str | None = None) -> list[Question]:
    """Questions for a reading level: patient level asks only patient questions; clinical asks both."""
    return [q for q in questions if (level == "clinical" or q.level == "patient")
            and (topic is None or q.topic == topic)]


def interleave(card_ids: list[str], rng: random.Random) -> list[str]:
    """New cards in a mixed order: kinds take turns (find, name, question), each kind shuffled."""
    groups: dict[str, list[str]] = {}
    for card_id in card_ids:
        groups.setdefault(card_id.partition(":")[0], []).append(card_id)
    for group in groups.values():
        rng.shuffle(group)
    mixed = []
    while any(groups.values()):
        for group in groups.values():
            if group:
                mixed.append(group.pop(0))
    return mixed


# ----- the session ---------------------------------------------------------------------------------------
class QuizSession:
    """Asks tasks one at a time. ``hide_all_labels`` gives image occlusion: every label starts hidden
    and only the labels of what has been asked are revealed."""

    def __init__(self, mode: str, tasks: list[Task], regions: list[Region], hide_all_labels: bool = False,
                 record: bool = True, labels: list[DiagramLabel] | None = None):
        self.mode = mode
        self.tasks = tasks
        self.regions = regions
        self.hide_all_labels = hide_all_labels
        self.record = record            # False for teach-back: a patient's answers are not study progress
        self.index = 0
        self.outcomes: list[tuple[Task, Outcome]] = []
        self.revealed: set[str] = set()
        self.labels = list(labels or [])          # DiagramLabel list, for label tasks
        self.revealed_labels: set[str] = set()    # label tasks answered: their text shows again

    @property
    def current(self) -> Task | None:
        return self.tasks[self.index] if self.index < len(self.tasks) else None

    @property
    def answered(self) -> bool:
        """Whether the current task has been answered."""
        return len(self.outcomes) > self.index

    @property
    def finished(self) -> bool:
        return self.index >= len(self.tasks)

    @property
    def correct_count(self) -> int:
        return sum(outcome.correct for _task, outcome in self.outcomes)

    def region(self, region_id: str | None) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def region_name(self, region_id: str | None) -> str:
        region = self.region(region_id)
        return region.name if region else (region_id or "")

    # ----- answering ---------------------------------------------------------------------------------
    def answer_region(self, region_id: str) -> Outcome:
        task = self._open_task("find")
        right = self._find_answer(task)
        return self._settle(task, Outcome(region_id in task.targets, self.region_name(region_id), right, region_id))

    def answer_choice(self, index: int) -> Outcome:
        task = self._open_task("choice", "name", "label")
        if not 0 <= index < len(task.choices):
            raise ValueError(f"no choice {index + 1}")
        return self._settle(task, Outcome(index == task.answer, task.choices[index], task.right_choice))

    def answer_text(self, text: str) -> Outcome:
        task = self._open_task("name", "label")
        if task.kind == "label":
            correct = task.label is not None and label_matches(text, task.label, self.labels)
        else:
            target = self.region(task.region)
            correct = target is not None and name_matches(text, target, self.regions)
        return self._settle(task, Outcome(correct, text.strip(), task.right_choice))

    def give_up(self) -> Outcome:
        """"Show me": counts as not known, and reveals the answer."""
        task = self._open_task("find", "choice", "name", "label")
        if task.kind == "find":
            right = self._find_answer(task)
        else:
            right = task.right_choice
        return self._settle(task, Outcome(False, "", right))

    def _find_answer(self, task: Task) -> str:
        """The places that count, in words: the question's own plain wording when it has one."""
        if task.question is not None and task.question.answer_text:
            return task.question.answer_text
        return " or ".join(self.region_name(r) for r in task.targets)

    def advance(self) -> Task | None:
        """Move past an answered task; the next task, or None at the end."""
        if self.answered:
            self.index += 1
        return self.current

    def _open_task(self, *kinds: str) -> Task:
        task = self.current
        if task is None or self.answered:
            raise RuntimeError("there is no open question")
        if task.kind not in kinds:
            raise RuntimeError(f"a {task.kind} task cannot be answered this way")
        return task

    def _settle(self, task: Task, outcome: Outcome) -> Outcome:
        self.outcomes.append((task, outcome))
        self.revealed.update(task.concealed)
        if task.label:
            self.revealed_labels.add(task.label)
        return outcome

    # ----- labels ------------------------------------------------------------------------------------
    def covered_labels(self, label_ids: list[str]) -> set[str]:
        """Labels whose text is covered by a box (their leader lines stay): during a label task, every
        label not yet answered in this session."""
        task = self.current
        if task is None or task.kind != "label":
            return set()
        return {label for label in label_ids if label not in self.revealed_labels}

    def visible_labels(self, label_ids: list[str]) -> set[str]:
        """Which of the diagram's labels to show now."""
        if self.current is not None and self.current.kind == "label":
            return set(label_ids)  # shown, but covered_labels() boxes their text
        owner = {label: r.id for r in self.regions for label in r.labels}
        if self.hide_all_labels:
            return {label for label in label_ids if owner.get(label) in self.revealed}
        task = self.current
        concealed = set(task.concealed) if task is not None and not self.answered else set()
        return {label for label in label_ids if owner.get(label) not in concealed}

    # ----- results -----------------------------------------------------------------------------------
    def missed(self) -> list[tuple[Task, Outcome]]:
        return [(task, outcome) for task, outcome in self.outcomes if not outcome.correct]

    def teachback_result(self) -> TeachbackResult:
        return TeachbackResult([(task.prompt, outcome.right, outcome.correct) for task, outcome in self.outcomes])


@record
class TeachbackResult:
    """What a patient answered in the chairside teach-back, for the handout. Never saved."""
    items: list[tuple[str, str, bool]]   # prompt, right answer, answered right

    @property
    def correct(self) -> int:
        return sum(ok for _p, _a, ok in self.items)

    @property
    def total(self) -> int:
        return len(self.items)

    def summary(self) -> str:
        """Kind words for the patient: how many were known straight away, never a bare score."""
        questions = f"{self.total} question{'s' if self.total != 1 else ''}"
        if self.correct == self.total:
            return f"We went over {questions}; you got every one straight away"
        return f"We went over {questions}; you got {self.correct} straight away"

    def handout_markdown(self) -> str:
        lines = ["## What we went over today", "", self.summary() + ". The answers are below.", ""]
        lines += [f"- **{_escape(prompt)}** {_escape(answer)}" for prompt, answer, _ok in self.items]
        return "\n".join(lines)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]#<>])", r"\\\1", text)
