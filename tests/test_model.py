"""The model without a display: geometry, hit-testing, lessons, history."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from viewer.model.content.loader import load_content
from viewer.model.diagram.geometry import Polygon, shape_from_parts
from viewer.model.content.history import History
from viewer.model.content.lessons import parse_lesson
from viewer.model.core.problems import ContentError
from viewer.model.content.render import render_lesson, slugify


def square(x, y, size):
    return [("M", x, y), ("L", x + size, y), ("L", x + size, y + size), ("L", x, y + size), ("Z",)]


def test_polygon_contains_is_exact_not_bounding_box():
    triangle = Polygon.of([(0, 0), (100, 0), (0, 100)])
    assert triangle.contains(10, 10)
    assert not triangle.contains(90, 90)  # inside the bounding box, outside the shape


def test_curved_outline_is_followed():
    # a cubic bulging upward: a point in the bulge is inside, one above it is not
    shape = shape_from_parts([[("M", 0, 100), ("C", 30, 0, 70, 0, 100, 100), ("Z",)]])
    assert shape.contains(50, 40)
    assert not shape.contains(50, 10)
    assert not shape.contains(5, 40)


def test_shape_is_union_of_parts():
    shape = shape_from_parts([square(0, 0, 10), square(5, 5, 10)])
    assert shape.contains(7, 7)  # where the two overlap: still inside, no even-odd hole
    assert shape.contains(14, 14)
    assert not shape.contains(14, 1)


def test_hit_test_prefers_the_region_drawn_on_top(mini_dir):
    content = load_content(mini_dir)
    index = content.index()
    assert index.region_at(200, 200).id == "band"      # band is drawn over the lower muscle
    assert index.region_at(100, 200).id == "lower"
    assert index.region_at(200, 90).id == "band"
    assert index.region_at(100, 80).id == "upper"
    assert index.region_at(330, 220).id == "round"     # a <circle> element used directly as a region
    assert index.region_at(5, 5) is None               # bone background is not a region


def test_interior_point_is_clickable_and_not_covered(mini_dir):
    content = load_content(mini_dir)
    index = content.index()
    for region in content.regions:
        x, y = index.interior_point(region)
        assert index.region_at(x, y) is region


def test_regions_keep_file_order_for_keyboard(mini_dir):
    content = load_content(mini_dir)
    assert [r.id for r in content.regions] == ["upper", "band", "lower", "round"]


def test_strokes_without_fill_are_not_clickable(mini_dir):
    # region-lower holds a stroked line at y=170 extending to x=220, inside the rect anyway;
    # a stroke-only element outside any filled shape must not count
    svg = mini_dir / "resources" / "diagram.svg"
    svg.write_text(svg.read_text().replace(
        '<path d="M 60 170 L 220 170" fill="none" stroke="#7a2a20"/>',
        '<path d="M 60 280 L 160 280 L 160 295 Z" fill="none" stroke="#7a2a20"/>'))
    index = load_content(mini_dir).index()
    assert index.region_at(100, 290) is None


LESSON = """+++
id = "demo"
title = "Demo"
summary = "A demo."
references = ["a"]
+++
Shared.
::: patient
## For you
Plain words. See [other](lesson:other#how-it-works).
:::
::: clinical
## Mechanism
Sixty percent [@a; @b]. Again [@a].
:::
"""


def test_lesson_levels_keep_shared_text():
    lesson, problems = parse_lesson(LESSON, Path("demo.md"))
    assert problems == []
    assert "Shared." in lesson.markdown("patient") and "Shared." in lesson.markdown("clinical")
    assert "Plain words" in lesson.markdown("patient") and "Plain words" not in lesson.markdown("clinical")
    assert "Mechanism" in lesson.markdown("clinical") and "Mechanism" not in lesson.markdown("patient")


def test_lesson_links_and_citations_carry_file_lines():
    lesson, _ = parse_lesson(LESSON, Path("demo.md"))
    assert lesson.links() == [(10, "lesson:other#how-it-works")]
    assert lesson.citations() == [(14, "a"), (14, "b"), (14, "a")]


def test_citations_are_numbered_in_order_of_use():
    from viewer.model.content.references import Reference

    lesson, _ = parse_lesson(LESSON, Path("demo.md"))
    bibliography = {"a": Reference("a", title="Paper A", doi="10.1/a"), "b": Reference("b", title="Paper B")}
    rendered = render_lesson(lesson, "clinical", bibliography)
    assert "Sixty percent \\[[1](#ref-1), [2](#ref-2)\\]" in rendered.markdown
    assert "Again \\[[1](#ref-1)\\]" in rendered.markdown
    assert [r.key for r in rendered.references] == ["a", "b"]
    assert "[doi:10.1/a](https://doi.org/10.1/a)" in rendered.markdown


@pytest.mark.parametrize("text, line, fragment", [
    ("no front matter\n", 1, "must start with a '+++'"),
    ("+++\nid = \"x\"\n", 1, "never closed"),
    ("+++\nid = \"x\"\ntitle = \n+++\n", 3, "invalid TOML"),
    ("+++\ntitle = \"T\"\nsummary = \"S\"\n+++\n", 1, "needs 'id'"),
    ("+++\nid = \"Bad Id\"\ntitle = \"T\"\nsummary = \"S\"\n+++\n", 2, "lowercase"),
])
def test_broken_front_matter_names_the_line(text, line, fragment):
    with pytest.raises(ContentError) as caught:
        parse_lesson(text, Path("bad.md"))
    assert caught.value.problem.line == line
    assert fragment in caught.value.problem.message


def test_unclosed_and_unknown_level_blocks_are_reported():
    text = "+++\nid = \"x\"\ntitle = \"T\"\nsummary = \"S\"\n+++\n::: expert\nhello\n"
    _lesson, problems = parse_lesson(text, Path("x.md"))
    messages = {(p.line, p.message.split(";")[0]) for p in problems}
    assert (6, "unknown block '::: expert'") in messages
    assert any(line == 6 and "never closed" in message for line, message in messages)


def test_history_back_forward_and_branching():
    history = History()
    for page in ("a", "b", "c"):
        history.visit(page)
    assert history.back() == "b" and history.back() == "a" and not history.can_go_back()
    assert history.forward() == "b"
    history.visit("d")  # a new page drops the forward branch
    assert not history.can_go_forward()
    assert history.back() == "b"


def test_slugify():
    assert slugify("How it can press on the nerve?") == "how-it-can-press-on-the-nerve"


def test_model_does_not_import_qt(repo):
    code = ("import sys; import viewer.cli, viewer.model.content.loader, viewer.model.content.check, "
            "viewer.model.content.render; "
            "from viewer.model.content.loader import load_content; c = load_content(sys.argv[1]); c.index(); "
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'model imported Qt'")
    subprocess.run([sys.executable, "-c", code, str(repo / "tests" / "data" / "mini")], check=True, cwd=repo)
