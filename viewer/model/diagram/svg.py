"""Reads the diagram SVG: its size, its label groups and the shapes of its regions.

The XML is parsed with the standard library (fast, no entity expansion from
outside the file); the geometry of each filled element inside a region group
is interpreted by svgelements, so paths, arcs, shapes and transforms follow
the SVG specification rather than a hand-written parser.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.model.diagram.geometry import BBox, Command, Shape, shape_from_parts
from viewer.model.core.problems import ContentError, Problem, line_of
from viewer.model.core.record import record
from viewer.model.diagram.svg_safety import element_tree, entity_line, neutralized, unsafe_parts
from viewer.model.core.textfile import read_text

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"
GEOMETRY_TAGS = {"path", "rect", "circle", "ellipse", "polygon", "polyline"}
MAX_SVG_BYTES = 8 * 1024 * 1024


@record
class Diagram:
    """The SVG diagram: its box, the ids of its elements, labels and layers."""

    path: Path
    view_box: BBox
    text: str = field(repr=False)
    element_ids: set[str] = field(default_factory=set)
    label_ids: list[str] = field(default_factory=list)
    layer_ids: list[str] = field(default_factory=list)  # top-level groups shown by the file, back to front
    _root: ET.Element | None = field(default=None, repr=False)
    safe_svg: bytes | None = field(default=None, repr=False)  # set when references were removed

    def line_of_id(self, element_id: str) -> int:
        return line_of(self.text, f'id="{element_id}"')

    def shape_of(self, element_id: str) -> Shape | None:
        """The union of the filled outlines inside the element, or None if it has none."""
        element = self._find(element_id)
        if element is None:
            return None
        parts = [_commands_of(child, transform)
                 for child, transform in _filled_descendants(element, *self._inherited(element))]
        parts = [p for p in parts if p]
        return shape_from_parts(parts) if parts else None

    def _find(self, element_id: str) -> ET.Element | None:
        assert self._root is not None
        return next((el for el in self._root.iter() if el.get("id") == element_id), None)

    def _inherited(self, element: ET.Element) -> tuple[str | None, str]:
        """Fill and transform that the element receives from its ancestors."""
        assert self._root is not None
        parents = {child: parent for parent in self._root.iter() for child in parent}
        fill: str | None = None
        transforms: list[str] = []
        node = parents.get(element)
        while node is not None:
            fill = fill or _fill_of(node)
            if transform := node.get("transform"):
                transforms.insert(0, transform)
            node = parents.get(node)
        return fill, " ".join(transforms)


def load_diagram(path: Path) -> Diagram:
    text = read_text(path, MAX_SVG_BYTES)
    entity = entity_line(text)
    if entity is not None:
        raise ContentError(Problem(path, entity, "the diagram declares XML entities (<!ENTITY>), which can read "
                                                 "other files; remove the DOCTYPE block"))
    ET = element_tree()
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, _column = exc.position
        raise ContentError(Problem(path, line, f"the diagram is not valid SVG/XML: {_parse_message(exc)}")) from exc
    if root.tag != f"{SVG_NS}svg":
        raise ContentError(Problem(path, 1, "the diagram's root element is not <svg> in the SVG namespace"))
    view_box = _view_box(root)
    if view_box is None:
        raise ContentError(Problem(path, line_of(text, "<svg"), "the <svg> element needs a viewBox or width and height"))
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    labels_group = next((el for el in root.iter() if el.get("id") == "labels"), None)
    label_ids = [el.get("id") for el in labels_group if el.get("id")] if labels_group is not None else []
    layer_ids = [el.get("id") for el in root if el.tag == f"{SVG_NS}g" and el.get("id") and not _hidden(el)]
    safe = ET.tostring(neutralized(root), encoding="utf-8") if unsafe_parts(root) else None
    return Diagram(path, view_box, text, ids, label_ids, layer_ids, root, safe)


def unsafe_references(diagram: Diagram) -> list[Problem]:
    """Elements that could pull other files or the network into the view (removed before showing)."""
    assert diagram._root is not None
    problems = []
    for element, what in unsafe_parts(diagram._root):
        tag = element.tag.replace(SVG_NS, "")
        element_id = element.get("id")
        line = diagram.line_of_id(element_id) if element_id else line_of(diagram.text, f"<{tag}")
        problems.append(Problem(diagram.path, line, f"{what}; this is not allowed and is left out of the view"))
    return problems


def _hidden(element: ET.Element) -> bool:
    """A group the file hides (display none): drawn only when the app asks for a part of it by id."""
    style = element.get("style", "").replace(" ", "")
    return element.get("display") == "none" or "display:none" in style


def _parse_message(exc: ET.ParseError) -> str:
    return re.sub(r":\s*line \d+, column \d+$", "", str(exc))


def _view_box(root: ET.Element) -> BBox | None:
    raw = root.get("viewBox")
    try:
        if raw:
            x, y, w, h = (float(v) for v in raw.replace(",", " ").split())
            return BBox(x, y, x + w, y + h)
        width, height = (float(re.sub(r"[a-z%]+$", "", root.get(k, ""))) for k in ("width", "height"))
        return BBox(0, 0, width, height)
    except ValueError:
        return None


def _fill_of(element: ET.Element) -> str | None:
    style = element.get("style", "")
    match = re.search(r"(?:^|;)\s*fill\s*:\s*([^;]+)", style)
    return (match.group(1) if match else element.get("fill") or "").strip() or None


def _filled_descendants(element: ET.Element, fill: str | None, transform: str):
    """Yield (element, transform) for each visible geometry element that is filled."""
    fill = _fill_of(element) or fill
    if element.get("transform"):
        transform = f"{transform} {element.get('transform')}".strip()
    tag = element.tag.replace(SVG_NS, "")
    if tag in GEOMETRY_TAGS and (fill or "black") != "none" and element.get("display") != "none":
        yield element, transform
    for child in element:
        yield from _filled_descendants(child, fill, transform)


def _commands_of(element: ET.Element, transform: str) -> list[Command]:
    import svgelements as se

    kinds = {"path": se.Path, "rect": se.Rect, "circle": se.Circle, "ellipse": se.Ellipse,
             "polygon": se.Polygon, "polyline": se.Polyline}
    values = {k: v for k, v in element.attrib.items() if "}" not in k}
    values.pop("transform", None)
    if transform:
        values["transform"] = transform
    shape = kinds[element.tag.replace(SVG_NS, "")](values)
    path = se.Path(shape)
    path.reify()
    commands: list[Command] = []
    for seg in path.segments():
        if isinstance(seg, se.Move):
            commands.append(("M", seg.end.x, seg.end.y))
        elif isinstance(seg, se.Close):
            commands.append(("Z",))
        elif isinstance(seg, se.Line):
            commands.append(("L", seg.end.x, seg.end.y))
        elif isinstance(seg, se.CubicBezier):
            commands.append(("C", seg.control1.x, seg.control1.y, seg.control2.x, seg.control2.y, seg.end.x, seg.end.y))
        elif isinstance(seg, se.QuadraticBezier):
            commands.append(_quad_to_cubic(seg))
        elif isinstance(seg, se.Arc):
            for cubic in seg.as_cubic_curves():
                commands.append(("C", cubic.control1.x, cubic.control1.y, cubic.control2.x, cubic.control2.y,
                                 cubic.end.x, cubic.end.y))
    return commands


def _quad_to_cubic(seg) -> Command:
    (x0, y0), (cx, cy), (x, y) = (seg.start.x, seg.start.y), (seg.control.x, seg.control.y), (seg.end.x, seg.end.y)
    return ("C", x0 + 2 / 3 * (cx - x0), y0 + 2 / 3 * (cy - y0), x + 2 / 3 * (cx - x), y + 2 / 3 * (cy - y), x, y)


def document_order(diagram: Diagram) -> dict[str, int]:
    """Position of each id in drawing order: later elements are painted on top."""
    assert diagram._root is not None
    return {element_id: index for index, el in enumerate(diagram._root.iter()) if (element_id := el.get("id"))}
