"""Post-test probability: the odds arithmetic, which tests are offered, and the dialog driven by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from viewer.model.content.loader import load_content
from viewer.model.evidence.posttest import post_test, calculator_tests

REPO = Path(__file__).resolve().parent.parent
BUNDLED = load_content(REPO)


def test_odds_form():
    assert post_test(0.4, 5.22) == pytest.approx(0.7768, abs=1e-4)  # 0.667 x 5.22 = 3.48 -> 3.48 / 4.48
    assert post_test(0.4, 0.53) == pytest.approx(0.2611, abs=1e-4)
    assert post_test(0.25, 1.0) == pytest.approx(0.25)
    assert post_test(0.5, 4.0) == pytest.approx(0.8)
    assert 0 < post_test(0.0, 0.1) < 0.001 and 0.999 < post_test(1.0, 10) < 1  # clamped, never 0/0


def options():
    found, left_out = calculator_tests([BUNDLED.lessons[i] for i in BUNDLED.lesson_order()])
    return {o.label: o for o in found}, left_out


def test_reported_ratios_are_used_as_given():
    found, _ = options()
    seated, active = found["Seated piriformis stretch"], found["Active piriformis"]
    assert (seated.lr_pos, seated.lr_neg, seated.derived) == (5.22, 0.53, False)
    assert (active.lr_pos, active.lr_neg, active.derived) == (3.90, 0.27, False)


def test_only_the_combination_the_source_reports_is_offered():
    found, _ = options()
    combined = [o for o in found.values() if o.combined]
    assert [(o.lr_pos, o.lr_neg, o.cite) for o in combined] == [(4.57, 0.11, ["martin2014"])]


def test_ratios_derived_from_sensitivity_and_specificity_are_marked():
    found, left_out = options()
    walking = found["Long-stride walking"]
    assert walking.derived and walking.lr_pos == pytest.approx(0.95 / 0.16) and walking.lr_neg == pytest.approx(0.05 / 0.84)
    assert "derived here" in walking.ratio_text()
    assert "Michel score ≥ 8" not in found and any("Michel" in reason for reason in left_out)  # spec 1: no finite LR+


@pytest.fixture
def dialog(open_window, repo, qtbot):
    window = open_window(repo)
    window.activateWindow()
    window.setFocus()
    window.posttest.action.trigger()
    dialog = window.posttest.dialog
    qtbot.waitExposed(dialog)
    return window, dialog


def test_dialog_from_the_tools_menu_with_a_shortcut(open_window, repo):
    window = open_window(repo)
    action = window.posttest.action
    assert action in window.tools_menu.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+L"


def test_dialog_is_keyboard_operable_and_shows_both_results(dialog, qtbot):
    _window, box = dialog
    assert "Seated piriformis stretch" in box.test_box.currentText()
    box.pre_box.setFocus()
    qtbot.waitUntil(lambda: box.pre_box.hasFocus())
    box.pre_box.selectAll()
    qtbot.keyClicks(box.pre_box, "40")
    qtbot.keyClick(box.pre_box, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: "positive</b>: <b>78%" in box.result_label.text())
    assert "negative</b>: <b>26%" in box.result_label.text()
    assert box.pre_slider.value() == 40
    assert "Martin 2014" in box.source.text() and "33 patients" in box.source.text()
    assert "as reported by the source" in box.test_info.text()


def test_dialog_says_when_ratios_are_derived(dialog, qtbot):
    _window, box = dialog
    box.test_box.setFocus()
    index = next(i for i, o in enumerate(box.options) if o.label == "Long-stride walking")
    while box.test_box.currentIndex() != index:
        qtbot.keyClick(box.test_box, Qt.Key.Key_Down)
    assert "derived here from the reported sensitivity and specificity" in box.test_info.text()
    assert "ischiofemoral impingement" in box.test_info.text()
    assert "Gómez-Hoyos 2016" in box.source.text()


def test_slider_moves_the_nomogram(dialog, qtbot):
    _window, box = dialog
    box.pre_slider.setFocus()
    start = box.pre_slider.value()
    qtbot.keyClick(box.pre_slider, Qt.Key.Key_PageUp)
    assert box.pre_slider.value() > start and round(box.pre_box.value()) == box.pre_slider.value()
    xs, ys = box.nomogram.positive.getData()
    option = box.current()
    expected = post_test(box.pre_box.value() / 100, option.lr_pos)
    assert list(xs) == [0, 1, 2] and ys[2] == pytest.approx(__import__("math").log(expected / (1 - expected)))
    assert "If positive" in box.nomogram.labels[0].textItem.toPlainText()


@pytest.mark.parametrize("sens, spec, reason", [
    (0.964, 1.0, "specificity 1 gives no finite LR+"),
    (1.0, 0.8, "sensitivity 1 gives an LR− of 0"),
    (0.0, 0.8, "sensitivity 0 gives an LR+ of 0"),
    (0.7, 0.0, "specificity 0 gives no finite LR−"),
])
def test_each_unusable_test_is_left_out_with_its_own_reason(sens, spec, reason):
    from types import SimpleNamespace

    from viewer.model.evidence.charts import Item

    item = Item("Odd test", sens=sens, spec=spec, n=["10 patients"], cite=["x"])
    lesson = SimpleNamespace(charts={"acc": SimpleNamespace(type="accuracy", items=[item])})
    found, left_out = calculator_tests([lesson])
    assert found == [] and len(left_out) == 1
    assert left_out[0].startswith("Odd test: " + reason), left_out
    wrong = {"specificity 1": "sensitivity", "sensitivity 1": "specificity", "sensitivity 0": "specificity",
             "specificity 0": "sensitivity"}[reason[:13]]
    assert wrong not in left_out[0]  # one reason, the right one
    both = Item("Both", sens=1.0, spec=1.0, n=["1"], cite=["x"])
    _found, both_out = calculator_tests([SimpleNamespace(charts={"a": SimpleNamespace(type="accuracy", items=[both])})])
    assert "no finite LR+" in both_out[0] and "LR− of 0" in both_out[0]


def test_dialog_fits_the_screen_and_scrolls_when_short(dialog, qtbot):
    _window, box = dialog
    screen = box.screen().availableGeometry()
    assert box.width() <= screen.width() and box.height() <= screen.height()
    if screen.height() < 700:  # the offscreen test screen (800x600): the body scrolls, Close stays in view
        assert box.scroll_area.verticalScrollBar().maximum() > 0
    for label in (box.result_label, box.source, box.test_info):  # nothing cut at the right under the scroll bar
        assert label.mapTo(box.scroll_area.viewport(), label.rect().topRight()).x() < box.scroll_area.viewport().width()
    box.pre_slider.setFocus()
    qtbot.waitUntil(box.pre_slider.hasFocus)
    box.scroll_area.verticalScrollBar().setValue(box.scroll_area.verticalScrollBar().maximum())
    qtbot.keyClick(box.pre_slider, Qt.Key.Key_Right)  # still operable by key however far it scrolled
    assert box.pre_slider.value() == 31 and round(box.pre_box.value()) == 31


def test_nomogram_scales_have_titles_clear_of_the_ticks(dialog, qtbot):
    from viewer.qt.evidence.plotting import pyqtgraph

    _window, box = dialog
    plot = box.nomogram.widget.getPlotItem()
    titles = [t.textItem.toPlainText().replace("\n", " ") for t in box.nomogram.titles]
    assert titles == ["Pre-test probability %", "Likelihood ratio", "Post-test probability %"]
    area = plot.vb.sceneBoundingRect()
    others = [item for item in plot.vb.addedItems
              if isinstance(item, pyqtgraph().TextItem) and item not in box.nomogram.titles
              and item not in box.nomogram.labels]
    assert len(others) > 40
    for title in box.nomogram.titles:
        shape = title.sceneBoundingRect()
        assert area.contains(shape), (title.textItem.toPlainText(), shape, area)
        assert not any(shape.intersects(o.sceneBoundingRect()) for o in others)
