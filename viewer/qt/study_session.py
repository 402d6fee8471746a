"""Runs a study session in the Study dock: asks, takes the answer (click, key, typing), marks it on
the diagram, records it for the scheduler and shows the explanation."""

from __future__ import annotations

import html
import random

from PySide6.QtCore import QObject, Qt

from viewer.model.lessons import CITATION
from viewer.model.quiz import (Outcome, QuizSession, Task, interleave, question_task, questions_for, region_tasks,
                               tasks_for_cards)
from viewer.model.render import render_lesson
from viewer.qt.study_diagram import DiagramQuiz
from viewer.qt.study_panel import MODES, PAGE_QUIZ, PAGE_RESULTS, PAGE_START, StudyDock

RIGHT, WRONG = "#1b5e20", "#b3261e"
HINTS = {"find": "Click it on the diagram (or Tab to it and press Enter).",
         "name": "Pick its name (keys 1–{n}) or type it and press Enter.",
         "choice": "Pick an answer (keys 1–{n})."}


class StudySession(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.rng = random.Random()
        self.session: QuizSession | None = None
        self.mode = ""
        self.diagram = DiagramQuiz(window)
        self.dock = StudyDock(window)
        d = self.dock
        d.modeChosen.connect(self.start)
        d.stopRequested.connect(self.stop)
        self.diagram.escapePressed.connect(self.stop)
        self.diagram.regionClicked.connect(self._region_clicked)
        self.diagram.emptyClicked.connect(self._empty_clicked)
        for number, button in enumerate(d.choice_buttons):
            button.clicked.connect(lambda _c=False, n=number: self.answer_choice(n))
        d.name_field.returnPressed.connect(self._typed)
        d.name_field.textEdited.connect(self._number_typed)
        d.check_button.clicked.connect(self._typed)
        d.show_button.clicked.connect(self._give_up)
        d.next_button.clicked.connect(self.next)
        d.feedback.linkActivated.connect(self._read_more)
        d.summary.linkActivated.connect(self._read_more)
        d.again_button.clicked.connect(lambda: self.start(self.mode))
        d.done_button.clicked.connect(self.show_start)
        d.handout_box.toggled.connect(self._set_on_handout)
        settings = window.settings
        d.hide_all.setChecked(settings.flag("study/hide_all_labels", True))
        size = d.size_box.findData(_int(settings.value("study/session_size", 10)))
        d.size_box.setCurrentIndex(size if size >= 0 else 1)
        d.hide_all.toggled.connect(lambda on: settings.set("study/hide_all_labels", on))
        d.size_box.currentIndexChanged.connect(lambda _i: settings.set("study/session_size", d.session_size()))
        self.choice_actions = []
        for number in range(1, len(d.choice_buttons) + 1):  # keys 1-6 answer wherever the focus is
            action = window._action(f"Answer {number}", lambda _c=False, n=number - 1: self._choice_key(n),
                                    [str(number)], f"Choose answer {number}")
            action.setEnabled(False)
            self.choice_actions.append(action)
        self.next_action = window._action("Next question", self.next, ["N"], "Go on to the next question")
        self.next_action.setEnabled(False)
        d.closed.connect(self.stop)
        self.show_start()

    # ----- the start page ----------------------------------------------------------------------------
    def user_data(self):
        from viewer.qt.user_data import user_data

        return user_data(self.window)

    def due_today(self) -> int:
        return self.user_data().due_today(self.window.content)

    def show_start(self, note: str = "") -> None:
        due = self.due_today()
        self.dock.due_label.setText(f"{due} card{'s' if due != 1 else ''} due today")
        self.dock.mode_buttons["review"].setText(f"Review due cards ({due})")
        self.dock.start_note.setText(note)
        self.dock.set_large(False)
        self.dock.pages.setCurrentIndex(PAGE_START)
        self._set_keys(choices=0, next_=False)

    def focus_panel(self) -> None:
        """Keyboard focus into the panel: its first control on the page shown."""
        page = self.dock.pages.currentIndex()
        if page == PAGE_START:
            self.dock.mode_buttons["find"].setFocus(Qt.FocusReason.OtherFocusReason)
        elif page == PAGE_RESULTS:
            self.dock.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- starting and stopping ---------------------------------------------------------------------
    def regions(self):
        """Structures that can be asked: those drawn as clickable shapes."""
        self.window.scene.build_regions()
        return [r for r in self.window.content.regions if r.id in self.window.scene.region_items]

    def start(self, mode: str) -> bool:
        self.stop(show_start=False)
        content, dock = self.window.content, self.dock
        regions, limit, hide_all = self.regions(), dock.session_size(), dock.hide_all.isChecked()
        level = self.window.level
        if mode in ("find", "name"):
            tasks = region_tasks(mode, regions, self.rng, limit)
        elif mode == "questions":
            chosen = questions_for(content.questions, level, dock.topic())
            ids = [q.card_id for q in chosen]
            progress = self.user_data().progress
            due = progress.due_cards(ids)  # overdue first, then new ones (shuffled), then the rest
            new = [i for i in due if not progress.studied(i)]
            self.rng.shuffle(new)
            order = [i for i in due if progress.studied(i)] + new + [i for i in ids if i not in due]
            by_id = {q.card_id: q for q in chosen}
            tasks = [question_task(by_id[i]) for i in order[:limit]]
            hide_all = False
        elif mode == "review":
            allowed = {q.card_id for q in questions_for(content.questions, level)}
            cards = [c for c in self.user_data().all_card_ids(content) if not c.startswith("q:") or c in allowed]
            progress = self.user_data().progress
            due = progress.due_cards(cards)  # overdue first, then cards never studied
            due = [c for c in due if progress.studied(c)] + interleave([c for c in due if not progress.studied(c)],
                                                                        self.rng)
            tasks = tasks_for_cards(due, regions, content.questions, self.rng)[:limit]
        else:
            tasks = [question_task(q) for q in content.questions if q.teachback]
            hide_all = False
        if not tasks:
            empty = {"review": "Nothing is due now. Well done!", "teachback": "This content has no teach-back "
                     "questions.", "questions": "No questions for this reading level and topic."}
            self.show_start(empty.get(mode, "There is nothing to ask on this diagram."))
            dock.show()
            self.window.statusBar().showMessage(dock.start_note.text())
            return False
        self.mode = mode
        self.session = QuizSession(mode, tasks, regions, hide_all_labels=hide_all, record=mode != "teachback")
        dock.set_large(mode == "teachback")
        dock.show()
        dock.raise_()
        self.diagram.begin()
        self.window.statusBar().showMessage(f"{MODES[mode][0]}: Esc or Stop ends the quiz.")
        self._show_task()
        return True

    def stop(self, show_start: bool = True) -> None:
        if self.session is not None and not self.session.finished and self.session.outcomes:
            self._finish_teachback()
        self.session = None
        self.diagram.end()
        self.dock.set_large(False)
        if show_start:
            self.show_start()
            self.window.statusBar().showMessage("Quiz ended.")

    @property
    def running(self) -> bool:
        return self.session is not None and not self.session.finished

    # ----- asking ------------------------------------------------------------------------------------
    def _show_task(self) -> None:
        session, d = self.session, self.dock
        task = session.current
        d.pages.setCurrentIndex(PAGE_QUIZ)
        number, total = session.index + 1, len(session.tasks)
        d.status.setText(f"{MODES[self.mode][0]} · question {number} of {total} · {session.correct_count} right")
        d.prompt.setText(f"Find: {task.prompt}" if task.kind == "find" and task.question is None else task.prompt)
        d.hint.setText(HINTS[task.kind].format(n=len(task.choices)))
        d.feedback.setText("")
        d.show_choices(task.choices)
        d.name_row.setVisible(task.kind == "name")
        d.name_field.clear()
        d.name_field.setEnabled(True)
        d.check_button.setEnabled(True)
        d.show_button.show()
        d.next_button.setEnabled(False)
        d.next_button.setText("Next" if number < total else "See results")
        self.diagram.clear_marks()
        if task.kind == "name":
            self.diagram.mark(task.region, "asked", "?")
            self.diagram.show_region(task.region)
        self.diagram.show_labels(session.visible_labels(self.diagram.label_ids()))
        self._set_keys(choices=len(task.choices), next_=False)
        focus = {"name": d.name_field, "find": self.window.view}.get(task.kind, d.choice_buttons[0])
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_keys(self, choices: int, next_: bool) -> None:
        for number, action in enumerate(self.choice_actions):
            action.setEnabled(number < choices)
        self.next_action.setEnabled(next_)

    # ----- answering ---------------------------------------------------------------------------------
    def _open(self, *kinds: str) -> Task | None:
        session = self.session
        if session is None or session.finished or session.answered or session.current.kind not in kinds:
            return None
        return session.current

    def _region_clicked(self, region_id: str) -> None:
        if self._open("find"):
            self._settle(self.session.answer_region(region_id))
        elif self.session is not None and not self.session.finished and not self.session.answered:
            self.window.statusBar().showMessage("Answer in the Study panel: this question is not about clicking.")

    def _empty_clicked(self) -> None:
        if self._open("find"):
            self.window.statusBar().showMessage("That is not a structure. Click on one of the structures.")

    def _choice_key(self, number: int) -> None:
        task = self._open("choice", "name")
        if task is not None and number < len(task.choices):
            self.answer_choice(number)

    def answer_choice(self, number: int) -> None:
        if self._open("choice", "name"):
            self._settle(self.session.answer_choice(number))

    def _typed(self) -> None:
        if self._open("name") and self.dock.name_field.text().strip():
            self._settle(self.session.answer_text(self.dock.name_field.text()))

    def _number_typed(self, text: str) -> None:
        """A digit typed first in the empty name field picks that choice: no name starts with one."""
        task = self._open("name")
        if task is not None and text.isdigit() and 1 <= int(text) <= len(task.choices):
            self.answer_choice(int(text) - 1)

    def _give_up(self) -> None:
        if self._open("find", "choice", "name"):
            self._settle(self.session.give_up())

    def _settle(self, outcome: Outcome) -> None:
        task = self.session.outcomes[-1][0]
        if self.session.record:
            data = self.user_data()
            data.progress.record(task.card_id, outcome.correct, region=task.region, topic=task.topic)
            data.save()
        self._show_outcome(task, outcome)

    def _show_outcome(self, task: Task, outcome: Outcome) -> None:
        d, session = self.dock, self.session
        if task.kind in ("find", "name"):
            for region_id in task.targets or [task.region]:
                self.diagram.mark(region_id, "right", f"✓ {session.region_name(region_id)}")
            if outcome.clicked and not outcome.correct:
                self.diagram.mark(outcome.clicked, "wrong", "✗ Your click")
        for number, choice in enumerate(task.choices):
            state = "right" if number == task.answer else ("wrong" if choice == outcome.given else "")
            marker = {"right": "✓ ", "wrong": "✗ "}.get(state, "")
            d.mark_choice(number, state, f"{number + 1}.  {marker}{choice}")
        d.name_field.setEnabled(False)
        d.check_button.setEnabled(False)
        d.show_button.hide()
        d.hint.setText("Press Enter or N for the next question." if session.index + 1 < len(session.tasks)
                       else "Press Enter or N to see how you did.")
        d.next_button.setEnabled(True)
        d.status.setText(f"{MODES[self.mode][0]} · question {session.index + 1} of {len(session.tasks)} · "
                         f"{session.correct_count} right")
        d.feedback.setText(self._feedback_html(task, outcome))
        self.diagram.show_labels(session.visible_labels(self.diagram.label_ids()))
        self._set_keys(choices=0, next_=True)
        d.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        verdict = "Right" if outcome.correct else f"Not quite: the answer is {outcome.right}"
        self.window.statusBar().showMessage(verdict + ".")

    def _feedback_html(self, task: Task, outcome: Outcome) -> str:
        right = html.escape(outcome.right)
        if outcome.correct:
            parts = [f"<p style='color:{RIGHT}'><b>✓ Right</b> — {right}</p>"]
        elif outcome.given:
            given = html.escape(outcome.given if task.kind != "find" else "another structure")
            parts = [f"<p style='color:{WRONG}'><b>✗ Not quite.</b> You answered: {given}.</p>",
                     f"<p><b>The answer:</b> {right}</p>"]
        else:
            parts = [f"<p><b>The answer:</b> {right}</p>"]
        question = task.question
        if question is not None:
            parts.append(f"<p>{html.escape(CITATION.sub('', question.explanation).strip())}</p>")
            lesson, anchor = question.lesson, question.anchor
        else:
            region = self.window.content.region(task.region)
            lesson, anchor = (region.lesson if region else None), ""
        link = self._link(lesson, anchor)
        if link:
            parts.append(link)
        return "".join(parts)

    def _link(self, lesson_id: str | None, anchor: str) -> str:
        lesson = self.window.content.lessons.get(lesson_id or "")
        if lesson is None:
            return ""
        title = lesson.title
        if anchor:
            heading = next((line.text.lstrip("#").strip() for line in lesson.body_lines()
                            if line.text.startswith("#") and _slug(line.text.lstrip("#")) == anchor), "")
            title = f"{title} › {heading}" if heading else title
        target = f"{lesson.id}#{anchor}" if anchor else lesson.id
        return f"<p>Read more: <a href='lesson:{target}'>{html.escape(title)}</a></p>"

    def _read_more(self, href: str) -> None:
        lesson_id, _, anchor = href.removeprefix("lesson:").partition("#")
        lesson = self.window.content.lessons.get(lesson_id)
        if lesson is None:
            return
        if anchor and self.window.level == "patient" and anchor not in _slugs(self.window, lesson, "patient"):
            self.window.set_level("clinical")  # the section is written for clinicians only
        self.window.open_lesson(lesson_id, anchor)  # the quiz keeps the lesson's structure unhighlighted

    # ----- moving on ---------------------------------------------------------------------------------
    def next(self) -> None:
        if self.session is None or not self.session.answered:
            return
        if self.session.advance() is not None:
            self._show_task()
        else:
            self._show_results()

    def _show_results(self) -> None:
        session, d = self.session, self.dock
        self.diagram.clear_marks()
        self.diagram.show_labels(session.visible_labels(self.diagram.label_ids()))
        d.score.setText(f"You got {session.correct_count} of {len(session.outcomes)} right.")
        missed = session.missed()
        lines = []
        for task, outcome in missed:
            prompt = task.prompt if task.kind != "name" else "The highlighted structure"
            lines.append(f"<li>{html.escape(prompt)} — <b>{html.escape(outcome.right)}</b></li>")
        d.summary.setText(("<p>Worth another look:</p><ul>" + "".join(lines) + "</ul>") if lines
                          else "<p>All right. The scheduler will bring these cards back later.</p>")
        teachback = self.mode == "teachback"
        d.handout_box.setVisible(teachback)
        if teachback:
            self._finish_teachback()
            d.score.setText(self.window.teachback_result.summary() + ".")
            d.handout_box.setChecked(getattr(self.window, "teachback_on_handout", False))
        d.pages.setCurrentIndex(PAGE_RESULTS)
        self._set_keys(choices=0, next_=False)
        d.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.diagram.end()
        self.window.statusBar().showMessage(d.score.text())

    # ----- teach-back and the handout ----------------------------------------------------------------
    def _finish_teachback(self) -> None:
        if self.session is not None and self.session.mode == "teachback" and self.session.outcomes:
            self.window.teachback_result = self.session.teachback_result()
            self.window.study_actions.handout_action.setEnabled(True)

    def _set_on_handout(self, on: bool) -> None:
        self.window.study_actions.set_on_handout(on)


def _int(value, default: int = 10) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _slug(text: str) -> str:
    from viewer.model.render import slugify

    return slugify(text)


def _slugs(window, lesson, level: str) -> set[str]:
    rendered = render_lesson(lesson, level, window.content.bibliography, window.content.glossary)
    return {slug for _level, _text, slug in rendered.headings}
