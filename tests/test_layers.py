"""Layers: skin and gluteus maximus over the deep art, peeled with the depth control."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from gui_helpers import click_scene, view_point
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from viewer.model.content.check import check_content
from viewer.model.content.loader import load_content
from viewer.model.layers.depth import Depth
from viewer.model.layers.spec import load_layers

LAYERS = ["skin", "gluteus-maximus", "deep"]
SUPERFICIAL = {"gluteus-maximus": "gluteus-maximus", "gluteus-medius": "gluteus-maximus", "buttock-skin": "skin"}


# ----- model -------------------------------------------------------------------------------------------
def test_layers_are_declared_outermost_first(repo):
    layers, problems = load_layers(repo / "resources" / "regions.toml")
    assert problems == [] and [layer.id for layer in layers] == LAYERS


def test_depth_fades_each_layer_in_turn():
    depth = Depth(LAYERS, 0)
    assert (depth.opacity("skin"), depth.opacity("gluteus-maximus"), depth.top) == (1, 1, "skin")
    depth.position = 0.5
    assert depth.opacity("skin") == 0.5 and depth.opacity("gluteus-maximus") == 1
    depth.position = 1
    assert depth.opacity("skin") == 0 and depth.top == "gluteus-maximus"
    assert depth.label_opacity("gluteus-maximus") == 1 and depth.label_opacity("deep") == 0
    depth.position = 2
    assert depth.opacity("gluteus-maximus") == 0 and depth.label_opacity("deep") == 1
    assert Depth(LAYERS).position == 2  # starts at the deep dissection


def test_check_reports_a_missing_layer_group(bundled_copy):
    regions = bundled_copy / "resources" / "regions.toml"
    regions.write_text(regions.read_text(encoding="utf-8").replace('element = "layer-skin"', 'element = "layer-gone"'),
                       encoding="utf-8")
    messages = [str(p) for p in check_content(load_content(bundled_copy))]
    assert any("regions.toml" in m and "layer 'skin' names element 'layer-gone'" in m for m in messages)


def test_check_reports_a_region_on_an_unknown_layer(bundled_copy):
    regions = bundled_copy / "resources" / "regions.toml"
    regions.write_text(regions.read_text(encoding="utf-8").replace('layer = "skin"', 'layer = "fascia"'),
                       encoding="utf-8")
    messages = [str(p) for p in check_content(load_content(bundled_copy))]
    assert any("region 'buttock-skin' is on layer 'fascia'" in m for m in messages)


def test_a_new_layer_needs_no_code(bundled_copy):
    """A table in regions.toml and a group in the SVG: checked, listed, and peeled like the others."""
    svg = bundled_copy / "resources" / "diagram.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace(
        '    <g id="layer-gluteus-maximus"',
        '    <g id="layer-fascia"><rect x="500" y="300" width="300" height="300" fill="#dddddd"/></g>\n'
        '    <g id="layer-gluteus-maximus"'), encoding="utf-8")
    regions = bundled_copy / "resources" / "regions.toml"
    regions.write_text(regions.read_text(encoding="utf-8").replace(
        '[[layer]]\nid = "gluteus-maximus"',
        '[[layer]]\nid = "fascia"\nname = "Fascia"\nelement = "layer-fascia"\n\n[[layer]]\nid = "gluteus-maximus"'),
        encoding="utf-8")
    content = load_content(bundled_copy)
    assert [str(p) for p in check_content(content)] == []
    assert [layer.id for layer in content.layers] == ["skin", "fascia", "gluteus-maximus", "deep"]


def test_regions_cli_lists_each_regions_layer(repo):
    out = subprocess.run([sys.executable, "main.py", "--regions"], cwd=repo, capture_output=True, text=True, check=True)
    layers = {r["id"]: r["layer"] for r in json.loads(out.stdout)}
    assert layers["piriformis"] == "deep" and layers["sciatic-nerve"] == "deep"
    assert {k: layers[k] for k in SUPERFICIAL} == SUPERFICIAL


@pytest.mark.parametrize("value", ["muscle", "Skin", ""])
def test_unknown_layer_is_one_clear_line_and_exit_2(repo, tmp_path, value):
    out = subprocess.run([sys.executable, "main.py", "--layer", value, "--screenshot", str(tmp_path / "x.png"),
                          "--data-dir", str(tmp_path / "d")], cwd=repo, capture_output=True, text=True, check=False)
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "unknown layer" in out.stderr
    assert not (tmp_path / "x.png").exists()


# ----- in the window ---------------------------------------------------------------------------------------
def _grab(window):
    return window.view.viewport().grab().toImage()


def _difference(a, b) -> float:
    """Share of sampled pixels that changed."""
    changed = total = 0
    for x in range(0, a.width(), 7):
        for y in range(0, a.height(), 7):
            total += 1
            changed += a.pixel(x, y) != b.pixel(x, y)
    return changed / total


@pytest.mark.parametrize("layer", LAYERS)
def test_every_layer_renders_and_peeling_changes_what_is_seen(open_window, repo, layer):
    window = open_window(repo)
    deep = _grab(window)
    window.depth_control.show_layer(layer, animate=False)
    shown = _grab(window)
    if layer == "deep":
        assert _difference(deep, shown) == 0
    else:
        assert _difference(deep, shown) > 0.2  # a large part of the picture is now the layer
    centre = shown.pixelColor(view_point(window, 800, 600))
    if layer == "skin":
        assert centre.red() > 200 and centre.green() > 150  # skin tone over the deep space
    if layer == "gluteus-maximus":
        assert centre.red() > 1.6 * centre.green()  # red-brown muscle over the nerve and rotators


def test_peeling_fades_through_intermediate_pictures(open_window, repo):
    window = open_window(repo)
    control = window.depth_control
    control.set_position(1.0)
    muscle = _grab(window)
    control.set_position(1.5)
    half = _grab(window)
    control.set_position(2.0)
    deep = _grab(window)
    point = view_point(window, 800, 600)
    a, b, c = (image.pixelColor(point) for image in (muscle, half, deep))
    assert a != c and b not in (a, c)  # a fade, not a switch
    assert min(a.red(), c.red()) - 2 <= b.red() <= max(a.red(), c.red()) + 2


@pytest.mark.parametrize("region_id,layer", sorted(SUPERFICIAL.items()))
def test_superficial_structure_is_clickable_on_its_layer_only(open_window, repo, region_id, layer):
    window = open_window(repo)
    region = window.content.region(region_id)
    window.depth_control.show_layer(layer, animate=False)
    point = window.depth_control.point(region)
    click_scene(window, *point)
    assert window.view.selected_id == region_id and window.current_lesson() == region.lesson
    window.depth_control.show_layer("deep", animate=False)
    click_scene(window, *point)
    assert window.view.selected_id != region_id


def test_deep_regions_are_hidden_by_the_muscle_and_clickable_where_visible(open_window, repo):
    window = open_window(repo)
    window.depth_control.show_layer("gluteus-maximus", animate=False)
    piriformis = window.content.index().interior_point(window.content.region("piriformis"))
    click_scene(window, *piriformis)
    assert window.view.selected_id == "gluteus-maximus"  # the muscle lies over it
    nerve = window.content.region("sciatic-nerve")
    point = window.depth_control.point(nerve)
    assert point is not None and point[1] > 900  # only its lower part shows, below the muscle
    click_scene(window, *point)
    assert window.view.selected_id == "sciatic-nerve"


def test_depth_keys_peel_and_tab_reaches_the_top_layer(open_window, repo, qtbot):
    window = open_window(repo)
    control = window.depth_control
    control.set_position(0)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert window.view.selected_id == "buttock-skin" and window.current_lesson() == "buttock-surface"
    QTest.keyClick(window.view, Qt.Key.Key_BracketRight)  # ] peels the skin away
    qtbot.waitUntil(lambda: control.depth.position == 1.0, timeout=3000)
    assert control.slider.name.text() == "Gluteus maximus"
    reachable = window.view.region_ids()
    assert reachable[:2] == ["gluteus-maximus", "gluteus-medius"] or set(reachable) >= {"gluteus-maximus",
                                                                                         "gluteus-medius"}
    assert "piriformis" not in reachable and "sciatic-nerve" in reachable  # its lower part is visible
    QTest.keyClick(window.view, Qt.Key.Key_BracketRight)
    qtbot.waitUntil(lambda: control.depth.position == 2.0, timeout=3000)
    assert "piriformis" in window.view.region_ids() and "gluteus-maximus" not in window.view.region_ids()
    QTest.keyClick(window.view, Qt.Key.Key_BracketLeft)  # [ lays the muscle back
    qtbot.waitUntil(lambda: control.depth.position == 1.0, timeout=3000)


def test_slider_is_named_and_drives_the_depth(open_window, repo):
    window = open_window(repo)
    slider = window.depth_control.slider.slider
    assert slider.accessibleName().startswith("Depth")
    slider.setValue(0)
    assert window.depth_control.depth.top == "skin"
    assert window.depth_control.slider.isVisible()


def test_labels_follow_the_top_layer(open_window, repo):
    window = open_window(repo)
    control = window.depth_control
    control.set_position(1)
    _body, gm_labels = control._items["gluteus-maximus"]
    assert gm_labels.isVisible() and gm_labels.opacity() == 1
    assert all(item.opacity() == 0 for item in window.scene.label_items.values())  # deep labels faded out
    control.set_position(2)
    assert not gm_labels.isVisible()
    assert all(item.opacity() == 1 for item in window.scene.label_items.values())


def test_depth_control_stays_in_presentation_mode(open_window, repo, qtbot):
    window = open_window(repo)
    window.chairside.present_action.setChecked(True)
    try:
        assert window.depth_control.slider.isVisible()
        window.depth_control.deeper_action.isEnabled()
        window.depth_control.set_position(0)
        assert window.depth_control.depth.top == "skin"
    finally:
        window.chairside.present_action.setChecked(False)


# ----- variants ------------------------------------------------------------------------------------------
VARIANTS = "ABCDEF"


def test_six_variants_are_declared_and_checked(repo):
    content = load_content(repo)
    assert [v.id for v in content.variants] == list(VARIANTS)


def test_check_reports_a_missing_variant_group(bundled_copy):
    regions = bundled_copy / "resources" / "regions.toml"
    regions.write_text(regions.read_text(encoding="utf-8").replace('element = "variant-d"', 'element = "variant-x"'),
                       encoding="utf-8")
    messages = [str(p) for p in check_content(load_content(bundled_copy))]
    assert any("variant 'D' names SVG group 'variant-x'" in m for m in messages)


def test_check_names_each_type_without_the_words_the_handout_and_picker_show(bundled_copy):
    """plain and how_common (the handout's line), short and description (the picker): missing at the
    type's table, empty or not text at the value's own line; the type still loads."""
    regions = bundled_copy / "resources" / "regions.toml"
    text = regions.read_text(encoding="utf-8")
    text = text.replace('plain = "the nerve divides; one part passes through the piriformis muscle, one below it"\n', "")
    text = text.replace('how_common = "rare; usually harmless"', 'how_common = "  "', 1)  # type C
    text = text.replace('short = "whole, through"', "short = 4")  # type D
    regions.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    header_b = lines.index('id = "B"')  # the [[variant]] line above it, 1-based
    empty_c = lines.index('how_common = "  "') + 1
    short_d = lines.index("short = 4") + 1
    content = load_content(bundled_copy)
    found = [(p.line, p.message) for p in check_content(content) if p.path.name == "regions.toml"]
    assert found == [
        (header_b, "variant 'B' has no 'plain': the path in a patient's words, printed on the handout"),
        (empty_c, "variant 'C': 'how_common' is empty; it is how often the type is found, in a patient's words, "
                  "printed on the handout"),
        (short_d, "variant 'D': 'short' is not text; it is the caption under the type's picture in the picker")]
    assert [v.id for v in content.variants] == list(VARIANTS)


@pytest.mark.parametrize("value", ["G", "b", "type-A"])
def test_unknown_variant_is_one_clear_line_and_exit_2(repo, tmp_path, value):
    out = subprocess.run([sys.executable, "main.py", "--variant", value, "--screenshot", str(tmp_path / "x.png"),
                          "--data-dir", str(tmp_path / "d")], cwd=repo, capture_output=True, text=True, check=False)
    assert out.returncode == 2 and out.stderr.strip().count("\n") == 0 and "unknown variant" in out.stderr


def _piriformis_area(window):
    image = _grab(window)
    top_left = view_point(window, 560, 280)
    bottom_right = view_point(window, 960, 470)
    return [image.pixel(x, y) for x in range(top_left.x(), bottom_right.x(), 3)
            for y in range(top_left.y(), bottom_right.y(), 3)]


@pytest.mark.parametrize("variant", VARIANTS[1:])
def test_every_variant_redraws_nerve_and_muscle_and_stays_clickable(open_window, repo, variant):
    window = open_window(repo)
    window.finish_loading()
    before = _piriformis_area(window)
    window.variant_control.set_variant(variant)
    after = _piriformis_area(window)
    changed = sum(a != b for a, b in zip(before, after)) / len(before)
    assert changed > 0.05  # the muscle and the top of the nerve are drawn anew
    index = window.variant_control.index()
    for region_id in ("piriformis", "sciatic-nerve"):
        region = next(r for r in index.regions if r.id == region_id)
        point = window.depth_control.point(region)
        click_scene(window, *point)
        assert window.view.selected_id == region_id


@pytest.mark.parametrize("variant", ["C", "F"])
def test_a_nerve_above_the_muscle_is_clicked_as_the_nerve(open_window, repo, variant):
    window = open_window(repo)
    window.finish_loading()
    window.variant_control.set_variant(variant)
    click_scene(window, 740, 330)  # on the piriformis belly, where the nerve crosses it
    assert window.view.selected_id == "sciatic-nerve"
    window.variant_control.set_variant("A")
    click_scene(window, 740, 330)
    assert window.view.selected_id == "piriformis"


def test_picker_shows_six_pictures_and_picks_from_the_keyboard(open_window, repo, qtbot):
    window = open_window(repo)
    window.finish_loading()
    window.variant_control.picker_action.trigger()
    picker = window.variant_control._picker
    assert picker.isVisible() and len(picker.buttons) == 6
    assert all(not b.icon().isNull() and b.accessibleName().startswith("Type") for b in picker.buttons.values())
    picker.buttons["D"].setFocus()
    QTest.keyClick(picker.buttons["D"], Qt.Key.Key_Space)
    assert window.variant_control.current == "D" and not picker.isVisible()
    assert "Type D" in window.variant_control.button.text()


def test_picker_links_to_the_variants_lesson(open_window, repo):
    window = open_window(repo)
    window.variant_control.picker_action.trigger()
    window.variant_control._picker.lesson_button.click()
    assert window.current_lesson() == ("variants" if "variants" in window.content.lessons else "piriformis")


def test_handout_shows_the_chosen_type(open_window, repo):
    from viewer.qt.chairside.handout_picture import render_picture

    window = open_window(repo)
    window.finish_loading()
    source = window.scene.diagram_rect
    usual = render_picture(window.scene, source, 600)
    window.variant_control.set_variant("F")
    other = render_picture(window.scene, source, 600)
    assert _difference(usual, other) > 0.005


def test_the_visible_box_is_the_part_of_a_structure_that_shows(repo):
    """What a screen reader is told of a half-covered structure's place: only the part that shows."""
    from viewer.model.layers.depth import visible_box
    from viewer.model.layers.spec import cover_of

    content = load_content(repo)
    index, layers = content.index(), list(content.layers)
    covers = {layer.id: cover_of(content.diagram, layer) for layer in layers[:-1]}
    nerve = content.region("sciatic-nerve")
    whole = nerve.shape.bbox
    deep = visible_box(Depth(LAYERS, 2), index, covers, nerve)
    assert deep is not None and deep[1] <= whole.top + whole.height / 16 and deep[3] >= whole.top + whole.height * 15 / 16
    under_muscle = visible_box(Depth(LAYERS, 1), index, covers, nerve)
    assert under_muscle is not None and under_muscle[1] > whole.top + whole.height / 3  # its lower part only
    assert visible_box(Depth(LAYERS, 1), index, covers, content.region("piriformis")) is None
