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
    return tuple(tuple(sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)) for i in range(3))


def apply(m, v):
    return tuple(sum(m[i][k] * v[k] for k in range(3)) for i in range(3))


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
    segments = (("hip", "knee", "thigh"), ("knee", "ankle", "shank"), ("ankle", "toe", "foot"),
                ("shoulder", "elbow", "upper_arm"), ("elbow", "hand", "forearm"))
    for side, other in (("L", "R"), ("R", "L")):
        for a, b, kind in segments:
            d = depth(a + side, b + side)
            far = d < depth(a + other, b + other) - 0.03 * H  # the limb behind its pair is shaded
            if kind == "foot":
                r1, r2 = RADII["foot"]
                circles = [c("heel" + side, r1 * 0.9), c("ankle" + side, r1), c("toe" + side, r2)]
            elif kind == "forearm":
                r1, r2 = RADII["forearm"]
                circles = [c("elbow" + side, r1), c("wrist" + side, r2), c("hand" + side, 0.019)]
            else:
                r1, r2 = RADII[kind]
                circles = [c(a + side, r1), c(b + side, r2)]
            out.append(Part(circles, d, far))
    chest = Part([c("shoulderL", 0.046), c("shoulderR", 0.046), c("chest", 0.082), c("neck_base", 0.04)],
                 depth("chest", "pelvis"))
    pelvis = Part([c("hipL", 0.062), c("hipR", 0.062), c("waist", 0.058), c("pelvis", 0.07)], depth("pelvis"))
    neck = Part([c("neck_base", 0.024), c("head_base", 0.022)], depth("neck_base"))
    hx, hy, _ = proj["head"]
    head = Part([(hx + ox, hy + oy, 0.058 * H), c("face", 0.036)], depth("head"))
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
