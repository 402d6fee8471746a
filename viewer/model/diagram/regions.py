"""The clickable regions of the diagram, as declared in resources/regions.toml.

Each region names the SVG group that holds its drawn shape, the lesson it
opens and its label group. The file's order is the anatomical order used for
keyboard navigation, top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path

from viewer.model.diagram.geometry import Shape
from viewer.model.core.problems import ContentError, Problem
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import UniqueIds, parse_toml, table_entries

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@record
class Region:
    """A clickable structure on the diagram, as regions.toml declares it."""

    id: str
    name: str
    element: str
    lesson: str | None
    description: str
    labels: list[str]
    line: int
    shape: Shape | None = None
    aliases: list[str] = field(default_factory=list)  # other names accepted when typing it in a quiz
    layer: str = ""  # the [[layer]] it is drawn on; "" = the deepest (viewer/model/layers)


@record
class RegionFile:
    """regions.toml: which diagram, and its regions in keyboard order."""

    path: Path
    diagram: str
    regions: list[Region]


def load_regions(path: Path) -> tuple[RegionFile, list[Problem]]:
    """Read the region list; broken entries are reported and skipped."""
    text = read_text(path)
    data = parse_toml(text, path)
    problems: list[Problem] = []
    diagram = data.get("diagram", "diagram.svg")
    entries = data.get("region", [])
    if not isinstance(entries, list) or not entries:
        raise ContentError(Problem(path, 1, "no [[region]] entries found"))
    regions: list[Region] = []
    ids = UniqueIds(path, "region")
    for number, (line, entry) in enumerate(table_entries(text, entries, "region"), start=1):
        region_id = entry.get("id")
        if not isinstance(region_id, str) or not ID_PATTERN.match(region_id):
            problems.append(Problem(path, line, f"region {number} needs an id of lowercase letters, digits and hyphens"))
            continue
        if (repeated := ids.repeated(region_id, line)) is not None:
            problems.append(repeated)
            continue
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(path, line, f"region '{region_id}' needs a name"))
            continue
        regions.append(Region(
            id=region_id,
            name=name.strip(),
            element=str(entry.get("element", f"region-{region_id}")),
            lesson=entry.get("lesson"),
            description=str(entry.get("description", "")).strip(),
            labels=_labels(entry, region_id),
            aliases=[str(a).strip() for a in entry.get("aliases", []) if str(a).strip()]
            if isinstance(entry.get("aliases", []), list) else [],
            line=line,
            layer=str(entry.get("layer", "")).strip(),
        ))
    return RegionFile(path, str(diagram), regions), problems


def _labels(entry: dict, region_id: str) -> list[str]:
    """``labels`` (a list) or ``label`` (one id); by default ``label-<id>``."""
    labels = entry.get("labels", entry.get("label", f"label-{region_id}"))
    return [str(labels)] if isinstance(labels, str) else [str(label) for label in labels]
