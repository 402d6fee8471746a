"""Every labelled structure on the diagram is clickable and opens a short entry (issue 16).

The five teaching regions keep their full lessons; the other labelled structures are regions too, each
opening a short entry in lessons/structures/. Name-it and Find-it then draw on all of them.
"""

from __future__ import annotations

import random
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui_helpers import click_scene, lesson_text, move_to_scene
from viewer.model.content.check import check_content
from viewer.model.content.loader import load_content
from viewer.model.content.plaintext import lesson_text as plain_text
from viewer.model.study.quiz import name_task, region_tasks

MAIN = ["piriformis", "sciatic-nerve", "gemelli-obturator-internus", "ischiofemoral-tunnel", "hamstring-origin"]
MINOR = ["pudendal-nerve", "sacrotuberous-ligament", "lesser-trochanter", "greater-sciatic-notch",
         "posterior-femoral-cutaneous-nerve", "coccyx", "inferior-gluteal-vessels"]


@pytest.fixture(scope="module")
def bundled(request):
    return load_content(request.config.rootpath)


# ----- the data ------------------------------------------------------------------------------------------
def test_every_label_belongs_to_a_clickable_structure_with_its_own_text(bundled):
    owner = {label: region for region in bundled.regions for label in region.labels}
    index = bundled.index()
    assert len(bundled.diagram.label_ids) >= 30
    for label_id in bundled.diagram.label_ids:
        region = owner[label_id]
        assert region.shape is not None and index.interior_point(region) is not None, label_id
        lesson = bundled.lessons[region.lesson]
        assert lesson.region == region.id
        if region.id in MAIN:
            assert not bundled.is_entry(lesson.id)              # the five keep their full lessons
        else:
            assert bundled.is_entry(lesson.id), label_id
            for level in ("patient", "clinical"):
                assert "sciatic nerve" in plain_text(lesson, level).lower(), (lesson.id, level)
            assert lesson.citations(), lesson.id                 # at least one source
    assert len([r for r in bundled.regions if r.id not in MAIN]) >= 20


def test_entries_follow_the_lessons_in_the_diagrams_order(bundled):
    entries = bundled.entry_ids()
    assert entries == [r.lesson for r in bundled.regions if bundled.is_entry(r.lesson)]
    assert bundled.lesson_order()[-len(entries):] == entries
    assert bundled.lesson_order()[0] == "what-is-dgs"


def mini_copy(repo, tmp_path):
    root = tmp_path / "content"
    shutil.copytree(repo / "tests" / "data" / "mini", root)
    return root


def test_a_structure_is_added_without_code(repo, tmp_path):
    """Draw a shape, add a [[region]] and a short entry: it is clickable, quizzed and checked."""
    root = mini_copy(repo, tmp_path)
    svg = root / "resources" / "diagram.svg"
    text = svg.read_text(encoding="utf-8")
    layer = text.index('id="labels"')
    art_end = text.rindex("</g>", 0, text.rindex("<g", 0, layer))
    text = (text[:art_end] + '<g id="region-knob"><circle cx="20" cy="20" r="12" fill="#ccc"/></g>\n'
            + text[art_end:])
    svg.write_text(text, encoding="utf-8")
    with (root / "resources" / "regions.toml").open("a", encoding="utf-8") as f:
        f.write('\n[[region]]\nid = "knob"\nname = "Knob"\nlesson = "knob"\ndescription = "A small knob."\n')
    (root / "lessons" / "structures").mkdir()
    (root / "lessons" / "structures" / "knob.md").write_text(
        '+++\nid = "knob"\ntitle = "Knob"\nregion = "knob"\nsummary = "A small knob."\nreviewed = "2026-12-03"\n+++\n\n'
        "::: patient\nA small knob near the nerve.\n:::\n\n::: clinical\nA knob.\n:::\n", encoding="utf-8")
    content = load_content(root)
    assert content.is_entry("knob") and content.entry_ids() == ["knob"]
    assert content.index().region_at(20, 20).id == "knob"
    assert not [p for p in check_content(content) if p.severity == "error"]
    assert "find:knob" in {t.card_id for t in region_tasks("find", content.regions, random.Random(0), 50)}


def test_check_names_a_label_that_no_structure_owns(repo, tmp_path):
    root = mini_copy(repo, tmp_path)
    svg = root / "resources" / "diagram.svg"
    text = svg.read_text(encoding="utf-8")
    at = text.index(">", text.index('id="labels"')) + 1
    svg.write_text(text[:at] + '\n<g id="label-stray"><text x="5" y="5">Stray</text></g>' + text[at:], encoding="utf-8")
    problems = [p for p in check_content(load_content(root)) if "label-stray" in p.message]
    assert len(problems) == 1 and problems[0].severity == "warning"
    assert problems[0].path == svg and problems[0].line == text[:at].count("\n") + 2
    assert "belongs to no region" in problems[0].message


