"""Fitting a posed figure (scripts/figure.py) to what it touches: the floor, a mat, a seat, its other
leg, or a hand on a knee (tooling for scripts/draw_exercises.py, not part of the app).

Contact is measured in 3-D on the figure's spheres, not on the drawing, so it holds for a camera
seen from above as well as from the side: a heel "on the floor" has the bottom of its circle at the
floor's height. Each fitting function changes one joint angle over a fine, fixed grid and keeps the
first best value (whole degrees, then tenths around it), so the drawings come out the same on
every run.
"""

from __future__ import annotations

from dataclasses import replace

from figure import BODY, Pose, skeleton, spheres

PELVIS = tuple(name for name, _r in BODY["pelvis"])
CHEST = tuple(name for name, _r in BODY["chest"])
HEAD = tuple(name for name, _r in BODY["head"])
TRUNK = PELVIS + CHEST


def foot(side):
    return ("heel" + side, "ankle" + side, "toe" + side)


def hand(side):
    return ("elbow" + side, "wrist" + side, "hand" + side)


def low(pose: Pose, names=None) -> float:
    """The lowest height (3-D, before placing) of the figure's spheres, or of those at ``names``."""
    return min(c[1] - r for name, c, r in spheres(pose) if names is None or name in names)


def high(pose: Pose, names) -> float:
    return max(c[1] + r for name, c, r in spheres(pose) if name in names)


def grid(start, stop, step):
    return [round(start + i * step, 3) for i in range(int(round((stop - start) / step)) + 1)]


def best_of(pose, change, error, values):
    best = None
    for v in values:
        gap = abs(error(change(pose, v)))
        if best is None or gap < best[0] - 1e-9:
            best = (gap, v)
    return best[1]


def fit(pose, change, error, lo, hi, step=1.0):
    """``change(pose, v)`` for the angle v between ``lo`` and ``hi`` whose ``error`` is nearest zero."""
    v = best_of(pose, change, error, grid(lo, hi, step))
    if step > 1:
        v = best_of(pose, change, error, grid(max(lo, v - step), min(hi, v + step), 1.0))
    v = best_of(pose, change, error, grid(max(lo, v - 1), min(hi, v + 1), 0.1))
    return change(pose, v)


# one joint angle at a time
def hip(side, key):
    return lambda pose, v: replace(pose, hips={**pose.hips, side: {**pose.hips[side], key: v}})


def knee(side):
    return lambda pose, v: replace(pose, knees={**pose.knees, side: v})


def ankle(side):
    return lambda pose, v: replace(pose, ankles={**pose.ankles, side: v})


def shoulder(side, key):
    return lambda pose, v: replace(pose, shoulders={**pose.shoulders, side: {**pose.shoulders[side], key: v}})


def neck(pose, v):
    return replace(pose, neck=v)


def body(axis):
    def change(pose, v):
        angles = list(pose.body)
        angles[axis] = v
        return replace(pose, body=tuple(angles))
    return change


def level_trunk(pose, axis, around, span=15.0):
    """Tilt the whole figure (about body ``axis``) until the pelvis and the chest rest at one height:
    lying on the back, both the buttocks and the shoulder blades touch; on the side, hip and shoulder."""
    return fit(pose, body(axis), lambda p: low(p, PELVIS) - low(p, CHEST), around - span, around + span)


def on_trunk(pose):
    """The floor under a figure lying down: the lowest point of its trunk."""
    return low(pose, TRUNK)


def rest(pose, change, names, lo, hi, floor=on_trunk):
    """Move one joint (between ``lo`` and ``hi`` degrees) until the lowest of ``names`` is on the floor."""
    return fit(pose, change, lambda p: low(p, names) - floor(p), lo, hi)


def foot_flat(pose, side, floor=on_trunk, hip_range=(-10, 90)):
    """Knee bent as given: the hip bend that puts the heel on the floor, then the ankle that puts the
    toes there too (three rounds, as each moves the other a little)."""
    for _ in range(3):
        pose = rest(pose, hip(side, "flex"), ("heel" + side,), *hip_range, floor=floor)
        pose = rest(pose, ankle(side), ("toe" + side,), -45, 40, floor=floor)
    return pose


def supine(pose, hands=("L", "R")):
    """Lying on the back: buttocks and shoulder blades on the floor, the back of the head on it, and
    the hands (arms by the sides) resting on it."""
    pose = level_trunk(pose, 0, pose.body[0])
    pose = rest(pose, neck, HEAD, -45, 40)
    for side in hands:
        pose = rest(pose, shoulder(side, "flex"), hand(side), -45, 40)
    return pose


