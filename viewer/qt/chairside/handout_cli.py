"""--handout: the same PDF as "Save handout", made without showing a window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from viewer.model.content.loader import Content
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from viewer.model.diagram.regions import Region


def write_region_handout(content: Content, region: Region, output: Path, paper: str, programme=None,
                         variant_id: str = "") -> bool:
    """``variant_id`` (--variant): the nerve type to draw and name, as the window's picker does."""
    from viewer.model.variants.spec import handout_caption, variant_index
    from viewer.qt.diagram.scene import DiagramScene
    from viewer.qt.chairside.handout import build_document, picture_width_px, write_pdf
    from viewer.qt.chairside.handout_picture import render_picture
    from viewer.qt.chairside.handout_labels import kept_label_ids, paper_labels

    # a graphics scene needs the widgets application; no window is shown, so no display is needed
    _app = QApplication.instance() or QApplication(["dgs-viewer", "-platform", "offscreen"])
    scene = DiagramScene(content)
    scene.build_regions()
    variant = next((v for v in content.variants if v.id == variant_id), None)
    if variant is not None and scene.art is not None:
        from viewer.qt.diagram.variant_art import draw_variant, outline_regions

        draw_variant(scene, content.diagram, variant)
        outline_regions(scene, content, variant_index(content, variant), {})  # the highlight follows the nerve
    if region.id in scene.region_items:
        scene.region_items[region.id].set_state(selected=True)
    keep = kept_label_ids(content, region.id)  # on paper: this structure's labels and the nerve's, readable
    scene.set_labels_visible(True, only=keep)
    width_px = picture_width_px(paper, scene.diagram_rect)
    picture = render_picture(scene, scene.diagram_rect, width_px) if content.diagram else None
    labels = paper_labels(content, keep, scene.diagram_rect, width_px) if content.diagram else []
    caption = handout_caption(content.variants, variant.id) if variant is not None else ""
    document = build_document(content, region.lesson, region.name, picture, "", paper, labels=labels,
                              programme=programme, caption=caption)
    return write_pdf(document, Path(output), paper)
