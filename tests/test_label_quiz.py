"""The label quiz (image occlusion over every label of the diagram), driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from test_study import label_visible, press, study, type_text


# ----- the label quiz -------------------------------------------------------------------------------------
def covers(window):
    return study(window).diagram.covers


def test_whole_label_quiz_answered_from_the_keyboard(open_window, mini_dir):
    window = open_window(mini_dir)
    window.study_actions.mode_actions["labels"].trigger()
    runner = study(window)
    dock = runner.dock
    assert dock.status.text().startswith("Label quiz · question 1 of 2")
    assert dock.prompt.text() == "What does the highlighted label say?"
    assert label_visible(window, "label-upper") and label_visible(window, "label-lower")  # leader lines stay
    assert covers(window).visible_ids() == {"label-upper", "label-lower"}                # every word covered
    asked = covers(window).asked_id()
    other = "label-lower" if asked == "label-upper" else "label-upper"
    text = {"label-upper": "Upper", "label-lower": "Lower"}
    assert QApplication.focusWidget() is dock.name_field
    type_text(window, text[asked].lower())
    press(window, Qt.Key.Key_Return)
    assert "✓ Right" in dock.feedback.text()
    assert covers(window).visible_ids() == {other}               # only the answered label is revealed
    press(window, Qt.Key.Key_Return)                             # Next
    assert covers(window).asked_id() == other
    wrong = next(i for i, b in enumerate(dock.choice_buttons) if b.isVisible() and not b.text().endswith(text[other]))
    press(window, Qt.Key.Key_1 + wrong)                          # the digit picks a choice and is not left typed
    assert dock.name_field.text() == "" and "✗ Not quite" in dock.feedback.text()
    assert covers(window).visible_ids() == set()
    press(window, Qt.Key.Key_Return)
    assert dock.score.text() == "You got 1 of 2 right."
    attempts = window.context.user_data.progress.attempts
    assert sorted(a.card for a in attempts) == ["label:label-lower", "label:label-upper"]
    assert {a.topic for a in attempts} == {"anatomy"} and {a.region for a in attempts} == {"upper", "lower"}
    assert covers(window).items == {} and label_visible(window, "label-upper")   # the diagram is back


def test_label_quiz_on_the_real_diagram_keeps_every_other_label_hidden(open_window, repo):
    window = open_window(repo)
    runner = study(window)
    runner.dock.size_box.setCurrentIndex(runner.dock.size_box.findData(50))
    assert runner.start("labels")
    total = len(runner.session.tasks)
    assert total == len(window.content.diagram.label_ids) >= 30
    for number in range(3):
        asked = covers(window).asked_id()
        assert len(covers(window).visible_ids()) == total - number
        task = runner.session.current
        assert len([b for b in runner.dock.choice_buttons if b.isVisible()]) == 4
        type_text(window, task.choices[task.answer])
        press(window, Qt.Key.Key_Return)
        assert "✓ Right" in runner.dock.feedback.text()
        assert asked not in covers(window).visible_ids()
        assert len(covers(window).visible_ids()) == total - number - 1
        box = covers(window).items[next(iter(covers(window).visible_ids()))]
        assert box.rect().width() > 20 and box.isVisible()
        press(window, Qt.Key.Key_N)
