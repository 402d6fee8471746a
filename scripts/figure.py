"""A posable human figure for the exercise drawings and the body chart (tooling, not part of the app).

The figure is a 3-D skeleton with segment lengths as fractions of standing height (Drillis &
Contini's anthropometric proportions, as tabulated by Winter, Biomechanics and Motor Control of
Human Movement), drawn in orthographic projection as tapered, outlined limbs. Posing by joint
angles keeps every drawing in proportion and in one style.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

H = 100.0  # standing height in drawing units
SEG = {  # fractions of height
    "head": 0.130, "neck": 0.052, "trunk": 0.288, "shoulder_w": 0.226, "hip_w": 0.104,
    "upper_arm": 0.186, "forearm": 0.146, "hand": 0.070, "thigh": 0.245, "shank": 0.246,
    "foot": 0.152, "heel": 0.039,
}
RADII = {  # half-widths as fractions of height
    "thigh": (0.050, 0.032), "shank": (0.033, 0.021), "upper_arm": (0.027, 0.022), "forearm": (0.022, 0.017),
    "foot": (0.018, 0.012), "neck": (0.024, 0.024),
}


def rot_x(a):
    c, s = math.cos(a), math.sin(a)
    return ((1, 0, 0), (0, c, -s), (0, s, c))


def rot_y(a):
    c, s = math.cos(a), math.sin(a)
    return ((c, 0, s), (0, 1, 0), (-s, 0, c))


def rot_z(a):
    c, s = math.cos(a), math.sin(a)
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def mul(a, b):
    # written out (same sums, same order as a loop), as the exercise drawings' fitting calls it a lot
    (a0, a1, a2), (b0, b1, b2) = a, b
    return tuple((r[0] * b0[0] + r[1] * b1[0] + r[2] * b2[0], r[0] * b0[1] + r[1] * b1[1] + r[2] * b2[1],
                  r[0] * b0[2] + r[1] * b1[2] + r[2] * b2[2]) for r in (a0, a1, a2))


def apply(m, v):
    x, y, z = v
    return tuple(r[0] * x + r[1] * y + r[2] * z for r in m)


def add(a, b, scale=1.0):
    return tuple(a[i] + b[i] * scale for i in range(3))


def rad(d):
    return math.radians(d)


@dataclass
class Pose:
    """Joint angles in degrees. Body axes: x to the figure's left, y up, z forward.

    Hip: flex (+ forward), abd (+ away from the midline), rot (+ external). Knee: flex (+ bends).
    Ankle: dorsi (+ toes up). Shoulder: flex (+ forward), abd. Elbow: flex. Trunk: flex (+ forward).
    Neck: flex (+ chin down). Body: the whole figure's orientation (rx, ry, rz in degrees).
    """

    hips: dict = field(default_factory=lambda: {"L": {}, "R": {}})
    knees: dict = field(default_factory=lambda: {"L": 0, "R": 0})
    ankles: dict = field(default_factory=lambda: {"L": 0, "R": 0})
    shoulders: dict = field(default_factory=lambda: {"L": {}, "R": {}})
    elbows: dict = field(default_factory=lambda: {"L": 10, "R": 10})
    trunk: float = 0
    trunk_side: float = 0
    neck: float = 0
    body: tuple = (0, 0, 0)


def skeleton(pose: Pose) -> dict:
    """Joint positions (3-D) for a pose, before the figure is placed on the floor."""
    p = {}
    root = mul(rot_z(rad(pose.body[2])), mul(rot_y(rad(pose.body[1])), rot_x(rad(pose.body[0]))))
    pelvis = (0.0, 0.0, 0.0)
    p["pelvis"] = pelvis
    trunk_m = mul(root, mul(rot_z(rad(pose.trunk_side)), rot_x(rad(pose.trunk))))
    up = apply(trunk_m, (0, 1, 0))
    p["chest"] = add(pelvis, up, SEG["trunk"] * H * 0.62)
    p["waist"] = add(pelvis, up, SEG["trunk"] * H * 0.30)
    p["neck_base"] = add(pelvis, up, SEG["trunk"] * H)
    neck_m = mul(trunk_m, rot_x(rad(pose.neck)))
    p["head_base"] = add(p["neck_base"], apply(neck_m, (0, 1, 0)), SEG["neck"] * H)
    p["head"] = add(p["head_base"], apply(neck_m, (0, 0.55, 0.12)), SEG["head"] * H * 0.62)
    p["face"] = add(p["head"], apply(neck_m, (0, -0.55, 0.55)), SEG["head"] * H * 0.36)
    for side, sign in (("L", 1), ("R", -1)):
        hip = add(pelvis, apply(root, (sign, 0, 0)), SEG["hip_w"] * H / 2)
        p["hip" + side] = hip
        h = pose.hips[side]
        hip_m = mul(root, mul(rot_x(rad(-h.get("flex", 0))),
                              mul(rot_z(rad(sign * h.get("abd", 0))), rot_y(rad(sign * h.get("rot", 0))))))
        knee = add(hip, apply(hip_m, (0, -1, 0)), SEG["thigh"] * H)
        p["knee" + side] = knee
        knee_m = mul(hip_m, rot_x(rad(pose.knees[side])))
        ankle = add(knee, apply(knee_m, (0, -1, 0)), SEG["shank"] * H)
        p["ankle" + side] = ankle
        ankle_m = mul(knee_m, rot_x(rad(-pose.ankles[side])))
        p["toe" + side] = add(ankle, apply(ankle_m, (0, -0.25, 1)), SEG["foot"] * H * 0.78)
        p["heel" + side] = add(ankle, apply(ankle_m, (0, -0.6, -0.35)), SEG["heel"] * H * 1.0)
        shoulder = add(p["neck_base"], apply(trunk_m, (sign, -0.25, 0)), SEG["shoulder_w"] * H / 2 * 0.82)
        p["shoulder" + side] = shoulder
        s = pose.shoulders[side]
        sh_m = mul(trunk_m, mul(rot_x(rad(-s.get("flex", 0))), rot_z(rad(sign * s.get("abd", 8)))))
        elbow = add(shoulder, apply(sh_m, (0, -1, 0)), SEG["upper_arm"] * H)
        p["elbow" + side] = elbow
        el_m = mul(sh_m, rot_x(rad(-pose.elbows[side])))
        wrist = add(elbow, apply(el_m, (0, -1, 0)), SEG["forearm"] * H)
        p["wrist" + side] = wrist
        p["hand" + side] = add(wrist, apply(el_m, (0, -1, 0)), SEG["hand"] * H * 0.55)
    return p


@dataclass
class Camera:
    azimuth: float = 90   # 90: seen from the figure's left side (a side view); 0: from the front
    elevation: float = 0

    def project(self, v):
        m = mul(rot_x(rad(self.elevation)), rot_y(rad(-self.azimuth)))
        x, y, z = apply(m, v)
        return x, y, z  # z: toward the viewer


def hull_of_circles(circles, steps=24):
    """Points on the convex hull of a set of circles (x, y, r), anticlockwise."""
    pts = []
    for x, y, r in circles:
        for i in range(steps):
            a = 2 * math.pi * i / steps
            pts.append((x + r * math.cos(a), y + r * math.sin(a)))
    pts = sorted(set((round(px, 3), round(py, 3)) for px, py in pts))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for pt in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], pt) <= 0:
            lower.pop()
        lower.append(pt)
    for pt in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], pt) <= 0:
            upper.pop()
        upper.append(pt)
    return lower[:-1] + upper[:-1]


@dataclass
class Part:
    circles: list   # (x, y, r) in projected 2-D
    depth: float
    far: bool = False
    name: str = ""  # "pelvis", "chest", "head", "neck", or a limb segment and side: "footL", "forearmR"


SEGMENTS = (("hip", "knee", "thigh"), ("knee", "ankle", "shank"), ("ankle", "toe", "foot"),
            ("shoulder", "elbow", "upper_arm"), ("elbow", "hand", "forearm"))


def limb_circles(side: str, kind: str, a: str, b: str) -> list[tuple[str, float]]:
    """A limb segment as (joint, radius as a fraction of height) circles."""
    if kind == "foot":
        r1, r2 = RADII["foot"]
        return [("heel" + side, r1 * 0.9), ("ankle" + side, r1), ("toe" + side, r2)]
    if kind == "forearm":
        r1, r2 = RADII["forearm"]
        return [("elbow" + side, r1), ("wrist" + side, r2), ("hand" + side, 0.019)]
    r1, r2 = RADII[kind]
    return [(a + side, r1), (b + side, r2)]


BODY = {  # the trunk's parts as (joint, radius) circles
    "neck": [("neck_base", 0.024), ("head_base", 0.022)],
    "pelvis": [("hipL", 0.062), ("hipR", 0.062), ("waist", 0.058), ("pelvis", 0.07)],
    "chest": [("shoulderL", 0.046), ("shoulderR", 0.046), ("chest", 0.082), ("neck_base", 0.04)],
    "head": [("head", 0.058), ("face", 0.036)],
}


def spheres(pose: Pose) -> list[tuple[str, tuple, float]]:
    """Every circle of the figure as a 3-D sphere (joint, centre, radius in drawing units), before
    placing: what rests on the floor is measured on these, whatever the camera."""
    joints = skeleton(pose)
    out = [(name, joints[name], r * H) for circles in BODY.values() for name, r in circles]
    for side in ("L", "R"):
        for a, b, kind in SEGMENTS:
            out += [(name, joints[name], r * H) for name, r in limb_circles(side, kind, a, b)]
    return out


def parts(pose: Pose, camera: Camera, offset=(0.0, 0.0)) -> list[Part]:
    """The figure's outlined shapes in drawing order (farthest first), placed at ``offset``."""
    joints = skeleton(pose)
    proj = {name: camera.project(v) for name, v in joints.items()}
    ox, oy = offset

    def c(name, r):
        x, y, _z = proj[name]
        return (x + ox, y + oy, r * H)

    def depth(*names):
        return sum(proj[n][2] for n in names) / len(names)

    out = []
    for side, other in (("L", "R"), ("R", "L")):
        for a, b, kind in SEGMENTS:
            d = depth(a + side, b + side)
            far = d < depth(a + other, b + other) - 0.03 * H  # the limb behind its pair is shaded
            out.append(Part([c(name, r) for name, r in limb_circles(side, kind, a, b)], d, far, kind + side))
    chest = Part([c(name, r) for name, r in BODY["chest"]], depth("chest", "pelvis"), name="chest")
    pelvis = Part([c(name, r) for name, r in BODY["pelvis"]], depth("pelvis"), name="pelvis")
    neck = Part([c(name, r) for name, r in BODY["neck"]], depth("neck_base"), name="neck")
    head = Part([c(name, r) for name, r in BODY["head"]], depth("head"), name="head")
    body = [neck, pelvis, chest, head]
    # the trunk sits between the two sides; each limb in front of or behind it by its own depth
    limbs = sorted(out, key=lambda p: p.depth)
    trunk_depth = depth("chest", "pelvis")
    far_limbs = [p for p in limbs if p.far or p.depth < trunk_depth - 0.05 * H]
    near_limbs = [p for p in limbs if p not in far_limbs]
    return far_limbs + body + near_limbs


def path_of(part: Part) -> str:
    pts = hull_of_circles(part.circles)
    return "M" + " L".join(f"{x:.1f},{-y:.1f}" for x, y in pts) + " Z"


def lowest(pose: Pose, camera: Camera) -> float:
    return min(y - r for part in parts(pose, camera) for x, y, r in part.circles)
