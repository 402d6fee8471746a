"""Reads resources/hip-landmarks.toml: the model's landmarks, muscle paths and limits."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from viewer.model.core.problems import ContentError, Problem, line_of
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import parse_toml
from viewer.model.motion.pose import AXES, DEFAULT_LIMITS

Vec = tuple[float, float, float]
REQUIRED_POINTS = ("lesser-trochanter", "iliopsoas-lesser-trochanter", "ischial-tuberosity", "hamstring-tendons")
REQUIRED_MUSCLES = ("piriformis", "obturator-internus")


@record(frozen=True)
class Landmark:
    name: str
    at: Vec
    moves: str  # "femur" or "pelvis"
    radius: float = 0.0
    to: Vec | None = None  # a capsule's other end
    label: str = ""
    source: str = ""


@record
class HipLandmarks:
    side: str
    points: dict[str, Landmark]
    muscles: dict[str, list[str]]
    limits: dict[str, tuple[float, float]] = field(default_factory=lambda: dict(DEFAULT_LIMITS))

    def mirrored(self) -> HipLandmarks:
        """The same hip on the other side (x negated): the model must give the same numbers."""
        def flip(v: Vec | None) -> Vec | None:
            return None if v is None else (-v[0], v[1], v[2])
        points = {name: Landmark(p.name, flip(p.at), p.moves, p.radius, flip(p.to), p.label, p.source)  # type: ignore[arg-type]  # flip() of a point is a point; mypy keeps the Optional
                  for name, p in self.points.items()}
        return HipLandmarks("left" if self.side == "right" else "right", points, dict(self.muscles), dict(self.limits))


def _vec(value, path: Path, text: str, where: str) -> Vec:
    if not (isinstance(value, list) and len(value) == 3 and all(isinstance(v, (int, float)) for v in value)):
        raise ContentError(Problem(path, line_of(text, where), f"{where}: expected [x, y, z] in mm"))
    return (float(value[0]), float(value[1]), float(value[2]))


def load_landmarks(path: Path) -> HipLandmarks:
    """The landmarks, or ContentError with path:line for a file the model cannot use."""
    text = read_text(path)
    data = parse_toml(text, path)
    points: dict[str, Landmark] = {}
    for name, entry in (data.get("point") or {}).items():
        where = f"[point.{name}]"
        moves = entry.get("moves")
        if moves not in ("femur", "pelvis"):
            raise ContentError(Problem(path, line_of(text, where), f"{where}: moves must be \"femur\" or \"pelvis\""))
        points[name] = Landmark(
            name=name, at=_vec(entry.get("at"), path, text, where), moves=moves,
            radius=float(entry.get("radius", 0.0)),
            to=_vec(entry["to"], path, text, where) if "to" in entry else None,
            label=str(entry.get("label", name)), source=str(entry.get("source", "")))
    for name in REQUIRED_POINTS:
        if name not in points:
            raise ContentError(Problem(path, 1, f"the model needs a [point.{name}]"))
    muscles = {name: [str(p) for p in entry.get("points", [])] for name, entry in (data.get("muscle") or {}).items()}
    for name in REQUIRED_MUSCLES:
        path_points = muscles.get(name, [])
        if len(path_points) < 2 or any(p not in points for p in path_points):
            raise ContentError(Problem(path, line_of(text, f"[muscle.{name}]"),
                                       f"[muscle.{name}] needs points = [...] naming at least two known points"))
    limits = dict(DEFAULT_LIMITS)
    for axis in AXES:
        value = (data.get("limits") or {}).get(axis)
        if value is not None:
            if not (isinstance(value, list) and len(value) == 2 and value[0] < 0 < value[1]):
                raise ContentError(Problem(path, line_of(text, f"{axis} ="), f"limits.{axis}: expected [negative, positive]"))
            limits[axis] = (float(value[0]), float(value[1]))
    return HipLandmarks(str(data.get("side", "right")), points, muscles, limits)
