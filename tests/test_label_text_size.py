"""The diagram's label words grow with View ▸ Text size, as a clinician reading from across the room
sees them: taller on screen in proportion, their leader lines still ending on the structure they name,
no two labels piled on each other more than at 100%, and everything that avoids or covers the words
(callouts, the label quiz's boxes, presentation mode, the handout) following the grown words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from viewer.model.diagram.label_layout import LabelWords, layout, overlap
from viewer.qt.app.text_size import SCALES

NS = "{http://www.w3.org/2000/svg}"
WORDS = "label-adductor-magnus"  # right of the art, on the bare canvas: ascender and descender ("d", "g")


def _at(window, scale: float, qtbot) -> None:
    window.text_size.set_step(SCALES.index(scale))
    qtbot.wait(0)  # the repaint


def _ink_height(window, label_id: str) -> int:
    """How many pixel rows of the shown window the label's words darken."""
    view = window.view
    rect = window.scene.label_word_rects()[label_id].adjusted(6, 0, -2, 0)  # not the leader's start
    box = view.mapFromScene(rect).boundingRect().intersected(view.viewport().rect())
    image = view.viewport().grab().toImage()
    rows = [y for y in range(box.top(), box.bottom() + 1)
            if any(QColor(image.pixel(x, y)).lightness() < 110 for x in range(box.left(), box.right() + 1))]
    assert rows, f"no words drawn for {label_id}"
    return rows[-1] - rows[0] + 1


def _leaders(svg: bytes) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """Each label's leader: (start, end) from its <polyline>."""
    leaders = {}
    for group in ET.fromstring(svg).iter(f"{NS}g"):
        line = group.find(f"{NS}polyline")
        if (group.get("id") or "").startswith("label-") and line is not None:
            numbers = [float(n) for n in re.findall(r"-?[\d.]+", line.get("points"))]
            leaders[group.get("id")] = ((numbers[0], numbers[1]), (numbers[-2], numbers[-1]))
    return leaders


def _shown_overlaps(window) -> dict[tuple[str, str], float]:
    items = window.scene.label_items
    from viewer.qt.diagram.label_boxes import PAD

    rects = {i: r.adjusted(PAD, PAD, -PAD, -PAD) for i, r in window.scene.label_word_rects().items()
             if i in items and items[i].isVisible()}  # the words themselves
    return {(a, b): overlap(rects[a].getCoords(), rects[b].getCoords()) for a in rects for b in rects if a < b}


def test_label_words_grow_in_proportion_leaders_stay_on_their_structures(open_window, repo, qtbot):
    window = open_window(repo, size=(1920, 1080))
    base_height = _ink_height(window, WORDS)
    base_leaders = _leaders(window.scene.labels_svg())
    base_overlaps = _shown_overlaps(window)
    on_structure = {label_id: region for region in window.content.regions for label_id in region.labels
                    if label_id in base_leaders and region.shape.contains(*base_leaders[label_id][1])}
    assert len(on_structure) >= 20
    for scale in (1.5, 2.0, 2.5):
        _at(window, scale, qtbot)
        placed = window.scene.placed_labels()
        used = placed[WORDS].scale
        assert used >= 1.5  # 200% and 250% fall back to the largest size the margins hold (the report says which)
        assert used == pytest.approx(min(scale, 1.5), rel=0.01)
        # on screen, the words are that much taller
        assert _ink_height(window, WORDS) / base_height == pytest.approx(used, rel=0.12), scale
        leaders = _leaders(window.scene.labels_svg())
        for label_id, region in on_structure.items():
            assert region.shape.contains(*leaders[label_id][1]), (scale, label_id)  # still on its structure
        for label_id, label in placed.items():  # the leader starts beside its own words, at their anchored end
            if label_id in leaders and label.scale > 1:
                (x, y), _end = leaders[label_id]
                left, top, right, bottom = label.rect
                assert top <= y <= bottom, label_id
                assert abs(x - (right if label.anchor == "end" else left)) < 12, label_id
        overlaps = _shown_overlaps(window)
        assert all(area <= base_overlaps.get(pair, 0.0) + 1e-6 for pair, area in overlaps.items()), scale
    _at(window, 1.0, qtbot)
    assert _ink_height(window, WORDS) == base_height  # back as the SVG draws them


def test_a_layer_with_few_labels_grows_to_the_full_size(repo):
    """The skin layer's labels (11) fit the margins at 250%: no fallback there."""
    from PySide6.QtWidgets import QApplication

    from viewer.model.content.loader import load_content
    from viewer.qt.diagram.label_scale import place_labels

    _app = QApplication.instance() or QApplication([])
    content = load_content(repo)
    placed = place_labels(content.diagram, 2.5, SCALES, QRectF(0, 0, 1600, 1250))
    skin = ("label-psis-dimple", "label-natal-cleft", "label-sitting-bone", "label-gluteal-fold",
            "label-iliac-crest-skin", "label-greater-trochanter-skin", "label-nerve-beneath")
    assert {placed[label_id].scale for label_id in skin} == {2.5}


def _words(label_id: str, y: float, anchor: str = "end", x: float = 300) -> LabelWords:
    return LabelWords(label_id, anchor, x, (label_id,), (y,), 20.0, 5.0, y - 8)


