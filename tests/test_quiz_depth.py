"""Issue 19: quizzes are depth-aware. A Find-it or Name-it question is about something the student
can see: a structure under a layer is shown by lifting the layer first (as a tutor would), one of a
superficial layer by laying that layer back; the highlight is drawn over its own layer; the depth
is given back when the quiz ends."""

from __future__ import annotations

from gui_helpers import click_scene, view_point
from viewer.model.study.quiz import find_task, name_task


def _runner(window, task):
    """The Study panel's runner with one chosen question (the rest as the app would run it)."""
    from viewer.model.study.quiz import QuizSession

    runner = window.study_actions.session()
    regions = runner.regions()
    runner.mode = task.kind
    runner.session = QuizSession(task.kind, [task], regions, hide_all_labels=False)
    runner.diagram.begin()
    runner._show_task()
    return runner


def _settled(window, qtbot):
    control = window.depth_control
    from PySide6.QtCore import QAbstractAnimation

    running = QAbstractAnimation.State.Running
    qtbot.waitUntil(lambda: control._animation is None or control._animation.state() != running, timeout=3000)
    qtbot.waitUntil(lambda: not control.fade.active, timeout=3000)


def test_find_it_about_a_deep_structure_lifts_the_layers_first(open_window, repo, qtbot):
    window = open_window(repo)
    control = window.depth_control
    control.show_layer("skin", animate=False)
    runner = _runner(window, find_task(window.content.region("piriformis")))
    _settled(window, qtbot)
    assert control.depth.top == "deep" and control.slider.name.text() == "Deep space"
    click_scene(window, *control.point(window.content.region("piriformis")))
    assert "✓ Right" in runner.dock.feedback.text()
    runner.stop()
    _settled(window, qtbot)
    assert control.depth.top == "skin"  # given back as the student had it
    assert window.settings.value("diagram/layer") == "skin"  # the quiz's peeling is not remembered


def test_find_it_keeps_the_depth_when_the_structure_shows_at_it(open_window, repo, qtbot):
    window = open_window(repo)
    control = window.depth_control
    control.show_layer("gluteus-maximus", animate=False)
    _runner(window, find_task(window.content.region("sciatic-nerve")))  # its lower part shows below the muscle
    _settled(window, qtbot)
    assert control.depth.top == "gluteus-maximus"


def test_find_it_about_the_muscle_lays_it_back(open_window, repo, qtbot):
    window = open_window(repo)
    control = window.depth_control
    runner = _runner(window, find_task(window.content.region("gluteus-maximus")))
    _settled(window, qtbot)
    assert control.depth.top == "gluteus-maximus"
    click_scene(window, *control.point(window.content.region("gluteus-maximus")))
    assert "✓ Right" in runner.dock.feedback.text()


def test_name_it_highlight_is_drawn_over_its_own_layer(open_window, repo, qtbot):
    import random

    window = open_window(repo)
    control = window.depth_control
    region = window.content.region("gluteus-medius")
    runner = _runner(window, name_task(region, window.content.regions, random.Random(0)))
    _settled(window, qtbot)
    assert control.depth.top == "gluteus-maximus"
    mark = runner.diagram.marks["gluteus-medius"]
    body, layer_labels = control._items["gluteus-maximus"]
    assert mark.zValue() > body.zValue()
    assert not layer_labels.isVisible()  # its label ("Gluteus medius") would give the answer away
    # what the student sees: the asked outline's colour where the muscle is drawn, not the plain muscle
    shown = window.view.viewport().grab().toImage()
    x, y = control.point(region)
    with_mark = shown.pixelColor(view_point(window, x, y))
    runner.stop()
    _settled(window, qtbot)
    control.show_layer("gluteus-maximus", animate=False)
    plain = window.view.viewport().grab().toImage().pixelColor(view_point(window, x, y))
    assert with_mark != plain
    assert layer_labels.isVisible()  # the labels are back once the quiz is over
