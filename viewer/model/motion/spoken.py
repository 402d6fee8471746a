"""The model's two spaces in words for a screen reader, placed against the gauge's bands.

The gauge draws each space against the published control and patient means ± SD (Singer 2015,
comparison.py) and a dashed "normal" tick (Tosun, quoted second-hand); a screen reader hears the
same comparison: "ischiofemoral space 12 mm, narrower than most people without the problem
(average 26 mm, give or take 8), within the range of people with it (15, give or take 5)".
"""

from __future__ import annotations

from viewer.model.motion.comparison import SINGER, TOSUN_NORMAL_ABOVE
from viewer.model.motion.kinematics import Measures

SPACES = ("ifs", "qfs")
SPACE_NAMES = {"ifs": "ischiofemoral space", "qfs": "quadratus femoris space"}
ROW_NAMES = {"ifs": "Ischiofemoral space (IFS)", "qfs": "Quadratus femoris space (QFS)"}  # the gauge's rows


def _band(which: str, group: str) -> tuple[float, float, float]:
    mean, sd = SINGER[which][group]
    return mean, mean - sd, mean + sd


def against_controls(which: str, mm: float) -> str:
    mean, low, high = _band(which, "control")
    sd = round(mean - low)
    where = ("narrower than most people without the problem" if mm < low else
             "wider than most people without the problem" if mm > high else
             "within the range of people without the problem")
    return f"{where} (average {mean:.0f} mm, give or take {sd})"


def against_patients(which: str, mm: float) -> str:
    mean, low, high = _band(which, "patient")
    sd = round(mean - low)
    where = ("narrower than most people with the problem" if mm < low else
             "wider than most people with the problem" if mm > high else
             "within the range of people with the problem")
    return f"{where} (average {mean:.0f} mm, give or take {sd})"


def against_tick(which: str, mm: float) -> str:
    tick = TOSUN_NORMAL_ABOVE[which]
    side = "below" if mm < tick else "at or above"
    return f"{side} the dashed mark at {tick:.0f} mm, a 'normal' threshold quoted second-hand"


def space_in_words(which: str, mm: float, contact: bool = False, tick: bool = False) -> str:
    """One space, e.g. 'ischiofemoral space 12 mm, narrower than ..., within the range of ...'."""
    name = SPACE_NAMES[which]
    if contact:
        return f"{name}: the bones touch in this model"
    parts = [f"{name} {mm:.0f} mm", against_controls(which, mm), against_patients(which, mm)]
    if tick:
        parts.append(against_tick(which, mm))
    return ", ".join(parts)


def pose_settled(label: str, measures: Measures) -> str:
    """What a screen reader is told when an animated pose change ends ('Long stride: ischiofemoral space ...')."""
    ifs, qfs = measures.ifs, measures.qfs
    return (f"{label}: {space_in_words('ifs', ifs.mm, ifs.contact)}; "
            f"{space_in_words('qfs', qfs.mm, qfs.contact)}. Model, not a measurement.")
