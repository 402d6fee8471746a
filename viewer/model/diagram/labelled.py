"""Structures the diagram labels (a label group's data-structure="<art id>") and what is under a point.

For telling a user what they clicked when it is not one of the clickable regions (say, the adductor
magnus in a Find-it quiz): drawn and labelled, but not something the app asks about.
"""

from __future__ import annotations

from viewer.model.core.record import record
from viewer.model.diagram.geometry import Shape


@record
class LabelledStructure:
    label_id: str
    art_id: str
    name: str
    shape: Shape


def labelled_structures(diagram) -> list[LabelledStructure]:
    """Every art group a label points at, with the name it is labelled with, front-most first."""
    root = getattr(diagram, "_root", None)
    if root is None:
        return []
    order = {element.get("id"): n for n, element in enumerate(root.iter()) if element.get("id")}
    found: dict[str, LabelledStructure] = {}
    for group in root.iter():
        art_id = group.get("data-structure")
        if not art_id or art_id in found or art_id not in order:
            continue
        shape = diagram.shape_of(art_id)
        if shape is None:
            continue
        name = _label_text(group) or art_id.replace("-", " ")
        found[art_id] = LabelledStructure(group.get("id") or "", art_id, name, shape)
    return sorted(found.values(), key=lambda s: -order[s.art_id])


def structure_at(structures: list[LabelledStructure], x: float, y: float) -> LabelledStructure | None:
    """The front-most labelled structure drawn at (x, y), or None."""
    return next((s for s in structures if s.shape.contains(x, y)), None)


def _label_text(group) -> str:
    words = [" ".join("".join(el.itertext()).split()) for el in group.iter() if el.tag.endswith("text")]
    return " ".join(w for w in words if w)
