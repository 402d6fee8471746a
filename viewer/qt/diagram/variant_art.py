"""A nerve-piriformis variant drawn on a diagram scene: the window's variant control
(viewer/qt/variants) and the headless --handout (viewer/qt/chairside) draw it the same way."""

from __future__ import annotations

from PySide6.QtGui import QPainterPath

from viewer.model.diagram.geometry import shape_from_parts
from viewer.model.variants.spec import Variant, replacements


def draw_variant(scene, diagram, variant: Variant) -> None:
    """Draw ``variant``'s group in place of the art's part it replaces (nothing for the art as drawn)."""
    substitutes = replacements(diagram, variant)
    scene.art.substitute(substitutes, f"{scene.svg_key}art{variant.id if substitutes else ''}")


def outline_regions(scene, content, index, shown: dict) -> None:
    """Each highlight outlines its structure as drawn in ``index`` (both pieces of a nerve that passes
    the muscle); ``shown`` (region id -> shape outlined) spares the highlights already right."""
    for region_id, item in scene.region_items.items():
        shapes = [r.shape for r in index.regions if r.id == region_id]
        shape = shapes[0] if len(shapes) == 1 else shape_from_parts([list(p) for s in shapes for p in s.parts])
        if shown.get(region_id, content.region(region_id).shape) is not shape:
            shown[region_id] = shape
            item.set_shape(shape, QPainterPath())
