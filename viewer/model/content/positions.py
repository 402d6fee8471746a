"""Everyday and examination positions (resources/positions.toml) and what each does
to the structures of the deep gluteal space."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from viewer.model.core.problems import Problem
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import UniqueIds, parse_toml, table_entries


@record
class Position:
    """A body position: what it tenses or narrows, and what that does to the nerve."""

    id: str
    name: str
    tenses: list[str]
    narrows: list[str]
    nerve: str
    patient: str
    clinical: str
    references: list[str] = field(default_factory=list)
    line: int = 1
    pose: dict[str, float] | None = None  # hip angles for the motion view (degrees), if the position has one


def load_positions(path: Path) -> tuple[list[Position], list[Problem]]:
    if not path.exists():
        return [], []
    text = read_text(path)
    data = parse_toml(text, path)
    positions, problems, ids = [], [], UniqueIds(path, "position")
    for line, entry in table_entries(text, data.get("position", []), "position"):
        position_id, name = str(entry.get("id", "")).strip(), str(entry.get("name", "")).strip()
        if not position_id or not name:
            problems.append(Problem(path, line, "each [[position]] needs an id and a name"))
            continue
        if (repeated := ids.repeated(position_id, line)) is not None:
            problems.append(repeated)
            continue
        pose = entry.get("pose")
        if pose is not None:
            if not isinstance(pose, dict) or set(pose) - {"flexion", "adduction", "rotation"} or not all(
                    isinstance(v, (int, float)) for v in pose.values()):
                problems.append(Problem(path, line, f"position '{position_id}': pose must be "
                                                    "{ flexion = F, adduction = A, rotation = R } in degrees"))
                pose = None
            else:
                pose = {axis: float(pose.get(axis, 0.0)) for axis in ("flexion", "adduction", "rotation")}
        positions.append(Position(
            id=position_id, name=name,
            tenses=[str(r) for r in entry.get("tenses", [])],
            narrows=[str(r) for r in entry.get("narrows", [])],
            nerve=str(entry.get("nerve", "")).strip(),
            patient=str(entry.get("patient", "")).strip(),
            clinical=str(entry.get("clinical", "")).strip(),
            references=[str(r) for r in entry.get("references", [])],
            line=line, pose=pose,
        ))
    return positions, problems
