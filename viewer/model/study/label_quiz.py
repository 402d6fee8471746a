"""The label quiz (image occlusion): every label of the diagram, not only the clickable structures.

Reads each label group of the SVG's "labels" layer: its text, where the text sits (so the Qt side
can cover exactly the words and leave the leader line pointing at the structure) and which region
lists it. Card ids are "label:<label group id>".
"""

from __future__ import annotations

import random
import re

from viewer.model.study.quiz import NAME_CHOICES, Task, label_matches, label_names, normalise  # noqa: F401 -- label_matches, label_names: here too, where a reader looks for them
from viewer.model.core.record import record

SVG_NS = "{http://www.w3.org/2000/svg}"


@record(frozen=True)
class TextLine:
    x: float
    y: float           # the baseline
    text: str


@record(frozen=True)
class DiagramLabel:
    id: str
    text: str                    # every line, joined: "Hamstring origin (conjoint tendon)"
    lines: tuple[TextLine, ...]
    anchor: str                  # SVG text-anchor: "start", "middle" or "end"
    font_size: float
    font_family: str
    region: str | None           # the region whose labels list holds it

    @property
    def card_id(self) -> str:
        return f"label:{self.id}"


def diagram_labels(diagram, regions) -> list[DiagramLabel]:
    """Every label group that has text, in the SVG's order. None or an unparsed diagram gives []."""
    root = getattr(diagram, "_root", None)
    if root is None:
        return []
    layer = next((el for el in root.iter() if el.get("id") == "labels"), None)
    if layer is None:
        return []
    owner = {label: region.id for region in regions for label in getattr(region, "labels", []) or []}
    labels = []
    for group in layer:
        label_id = group.get("id")
        texts = [el for el in group.iter() if el.tag in (f"{SVG_NS}text", "text")]
        lines = tuple(TextLine(_number(el.get("x")), _number(el.get("y")), " ".join("".join(el.itertext()).split()))
                      for el in texts)
        lines = tuple(line for line in lines if line.text)
        if not label_id or not lines:
            continue
        first = texts[0]
        labels.append(DiagramLabel(
            label_id, " ".join(line.text for line in lines), lines,
            _attribute(first, group, "text-anchor") or "start",
            _number(_attribute(first, group, "font-size"), 16.0) or 16.0,
            (_attribute(first, group, "font-family") or "").split(",")[0].strip().strip("'\""),
            owner.get(label_id)))
    return labels


def _attribute(element, group, name: str) -> str | None:
    """An attribute, or the same property in a style="..." on the element or its group."""
    for node in (element, group):
        if node.get(name):
            return node.get(name)
        match = re.search(rf"(?:^|;)\s*{name}\s*:\s*([^;]+)", node.get("style") or "")
        if match:
            return match.group(1).strip()
    return None


def _number(value, default: float = 0.0) -> float:
    match = re.match(r"\s*(-?[\d.]+)", value or "")
    try:
        return float(match.group(1)) if match else default
    except ValueError:
        return default


# ----- tasks ---------------------------------------------------------------------------------------------
PROMPT = "What does the highlighted label say?"


def label_task(label: DiagramLabel, labels: list[DiagramLabel], rng: random.Random) -> Task:
    """Four options: the label's text and three others (the diagram's own labels, so all plausible)."""
    others = list(dict.fromkeys(other.text for other in labels if normalise(other.text) != normalise(label.text)))
    options = rng.sample(others, min(len(others), NAME_CHOICES - 1)) + [label.text]
    rng.shuffle(options)
    return Task(label.card_id, "label", PROMPT, label.region, "anatomy", choices=options,
                answer=options.index(label.text), label=label.id)


def label_tasks(labels: list[DiagramLabel], rng: random.Random, limit: int) -> list[Task]:
    chosen = list(labels)
    rng.shuffle(chosen)
    return [label_task(label, labels, rng) for label in chosen[:limit]]
