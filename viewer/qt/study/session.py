"""Runs a study session in the Study dock: asks, takes the answer (click, key, typing), marks it on
the diagram, records it for the scheduler and shows the explanation."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from viewer.qt.access.announce import announce, strip_tags
from viewer.model.study.label_quiz import diagram_labels
from viewer.model.study.progress import due_phrase
from viewer.model.study.plan import empty_note, plan_session
from viewer.model.study.quiz import Outcome, QuizSession, Task
from viewer.qt.app.dock_room import open_dock, watch_close
from viewer.qt.study.diagram_mode import DiagramQuiz
from viewer.qt.study.feedback import feedback_html, open_read_more, results_html
from viewer.qt.study.panel import MODES, PAGE_QUIZ, PAGE_RESULTS, PAGE_START, StudyDock

if TYPE_CHECKING:
    from viewer.model.content.loader import Content
    from viewer.model.study.label_quiz import DiagramLabel
    from viewer.model.study.user_data import UserData
    from viewer.qt.app.main_window import MainWindow

QUIZ_ENDED_MS = 5000  # how long "Quiz ended." stays in the status bar
HINTS = {"find": "Click it on the diagram (or Tab to it and press Enter).",
         "name": "Pick its name (keys 1–{n}) or type it and press Enter.",
         "label": "The label in the blue “?” box: type what it says and press Enter, or pick it (keys 1–{n}).",
         "choice": "Pick an answer (keys 1–{n})."}


class StudySession(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.rng = random.Random()
        self.session: QuizSession | None = None
        self.mode = ""
        self.diagram = DiagramQuiz(window)
        self.dock = StudyDock(window)
        watch_close(window, self.dock)
        self._labels: list[DiagramLabel] | None = None
        self._labelled_for: Content | None = None   # the content that _labelled_list was made for
        self._labelled_list: list = []
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
            action = window.add_action(f"Answer {number}", lambda _c=False, n=number - 1: self._choice_key(n),
                                       "study.answer", f"Choose answer {number}", key=number - 1)
            action.setEnabled(False)
            self.choice_actions.append(action)
        self.next_action = window.add_action("Next question", self.next, "study.next", "Go on to the next question")
        self.next_action.setEnabled(False)
        d.closed.connect(self.stop)
        self.show_start()

    # ----- the start page ----------------------------------------------------------------------------
    def user_data(self) -> UserData:
        return self.window.context.user_data

    def due_and_new(self) -> tuple[int, int]:
        return self.user_data().due_and_new(self.window.content)

    def update_due(self) -> None:
        """The one count of cards to study (see Progress.due_and_new), refreshed after every answer."""
        due, new = self.due_and_new()
        self.dock.due_label.setText(f"Today: {due_phrase(due, new)}")
        self.dock.due_label.setAccessibleName(f"Today: {due} cards due for review, {new} new cards")

    def show_start(self, note: str = "") -> None:
        self.update_due()
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

    def labels(self) -> list[DiagramLabel]:
        """The diagram's labels that have a picture of their own (and so can be covered one by one)."""
        if self._labels is None:
            content = self.window.content
            self._labels = [label for label in diagram_labels(content.diagram, content.regions)
                            if label.id in self.window.scene.label_items]
        return self._labels

    def start(self, mode: str) -> bool:
        self.stop(show_start=False)
        dock, regions = self.dock, self.regions()
        plan = plan_session(mode, self.window.content, regions, self.labels(), self.user_data().progress,
                            self.window.level, dock.topic(), dock.session_size(), dock.hide_all.isChecked(), self.rng)
        if not plan.tasks:
            self.show_start(empty_note(mode))
            open_dock(self.window, dock)
            self.window.statusBar().showMessage(dock.start_note.text())
            return False
        self.mode = mode
        self.session = QuizSession(mode, plan.tasks, regions, hide_all_labels=plan.hide_all_labels,
                                   record=plan.record, labels=self.labels())
        dock.set_large(mode == "teachback")
        open_dock(self.window, dock)
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
            self.window.statusBar().showMessage("Quiz ended.", QUIZ_ENDED_MS)  # not left there, stale

    @property
    def running(self) -> bool:
        return self.session is not None and not self.session.finished

    # ----- asking ------------------------------------------------------------------------------------
    def _show_task(self) -> None:
        session, d = self.session, self.dock
        task = session.current if session is not None else None
        if session is None or task is None:
            return
        d.pages.setCurrentIndex(PAGE_QUIZ)
        number, total = session.index + 1, len(session.tasks)
        d.status.setText(self._status_text(session))
        d.prompt.setText(f"Find: {task.prompt}" if task.kind == "find" and task.question is None else task.prompt)
        d.hint.setText(HINTS[task.kind].format(n=len(task.choices)))
        d.feedback.setText("")
        d.show_choices(task.choices)
        d.name_row.setVisible(task.kind in ("name", "label"))
        d.name_field.clear()
        d.name_field.setEnabled(True)
        d.check_button.setEnabled(True)
        d.show_button.show()
        d.next_button.setEnabled(False)
        d.next_button.setText("Next" if number < total else "See results")
        self.diagram.clear_marks()
        if task.kind in ("find", "name") and task.region:
            # a structure under a layer is shown first (the layer lifted, as a tutor would), and one of a
            # superficial layer has its layer laid back: never asked about what cannot be seen
            self.window.depth_control.reveal(list(task.targets) or [task.region])
        if task.kind == "name" and task.region:
            self.diagram.mark(task.region, "asked", "?")
            self.diagram.show_region(task.region)
        self._show_labels(session)
        self._set_keys(choices=len(task.choices), next_=False)
        focus = {"name": d.name_field, "label": d.name_field, "find": self.window.view}.get(task.kind,
                                                                                            d.choice_buttons[0])
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _status_text(self, session: QuizSession) -> str:
        """Where we are; a running score only for students (a patient in teach-back is not being marked)."""
        text = f"{MODES[self.mode][0]} · question {session.index + 1} of {len(session.tasks)}"
        return text if self.mode == "teachback" else f"{text} · {session.correct_count} right"

    def _show_labels(self, session: QuizSession) -> None:
        label_ids = self.diagram.label_ids()
        self.diagram.show_labels(session.visible_labels(label_ids))
        covered = session.covered_labels(label_ids)
        if covered or self.diagram.covers is not None:
            task = session.current
            asked = task.label if task is not None and not session.answered else None
            self.diagram.cover_labels(self.labels(), covered, asked)

    def _set_keys(self, choices: int, next_: bool) -> None:
        for number, action in enumerate(self.choice_actions):
            action.setEnabled(number < choices)
        self.next_action.setEnabled(next_)

    # ----- answering ---------------------------------------------------------------------------------
    def _open(self, *kinds: str) -> tuple[QuizSession, Task] | None:
        """The session and its question, when that question is one of ``kinds`` and not yet answered."""
        session = self.session
        task = session.current if session is not None and not session.answered else None  # None: finished
        return (session, task) if session is not None and task is not None and task.kind in kinds else None

    def _region_clicked(self, region_id: str) -> None:
        if asked := self._open("find"):
            self._settle(asked[0], asked[0].answer_region(region_id))
        elif self.session is not None and not self.session.finished and not self.session.answered:
            self.window.statusBar().showMessage("Answer in the Study panel: this question is not about clicking.")

    def _empty_clicked(self, x: float, y: float) -> None:
        if asked := self._open("find"):
            from viewer.model.diagram.labelled import structure_at

            other = structure_at(self._labelled(), x, y)
            self.window.statusBar().showMessage(
                f"That is the {other.name[:1].lower()}{other.name[1:]}: it is labelled on the diagram, but it is not "
                f"one of the structures this quiz asks about. Find: {asked[1].prompt}." if other else
                "That is not a structure. Click on one of the structures.")

    def _labelled(self) -> list:
        """Labelled structures that are not clickable regions (cached for the content shown)."""
        content = self.window.content
        if self._labelled_for is not content:
            from viewer.model.diagram.labelled import labelled_structures

            regions = {r.element for r in content.regions} | {r.id for r in content.regions}
            region_labels = {label for r in content.regions for label in r.labels}
            self._labelled_for = content
            self._labelled_list = [s for s in labelled_structures(content.diagram)
                                   if s.art_id not in regions and s.label_id not in region_labels]
        return self._labelled_list

    def _choice_key(self, number: int) -> None:
        asked = self._open("choice", "name", "label")
        if asked is not None and number < len(asked[1].choices):
            self.answer_choice(number)

    def answer_choice(self, number: int) -> None:
        if asked := self._open("choice", "name", "label"):
            self._settle(asked[0], asked[0].answer_choice(number))

    def _typed(self) -> None:
        if (asked := self._open("name", "label")) and self.dock.name_field.text().strip():
            self._settle(asked[0], asked[0].answer_text(self.dock.name_field.text()))

    def _number_typed(self, text: str) -> None:
        """A digit typed first in the empty name field picks that choice: no name starts with one."""
        asked = self._open("name", "label")
        if asked is not None and text.isdigit() and 1 <= int(text) <= len(asked[1].choices):
            self.dock.name_field.clear()   # the digit chose an answer; it is not a name
            self.answer_choice(int(text) - 1)

    def _give_up(self) -> None:
        if asked := self._open("find", "choice", "name", "label"):
            self._settle(asked[0], asked[0].give_up())

    def _settle(self, session: QuizSession, outcome: Outcome) -> None:
        task = session.outcomes[-1][0]
        if session.record:
            self.user_data().record_answer(task.card_id, outcome.correct, task.region, task.topic)
            self.update_due()
        self._show_outcome(session, task, outcome)

    def _show_outcome(self, session: QuizSession, task: Task, outcome: Outcome) -> None:
        d = self.dock
        if task.kind in ("find", "name"):
            for region_id in task.targets or ([task.region] if task.region else []):
                self.diagram.mark(region_id, "right", f"✓ {session.region_name(region_id)}")
            if outcome.clicked and not outcome.correct:
                self.diagram.mark(outcome.clicked, "wrong", f"✗ {session.region_name(outcome.clicked)} (your answer)")
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
        d.status.setText(self._status_text(session))
        d.feedback.setText(feedback_html(self.window, session, task, outcome))
        self._show_labels(session)
        self._set_keys(choices=0, next_=True)
        d.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        verdict = "Right" if outcome.correct else f"Not quite: the answer is {outcome.right}"
        self.window.statusBar().showMessage(verdict + ".")
        announce(d.feedback, f"{verdict}. {d.feedback.text() and strip_tags(d.feedback.text())}")

    def _read_more(self, href: str) -> None:
        open_read_more(self.window, href)

    # ----- moving on ---------------------------------------------------------------------------------
    def next(self) -> None:
        session = self.session
        if session is None or not session.answered:
            return
        if session.advance() is not None:
            self._show_task()
        else:
            self._show_results(session)

    def _show_results(self, session: QuizSession) -> None:
        d = self.dock
        self.diagram.clear_marks()
        self.diagram.clear_covers()
        d.score.setText(f"You got {session.correct_count} of {len(session.outcomes)} right.")
        d.summary.setText(results_html(self.window, session))
        teachback = self.mode == "teachback"
        d.handout_box.setVisible(teachback)
        if teachback:
            self._finish_teachback()
            state = self.window.context.teachback
            d.score.setText(state.result.summary() + "." if state.result else "")
            d.handout_box.setChecked(state.on_handout)
        d.pages.setCurrentIndex(PAGE_RESULTS)
        self._set_keys(choices=0, next_=False)
        d.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.diagram.end()
        self.window.statusBar().showMessage(d.score.text())
        announce(d.score, d.score.text())

    # ----- teach-back and the handout ----------------------------------------------------------------
    def _finish_teachback(self) -> None:
        if self.session is not None and self.session.mode == "teachback" and self.session.outcomes:
            self.window.context.teachback.result = self.session.teachback_result()
            self.window.study_actions.teachback_done()

    def _set_on_handout(self, on: bool) -> None:
        self.window.study_actions.set_on_handout(on)


def _int(value, default: int = 10) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default

