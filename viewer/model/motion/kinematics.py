"""The rigid femur turning about the centre of the femoral head, and what it measures.

IFS and QFS are narrowest distances between bone or tendon surfaces, each surface modelled as a
sphere (a point with a radius) or a capsule (a segment with a radius). Muscle lengths are
polylines through pelvis-fixed and femur-fixed points. A space that would be below zero is
reported as 0 with `contact` set: in life soft tissue and pain stop the hip first.
"""

from __future__ import annotations

import math

from viewer.model.core.record import record
from viewer.model.motion.landmarks import HipLandmarks, Landmark, Vec
from viewer.model.motion.pose import Pose

Matrix = tuple[Vec, Vec, Vec]


def rotation_matrix(pose: Pose, side: str = "right") -> Matrix:
    """Femur-to-pelvis rotation: flexion about x, then adduction about y, then rotation about the femur's z.

    For a left hip (x pointing to the patient's left, i.e. still lateral) the mirror image of the
    right-hip matrix is used, so the same pose gives the same numbers on both sides.
    """
    f, a, r = (math.radians(v) for v in (pose.flexion, pose.adduction, pose.rotation))
    cf, sf, ca, sa, cr, sr = math.cos(f), math.sin(f), math.cos(a), math.sin(a), math.cos(r), math.sin(r)
    rx = ((1, 0, 0), (0, cf, -sf), (0, sf, cf))
    ry = ((ca, 0, sa), (0, 1, 0), (-sa, 0, ca))
    rz = ((cr, -sr, 0), (sr, cr, 0), (0, 0, 1))
    m = _mul(_mul(rx, ry), rz)
    if side == "left":  # mirror in x: M' = S M S with S = diag(-1, 1, 1)
        sign = (-1, 1, 1)
        m = tuple(tuple(m[i][j] * sign[i] * sign[j] for j in range(3)) for i in range(3))  # type: ignore[assignment]  # a 3-tuple made by a generator; mypy sees tuple[..., ...]
    return m


def _mul(a, b) -> Matrix:
    return tuple(tuple(sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)) for i in range(3))  # type: ignore[return-value]  # a 3-tuple made by a generator; mypy sees tuple[..., ...]


def apply(m: Matrix, v: Vec) -> Vec:
    return (m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2])


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _norm(a: Vec) -> float:
    return math.sqrt(_dot(a, a))


def _closest_on_segment(p: Vec, a: Vec, b: Vec) -> Vec:
    ab = _sub(b, a)
    length2 = _dot(ab, ab)
    t = 0.0 if length2 == 0 else min(1.0, max(0.0, _dot(_sub(p, a), ab) / length2))
    return (a[0] + t * ab[0], a[1] + t * ab[1], a[2] + t * ab[2])


@record(frozen=True)
class Gap:
    """A narrowest space: its width and the two surface points it runs between (pelvis frame, mm)."""

    mm: float
    start: Vec  # on the pelvis-side surface
    end: Vec    # on the femur-side surface
    contact: bool = False


@record(frozen=True)
class Measures:
    pose: Pose
    ifs: Gap
    qfs: Gap
    length_change_pct: dict[str, float]

    def as_json(self) -> dict[str, float]:
        return {"ifs_mm": round(self.ifs.mm, 1), "qfs_mm": round(self.qfs.mm, 1),
                "piriformis_length_change_pct": round(self.length_change_pct["piriformis"], 1),
                "obturator_internus_length_change_pct": round(self.length_change_pct["obturator-internus"], 1)}


