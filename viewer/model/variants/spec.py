"""The nerve-piriformis variants, as regions.toml declares them in ``[[variant]]`` tables.

Each variant is an SVG group in the hidden ``variants`` group of diagram.svg. Its
``data-replaces`` attribute names the part of the deep art it is drawn instead of (the
piriformis region); its child groups name the region they belong to in ``data-region``, so the
redrawn muscle and nerve stay clickable. A variant with no ``data-replaces`` is the art as drawn.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from viewer.model.core.problems import Problem
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import key_lines, parse_toml, table_array_lines
from viewer.model.diagram.geometry import shape_from_parts

VARIANT_ID = re.compile(r"^[A-Z]$")
# The words each type needs, and where the user reads them: --check names any missing or empty one.
WORDS = {"description": "the path of the nerve in a few words, shown in the picker and the View menu",
         "short": "the caption under the type's picture in the picker",
         "plain": "the path in a patient's words, printed on the handout",
         "how_common": "how often the type is found, in a patient's words, printed on the handout"}


@record
class Variant:
    id: str           # "A".."F"
    name: str         # "Type B"
    description: str  # what the nerve does, in a few words
    element: str      # its SVG group
    line: int
    short: str = ""   # a caption of a few words for the picker
    plain: str = ""   # the path in a patient's words (the handout)
    how_common: str = ""  # how often it is found, in a patient's words


def handout_line(variant: Variant) -> str:
    """The handout's sentence naming the type shown, from regions.toml's words ("" if it has none)."""
    if not variant.plain:
        return ""
    common = f" ({variant.how_common})" if variant.how_common else ""
    return f"Nerve variant shown: {variant.name[:1].lower()}{variant.name[1:]} \u2014 {variant.plain}{common}."


def handout_caption(variants: list[Variant], chosen: str) -> str:
    """The handout's line for the type drawn (the window's and --handout's): none for the usual path,
    the first type declared (A), which the picture shows anyway."""
    variant = next((v for v in variants if v.id == chosen), None)
    if variant is None or variant is variants[0]:
        return ""
    return handout_line(variant)


def load_variants(path: Path) -> tuple[list[Variant], list[Problem]]:
    try:
        text = read_text(path)
        data = parse_toml(text, path)
    except Exception:  # noqa: BLE001 -- load_regions reports an unreadable file
        return [], []
    entries = data.get("variant", [])
    if not isinstance(entries, list):
        return [], [Problem(path, 1, "'variant' must be a list of [[variant]] tables")]
    lines = table_array_lines(text, "variant")
    variants: list[Variant] = []
    problems: list[Problem] = []
    for number, entry in enumerate(entries, start=1):
        line = lines[number - 1] if number <= len(lines) else 1
        variant_id = entry.get("id")
        if not isinstance(variant_id, str) or not VARIANT_ID.match(variant_id):
            problems.append(Problem(path, line, f"variant {number} needs an id of one capital letter (A-F)"))
            continue
        if any(v.id == variant_id for v in variants) or not isinstance(entry.get("element"), str):
            problems.append(Problem(path, line, f"variant '{variant_id}' is declared twice or has no element"))
            continue
        problems += _missing_words(path, variant_id, entry, line, key_lines(text, line))
        variants.append(Variant(variant_id, str(entry.get("name", f"Type {variant_id}")),
                                str(entry.get("description", "")).strip(), entry["element"], line,
                                str(entry.get("short", "")).strip(), str(entry.get("plain", "")).strip(),
                                str(entry.get("how_common", "")).strip()))
    return variants, problems


def _missing_words(path: Path, variant_id: str, entry: dict, header: int, lines: dict[str, int]) -> list[Problem]:
    """A problem for each of WORDS that is missing (at the table's header), empty or not text (at its line)."""
    problems = []
    for key, what in WORDS.items():
        value = entry.get(key)
        if key not in entry:
            problems.append(Problem(path, header, f"variant '{variant_id}' has no '{key}': {what}"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(path, lines.get(key, header), f"variant '{variant_id}': '{key}' is "
                                    f"{'empty' if isinstance(value, str) else 'not text'}; it is {what}"))
    return problems


def _element(diagram, element_id: str):
    return next((el for el in diagram._root.iter() if el.get("id") == element_id), None)


def replacements(diagram, variant: Variant) -> dict[str, str]:
    """{id of the art's part: id of the variant group drawn instead}."""
    group = _element(diagram, variant.element)
    replaced = group.get("data-replaces", "") if group is not None else ""
    return {part: variant.element for part in replaced.split()}


def pieces(diagram, variant: Variant) -> list[tuple[str, str]]:
    """(region id, SVG group id) of each piece of the variant, in drawing order (back to front)."""
    group = _element(diagram, variant.element)
    return [(child.get("data-region"), child.get("id")) for child in (group if group is not None else [])
            if child.get("data-region") and child.get("id")]


def check_variants(variants: list[Variant], regions, diagram, path: Path) -> list[Problem]:
    problems: list[Problem] = []
    if diagram is None:
        return problems
    art = _element(diagram, "art")
    art_parts = {child.get("id") for child in art} if art is not None else set()
    known = {r.id for r in regions}
    for variant in variants:
        if variant.element not in diagram.element_ids:
            problems.append(Problem(path, variant.line, f"variant '{variant.id}' names SVG group '{variant.element}', "
                                                        f"which is not in {diagram.path.name}"))
            continue
        line = diagram.line_of_id(variant.element)
        for part in replacements(diagram, variant):
            if part not in art_parts:
                problems.append(Problem(diagram.path, line, f"variant '{variant.id}' replaces '{part}', which is not a "
                                                            "part of the art group"))
        for region_id, piece in pieces(diagram, variant):
            if region_id not in known:
                problems.append(Problem(diagram.path, diagram.line_of_id(piece),
                                        f"piece '{piece}' of variant '{variant.id}' names unknown region '{region_id}'"))
            elif diagram.shape_of(piece) is None:
                problems.append(Problem(diagram.path, diagram.line_of_id(piece),
                                        f"piece '{piece}' of variant '{variant.id}' has no filled shape to click"))
    return problems


def variant_index(content, variant: Variant | None):
    """The picking index with this variant drawn: a replaced region takes the variant's pieces as its
    shape; a piece drawn over the muscle (a nerve division through or above it) is picked above it."""
    from viewer.model.diagram.hittest import RegionIndex
    from viewer.model.diagram.svg import document_order

    base = content.index()
    if variant is None or content.diagram is None:
        return base
    diagram = content.diagram
    replaced = replacements(diagram, variant)
    if not replaced:
        return base
    z_order = dict(document_order(diagram))
    order = z_order.get(variant.element, 0)
    regions, on_top = [], []
    piece_parts: dict[str, list] = {}
    for region_id, piece in pieces(diagram, variant):
        shape = diagram.shape_of(piece)
        if shape is not None:
            piece_parts.setdefault(region_id, []).extend(shape.parts)
    for region in base.regions:
        if region.element in replaced:  # drawn anew: the pieces are all of it
            parts = piece_parts.get(region.id)
            regions.append(replace(region, shape=shape_from_parts([list(p) for p in parts])) if parts else region)
            z_order[region.element] = order
        elif region.id in piece_parts:  # drawn as before, plus pieces over the replaced part
            regions.append(region)
            pieced = replace(region, shape=shape_from_parts([list(p) for p in piece_parts[region.id]]),
                             element=f"{region.element}@{variant.element}")
            z_order[pieced.element] = order + 1
            on_top.append(pieced)
        else:
            regions.append(region)
    return RegionIndex(regions + on_top, z_order, base.layers, base.base)
