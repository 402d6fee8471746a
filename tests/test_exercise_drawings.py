"""Issue 20: the exercise drawings (resources/exercises/, made by scripts/draw_exercises.py) print the same
in greyscale, show a start and an end, draw what the steps ask a patient to watch, rest on the floor or
mat where the pose has it, and are what the generator draws (so are the body chart's outlines)."""

from __future__ import annotations

import re
import subprocess
import sys


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


# --- the drawings are what the generators draw ------------------------------------------------------------

def generate(repo, script, out):
    result = subprocess.run([sys.executable, str(repo / "scripts" / script), "--out", str(out)], cwd=out.parent,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_the_committed_exercise_drawings_are_what_the_generator_draws(repo, tmp_path):
    """An edit to scripts/draw_exercises.py (or figure.py, ground.py) without regenerating, or a hand edit
    to a drawing, fails here: run `python scripts/draw_exercises.py` and commit both."""
    out = tmp_path / "exercises"
    generate(repo, "draw_exercises.py", out)
    committed = drawings(repo)
    drawn = {path.stem: path.read_text(encoding="utf-8") for path in sorted(out.glob("*.svg"))}
    assert sorted(drawn) == sorted(committed)
    stale = [name for name in committed if drawn[name] != committed[name]]
    assert not stale, f"resources/exercises/ differs from scripts/draw_exercises.py for: {stale}"


def test_the_committed_body_chart_is_what_its_generator_draws(repo, tmp_path):
    out = tmp_path / "bodychart.svg"
    generate(repo, "draw_bodychart.py", out)
    assert out.read_text(encoding="utf-8") == (repo / "resources" / "bodychart.svg").read_text(encoding="utf-8"), \
        "resources/bodychart.svg differs from scripts/draw_bodychart.py: run it and commit both"


# --- the figure rests where the pose has it ---------------------------------------------------------------
# Measured on the drawn shapes: each body part is a <path class="pelvis|chest|head|footL|..."> in panel
# coordinates, where the floor line is y = 0 and the mat's top y = -MAT (SVG y grows downward).

MAT_TOP, FLOOR, TOUCH = -2.2, 0.0, 0.3


def lowest_points(svg, panel):
    """{part class: its lowest point (largest SVG y)} for the solid figure in panel "start" or "end"."""
    group = svg.split(f'id="{panel}"', 1)[1].split("</g>\n", 1)[0]
    found = {}
    for name, d in re.findall(r'<path class="(\w+)" d="([^"]+)"', group):
        ys = [float(y) for y in re.findall(r"-?\d+(?:\.\d+)?,(-?\d+(?:\.\d+)?)", d)]
        found[name] = max(ys)
    return found


def assert_resting(found, parts, surface, what):
    """``parts`` touch ``surface``, and nothing of the figure sinks below it."""
    for part in parts:
        assert abs(found[part] - surface) <= TOUCH, f"{what}: {part} is {surface - found[part]:.1f} above where it rests"
    sunk = {part: round(y - surface, 1) for part, y in found.items() if y > surface + TOUCH}
    assert not sunk, f"{what}: parts below the surface they rest on: {sunk}"


def test_a_figure_lying_on_its_back_rests_on_the_mat_not_only_on_a_heel(repo):
    found = drawings(repo)
    for panel in ("start", "end"):  # heel press: back, buttocks, head, hands and both heels on the mat
        assert_resting(lowest_points(found["hamstring-isometric"], panel),
                       ("pelvis", "chest", "head", "forearmL", "forearmR", "footL", "footR"), MAT_TOP,
                       f"hamstring-isometric {panel}")
        # nerve glide lying: back and head down, the other foot flat on the mat
        assert_resting(lowest_points(found["nerve-slider-lying"], panel), ("pelvis", "chest", "head", "footR"),
                       MAT_TOP, f"nerve-slider-lying {panel}")
    bridge_start, bridge_top = lowest_points(found["bridge"], "start"), lowest_points(found["bridge"], "end")
    assert_resting(bridge_start, ("pelvis", "chest", "head", "footL", "footR"), MAT_TOP, "bridge start")
    assert_resting(bridge_top, ("chest", "head", "footL", "footR"), MAT_TOP, "bridge top")
    assert MAT_TOP - bridge_top["pelvis"] > 5, "the bridge's hips are lifted off the mat"


def test_feet_are_on_the_floor_when_sitting_and_walking(repo):
    found = drawings(repo)
    assert_resting(lowest_points(found["nerve-slider-sitting"], "start"), ("footL", "footR"), FLOOR,
                   "nerve-slider-sitting start")
    assert_resting(lowest_points(found["nerve-slider-sitting"], "end"), ("footR",), FLOOR, "nerve-slider-sitting end")
    for panel in ("start", "end"):
        assert_resting(lowest_points(found["sitting-breaks"], panel), ("footL", "footR"), FLOOR, f"sitting-breaks {panel}")
        assert_resting(lowest_points(found["shorter-stride"], panel), ("footL", "footR"), FLOOR, f"shorter-stride {panel}")
    # step-down, side-on: the standing foot on the step, the other heel lowered toward the floor but not through it
    step_down = lowest_points(found["step-down"], "start")
    assert abs(step_down["footL"] - (-12.0)) <= TOUCH
    assert -12.0 < step_down["footR"] <= FLOOR


def test_every_figure_fits_inside_its_panel_clear_of_the_panel_number(repo):
    """Lying figures are enlarged about the panel's centre (scripts/draw_exercises.py SCALE): none may be
    cut off at the panel's edge or run into the "1"/"2" in its corner."""
    width, height = 150.0, 112.0
    for name, svg in drawings(repo).items():
        for panel in ("start", "end"):
            group = svg.split(f'id="{panel}"', 1)[1].split("</g>\n", 1)[0]
            dx, dy, scale = map(float, re.search(r'translate\(([-\d.]+) ([-\d.]+)\) scale\(([-\d.]+)\)', group).groups())
            points = [(dx + scale * float(x), dy + scale * float(y))
                      for d in re.findall(r'<path class="\w+" d="([^"]+)"', group)
                      for x, y in re.findall(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", d)]
            assert points, f"{name} {panel}: no figure drawn"
            outside = [(round(x), round(y)) for x, y in points if not (2 <= x <= width - 2 and 2 <= y <= height - 2)]
            assert not outside, f"{name} {panel}: figure outside the panel at {outside[:3]}"
            on_number = [(round(x), round(y)) for x, y in points if x < 14 and y < 14]
            assert not on_number, f"{name} {panel}: figure over the panel number at {on_number[:3]}"
