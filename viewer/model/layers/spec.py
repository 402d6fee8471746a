"""The diagram's layers, as regions.toml declares them in ``[[layer]]`` tables, outermost first.

A layer is an SVG group drawn over the ones below it; the last layer is the deep dissection
(the ``art`` group). Adding a layer is a table here and a group in the SVG: no code.
"""

from __future__ import annotations

from pathlib import Path

from viewer.model.core.problems import Problem
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import UniqueIds, parse_toml, table_entries
from viewer.model.diagram.regions import ID_PATTERN


@record
class Layer:
    """One layer: its SVG group, its labels' group and its caption."""

    id: str
    name: str
    element: str
    labels: str
    caption: str
    line: int


def load_layers(path: Path) -> tuple[list[Layer], list[Problem]]:
    """The ``[[layer]]`` tables of regions.toml; a file without any has one layer, the whole art."""
    try:
        text = read_text(path)
        data = parse_toml(text, path)
    except Exception:  # noqa: BLE001 -- load_regions reports an unreadable file; nothing to add here
        return [], []
    entries = data.get("layer", [])
    if not isinstance(entries, list):
        return [], [Problem(path, 1, "'layer' must be a list of [[layer]] tables")]
    layers: list[Layer] = []
    problems: list[Problem] = []
    ids = UniqueIds(path, "layer")
    for number, (line, entry) in enumerate(table_entries(text, entries, "layer"), start=1):
        layer_id = entry.get("id")
        if not isinstance(layer_id, str) or not ID_PATTERN.match(layer_id):
            problems.append(Problem(path, line, f"layer {number} needs an id of lowercase letters, digits and hyphens"))
            continue
        if (repeated := ids.repeated(layer_id, line)) is not None:
            problems.append(repeated)
            continue
        if not isinstance(entry.get("element"), str):
            problems.append(Problem(path, line, f"layer '{layer_id}' needs an element (the id of its SVG group)"))
            continue
        layers.append(Layer(id=layer_id, name=str(entry.get("name", layer_id)).strip(), element=entry["element"],
                            labels=str(entry.get("labels", "")), caption=str(entry.get("caption", "")), line=line))
    return layers, problems


def layer_of(region, layers: list[Layer]) -> str:
    """The id of the layer ``region`` belongs to: its ``layer``, else the deepest layer."""
    return region.layer or (layers[-1].id if layers else "")


def check_layers(layers: list[Layer], regions, diagram, path: Path) -> list[Problem]:
    """Every layer's groups exist in the SVG and a superficial layer has something to draw;
    every region names a known layer."""
    problems = []
    known = {layer.id for layer in layers}
    for region in regions:
        if region.layer and region.layer not in known:
            problems.append(Problem(path, region.line, f"region '{region.id}' is on layer '{region.layer}', which "
                                                       f"no [[layer]] declares (known: {', '.join(sorted(known)) or 'none'})"))
    if diagram is None:
        return problems
    for number, layer in enumerate(layers):
        for what, element in (("element", layer.element), ("labels", layer.labels), ("caption", layer.caption)):
            if element and element not in diagram.element_ids:
                problems.append(Problem(path, layer.line, f"layer '{layer.id}' names {what} '{element}', "
                                                          f"which is not in {diagram.path.name}"))
        superficial = number < len(layers) - 1
        if superficial and layer.element in diagram.element_ids and cover_of(diagram, layer) is None:
            problems.append(Problem(diagram.path, diagram.line_of_id(layer.element),
                                    f"layer '{layer.id}': group '{layer.element}' has no filled shape to draw"))
    return problems


def cover_of(diagram, layer: Layer):
    """The outline of what the layer paints: what it hides of the layers below (its labels are a
    group of their own, outside it)."""
    return diagram.shape_of(layer.element)