def seat_height(pose, floor_names) -> float:
    """Sitting with the feet on the floor: how high the seat is under the buttocks."""
    return low(pose, PELVIS) - low(pose, floor_names)


def between(a, b, share):
    """A point ``share`` of the way from joint ``a`` to joint ``b``."""
    return lambda joints: tuple(joints[a][i] + (joints[b][i] - joints[a][i]) * share for i in range(3))


def reach(pose, side, target):
    """The pose with ``side``'s arm placed so the hand lands on ``target(joints)`` (a 3-D point): a search
    over shoulder flexion, abduction and elbow bend, coarse then finer around the best, so that holding
    a knee or an ankle is drawn with the hand on it rather than near it."""
    def gap(flex, abd, elbow):
        trial = replace(pose, shoulders={**pose.shoulders, side: {"flex": flex, "abd": abd}},
                        elbows={**pose.elbows, side: elbow})
        joints = skeleton(trial)
        goal = target(joints)
        return sum((joints["hand" + side][i] - goal[i]) ** 2 for i in range(3)), trial

    best = min((gap(f, a, e) for f in range(-20, 181, 20) for a in range(-70, 71, 20) for e in range(0, 151, 25)),
               key=lambda found: found[0])
    for step_ in (10, 5, 2, 1):
        s = best[1].shoulders[side]
        f0, a0, e0 = s["flex"], s["abd"], best[1].elbows[side]
        best = min((gap(f0 + df * step_, a0 + da * step_, min(150, max(0, e0 + de * step_)))
                    for df in range(-2, 3) for da in range(-2, 3) for de in range(-2, 3)),
                   key=lambda found: found[0])
    return best[1]


def both_feet_down(pose, back_side):
    """Walking: the back knee bent until its toes and the front heel are both on the floor."""
    front = "L" if back_side == "R" else "R"
    return rest(pose, knee(back_side), foot(back_side), 0, 60, floor=lambda p: low(p, foot(front)))


def on_side(pose, top_leg_rests_on):
    """Lying on the left side: hip and shoulder on the mat, the bent bottom leg resting on it, and the
    top leg resting on ``top_leg_rests_on`` (joints of the bottom leg)."""
    pose = level_trunk(pose, 2, pose.body[2])
    pose = rest(pose, hip("L", "abd"), ("kneeL",) + foot("L"), -10, 40)
    top = ("knee" if "kneeL" in top_leg_rests_on else "ankle") + "R"
    return fit_top(pose, top, top_leg_rests_on)


def fit_top(pose, joint, under, key="abd", lo=-40, hi=40):
    """The top leg moved (``key`` at the hip) until ``joint`` rests on the joints ``under`` it."""
    return fit(pose, hip("R", key), lambda p: low(p, (joint,)) - high(p, under), lo, hi)


def bridge_top(heel_to_shoulder):
    """Hips lifted until shoulders, hips and knees are in line (hip bend 0); the knee bend and the
    tilt of the body that keep the shoulders on the floor and the feet where they were
    (``heel_to_shoulder`` apart along the floor, as at the start)."""
    def shoulders_down(p):
        return low(p, CHEST)

    def placed_gap(p):  # horizontal heel-to-shoulder distance, against the start's
        j = skeleton(p)
        return abs(j["heelL"][2] - j["shoulderL"][2]) - heel_to_shoulder

    def with_knee(pose, k):
        p = replace(pose, knees={"L": k, "R": k})
        return fit(p, lambda q, v: replace(q, body=(v, 0, 0)),
                   lambda q: low(q, ("heelL",)) - shoulders_down(q), -160, -95)

    base = Pose(hips={"L": {"flex": 0}, "R": {"flex": 0}}, ankles={"L": 5, "R": 5},
                shoulders={"L": {"flex": -30, "abd": 10}, "R": {"flex": -30, "abd": 10}}, neck=32, body=(-122, 0, 0))
    pose = fit(base, with_knee, placed_gap, 60, 130, step=5.0)
    for side in ("L", "R"):
        pose = rest(pose, ankle(side), ("toe" + side,), -45, 40, floor=shoulders_down)
        pose = rest(pose, shoulder(side, "flex"), hand(side), -90, 20, floor=shoulders_down)
    return rest(pose, neck, HEAD, -20, 80, floor=shoulders_down)
