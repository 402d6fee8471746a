"""Draws resources/exercises/<id>.svg: each exercise's start and end position, in one style.

Tooling for the illustrator, not part of the app: run `python scripts/draw_exercises.py` after
changing a pose (`--out DIR` writes elsewhere; tests/test_exercise_drawings.py checks that the
committed files are what this script draws). The figure and its proportions are in scripts/figure.py;
how it rests on the floor, a mat or a seat in scripts/ground.py. Each drawing has two panels, "1"
(start) and "2" (end); the end panel shows the start position as a dashed ghost and an arrow for the
movement. Greys and black only, so it prints the same in greyscale.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from figure import H, Camera, Pose, parts, path_of, skeleton, spheres
from ground import (CHEST, PELVIS, between, both_feet_down, bridge_top, fit_top, foot, foot_flat, hip, low, on_side,
                    on_trunk, reach, rest, seat_height, supine)

OUT = Path(__file__).resolve().parent.parent / "resources" / "exercises"
PANEL_W, PANEL_H, GAP = 150.0, 112.0, 10.0
INK, NEAR, FAR, GHOST, PROP = "#1a1a1a", "#f6f6f6", "#b8b8b8", "#8a8a8a", "#6e6e6e"
STROKE = 0.9
MAT = 2.2  # mat thickness; a figure lying down rests on its top


def legs(left=None, right=None):
    return {"L": dict(left or {}), "R": dict(right or {})}


def arms(left=None, right=None):
    return {"L": dict(left or {}), "R": dict(right or {})}


def figure_svg(pose, camera, at, ghost=False, moved_from=None):
    """The figure's shapes; as a ghost, only the parts that differ from ``moved_from``'s."""
    out = []
    unmoved = set()
    if moved_from is not None:
        unmoved = {tuple(round(v, 1) for circle in part.circles for v in circle)
                   for part in parts(moved_from[0], camera, moved_from[1])}
    for part in parts(pose, camera, at):
        if tuple(round(v, 1) for circle in part.circles for v in circle) in unmoved:
            continue
        if ghost:
            out.append(f'<path d="{path_of(part)}" fill="none" stroke="{GHOST}" stroke-width="0.7" '
                       'stroke-dasharray="2.2 1.6"/>')
        else:
            fill = FAR if part.far else NEAR
            out.append(f'<path class="{part.name}" d="{path_of(part)}" fill="{fill}" stroke="{INK}" '
                       f'stroke-width="{STROKE}" stroke-linejoin="round"/>')
    return out


def footprint(poses, camera, margin=5.0):
    """How far toward and away from the camera (before it is tilted down) the parts resting on the floor
    reach, over all ``poses`` (pose, floor height) of a panel, with a margin: the depth of the mat."""
    flat = Camera(camera.azimuth, 0)
    depths = [flat.project(c)[2] for pose, floor_y in poses for _n, c, r in spheres(pose) if c[1] - r < floor_y + 0.5]
    return max(depths) + margin, min(depths) - margin


def placed(pose, camera, x, level=0.0, floor_y=None, ground=None):
    """Offset that puts the figure's pelvis at ``x`` and the floor it rests on (3-D height ``floor_y``, by
    default its lowest point) at ``level``: seen from the side, a line; seen from above, the near edge of
    the ground under it (``ground``: the poses that set its depth, as for ``footprint``)."""
    floor_y = low(pose) if floor_y is None else floor_y
    e = math.radians(camera.elevation)
    near = footprint(ground or [(pose, floor_y)], camera)[0] if e else 0.0
    px = camera.project(skeleton(pose)["pelvis"])[0]
    return (x - px, level - (floor_y * math.cos(e) - near * math.sin(e)))


def mat(x0, x1, camera=None, ground=None):
    """A mat on the floor, its top at ``MAT``. Seen from above (``camera`` tilted, ``ground`` the poses on
    it), its top surface shows as a band as deep as what rests on it."""
    side = (f'<rect x="{x0:.1f}" y="{-MAT:.1f}" width="{x1 - x0:.1f}" height="{MAT:.1f}" rx="1" fill="#d9d9d9" '
            f'stroke="{PROP}" stroke-width="0.6"/>')
    if camera is None or not camera.elevation:
        return [side]
    near, far = footprint(ground, camera)
    depth = (near - far) * math.sin(math.radians(camera.elevation))
    return [f'<rect x="{x0:.1f}" y="{-MAT - depth:.1f}" width="{x1 - x0:.1f}" height="{depth:.1f}" rx="1" '
            f'fill="#ededed" stroke="{PROP}" stroke-width="0.6"/>', side]


def joint_at(pose, camera, at, name):
    x, y, _ = camera.project(skeleton(pose)[name])
    return x + at[0], y + at[1]


def arrow(start, end, bend=0.25, halo=False):
    """A curved arrow (SVG y is down, drawing y is up); with a white ``halo`` where it crosses the figure."""
    (x1, y1), (x2, y2) = start, end
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    cx, cy = mx - (y2 - y1) * bend, my + (x2 - x1) * bend
    # arrow head along the curve's end tangent
    tx, ty = x2 - cx, y2 - cy
    length = max((tx * tx + ty * ty) ** 0.5, 1e-6)
    tx, ty = tx / length, ty / length
    size = 4.2
    left = (x2 - tx * size - ty * size * 0.55, y2 - ty * size + tx * size * 0.55)
    right = (x2 - tx * size + ty * size * 0.55, y2 - ty * size - tx * size * 0.55)
    curve = f'd="M{x1:.1f},{-y1:.1f} Q{cx:.1f},{-cy:.1f} {x2:.1f},{-y2:.1f}" fill="none"'
    head = f'd="M{left[0]:.1f},{-left[1]:.1f} L{x2:.1f},{-y2:.1f} L{right[0]:.1f},{-right[1]:.1f} Z"'
    under = [f'<path {curve} stroke="#ffffff" stroke-width="3.3"/>',
             f'<path {head} fill="#ffffff" stroke="#ffffff" stroke-width="2" stroke-linejoin="round"/>'] if halo else []
    return under + [f'<path {curve} stroke="{INK}" stroke-width="1.3"/>', f'<path {head} fill="{INK}"/>']


def floor(x0, x1, level=0.0):
    return [f'<line x1="{x0:.1f}" y1="{-level:.1f}" x2="{x1:.1f}" y2="{-level:.1f}" stroke="{PROP}" '
            'stroke-width="1"/>']


def chair(x, seat=24.0, facing=1, depth=26.0):
    """A plain chair; ``x`` is the front edge of the seat, ``facing`` +1 when the sitter faces +x."""
    back = x - facing * depth
    xs = sorted((x, back))
    return [f'<rect x="{xs[0]:.1f}" y="{-seat:.1f}" width="{depth:.0f}" height="2.6" fill="#d9d9d9" stroke="{PROP}" '
            'stroke-width="0.7"/>',
            f'<line x1="{x - facing * 1.5:.1f}" y1="{-seat:.1f}" x2="{x - facing * 1.5:.1f}" y2="0" '
            f'stroke="{PROP}" stroke-width="1.2"/>',
            f'<line x1="{back + facing * 1.5:.1f}" y1="{-seat - 30:.1f}" x2="{back + facing * 1.5:.1f}" y2="0" '
            f'stroke="{PROP}" stroke-width="1.2"/>']


def step(x0, x1, height):
    return [f'<rect x="{x0:.1f}" y="{-height:.1f}" width="{x1 - x0:.1f}" height="{height:.1f}" fill="#d9d9d9" '
            f'stroke="{PROP}" stroke-width="0.8"/>']


def wide(x0, x1, exercise_id):
    """``x0``..``x1`` across the panel, in drawing units once the drawing is scaled (see ``panel``)."""
    scale, centre = SCALE.get(exercise_id, 1.0), PANEL_W / 2
    if scale <= 1:
        return x0 / scale, x1 / scale
    return centre + (x0 - centre) / scale, centre + (x1 - centre) / scale


def panel(number, body, caption="", scale=1.0):
    label = f'<text x="4" y="11" font-family="DejaVu Sans, Arial, sans-serif" font-size="10" ' \
            f'font-weight="bold" fill="{INK}">{number}</text>'
    cap = ""
    lines = caption.split("\n") if caption else []  # a caption too long for one line goes at the top, where
    for n, line in enumerate(lines):                 # the space above a lying figure is empty
        y = PANEL_H - 4 if len(lines) == 1 else 12 + 8.5 * n
        cap += f'<text x="{PANEL_W / 2:.0f}" y="{y:.0f}" text-anchor="middle" ' \
               f'font-family="DejaVu Sans, Arial, sans-serif" font-size="7.5" fill="{INK}">{line}</text>'
    shift = PANEL_W / 2 * (1 - scale) if scale > 1 else 0.0  # a lying figure is enlarged about the centre
    return (f'<rect x="0.5" y="0.5" width="{PANEL_W - 1}" height="{PANEL_H - 1}" rx="4" fill="#ffffff" '
            f'stroke="#9a9a9a" stroke-width="0.8"/>{label}{cap}'
            f'<g transform="translate({shift:.1f} {PANEL_H - 14}) scale({scale})">' + "".join(body) + "</g>")


def drawing(exercise_id, title, start, end, scale=1.0):
    width = PANEL_W * 2 + GAP
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width * 2:.0f}" height="{PANEL_H * 2:.0f}" '
            f'viewBox="0 0 {width:.0f} {PANEL_H:.0f}" role="img" aria-labelledby="title">\n'
            f'<title id="title">{title}</title>\n'
            f'<!-- Drawn by scripts/draw_exercises.py; panel 1 = start, panel 2 = end. -->\n'
            f'<g id="start">{panel("1", start[0], start[1], scale)}</g>\n'
            f'<g id="end" transform="translate({PANEL_W + GAP:.0f} 0)">{panel("2", end[0], end[1], scale)}</g>\n'
            f'</svg>\n')


# Standing figures are drawn smaller to fit the panel's height; lying ones larger (about the panel's centre),
# as they are long and low and would otherwise fill a third of it at handout size
SCALE = {"step-down": 0.8, "shorter-stride": 0.86, "sitting-breaks": 0.86, "nerve-slider-sitting": 0.95,
         "hamstring-isometric": 1.3, "bridge": 1.3, "nerve-slider-lying": 1.25, "piriformis-stretch": 1.2,
         "side-lying-abduction": 1.25, "clamshell": 1.3}
SIDE = Camera(90, 0)       # seen from the figure's left


def two(start_pose, end_pose, camera, x, props, level=0.0, floor=low, arrow_joint=None, bend=0.3,
        captions=("", ""), ghost=True):
    """Start and end panels; ``floor(pose)`` is the 3-D height of what the figure rests on, put at ``level``."""
    ground = [(start_pose, floor(start_pose)), (end_pose, floor(end_pose))]
    at_start = placed(start_pose, camera, x, level, ground[0][1], ground)
    at_end = placed(end_pose, camera, x, level, ground[1][1], ground)
    start = props + figure_svg(start_pose, camera, at_start)
    end = list(props)
    if ghost:
        end += figure_svg(start_pose, camera, at_start, ghost=True, moved_from=(end_pose, at_end))
    end += figure_svg(end_pose, camera, at_end)
    if arrow_joint:
        a = joint_at(start_pose, camera, at_start, arrow_joint)
        b = joint_at(end_pose, camera, at_end, arrow_joint)
        end += arrow(a, b, bend)
    return (start, captions[0]), (end, captions[1])


def on_step(pose, camera, x, height, side):
    """Offset that puts the figure's pelvis at ``x`` and the lowest point of ``side``'s foot on ``height``."""
    joints = skeleton(pose)
    feet = {"heel": 0.9 * 0.018, "ankle": 0.018, "toe": 0.012}
    bottom = min(camera.project(joints[name + side])[1] - r * H for name, r in feet.items())
    return (x - camera.project(joints["pelvis"])[0], height - bottom)


def alignment(pose, camera, at, side):
    """The dashed line hip - knee - toe of the standing leg: where the knee should track."""
    points = [joint_at(pose, camera, at, name + side) for name in ("hip", "knee", "toe")]
    path = " L".join(f"{x:.1f},{-y:.1f}" for x, y in points)
    return [f'<path d="M{path}" fill="none" stroke="{INK}" stroke-width="1.0" stroke-dasharray="2.5 1.8"/>']


def chair_behind(pose, camera, at, seat, depth=26.0):
    """A chair for a sitter facing -x: seat as high as the buttocks, its back just behind them."""
    buttocks = max(camera.project(c)[0] + r for name, c, r in spheres(pose) if name in PELVIS) + at[0]
    return chair(buttocks + 2.0 - depth, seat, facing=-1, depth=depth)


def exercises():
    out = {}
    # --- nerve slider, sitting: knee straightens as the head looks up; bends as the head looks down.
    # Both feet on the floor at the start; the chair is as high as the sitter's knees, its back behind them
    sit = dict(trunk=-4, shoulders=arms({"flex": 12}, {"flex": 12}), elbows={"L": 50, "R": 50})
    start = Pose(hips=legs({"flex": 88}, {"flex": 88}), knees={"L": 90, "R": 90}, ankles={"L": 5, "R": 5},
                 neck=38, **sit)
    end = Pose(hips=legs({"flex": 88}, {"flex": 88}), knees={"L": 12, "R": 90}, ankles={"L": 5, "R": 5},
               neck=-28, **sit)
    on_floor = lambda p: low(p, foot("R"))  # noqa: E731 - the foot that stays down
    seat = seat_height(start, foot("R"))
    at = placed(start, SIDE, 58, 0.0, on_floor(start))
    out["nerve-slider-sitting"] = two(start, end, SIDE, 58, chair_behind(start, SIDE, at, seat) + floor(5, 150),
                                      floor=on_floor, arrow_joint="ankleL", bend=0.35)
    # --- nerve slider, lying: hold behind the thigh; knee straightens as the toes point away. Back, head
    # and the other foot on the mat
    lie = dict(body=(-90, 0, 0), shoulders=arms({"flex": 62, "abd": -8}, {"flex": 62, "abd": -20}),
               elbows={"L": 20, "R": 20})
    behind_thigh = between("hipL", "kneeL", 0.7)  # both hands hold behind the thigh, near the knee

    def slider(knee_l, ankle_l):
        pose = supine(Pose(hips=legs({"flex": 88}, {"flex": 45}), knees={"L": knee_l, "R": 90},
                           ankles={"L": ankle_l, "R": 0}, **lie), hands=())
        return reach(reach(foot_flat(pose, "R"), "L", behind_thigh), "R", behind_thigh)

    props = mat(*wide(8, 142, "nerve-slider-lying")) + floor(*wide(5, 145, "nerve-slider-lying"))
    out["nerve-slider-lying"] = two(slider(95, 15), slider(25, -30), SIDE, 77, props,
                                    level=MAT, floor=on_trunk, arrow_joint="ankleL", bend=0.35)
    # --- piriformis stretch: knee toward the OPPOSITE shoulder (deep flexion, adduction, external rotation).
    # The near (right) leg is the one stretched, so it is not hidden behind the body; one hand holds the
    # knee and the other the ankle, as the steps say. "Across" does not show side-on: the caption says it.
    # Seen from above, so the mat shows as a surface and both feet stand on it.
    cam = Camera(-90, 35)
    start = Pose(hips=legs({"flex": 45}, {"flex": 45}), knees={"L": 95, "R": 95}, neck=0,
                 shoulders=arms({"abd": 20}, {"abd": 20}), elbows={"L": 10, "R": 10}, body=(-90, 0, 0))
    start = foot_flat(foot_flat(supine(start), "L"), "R")
    end = Pose(hips=legs({"flex": 45}, {"flex": 112, "abd": -24, "rot": 35}), knees={"L": 95, "R": 140},
               neck=0, body=(-90, 0, 0))
    end = foot_flat(supine(end, hands=()), "L")
    end = reach(reach(end, "L", between("kneeR", "kneeR", 0)), "R", between("ankleR", "ankleR", 0))
    ground = [(start, on_trunk(start)), (end, on_trunk(end))]
    out["piriformis-stretch"] = two(start, end, cam, 75, mat(*wide(8, 142, "piriformis-stretch"), cam, ground),
                                    level=MAT, floor=on_trunk,
                                    arrow_joint="kneeR", bend=-0.3, ghost=False,
                                    captions=("", "Knee toward the other shoulder,\nfoot a little across"))
    # --- side-lying hip abduction: lying on the side, top leg lifts. Seen a little from above, so the
    # bent bottom knee the steps ask for shows (level with the body it was foreshortened to a short leg)
    cam = Camera(0, 30)
    side = dict(body=(0, 0, -90), shoulders=arms({"flex": 160}, {"flex": 20, "abd": 5}), elbows={"L": 120, "R": 60})
    start = on_side(Pose(hips=legs({"flex": 30}, {"flex": 0}), knees={"L": 60, "R": 0}, **side), foot("L"))
    lifted = start.hips["R"]["abd"] + 40  # from resting on the bottom foot to lifted, a little behind
    end = replace(start, hips={**start.hips, "R": {"flex": -8, "abd": lifted}})
    ground = [(start, on_trunk(start)), (end, on_trunk(end))]
    props = mat(*wide(8, 142, "side-lying-abduction"), cam, ground) + floor(*wide(5, 145, "side-lying-abduction"))
    out["side-lying-abduction"] = two(start, end, cam, 78, props, level=MAT,
                                      floor=on_trunk, arrow_joint="ankleR", bend=0.2)
    # --- clamshell: side-lying, hips and knees bent, top knee opens; the feet stay together
    cam = Camera(0, 20)  # a little from above: the feet together and the knee opening both show
    start = on_side(Pose(hips=legs({"flex": 45}, {"flex": 45}), knees={"L": 90, "R": 90}, **side), ("kneeL",))
    end = replace(start, hips={**start.hips, "R": {"flex": 45, "abd": 0, "rot": 45}})
    end = fit_top(end, "ankleR", ("ankleL",))
    ground = [(start, on_trunk(start)), (end, on_trunk(end))]
    props = mat(*wide(8, 142, "clamshell"), cam, ground) + floor(*wide(5, 145, "clamshell"))
    out["clamshell"] = two(start, end, cam, 75, props, level=MAT,
                           floor=on_trunk, arrow_joint="kneeR", bend=0.3)
    # --- bridge: lying on the back, knees bent, feet flat; lift the hips until shoulders, hips and knees
    # are in line. The shoulders and feet stay where they were
    start = Pose(hips=legs({"flex": 48}, {"flex": 48}), knees={"L": 100, "R": 100}, ankles={"L": 8, "R": 8},
                 shoulders=arms({"abd": 12}, {"abd": 12}), body=(-90, 0, 0))
    start = foot_flat(foot_flat(supine(start), "L"), "R")
    j = skeleton(start)
    end = bridge_top(abs(j["heelL"][2] - j["shoulderL"][2]))
    at_start = placed(start, SIDE, 75, MAT, on_trunk(start))
    at_end = placed(end, SIDE, 75, MAT, low(end, CHEST))
    at_end = (at_start[0] + SIDE.project(skeleton(start)["shoulderL"])[0] - SIDE.project(skeleton(end)["shoulderL"])[0],
              at_end[1])
    props = mat(*wide(8, 142, "bridge")) + floor(*wide(5, 145, "bridge"))
    lift = arrow(joint_at(start, SIDE, at_start, "pelvis"), joint_at(end, SIDE, at_end, "pelvis"), 0.0)
    out["bridge"] = ((props + figure_svg(start, SIDE, at_start), ""),
                     (props + figure_svg(end, SIDE, at_end) + lift, ""))
    # --- step-down: stand on a low step on one leg; lower the other heel slowly, knee over the toes.
    # Panel 1, side-on: the movement (start as a ghost, the knee bending). Panel 2, from the front, as
    # in the mirror the steps ask for: the end position with the line hip-knee-second toe, which is what
    # a physiotherapist watches (the knee must not fall inward); a side view cannot show it.
    start = Pose(hips=legs({"flex": 0}, {"flex": 28}), knees={"L": 0, "R": 10}, ankles={"L": 0, "R": -10},
                 shoulders=arms({"abd": 12}, {"abd": 12}))
    # the standing knee bends enough for the free heel to go below the step, toward the floor
    end = Pose(hips=legs({"flex": 38}, {"flex": 14}), knees={"L": 76, "R": 4}, ankles={"L": 30, "R": 0},
               trunk=16, shoulders=arms({"flex": 25, "abd": 12}, {"flex": 25, "abd": 12}))
    # the standing foot stays where it is on the step, its toes at the front edge; the free leg hangs beyond
    at_start = on_step(start, SIDE, 100, 12.0, "L")
    toe_x = joint_at(start, SIDE, at_start, "toeL")[0]
    at_end = on_step(end, SIDE, 100, 12.0, "L")
    at_end = (at_end[0] + toe_x - joint_at(end, SIDE, at_end, "toeL")[0], at_end[1])
    props = step(toe_x - 2, toe_x + 70, 12) + floor(6, 181)
    side_on = (props + figure_svg(start, SIDE, at_start, ghost=True, moved_from=(end, at_end))
               + figure_svg(end, SIDE, at_end)
               + arrow(joint_at(start, SIDE, at_start, "heelR"), joint_at(end, SIDE, at_end, "heelR"), 0.0), "")
    front = Camera(0, 6)
    at = on_step(end, front, 95, 12.0, "L")
    sole = joint_at(end, front, at, "ankleL")
    props = [f'<rect x="{sole[0] - 34:.1f}" y="-12" width="52" height="12" fill="#d9d9d9" stroke="{PROP}" '
             'stroke-width="0.8"/>'] + floor(6, 181)
    out["step-down"] = (side_on, (props + figure_svg(end, front, at) + alignment(end, front, at, "L"),
                                  "In the mirror: knee over the second toe"))
    # --- walking: a long stride narrows the space; shorter steps. Front heel and back toes on the floor
    long_ = Pose(hips=legs({"flex": 30}, {"flex": -22}), knees={"L": 3, "R": 12}, ankles={"L": 8, "R": -18},
                 shoulders=arms({"flex": -25}, {"flex": 25}), elbows={"L": 15, "R": 25})
    short = Pose(hips=legs({"flex": 18}, {"flex": -8}), knees={"L": 4, "R": 10}, ankles={"L": 6, "R": -8},
                 shoulders=arms({"flex": -12}, {"flex": 12}), elbows={"L": 15, "R": 20})
    out["shorter-stride"] = two(both_feet_down(long_, "R"), both_feet_down(short, "R"), SIDE, 87, floor(6, 168),
                                ghost=False, captions=("Long stride: avoid for now", "Shorter steps"))
    # --- sitting breaks: sit (feet on the floor, knees level with the hips, hands on the thighs), then
    # stand up and move
    sit = Pose(hips=legs({"flex": 90}, {"flex": 90}), knees={"L": 90, "R": 90}, trunk=-5,
               shoulders=arms({"flex": 30}, {"flex": 30}), elbows={"L": 70, "R": 70})
    sit = reach(reach(sit, "L", between("hipL", "kneeL", 0.6)), "R", between("hipR", "kneeR", 0.6))
    stand = both_feet_down(Pose(hips=legs({"flex": 10}, {"flex": -6}), knees={"L": 5, "R": 8},
                                ankles={"L": 2, "R": -6}, shoulders=arms({"flex": -8}, {"flex": 8})), "R")
    at_sit = placed(sit, SIDE, 80, 0.0)
    at_stand = placed(stand, SIDE, 33)
    props = chair_behind(sit, SIDE, at_sit, seat_height(sit, foot("L") + foot("R"))) + floor(6, 168)
    out["sitting-breaks"] = ((props + figure_svg(sit, SIDE, at_sit), ""),
                             (props + figure_svg(stand, SIDE, at_stand), ""))
    # --- hamstring isometric: lying on the back, one knee a little bent; press the heel down (no movement).
    # Back, buttocks, head and hands on the mat; both heels on it
    start = supine(Pose(hips=legs({"flex": 15}, {"flex": 0}), knees={"L": 30, "R": 0}, ankles={"L": 10, "R": -20},
                        shoulders=arms({"abd": 12}, {"abd": 12}), body=(-90, 0, 0)))
    start = rest(rest(start, hip("L", "flex"), ("heelL",), -10, 60), hip("R", "flex"), foot("R"), -20, 10)
    at = placed(start, SIDE, 82, MAT, on_trunk(start))
    heel = joint_at(start, SIDE, at, "heelL")
    press = arrow((heel[0] - 5, heel[1] + 22), (heel[0] + 0.5, heel[1] + 4), bend=0.0, halo=True)  # down, toward you
    props = mat(*wide(8, 142, "hamstring-isometric")) + floor(*wide(5, 145, "hamstring-isometric"))
    out["hamstring-isometric"] = ((props + figure_svg(start, SIDE, at), ""),
                                  (props + figure_svg(start, SIDE, at) + press, ""))
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Draw the exercise pictures.")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder to write into (default {OUT})")
    out_dir = parser.parse_args(argv).out
    out_dir.mkdir(parents=True, exist_ok=True)
    for exercise_id, (start, end) in exercises().items():
        scale = SCALE.get(exercise_id, 1.0)
        (out_dir / f"{exercise_id}.svg").write_text(drawing(exercise_id, exercise_id, start, end, scale),
                                                    encoding="utf-8")
        print(out_dir / f"{exercise_id}.svg")


if __name__ == "__main__":
    main()