def test_crowded_labels_spread_apart_and_fall_back_when_they_cannot():
    measure = lambda _label, text: 10.0 * len(text)  # noqa: E731
    labels = [_words("aaaa", 100), _words("bbbb", 130), _words("cccc", 160)]
    placed = layout(labels, 2.0, SCALES, (0, 0, 400, 400), measure)
    assert {label.scale for label in placed} == {2.0}
    assert all(overlap(a.rect, b.rect) == 0 for a in placed for b in placed if a.id < b.id)
    assert [label.rect[2] for label in placed] == [300, 300, 300]  # still ending at their anchor
    assert placed[0].rect[1] < placed[1].rect[1] < placed[2].rect[1]  # in the same order
    small = layout(labels, 2.5, SCALES, (0, 0, 400, 170), measure)  # 3 x 62.5 units do not fit, 3 x 50 do
    assert {label.scale for label in small} == {2.0}  # the nearest size that fits
    none = layout(labels, 2.0, SCALES, (0, 60, 400, 140), measure)  # not even 115% fits
    assert {label.scale for label in none} == {1.0} and [label.rect for label in none] == [
        label.rect for label in layout(labels, 1.0, SCALES, (0, 60, 400, 140), measure)]


def test_long_labels_wrap_in_the_margin_and_keep_their_anchor():
    measure = lambda _label, text: 10.0 * len(text)  # noqa: E731
    label = LabelWords("x", "end", 300, ("Inferior gluteal vessels",), (200,), 20.0, 5.0, 192)
    (placed,) = layout([label], 1.5, SCALES, (0, 0, 800, 800), measure)
    assert [text for text, _y in placed.lines] == ["Inferior gluteal", "vessels"]
    assert placed.rect[2] == 300 and placed.rect[0] >= 0


def test_callouts_quiz_boxes_and_presentation_follow_the_grown_words(open_window, repo, qtbot):
    window = open_window(repo, select="piriformis")
    at_one = dict(window.scene.label_word_rects())
    _at(window, 2.0, qtbot)
    grown = window.scene.label_word_rects()
    from viewer.qt.diagram.label_boxes import PAD

    assert grown["label-piriformis"].height() - 2 * PAD > (at_one["label-piriformis"].height() - 2 * PAD) * 1.4
    assert window.view._visible_label_rects() == [grown[i] for i in grown if i in window.scene.label_items]
    from test_label_quiz import covers
    from test_study import study

    runner = study(window)
    assert runner.start("labels")
    boxes = covers(window).items
    assert boxes and all(box.rect() == grown[label_id] for label_id, box in boxes.items())
    runner.stop()
    window.chairside.present_action.trigger()
    shown = [label_id for label_id, item in window.scene.label_items.items() if item.isVisible()]
    assert shown and all(window.scene.label_items[i].source.renderer is not window.scene.renderer for i in shown)
    placed = window.scene.placed_labels()
    assert {placed[label_id].scale for label_id in shown} == {2.0}  # the few shown get the full size
    assert window.view._visible_label_rects() == [window.scene.label_word_rects()[i] for i in shown]
    window.chairside.present_action.trigger()
    assert window.scene.label_word_rects() == grown  # all labels back, laid out together again


def test_dark_theme_draws_grown_labels_in_its_ink(open_window, repo, qtbot):
    window = open_window(repo, size=(1920, 1080))
    window.themes.set_theme("dark", remember=False)
    _at(window, 2.0, qtbot)
    item = window.scene.label_items[WORDS]
    assert item.ink and item.source.renderer is not window.scene.renderer
    view = window.view
    rect = view.mapFromScene(window.scene.label_word_rects()[WORDS]).boundingRect()
    image = view.viewport().grab().toImage()
    light = sum(QColor(image.pixel(x, y)).lightness() > 180
                for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))
    assert light > 50  # light words on the dark canvas


def test_handout_picture_is_the_same_at_any_text_size(open_window, repo, qtbot):
    """On paper the words are written again at 9.5 pt over the SVG's own: the text size changes nothing."""
    from viewer.qt.chairside.handout_picture import picture_with_labels

    window = open_window(repo, select="piriformis")
    source = window.chairside.current_view()
    keep = set(window.content.region("piriformis").labels)
    at_one = picture_with_labels(window.scene, source, 600, keep)
    _at(window, 2.5, qtbot)
    assert picture_with_labels(window.scene, source, 600, keep) == at_one
    assert window.scene.label_scale == 2.5 and window.scene.label_items["label-piriformis"].isVisible()


def test_kept_label_pictures_are_per_text_size(open_window, repo, qtbot, tmp_path):
    data = tmp_path / "data"
    window = open_window(repo, data)
    kept = lambda: sorted(p.name for p in Path(data / "cache").glob("labels-*.bin"))  # noqa: E731
    qtbot.waitUntil(lambda: len(kept()) == 1)
    first = kept()
    _at(window, 2.0, qtbot)
    assert window.scene.label_store_key.endswith("-s200")
    qtbot.waitUntil(lambda: len(kept()) == 2)  # its own file: a 100% picture never shows at 200%
    window.close()
    again = open_window(repo, data)  # starts at 200% (remembered)
    assert again.scene.label_scale == 2.0
    item = again.scene.label_items[WORDS]
    transform = again.view.viewportTransform()
    from viewer.qt.diagram.tile_art import kept_picture, picture_key

    entry = kept_picture(item, picture_key(transform, None))
    if entry is not None:  # a kept picture is the grown label's
        assert entry[0].height() >= transform.mapRect(item.boundingRect()).height() - 1
    assert first[0] in kept()