class HipModel:
    """The kinematic model over one set of landmarks."""

    def __init__(self, landmarks: HipLandmarks):
        self.landmarks = landmarks
        neutral = self.placed(Pose())
        self._rest_lengths = {name: self._length(name, neutral) for name in landmarks.muscles}

    def placed(self, pose: Pose) -> dict[str, Landmark]:
        """Every landmark where the pose puts it (pelvis frame)."""
        m = rotation_matrix(pose, self.landmarks.side)
        out = {}
        for name, p in self.landmarks.points.items():
            if p.moves == "femur":
                out[name] = Landmark(name, apply(m, p.at), p.moves, p.radius,
                                     apply(m, p.to) if p.to else None, p.label, p.source)
            else:
                out[name] = p
        return out

    def measure(self, pose: Pose) -> Measures:
        placed = self.placed(pose)
        return Measures(
            pose=pose,
            ifs=_gap(placed["ischial-tuberosity"], placed["lesser-trochanter"]),
            qfs=_gap(placed["hamstring-tendons"], placed["iliopsoas-lesser-trochanter"]),
            length_change_pct={name: 100.0 * (self._length(name, placed) - rest) / rest
                               for name, rest in self._rest_lengths.items()})

    def _length(self, muscle: str, placed: dict[str, Landmark]) -> float:
        pts = [placed[n].at for n in self.landmarks.muscles[muscle]]
        return sum(_norm(_sub(b, a)) for a, b in zip(pts, pts[1:]))

    def femur_axial(self, pose: Pose) -> tuple[float, float, float]:
        """Where the femur's section at the lesser trochanter's level sits in the axial plane.

        Returns (dx, dy, angle_deg): the in-plane shift of the lesser trochanter from neutral (x
        lateral, y anterior, mm) and the in-plane turn of the femur (counter-clockwise seen from
        above, degrees), for drawing. A schematic: at large flexion a real axial slice would cut
        the femur obliquely.
        """
        m = rotation_matrix(pose, self.landmarks.side)
        lt = self.landmarks.points["lesser-trochanter"].at
        moved = apply(m, lt)
        ahead = apply(m, (0.0, 1.0, 0.0))  # the femur's anterior direction
        # Seen from above, the neutral anterior direction is +y; its turn in the x-y plane
        angle = math.degrees(math.atan2(-ahead[0], ahead[1])) if abs(ahead[0]) + abs(ahead[1]) > 1e-6 else 0.0
        return (moved[0] - lt[0], moved[1] - lt[1], angle)


def _gap(pelvis_side: Landmark, femur_side: Landmark) -> Gap:
    """Narrowest distance between two surfaces, each a sphere (at, radius) or capsule (at..to, radius)."""
    a, b = _closest_pair(pelvis_side, femur_side)
    between = _sub(b, a)
    distance = _norm(between)
    unit = (between[0] / distance, between[1] / distance, between[2] / distance) if distance else (1.0, 0.0, 0.0)
    start = tuple(a[i] + unit[i] * pelvis_side.radius for i in range(3))
    end = tuple(b[i] - unit[i] * femur_side.radius for i in range(3))
    width = distance - pelvis_side.radius - femur_side.radius
    return Gap(mm=max(width, 0.0), start=start, end=end, contact=width <= 0.0)  # type: ignore[arg-type]  # a 3-tuple made by a generator; mypy sees tuple[..., ...]


def _closest_pair(p: Landmark, q: Landmark) -> tuple[Vec, Vec]:
    if p.to is None and q.to is None:
        return p.at, q.at
    if p.to is not None and q.to is None:
        return _closest_on_segment(q.at, p.at, p.to), q.at
    if p.to is None and q.to is not None:
        return p.at, _closest_on_segment(p.at, q.at, q.to)
    # two segments: sample one finely (the model's capsules are short; 0.1 mm is ample)
    best: tuple[float, Vec, Vec] | None = None
    assert p.to is not None and q.to is not None
    for i in range(201):
        t = i / 200
        a = (p.at[0] + t * (p.to[0] - p.at[0]), p.at[1] + t * (p.to[1] - p.at[1]), p.at[2] + t * (p.to[2] - p.at[2]))
        b = _closest_on_segment(a, q.at, q.to)
        d = _norm(_sub(b, a))
        if best is None or d < best[0]:
            best = (d, a, b)
    assert best is not None
    return best[1], best[2]
