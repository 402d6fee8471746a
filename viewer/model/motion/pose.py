"""A hip pose (flexion, adduction, rotation in degrees), its limits, parsing and easing.

Sign conventions (as the issue and ISB-style clinical use): flexion positive, extension negative;
adduction positive, abduction negative; internal rotation positive, external rotation negative.
"""

from __future__ import annotations

import math
import re

from viewer.model.core.record import record

AXES = ("flexion", "adduction", "rotation")
NEGATIVE_NAMES = {"flexion": "extension", "adduction": "abduction", "rotation": "external rotation"}
POSITIVE_NAMES = {"flexion": "flexion", "adduction": "adduction", "rotation": "internal rotation"}
DEFAULT_LIMITS = {"flexion": (-30.0, 120.0), "adduction": (-45.0, 30.0), "rotation": (-45.0, 45.0)}


class PoseError(ValueError):
    """A pose the model cannot show: malformed, or outside the model's range (the message names the limit)."""


@record(frozen=True)
class Pose:
    flexion: float = 0.0
    adduction: float = 0.0
    rotation: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {axis: getattr(self, axis) for axis in AXES}

    def with_value(self, axis: str, value: float) -> Pose:
        values = self.as_dict()
        values[axis] = float(value)
        return Pose(**values)


NEUTRAL = Pose()


def check_limits(pose: Pose, limits: dict[str, tuple[float, float]] = DEFAULT_LIMITS) -> None:
    """Raise PoseError naming the first limit the pose passes."""
    for axis in AXES:
        low, high = limits[axis]
        value = getattr(pose, axis)
        if not math.isfinite(value):
            raise PoseError(f"{axis} must be a number of degrees, not {value}")
        if value < low:
            raise PoseError(f"{axis} {value:g}° is beyond the model's limit of {-low:g}° "
                            f"{NEGATIVE_NAMES[axis]} ({axis} must be {low:g} to {high:g})")
        if value > high:
            raise PoseError(f"{axis} {value:g}° is beyond the model's limit of {high:g}° "
                            f"{POSITIVE_NAMES[axis]} ({axis} must be {low:g} to {high:g})")


def clamp(pose: Pose, limits: dict[str, tuple[float, float]] = DEFAULT_LIMITS) -> Pose:
    return Pose(**{axis: min(max(getattr(pose, axis), limits[axis][0]), limits[axis][1]) for axis in AXES})


_PAIR = re.compile(r"\s*([a-z]+)\s*=\s*([-+]?\d+(?:\.\d+)?)\s*")


def parse_pose_text(text: str) -> Pose:
    """``flexion=F,adduction=A,rotation=R`` (any subset, any order; missing axes are 0)."""
    values: dict[str, float] = {}
    for part in text.split(","):
        match = _PAIR.fullmatch(part)
        if not match:
            raise PoseError(f"cannot read '{part.strip()}' in --pose; write flexion=F,adduction=A,rotation=R in degrees")
        axis, number = match.group(1), float(match.group(2))
        if axis not in AXES:
            raise PoseError(f"unknown pose axis '{axis}' (use flexion, adduction, rotation)")
        if axis in values:
            raise PoseError(f"pose axis '{axis}' is given twice")
        values[axis] = number
    return Pose(**values)


def ease_in_out(t: float) -> float:
    """Cubic ease-in-out on 0..1: the femur starts and stops gently."""
    t = min(max(t, 0.0), 1.0)
    return 4 * t * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def interpolate(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` (0..1, eased) of the way from ``start`` to ``end``."""
    k = ease_in_out(t)
    return Pose(**{axis: getattr(start, axis) + (getattr(end, axis) - getattr(start, axis)) * k for axis in AXES})


def describe(pose: Pose) -> str:
    """The pose in words, e.g. '20° extension, 5° adduction, 15° external rotation'."""
    parts = []
    for axis in AXES:
        value = round(getattr(pose, axis))
        if value == 0:
            parts.append({"flexion": "hip straight", "adduction": "no side tilt", "rotation": "no turn"}[axis])
        else:
            name = POSITIVE_NAMES[axis] if value > 0 else NEGATIVE_NAMES[axis]
            parts.append(f"{abs(value)}° {name}")
    return ", ".join(parts)
