"""The bundled diagram and lessons, driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui_helpers import click_scene, lesson_text, move_to_scene, point_just_outside
from viewer.model.content.check import check_content
from viewer.model.content.loader import load_content

REQUIRED_REGIONS = ["piriformis", "gemelli-obturator-internus", "ischiofemoral-tunnel", "hamstring-origin",
                    "sciatic-nerve"]


@pytest.fixture(scope="module")
def content(request):
    return load_content(request.config.rootpath)


def test_bundled_content_has_no_problems(content):
    assert [str(p) for p in check_content(content)] == []


def test_required_regions_exist_with_lessons(content):
    assert set(REQUIRED_REGIONS) <= {r.id for r in content.regions}
    for region in content.regions:
        assert content.lessons[region.lesson].region == region.id


def test_keyboard_order_is_top_to_bottom(content):
    """Tab visits the four structures of the lesson in the order they lie, top to bottom (the middle of
    each outline: the hamstring origin and the tunnel start at about the same height)."""
    middles = [(box.top + box.bottom) / 2 for box in (content.region(i).shape.bbox for i in
               ("piriformis", "gemelli-obturator-internus", "ischiofemoral-tunnel", "hamstring-origin"))]
    assert middles == sorted(middles)
    assert [r.id for r in content.regions][0] == "piriformis"


def test_nerve_runs_under_piriformis_and_over_the_gemelli(content):
    """The topography the diagram must show: piriformis covers the nerve's top end;
    the nerve covers the gemelli-obturator internus complex and quadratus femoris."""
    index = content.index()
    nerve = content.region("sciatic-nerve")
    covering_nerve = {r.id for r in index.covering(nerve)}
    assert {"piriformis", "hamstring-origin"} <= covering_nerve
    for deeper in ("gemelli-obturator-internus", "ischiofemoral-tunnel"):
        assert nerve.id in {r.id for r in index.covering(content.region(deeper))}


@pytest.mark.parametrize("region_id", REQUIRED_REGIONS)
def test_click_inside_opens_lesson_click_outside_does_not(open_window, repo, region_id):
    window = open_window(repo)
    region = window.content.region(region_id)
    inside = window.content.index().interior_point(region)
    click_scene(window, *inside)
    assert window.view.selected_id == region_id
    assert window.current_lesson() == region.lesson
    assert window.content.lessons[region.lesson].title in lesson_text(window)
    click_scene(window, 5, 5)  # empty canvas corner clears
    assert window.view.selected_id is None
    outside = point_just_outside(region.shape, inside)
    click_scene(window, *outside)
    assert window.view.selected_id != region_id


def test_hover_names_every_region(open_window, repo):
    window = open_window(repo)
    for region in window.content.regions:
        window.depth_control.show_layer(region.layer or "deep", animate=False)  # each on its own layer
        move_to_scene(window, *window.depth_control.point(region))
        assert window.view.tag.isVisible() and window.view.tag.text.text() == region.name
        assert window.scene.region_items[region.id].hovered


def test_keyboard_only_walk_opens_every_region(open_window, repo):
    """At the deep layer Tab walks the deep regions; the superficial ones are walked where their layer
    is on top ([ lays a layer back, from the keyboard too)."""
    window = open_window(repo)
    window.view.setFocus()
    deep = [r for r in window.content.regions if not r.layer]
    opened = []
    for _region in deep:
        QTest.keyClick(window.view, Qt.Key.Key_Tab)
        QTest.keyClick(window.view, Qt.Key.Key_Return)
        opened.append((window.view.selected_id, window.current_lesson()))
    assert opened == [(r.id, r.lesson) for r in deep]
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.view.selected_id is None


def test_overview_links_reach_region_lessons_and_back(open_window, repo):
    from PySide6.QtCore import QUrl

    window = open_window(repo)
    window.go_home()
    assert window.current_lesson() == "what-is-dgs"
    window.panel.anchorClicked.emit(QUrl("lesson:piriformis"))
    assert window.current_lesson() == "piriformis" and window.view.selected_id == "piriformis"
    window.back_action.trigger()
    assert window.current_lesson() == "what-is-dgs" and window.view.selected_id is None
