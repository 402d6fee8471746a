"""Issue 20: the exercise drawings (resources/exercises/, made by scripts/draw_exercises.py) print the same
in greyscale, show a start and an end, and draw what the steps ask a patient to watch."""

from __future__ import annotations

import re


def drawings(repo):
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted((repo / "resources" / "exercises").glob("*.svg"))}


def test_every_drawing_is_greys_only_with_a_start_and_an_end(repo):
    found = drawings(repo)
    assert len(found) >= 10
    for name, svg in found.items():
        colours = set(re.findall(r'#([0-9a-fA-F]{6})\b', svg))
        not_grey = {c for c in colours if not (c[0:2].lower() == c[2:4].lower() == c[4:6].lower())}
        assert not not_grey, f"{name}: colours that change in greyscale print: {not_grey}"
        assert 'id="start"' in svg and 'id="end"' in svg, name


def test_step_down_shows_the_knee_line_from_the_front_and_the_stretch_its_direction(repo):
    found = drawings(repo)
    end = found["step-down"].split('id="end"', 1)[1]
    assert "In the mirror: knee over the second toe" in end
    assert 'stroke-dasharray="2.5 1.8"' in end          # the dashed hip-knee-toe line
    assert "Knee toward the other shoulder" in found["piriformis-stretch"]
