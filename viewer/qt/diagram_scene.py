"""Builds the diagram's scene: the SVG art, one item per label, and the region overlays.

Scene coordinates are the SVG's user units, the same units the model's
shapes and hit-testing use.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem

from viewer.model.content import Content
from viewer.qt.region_item import RegionItem
from viewer.qt.theme import THEME

ART_Z, REGION_Z, LABEL_Z, TAG_Z = 0, 10, 20, 30
MAX_CACHE_SIDE = 16384


class DiagramScene(QGraphicsScene):
    def __init__(self, content: Content, parent=None):
        super().__init__(parent)
        self.content = content
        self.setBackgroundBrush(QColor(THEME.canvas))
        self.renderer: QSvgRenderer | None = None
        self.label_items: dict[str, QGraphicsSvgItem] = {}
        self.region_items: dict[str, RegionItem] = {}
        self.diagram_rect = QRectF(0, 0, 1000, 1250)
        if content.diagram is not None:
            self._add_art()
        else:
            self._add_missing_notice()
        self.setSceneRect(self.diagram_rect)

    def _add_art(self) -> None:
        box = self.content.diagram.view_box
        self.diagram_rect = QRectF(box.left, box.top, box.width, box.height)
        self.renderer = QSvgRenderer(str(self.content.diagram.path), self)
        layers = self.content.diagram.layer_ids
        if "art" not in layers:  # not split into layers: one picture, no per-label control
            self._svg_item("", ART_Z)
            return
        for depth, layer in enumerate(layers):
            if layer == "labels":
                for label_id in self.content.diagram.label_ids:
                    self.label_items[label_id] = self._svg_item(label_id, LABEL_Z)
            else:
                self._svg_item(layer, ART_Z if layer == "art" else LABEL_Z + 1 + depth)

    def _svg_item(self, element_id: str, z: float) -> QGraphicsSvgItem:
        item = QGraphicsSvgItem()
        item.setSharedRenderer(self.renderer)
        if element_id:
            item.setElementId(element_id)
            item.setPos(self.renderer.boundsOnElement(element_id).topLeft())
        else:
            item.setPos(self.diagram_rect.topLeft())
        item.setZValue(z)
        # a cached pixmap per zoom level keeps hover and pan cheap; it is redrawn crisply after a zoom.
        # QGraphicsSvgItem silently stops caching above 1024x768 device pixels unless told otherwise;
        # when the item is larger than the viewport Qt caches only the visible part.
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        item.setMaximumCacheSize(QSize(MAX_CACHE_SIDE, MAX_CACHE_SIDE))
        self.addItem(item)
        return item

    def _add_missing_notice(self) -> None:
        notice = QGraphicsSimpleTextItem("The diagram could not be loaded.\nSee Help ▸ Content problems.")
        notice.setFont(QFont(notice.font().family(), 28))
        notice.setPos(80, 500)
        self.addItem(notice)

    def build_regions(self) -> None:
        """Create the region overlays (parses region shapes from the SVG on first call)."""
        if self.region_items or self.content.diagram is None:
            return
        index = self.content.index()
        z_of = {region.id: z for z, region in enumerate(reversed(index.top_first))}
        for region in index.regions:
            item = RegionItem(region.id, region.name, region.shape)
            item.setZValue(REGION_Z + z_of[region.id] * 0.01)
            self.addItem(item)
            self.region_items[region.id] = item
        for region in index.regions:
            cover = QPainterPath()
            for above in index.covering(region):
                if above.shape.bbox.intersects(region.shape.bbox):
                    cover = cover.united(self.region_items[above.id].path())
            self.region_items[region.id].set_covered_by(cover)

    def set_labels_visible(self, visible: bool, only: set[str] | None = None) -> None:
        for label_id, item in self.label_items.items():
            item.setVisible(visible and (only is None or label_id in only))
