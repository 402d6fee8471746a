"""The Study panel driven as a student and a clinician would: clicks on the diagram, keys, typing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui_helpers import click_scene, lesson_text


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)


def type_text(window, text):
    QTest.keyClicks(QApplication.focusWidget(), text)


def click_region(window, region_id):
    region = window.content.region(region_id)
    click_scene(window, *window.content.index().interior_point(region))


def study(window):
    return window.study_actions.session()


def asked_region(window) -> str:
    """The structure the quiz is asking about, as the user sees it: named in the prompt (Find it)
    or highlighted with a "?" (Name it)."""
    runner = study(window)
    prompt = runner.dock.prompt.text()
    if prompt.startswith("Find: "):
        return next(r.id for r in window.content.regions if r.name == prompt.removeprefix("Find: "))
    return next(rid for rid, mark in runner.diagram.marks.items() if mark.style == "asked")


def label_visible(window, label_id) -> bool:
    return window.scene.label_items[label_id].isVisible()


def test_start_up_loads_no_study_code(repo):
    code = ("import sys; sys.path.insert(0, '.'); from pathlib import Path; import tempfile\n"
            "from viewer.model.content.loader import load_content; from viewer.qt.app.start import create_window\n"
            "w = create_window(load_content(Path('tests/data/mini')), Path(tempfile.mkdtemp()))\n"
            "loaded = [m for m in ('fsrs', 'viewer.qt.study.session', 'viewer.model.study.quiz',"
            " 'viewer.model.content.questions') if m in sys.modules]\n"
            "assert not loaded and w.content._questions is None, loaded")
    result = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr


def test_start_up_builds_no_study_widgets(open_window, mini_dir):
    window = open_window(mini_dir)
    assert not window.study_actions.built
    assert [a.text() for a in window.study_menu.actions()[:6]] == ["&Find it", "&Name it", "&Label quiz",
                                                                   "&Questions", "&Review due cards",
                                                                   "&Teach-back (patient)"]
    window.study_menu.aboutToShow.emit()
    # 4 find, 4 name, 4 questions, 2 labels: all new
    assert window.study_actions.mode_actions["review"].text() == "&Review due cards (0 due · 14 new)"


def test_whole_find_it_quiz_answered_by_clicks_on_the_diagram(open_window, mini_dir):
    window = open_window(mini_dir)
    window.study_actions.mode_actions["find"].trigger()
    runner = study(window)
    dock = runner.dock
    assert dock.isVisible() and dock.status.text().startswith("Find it · question 1 of 4")
    assert not label_visible(window, "label-upper") and not label_visible(window, "label-lower")  # all hidden
    assert window.view.tag.opacity() == 0  # hovering names nothing
    target = asked_region(window)
    wrong = next(r for r in ("upper", "band", "lower", "round") if r != target)
    click_region(window, wrong)
    assert "Not quite" in dock.feedback.text() and "The answer:" in dock.feedback.text()
    marks = runner.diagram.marks
    assert marks[target].style == "right" and marks[target].tag.text.text() == f"✓ {window.content.region(target).name}"
    wrong_name = window.content.region(wrong).name
    assert marks[wrong].style == "wrong" and marks[wrong].tag.text.text() == f"✗ {wrong_name} (your answer)"
    assert f"You clicked: {wrong_name}." in dock.feedback.text()
    if wrong in ("upper", "lower"):
        assert not label_visible(window, f"label-{wrong}")        # a wrong click reveals nothing
    if target in ("upper", "lower"):
        assert label_visible(window, f"label-{target}")           # the asked one is revealed
    click_region(window, target)                                  # a second click changes nothing
    assert "Not quite" in dock.feedback.text()
    right = 0
    while dock.next_button.text() == "Next":
        QTest.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)
        assert runner.diagram.marks == {}
        target = asked_region(window)
        click_region(window, target)
        assert "✓ Right" in dock.feedback.text()
        right += 1
    assert right == 3
    QTest.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)
    assert dock.score.text() == "You got 3 of 4 right."
    progress = window.context.user_data.progress
    assert sorted(a.card for a in progress.attempts) == ["find:band", "find:lower", "find:round", "find:upper"]
    assert sum(a.correct for a in progress.attempts) == 3
    assert (window.view.tag.opacity(), label_visible(window, "label-upper")) == (1, True)  # the diagram is back
    click_region(window, "lower")
    assert "Lower muscle" in lesson_text(window)                   # clicks open lessons again


def test_name_it_answered_from_the_keyboard(open_window, mini_dir):
    window = open_window(mini_dir)
    press(window, Qt.Key.Key_F9)               # the panel opens with the focus on its first mode
    runner = study(window)
    dock = runner.dock
    assert QApplication.focusWidget() is dock.mode_buttons["find"]
    dock.hide_all.setChecked(False)            # labels: only the asked structure's are hidden
    press(window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dock.mode_buttons["name"]
    press(window, Qt.Key.Key_Space)
    assert dock.status.text().startswith("Name it · question 1 of 4")
    names = {r.id: r.name for r in window.content.regions}
    results = []
    for number in range(4):
        target = asked_region(window)
        if target in ("upper", "lower"):
            other = "lower" if target == "upper" else "upper"
            assert not label_visible(window, f"label-{target}") and label_visible(window, f"label-{other}")
        if number == 0:                        # typed with a typo, Enter submits
            assert QApplication.focusWidget() is dock.name_field
            type_text(window, names[target].lower()[:-2] + names[target][-1] + names[target][-2])
            press(window, Qt.Key.Key_Return)
            results.append(True)
        elif number == 1:                      # another structure's name is wrong
            type_text(window, next(n for rid, n in names.items() if rid != target))
            press(window, Qt.Key.Key_Return)
            results.append(False)
        else:                                  # the number key of the right choice
            key = next(i for i, b in enumerate(dock.choice_buttons) if b.text().endswith(names[target]))
            press(window, Qt.Key.Key_1 + key)
            results.append(True)
        assert ("✓ Right" in dock.feedback.text()) == results[-1], (
            number, target, dock.name_field.text(), [b.text() for b in dock.choice_buttons])
        assert runner.diagram.marks[target].style == "right"
        if target in ("upper", "lower"):
            assert label_visible(window, f"label-{target}")
        assert QApplication.focusWidget() is dock.next_button
        press(window, Qt.Key.Key_Return)       # Enter on Next
    assert dock.score.text() == "You got 3 of 4 right."
    assert "The highlighted structure" in dock.summary.text()


@pytest.mark.parametrize("focus", ["diagram", "panel"])
def test_esc_ends_a_quiz_and_the_diagram_works_again(open_window, mini_dir, focus):
    window = open_window(mini_dir)
    window.study_actions.mode_actions["name"].trigger()
    runner = study(window)
    (window.view if focus == "diagram" else runner.dock.choice_buttons[0]).setFocus()
    press(window, Qt.Key.Key_Escape)
    assert not runner.running and runner.dock.pages.currentIndex() == 0 and runner.diagram.marks == {}
    assert label_visible(window, "label-upper") and window.view.tag.opacity() == 1
    click_region(window, "upper")
    assert "Upper muscle" in lesson_text(window)


def test_f9_toggles_the_panel_with_the_due_count(open_window, mini_dir):
    window = open_window(mini_dir)
    press(window, Qt.Key.Key_F9)
    dock = study(window).dock
    assert dock.isVisible() and dock.due_label.text() == "Today: 0 due · 14 new"
    assert dock.mode_buttons["review"].accessibleName() == "Review due cards"
    press(window, Qt.Key.Key_F9)
    assert not dock.isVisible()


def test_questions_show_explanation_and_read_more_opens_the_section(open_window, mini_dir):
    window = open_window(mini_dir)
    window.level_actions["clinical"].trigger()
    runner = study(window)
    runner.dock.topic_box.setCurrentIndex(runner.dock.topic_box.findData("tests"))
    assert runner.start("questions")
    dock = runner.dock
    assert dock.prompt.text() == "Which structure lies at the bottom of the diagram?"
    press(window, Qt.Key.Key_2)                  # wrong: Band
    assert "✗ Not quite" in dock.feedback.text() and "Lower muscle" in dock.feedback.text()
    assert dock.choice_buttons[2].text() == "3.  ✓ Lower muscle" and dock.choice_buttons[1].text() == "2.  ✗ Band"
    assert "The lower muscle is at the bottom." in dock.feedback.text()
    dock.feedback.linkActivated.emit("lesson:lower#about")
    assert window.current_lesson() == "lower" and window.view.selected_id is None
    attempt = window.context.user_data.progress.attempts[-1]
    assert (attempt.card, attempt.correct, attempt.region, attempt.topic) == ("q:lower-about", False, "lower",
                                                                                  "tests")


def test_patient_level_asks_only_patient_questions(open_window, mini_dir):
    window = open_window(mini_dir)
    runner = study(window)
    runner.start("questions")
    assert {t.question.level for t in runner.session.tasks} == {"patient"}


def test_review_session_mixes_cards_and_answered_cards_wait_their_turn(open_window, mini_dir):
    window = open_window(mini_dir)
    window.level_actions["clinical"].trigger()
    runner = study(window)
    runner.dock.size_box.setCurrentIndex(0)      # 5 cards
    runner.start("review")
    tasks = runner.session.tasks
    assert len(tasks) == 5 and {t.card_id.partition(":")[0] for t in tasks} == {"find", "name", "q", "label"}
    QTest.mouseClick(runner.dock.show_button, Qt.MouseButton.LeftButton)   # "Show answer": not known
    assert "The answer:" in runner.dock.feedback.text()
    runner.stop()
    assert runner.dock.due_label.text() == "Today: 1 due · 13 new"   # FSRS brings a missed card back within minutes
    runner.start("review")
    assert tasks[0].card_id not in [t.card_id for t in runner.session.tasks]   # ...not in this session


def test_teach_back_result_goes_on_the_handout_only_when_chosen(open_window, mini_dir, tmp_path):
    from pypdf import PdfReader

    from viewer.qt.chairside.handout import write_pdf

    window = open_window(mini_dir)
    window.chairside.toolbar.widgetForAction(window.study_actions.mode_actions["teachback"]).click()
    runner = study(window)
    dock = runner.dock
    assert dock.prompt.text() == "When does the upper muscle squeeze the band?"
    press(window, Qt.Key.Key_1)                  # right
    press(window, Qt.Key.Key_Return)
    click_region(window, "band")                 # "Where can the band be pinched?" -- wrong
    press(window, Qt.Key.Key_N)
    assert dock.score.text() == "We went over 2 questions; you got 1 straight away."
    assert not window.study_actions.handout_action.isChecked()
    assert window.context.user_data.progress.attempts == []   # a patient's answers are not study progress

    def handout_text(name):
        path = tmp_path / name
        assert write_pdf(window.chairside.handout_document("a4"), path, "a4")
        return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())

    assert "What we went over today" not in handout_text("without.pdf")
    dock.handout_box.click()
    assert window.study_actions.handout_action.isChecked()
    text = handout_text("with.pdf")
    assert "What we went over today" in text and "you got 1 straight away" in text
    assert "When you sit" in text
    window.chairside.new_patient_action.trigger()
    assert window.context.teachback.result is None and not window.study_actions.handout_action.isChecked()
    assert "What we went over today" not in handout_text("next.pdf")


@pytest.mark.parametrize("mode", ["find", "name", "labels", "questions", "teachback"])
def test_every_control_has_an_accessible_name(open_window, mini_dir, mode):
    window = open_window(mini_dir)
    runner = study(window)
    runner.start(mode)
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit
    for kind in (QAbstractButton, QComboBox, QLineEdit):
        for widget in runner.dock.findChildren(kind):
            assert widget.accessibleName(), widget


def test_study_options_are_remembered(open_window, mini_dir, tmp_path):
    window = open_window(mini_dir, data_dir=tmp_path / "data")
    dock = study(window).dock
    dock.hide_all.click()
    dock.size_box.setCurrentIndex(0)
    window.close()
    again = open_window(mini_dir, data_dir=tmp_path / "data")
    dock = study(again).dock
    assert not dock.hide_all.isChecked() and dock.session_size() == 5


def test_opening_a_lesson_mid_quiz_gives_nothing_away_even_when_presenting(open_window, mini_dir):
    window = open_window(mini_dir)
    window.chairside.present_action.setChecked(True)
    runner = study(window)
    runner.start("find")
    window.open_lesson("upper")                  # e.g. a link in the lesson panel
    assert window.view.selected_id is None
    assert not label_visible(window, "label-upper") and not label_visible(window, "label-lower")
    runner.stop()
    window.chairside.present_action.setChecked(False)
    assert window.view.selected_id == "upper" and label_visible(window, "label-lower")


# ----- wording and counts ---------------------------------------------------------------------------------
def test_one_count_of_due_and_new_cards_everywhere(open_window, mini_dir):
    from viewer.qt.study.progress_view import show_progress

    window = open_window(mini_dir)
    runner = study(window)
    runner.start("find")
    assert runner.dock.due_label.text() == "Today: 0 due · 14 new"
    for _ in range(2):
        click_region(window, asked_region(window))
        due, new = window.context.user_data.due_and_new(window.content)
        assert new == 14 - len(runner.session.outcomes)
        assert runner.dock.due_label.text() == f"Today: {due} due · {new} new"   # updated after each answer
        press(window, Qt.Key.Key_N)
    window.study_menu.aboutToShow.emit()
    assert window.study_actions.mode_actions["review"].text() == f"&Review due cards ({due} due · {new} new)"
    view = show_progress(window)
    assert f"Today: {due} due · {new} new" in view.summary.text()
    view.close()


def test_read_more_switches_to_the_level_that_has_the_section(open_window, mini_dir):
    window = open_window(mini_dir)
    window.level_actions["clinical"].trigger()
    runner = study(window)
    runner.start("questions")
    runner.dock.feedback.linkActivated.emit("lesson:upper#how-it-presses")   # written for patients only
    assert window.level == "patient" and window.current_lesson() == "upper"
    assert "switched to Patient" in window.statusBar().currentMessage()


def test_results_link_each_missed_card_and_teach_back_keeps_no_running_score(open_window, mini_dir):
    window = open_window(mini_dir)
    runner = study(window)
    runner.start("find")
    dock = runner.dock
    assert all(dock.mode_notes[m].text() for m in dock.mode_notes)   # each mode says what it does
    while runner.running:
        QTest.mouseClick(dock.show_button, Qt.MouseButton.LeftButton)
        press(window, Qt.Key.Key_N)
    with_lessons = [t for t, _o in runner.session.outcomes if window.content.region(t.region).lesson]
    assert len(with_lessons) == 3                                       # "round" has no lesson
    assert dock.summary.text().count("href='lesson:") == 3             # Read more for each one that has
    runner.start("teachback")
    assert "right" not in dock.status.text()                            # a patient is not being scored
    press(window, Qt.Key.Key_1)
    assert "right" not in dock.status.text()


def test_answer_tags_sit_beside_the_structure_they_name(open_window, mini_dir):
    window = open_window(mini_dir)
    runner = study(window)
    runner.start("find")
    target = asked_region(window)
    click_region(window, target)
    tag = runner.diagram.marks[target].tag
    inside = window.content.index().interior_point(window.content.region(target))
    from PySide6.QtCore import QPointF
    assert not tag.sceneBoundingRect().contains(QPointF(*inside))
