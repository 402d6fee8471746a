"""Builds the diagram's scene: the SVG art, one item per label, and the region overlays.

Scene coordinates are the SVG's user units, the same units the model's
shapes and hit-testing use. Everything is drawn from cached pictures
(viewer/qt/diagram/tile_art.py), so hover, click and pan copy pixels.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from viewer.model.content.loader import Content
from viewer.model.core.cache_store import CacheStore, cache_key
from viewer.qt.diagram import label_store
from viewer.qt.app.enum_free import solid_brush
from viewer.qt.diagram.svg_source import SvgSource
from viewer.qt.app.theme import THEME
from viewer.qt.diagram.tile_art import SETTLE_MS, ArtLayer, SvgElementItem, picture_key
from PySide6.QtGui import QFont

if TYPE_CHECKING:
    from viewer.model.diagram.svg import Diagram

ART_Z, REGION_Z, LABEL_Z, TAG_Z = 0, 10, 20, 30
GROWN_KEPT = 6  # label layouts kept (text sizes, presentation's few labels), each a parsed copy of the SVG
WARM_LIMIT = 64  # regions whose highlight pictures are drawn ahead, while idle


def _rect_list(rect: QRectF) -> list[float]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _is_rect(value) -> bool:
    return isinstance(value, list) and len(value) == 4 and all(isinstance(v, (int, float)) for v in value)


def _inked(element_id: str) -> bool:
    """Whether an SVG element is words and pointers (labels, captions, the orientation key), drawn in a
    dark theme's ink, rather than art (a layer's body), which keeps its colours."""
    return element_id.startswith(("label", "caption")) or element_id == "orientation"


def _grows(element_id: str) -> bool:
    """Whether an SVG element holds label words that grow with the text size (a label, a layer's labels)."""
    return element_id.startswith(("label-", "labels-"))


def _styled(element) -> bool:
    """Whether a group carries anything that must apply to it as a whole (not child by child)."""
    return any(name in element.attrib for name in ("opacity", "filter", "mask", "clip-path", "style", "transform"))


class DiagramScene(QGraphicsScene):
    def __init__(self, content: Content, parent=None, cache: CacheStore | None = None):
        super().__init__(parent)
        self.content = content
        self.cache = cache or CacheStore(None)  # the app's caches (AppContext.cache); none: nothing kept on disk
        self.setBackgroundBrush(solid_brush(THEME.canvas))
        self.svg: SvgSource | None = None
        self._labels_kept_for: tuple | None = None  # the zoom whose label pictures are kept on disk
        self._keeping_labels = False  # a save of the labels' pictures is due after this frame
        self._to_warm: list = []  # items whose pictures for the current zoom are drawn while idle
        self.label_items: dict[str, SvgElementItem] = {}
        self.art: ArtLayer | None = None
        self.region_items: dict = {}  # region id -> viewer.qt.diagram.region_item.RegionItem, made after the first frame
        self._svg_items: dict[str, SvgElementItem] = {}
        self.label_ink = self._label_halo = ""  # the theme's colours for labels ("": as drawn), see use_ink
        self.label_scale = 1.0  # the labels' words at the user's text size (set_label_scale)
        self._grown: dict[tuple, tuple] = {}  # (scale, labels laid out) -> (its SVG's source, placed labels)
        self._label_layout: tuple = (1.0, None)  # the key of the layout in use
        self._label_only: frozenset | None = None  # the labels layer's labels shown, if not all
        self._label_sizes: tuple = ()  # the text sizes a crowded layout may fall back to
        self._drawn_bounds: dict[str, QRectF] = {}  # each grown item's bounds as the SVG itself draws it
        self._rects_at_one: dict[str, QRectF] | None = None
        self.diagram_rect = QRectF(0, 0, 1000, 1250)
        if content.diagram is not None:
            self._add_art(content.diagram)
        else:
            self._add_missing_notice()
        self.setSceneRect(self.diagram_rect)

    def _add_art(self, diagram: Diagram) -> None:
        box = diagram.view_box
        self.diagram_rect = QRectF(box.left, box.top, box.width, box.height)
        self.svg = SvgSource(diagram.safe_svg, diagram.path, self)  # cleaned bytes when the SVG referred to files or the web
        source = diagram.safe_svg or diagram.text
        source = source.encode("utf-8") if isinstance(source, str) else bytes(source)
        identity = source + f"|{PySide6.__version__}|{self.diagram_rect.getRect()}".encode()
        self.svg_key = cache_key(identity)
        self._known = self._read_layout_cache()
        layers = diagram.layer_ids
        if "art" not in layers:  # not split into layers: one picture, no per-label control
            self._add_art_layer("")
        else:
            for depth, layer in enumerate(layers):
                if layer == "labels":
                    for label_id in diagram.label_ids:
                        self.label_items[label_id] = self._svg_item(label_id, LABEL_Z)
                elif layer == "art":
                    self._add_art_layer(layer)
                else:
                    self._svg_item(layer, LABEL_Z + 1 + depth)
        if self._known.get("key") != self.svg_key:
            self._write_layout_cache()
        self._labels_kept_for = label_store.load(self.cache, self.svg_key, self._svg_items)

    @property
    def _diagram(self) -> Diagram:
        """The diagram drawn. The label methods are reached only when there is one: without it the
        scene shows a notice and no labels."""
        if self.content.diagram is None:
            raise LookupError("no diagram loaded")
        return self.content.diagram

    @property
    def renderer(self):
        """The diagram's QSvgRenderer, made on first use (None without a diagram)."""
        return self.svg.renderer if self.svg is not None else None

    def prepare_renderer(self) -> None:
        """Parse the SVG now (while idle), so the first zoom does not wait for it."""
        if self.svg is not None:
            self.svg.renderer  # noqa: B018 -- made on first use

    # Label bounds (QSvgRenderer.boundsOnElement, slow for many labels) and the art layer's part ids
    # (needs the parsed SVG) are the same on every start for the same SVG: kept in the data folder.
    def _read_layout_cache(self) -> dict:
        raw = self.cache.read("layout", self.svg_key, ".json")
        try:
            known = json.loads(raw.decode("utf-8")) if raw is not None else {}
            if (isinstance(known, dict) and known.get("key") == self.svg_key and isinstance(known.get("bounds"), dict)
                    and all(_is_rect(rect) for rect in known["bounds"].values())
                    and (known.get("art") is None or _is_rect(known["art"]))
                    and (known.get("parts") is None or (isinstance(known["parts"], list)
                                                        and all(isinstance(p, str) for p in known["parts"])))):
                return known
        except ValueError:
            pass
        return {"bounds": {}}  # missing or damaged: measured again and rewritten

    def _write_layout_cache(self) -> None:
        bounds = {element: _rect_list(item.bounds) for element, item in self._svg_items.items()}
        art = self.art
        layout = {"key": self.svg_key, "bounds": bounds, "parts": art.part_ids if art is not None else None,
                  "art": _rect_list(art.bounds) if art is not None else None}
        self.cache.write("layout", self.svg_key, ".json", json.dumps(layout).encode())  # failing: measured next time

    def _add_art_layer(self, element_id: str) -> None:
        """The big picture: drawn from a cached base image and zoom tiles (viewer/qt/diagram/tile_art.py)."""
        known = self._known.get("art")
        self.art = ArtLayer(self.svg, element_id, self.diagram_rect, self, QRectF(*known) if known else None)
        self.art.cache_key = f"{self.svg_key}{element_id}"
        self.art.cache = self.cache
        parts = self._known.get("parts")
        if "key" not in self._known:
            parts = []
            root = getattr(self.content.diagram, "_root", None)  # the parsed SVG: its layer's children
            layer = next((el for el in root if el.get("id") == element_id), None) if root is not None else None
            if layer is not None and all(child.get("id") for child in layer) and not _styled(layer):
                parts = [child.get("id") for child in layer]
        self.art.part_ids = parts or []  # only these children are drawn into each tile they reach
        self.art.setZValue(ART_Z)
        self.addItem(self.art)

    def svg_item(self, element_id: str, z: float | None = None) -> SvgElementItem | None:
        """The item drawing SVG element ``element_id``; made (at ``z``) if ``z`` is given and there is none."""
        item = self._svg_items.get(element_id)
        if item is None and z is not None and self.svg is not None:
            item = self._svg_item(element_id, z)
        return item

    def _svg_item(self, element_id: str, z: float) -> SvgElementItem:
        """A label or small layer: its own item, so it can be shown and hidden alone."""
        known = self._known["bounds"].get(element_id)
        item = SvgElementItem(self.svg, element_id, QRectF(*known) if known else None)
        self._svg_items[element_id] = item
        if _grows(element_id):
            self._drawn_bounds[element_id] = item.bounds
            if self.label_scale != 1.0:
                source = self._grown[self._label_layout][0]
                item.use_source(source, source.renderer.boundsOnElement(element_id))
        if self.label_ink and _inked(element_id):
            item.set_ink(self.label_ink, self._label_halo)
        item.setZValue(z)
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
        from viewer.qt.diagram.region_item import RegionItem

        index = self.content.index()
        z_of = {region.id: z for z, region in enumerate(reversed(index.top_first))}
        for region, shape in index.placed:
            item = RegionItem(region.id, region.name, shape)
            item.clip_to(self.diagram_rect)
            item.setZValue(REGION_Z + z_of[region.id] * 0.01)
            self.addItem(item)
            self.region_items[region.id] = item
        for region, shape in index.placed:
            covering = [above for above, above_shape in index.placed_above(region) if above_shape.bbox.intersects(shape.bbox)]
            self.region_items[region.id].set_covered_by([self.region_items[above.id] for above in covering])
        # labels first (any repaint over them needs their pictures), then the regions' highlights
        self._to_warm = [*self.label_items.values(), *list(self.region_items.values())[:WARM_LIMIT]]
        self._warm_timer().start(0)

    def label_drawn_straight(self) -> None:
        """A label (or small layer) was drawn from the SVG, with no picture kept from the last run: once
        this frame is done, draw each one's picture for this zoom and keep them for the next start."""
        if not self._keeping_labels:
            self._keeping_labels = True
            QTimer.singleShot(0, self, self._keep_label_pictures)  # dropped if the scene is gone

    def _keep_label_pictures(self) -> None:
        self._keeping_labels = False
        views = self.views()
        if not views or not self._svg_items or self._label_layout[1] is not None:
            return
        transform = views[0].viewportTransform()
        if self._labels_kept_for == picture_key(transform, None):
            return
        for item in self._svg_items.values():
            item.warm(transform)
        if label_store.save(self.cache, self.label_store_key, self._svg_items, transform):
            self._labels_kept_for = picture_key(transform, None)

    def warm_when_settled(self, item) -> None:
        """A label drawn straight while the view moves gets its picture once the view has stopped."""
        if item not in self._to_warm:
            self._to_warm.append(item)
        self._warm_timer().start(SETTLE_MS)

    def view_moved(self) -> None:
        """The view pans or zooms: pictures still to draw wait until it stops, so the moving stays smooth."""
        timer = self.__dict__.get("_timer_for_warming")
        if timer is not None and timer.isActive():
            timer.start(SETTLE_MS)

    def _warm_timer(self) -> QTimer:
        timer = self.__dict__.get("_timer_for_warming")
        if timer is None:
            timer = self._timer_for_warming = QTimer(self)  # a child: it stops with the scene
            timer.setSingleShot(True)
            timer.timeout.connect(self._warm_some)
        return timer

    def _warm_some(self) -> None:
        """While idle, draw the pictures of labels and of each region's hover and selected states for the
        current zoom, a turn of the event loop at a time."""
        views = self.views()
        if not views or not self._to_warm:
            return
        transform = views[0].viewportTransform()
        started = time.perf_counter()
        while self._to_warm and time.perf_counter() - started < 0.008:
            self._to_warm.pop(0).warm(transform)
        if self._to_warm:
            self._warm_timer().start(0)

    def use_ink(self, ink: str = "", halo: str = "") -> None:
        """Labels, captions and the orientation key in a theme's ink (see SvgElementItem.set_ink); "" as
        drawn. Layer bodies keep their colours. Pictures kept between runs are kept per ink."""
        if ink == self.label_ink:
            return
        self.label_ink, self._label_halo = ink, halo
        for element_id, item in self._svg_items.items():
            if _inked(element_id):
                item.set_ink(ink, halo)
        self._labels_kept_for = (label_store.load(self.cache, self.label_store_key, self._svg_items)
                                 if self._svg_items else None)

    @property
    def label_store_key(self) -> str:
        """Names the labels' kept pictures: per SVG, ink and text size (a 100% picture never shows at 200%)."""
        key = getattr(self, "svg_key", "")
        key = f"{key}-{self.label_ink.lstrip('#')}" if self.label_ink else key
        return f"{key}-s{round(self.label_scale * 100)}" if self.label_scale != 1.0 else key

    def set_label_scale(self, scale: float, sizes=()) -> None:
        """Draw the labels' words ``scale`` times their size in the SVG, placed clear of one another (or
        at the largest of ``sizes`` that fits: viewer/model/diagram/label_layout.py); 1.0: as drawn."""
        diagram = self.content.diagram
        if self.svg is None or diagram is None or "labels" not in diagram.layer_ids:
            return
        self._label_sizes = tuple(sizes) or self._label_sizes
        self._use_label_layout(scale, self._label_only)

    def _use_label_layout(self, scale: float, only: frozenset | None) -> None:
        """Labels at ``scale``, laid out among ``only`` those of the labels layer (None: all of them)."""
        key = (scale, only if scale != 1.0 else None)
        if key == self._label_layout:
            return
        if scale != 1.0 and key not in self._grown:
            from viewer.qt.diagram.label_scale import GrownSource, grown_svg, place_labels

            while len(self._grown) >= GROWN_KEPT:
                self._grown.pop(next(iter(self._grown)))[0].renderer.deleteLater()
            diagram = self._diagram
            placed = place_labels(diagram, scale, self._label_sizes, self.diagram_rect, only)
            source = diagram.safe_svg or diagram.text.encode("utf-8")
            self._grown[key] = (GrownSource(grown_svg(source, diagram, placed), self), placed)
        self.label_scale, self._label_layout = scale, key
        grown = self._grown[key][0] if scale != 1.0 else None
        for element_id, item in self._svg_items.items():
            if element_id in self._drawn_bounds:
                if grown is None:
                    item.use_source(self.svg, self._drawn_bounds[element_id])
                else:
                    item.use_source(grown, grown.renderer.boundsOnElement(element_id))
        if key[1] is not None:  # a few labels laid out alone (presentation): pictures made, not kept on disk
            self._labels_kept_for = None
            return
        self._labels_kept_for = label_store.load(self.cache, self.label_store_key, self._svg_items)
        if self._labels_kept_for is None and self.views():
            self.label_drawn_straight()  # pictures for this size, kept for the next start at it

    def placed_labels(self) -> dict:
        """The labels' placement at the current text size (label id -> PlacedLabel); {} at 100%."""
        return self._grown[self._label_layout][1] if self.label_scale != 1.0 else {}

    def labels_svg(self) -> bytes:
        """The SVG the labels are drawn from now (the grown copy above 100%)."""
        if self.label_scale != 1.0:
            return self._grown[self._label_layout][0].data
        diagram = self._diagram
        return diagram.safe_svg or diagram.text.encode("utf-8")

    def label_word_rects(self) -> dict[str, QRectF]:
        """Where each label's words are drawn now, by label id, in scene units (with label_boxes.PAD)."""
        from viewer.qt.diagram.label_boxes import PAD, label_text_rects

        if self.label_scale != 1.0:
            from viewer.qt.diagram.label_scale import word_rects

            return word_rects(self.placed_labels(), PAD)
        if self._rects_at_one is None:
            self._rects_at_one = label_text_rects(self.content)
        return self._rects_at_one

    def set_labels_visible(self, visible: bool, only: set[str] | None = None) -> None:
        """Show the labels (``only`` those, if given). Above 100% text, a few labels shown alone are laid
        out among themselves, so they can grow to the full size a crowded diagram cannot give them all."""
        for label_id, item in self.label_items.items():
            item.setVisible(visible and (only is None or label_id in only))
        few = frozenset(only) & set(self.label_items) if visible and only is not None else None
        self._label_only = few if few is not None and len(few) < len(self.label_items) else None
        if self.label_scale != 1.0:
            self._use_label_layout(self.label_scale, self._label_only)