def test_the_cache_sees_an_edited_entry(repo, tmp_path):
    root = mini_copy(repo, tmp_path)
    entry = root / "lessons" / "structures" / "extra.md"
    entry.parent.mkdir()
    entry.write_text('+++\nid = "extra"\ntitle = "Extra"\nsummary = "S."\n+++\n\n::: patient\nP.\n:::\n', encoding="utf-8")
    cache = tmp_path / "cache"
    assert load_content(root, cache).lessons["extra"].title == "Extra"
    assert load_content(root, cache).lessons["extra"].title == "Extra"      # from the cache
    entry.write_text(entry.read_text(encoding="utf-8").replace('"Extra"', '"Extra, edited"'), encoding="utf-8")
    assert load_content(root, cache).lessons["extra"].title == "Extra, edited"


# ----- the quiz ------------------------------------------------------------------------------------------
def test_name_it_offers_choices_from_all_structures(bundled):
    names = {r.name for r in bundled.regions}
    main_names = {bundled.region(i).name for i in MAIN}
    offered = set()
    for seed in range(40):
        task = name_task(bundled.region("piriformis"), bundled.regions, random.Random(seed))
        assert len(task.choices) == 4 and len(set(task.choices)) == 4 and set(task.choices) <= names
        assert task.choices[task.answer] == "Piriformis"
        offered |= set(task.choices)
    assert len(offered - main_names) >= 10        # not four out of the same five


def test_find_and_name_rounds_reach_every_structure(bundled):
    for kind in ("find", "name"):
        tasks = region_tasks(kind, bundled.regions, random.Random(3), limit=50)
        assert {t.region for t in tasks} == {r.id for r in bundled.regions}


# ----- in the window -------------------------------------------------------------------------------------
@pytest.mark.parametrize("region_id", MINOR)
def test_clicking_a_minor_structure_opens_its_entry_at_both_levels(open_window, repo, region_id):
    window = open_window(repo)
    region = window.content.region(region_id)
    point = window.content.index().interior_point(region)
    move_to_scene(window, *point)
    assert window.view.tag.isVisible() and window.view.tag.text.text() == region.name
    click_scene(window, *point)
    assert window.view.selected_id == region_id and window.current_lesson() == region_id
    shown = lesson_text(window)
    assert region.name in shown
    assert "How it relates to the sciatic nerve" in shown or "How they relate to the sciatic nerve" in shown
    window.set_level("clinical")
    shown = lesson_text(window)
    assert "Relation to the sciatic nerve" in shown and "References" in shown
    first_source = window.content.bibliography[window.content.lessons[region_id].citations()[0][1]]
    assert first_source.authors.split(",")[0] in shown


def test_the_lessons_menu_lists_the_structures_in_a_submenu(open_window, repo):
    window = open_window(repo)
    actions = window.lessons_menu.actions()
    top = [a.text() for a in actions if a.menu() is None]
    assert "Pudendal nerve" not in top and "How the nerve and piriformis can vary" in top
    submenu = next(a.menu() for a in actions if a.menu() is not None and "Structures" in a.text())
    titles = [a.text() for a in submenu.actions()]
    assert titles == [window.content.lessons[i].title for i in window.content.entry_ids()]
    next(a for a in submenu.actions() if a.text() == "Sacrotuberous ligament").trigger()
    assert window.current_lesson() == "sacrotuberous-ligament"
    assert window.view.selected_id == "sacrotuberous-ligament"


def start_session(window, mode):
    window.study_actions.mode_actions["find"].trigger()       # opens the panel
    runner = window.study_actions.session()
    runner.dock.size_box.setCurrentIndex(runner.dock.size_box.findData(50))
    window.study_actions.mode_actions[mode].trigger()
    return runner


def test_find_it_asks_every_structure_and_is_answered_by_clicks(open_window, repo):
    window = open_window(repo)
    runner = start_session(window, "find")
    dock = runner.dock
    total = len(window.content.regions)
    assert dock.status.text().startswith(f"Find it · question 1 of {total}")
    asked = []
    while True:
        name = dock.prompt.text().removeprefix("Find: ")
        region = next(r for r in window.content.regions if r.name == name)
        asked.append(region.id)
        control = window.depth_control
        point = control.point(region)
        if point is None:  # a structure of another layer: show that layer, as a student would
            control.show_layer(window.content.index().layer(region), animate=False)
            point = control.point(region)
        click_scene(window, *point)
        assert "✓ Right" in dock.feedback.text(), name
        control.show_layer("deep", animate=False)
        if dock.next_button.text() != "Next":
            break
        QTest.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)
    assert sorted(asked) == sorted(r.id for r in window.content.regions)
    QTest.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)
    assert dock.score.text() == f"You got {total} of {total} right."


def test_name_it_shows_choices_from_the_larger_set(open_window, repo):
    window = open_window(repo)
    runner = start_session(window, "name")
    dock = runner.dock
    main_names = {window.content.region(i).name for i in MAIN}
    shown = set()
    for _ in range(8):
        choices = [b.text().split("  ", 1)[1] for b in dock.choice_buttons if b.isVisible()]
        assert len(choices) == 4
        shown |= set(choices)
        asked = next(rid for rid, mark in runner.diagram.marks.items() if mark.style == "asked")
        key = next(i for i, c in enumerate(choices) if c == window.content.region(asked).name)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_1 + key)
        assert "✓ Right" in dock.feedback.text()
        QTest.mouseClick(dock.next_button, Qt.MouseButton.LeftButton)
    assert len(shown - main_names) >= 5
