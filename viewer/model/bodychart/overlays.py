"""The body chart's teaching overlays (lessons/bodychart.toml): each names an SVG group of
resources/bodychart.svg, with plain and clinical text and its sources."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from viewer.model.core.problems import ContentError, Problem
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import UniqueIds, parse_toml, table_entries

CHART_SVG = "bodychart.svg"
OUTLINE_ID = "outline"


@record
class Overlay:
    id: str
    name: str
    element: str
    patient: str
    clinical: str
    references: list[str] = field(default_factory=list)
    line: int = 1


@record
class ChartText:
    """The overlays and the caveat shown with them."""

    path: Path                   # lessons/bodychart.toml (it may be missing: no overlays)
    overlays: list[Overlay] = field(default_factory=list)
    caveat: str = ""
    caveat_lesson: str = ""
    references: list[str] = field(default_factory=list)


def load_chart_text(path: Path) -> tuple[ChartText, list[Problem]]:
    if not path.exists():
        return ChartText(path=path), []
    text = read_text(path)
    try:
        data = parse_toml(text, path)
    except ContentError as exc:
        return ChartText(path=path), [exc.problem]
    problems, overlays, ids = [], [], UniqueIds(path, "overlay")
    for line, entry in table_entries(text, data.get("overlay", []), "overlay"):
        overlay_id, element = str(entry.get("id", "")).strip(), str(entry.get("element", "")).strip()
        if not overlay_id or not element or not str(entry.get("name", "")).strip():
            problems.append(Problem(path, line, "each [[overlay]] needs an id, a name and an element"))
            continue
        if (repeated := ids.repeated(overlay_id, line)) is not None:
            problems.append(repeated)
            continue
        overlays.append(Overlay(id=overlay_id, name=str(entry["name"]).strip(), element=element,
                                patient=str(entry.get("patient", "")).strip(),
                                clinical=str(entry.get("clinical", "")).strip(),
                                references=[str(r) for r in entry.get("references", [])], line=line))
    return ChartText(overlays=overlays, caveat=str(data.get("caveat", "")).strip(),
                     caveat_lesson=str(data.get("caveat_lesson", "")).strip(),
                     references=[str(r) for r in data.get("references", [])], path=path), problems


def check_chart(chart: ChartText, svg_ids: set[str], lessons: set[str], bibliography: set[str]) -> list[Problem]:
    """Cross-checks for --check: every overlay's SVG group, sources and the caveat's lesson exist."""
    problems = []
    path = chart.path
    if OUTLINE_ID not in svg_ids:
        problems.append(Problem(path, 1, f"{CHART_SVG} has no '{OUTLINE_ID}' group"))
    for overlay in chart.overlays:
        if overlay.element not in svg_ids:
            problems.append(Problem(path, overlay.line, f"overlay '{overlay.id}' names SVG group '{overlay.element}', "
                                                        f"which is not in {CHART_SVG}"))
        if not overlay.references:
            problems.append(Problem(path, overlay.line, f"overlay '{overlay.id}' cites no source"))
        for key in overlay.references:
            if key not in bibliography:
                problems.append(Problem(path, overlay.line, f"overlay '{overlay.id}': reference '{key}' is not in "
                                                            "lessons/references.toml"))
    if chart.caveat_lesson and chart.caveat_lesson not in lessons:
        problems.append(Problem(path, 1, f"caveat_lesson '{chart.caveat_lesson}' is not a lesson"))
    return problems
