"""The diagram's SVG drawn from cached pictures, so hover, click and pan only copy pixels.

Rendering the anatomy art takes tens of milliseconds each time (hundreds of gradient-filled
paths), far too slow to redo for every exposed strip while panning. So the art layer keeps:

* a base image of the whole art at the scale of its first paint (the fitted view), and
* when zoomed in past that, square tiles per scale, rendered on demand and kept in a
  least-recently-used cache.

A tile that is not rendered yet is drawn at once from the base image, scaled up (soft), and
rendered sharp on the next turns of the event loop, a few at a time, as a map viewer does.
Anything painted off screen (export, handout, print) is rendered directly at full quality.

A tile draws only the layer's children that reach into it (``part_ids``), which cuts its cost.
The base image is also kept on disk (``cache_dir``), keyed by a hash of the SVG and the size,
so the next start shows the same pixels without rendering them again.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem

from viewer.model.core.cache_store import CacheStore
from viewer.qt.app.enum_free import transparent_image
from viewer.qt.diagram.ink import draw_inked

TILE = 512                          # device pixels per tile side
CACHE_BYTES = 128 * 1024 * 1024     # tiles kept; about 128 tiles, several 4K screens' worth
BASE_MAX_SIDE = 4096                # the base image never exceeds this many pixels a side
BASE_FILES_KEPT = 3                 # base images kept on disk (window sizes, diagram versions)
TURN_SECONDS = 0.010                # rendering per event-loop turn, so input stays responsive
SETTLE_MS = 40                      # while the view keeps moving, tiles wait: panning stays smooth
PICTURE_IN_FRAME = 500_000          # a label's picture this many pixels or fewer is made in the frame (a few ms)
FORMAT = QImage.Format.Format_ARGB32_Premultiplied


def _render(renderer, painter: QPainter, element: str, bounds: QRectF) -> None:
    if element:
        renderer.render(painter, element, bounds)
    else:
        renderer.render(painter, bounds)


class SvgElementItem(QGraphicsItem):
    """One element of the SVG (a label, a layer), painted from the shared renderer.

    Much cheaper to create than QGraphicsSvgItem. Its whole picture at the current zoom is kept
    (paint_cached), so panning copies pixels even where the label was off screen before."""

    def __init__(self, source, element: str, bounds: QRectF | None = None):
        """``source``: the SvgSource; ``bounds``: the element's, if known (kept between runs), else
        asked of the renderer (slow)."""
        super().__init__()
        self.source = source
        self.element = element
        self.bounds = bounds if bounds is not None else source.renderer.boundsOnElement(element)
        self._rect = self.bounds.adjusted(-2, -2, 2, 2)  # strokes and anti-aliasing at the edges
        self._painted = False
        self.ink = self.halo = ""  # see set_ink

    @property
    def renderer(self):
        return self.source.renderer

    def use_source(self, source, bounds: QRectF) -> None:
        """Draw from another SVG (the labels grown with the text size, viewer/qt/diagram/label_scale.py)."""
        if source is self.source and bounds == self.bounds:
            return
        self.prepareGeometryChange()
        self.source, self.bounds = source, bounds
        self._rect = bounds.adjusted(-2, -2, 2, 2)
        self.__dict__.pop("_pictures", None)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        first, self._painted = not self._painted, True
        transform = painter.worldTransform()
        size = transform.mapRect(self._rect)
        if widget is not None and not has_picture(self, transform, None) and (
                first or size.width() * size.height() > PICTURE_IN_FRAME):
            # No picture at this zoom that is quick to make (none kept from the last run, or a large one at
            # a high zoom): drawn straight, which costs what the exposed part needs. A strip coming into
            # view while panning takes a millisecond or two; a whole picture of 1-2 million pixels, 10-20 ms.
            # The picture is made when the view is still.
            painter.save()
            self._draw(painter)
            painter.restore()
            scene = self.scene()
            if first and hasattr(scene, "label_drawn_straight"):
                scene.label_drawn_straight()  # the first frame: the scene keeps the pictures for the next start
            elif hasattr(scene, "warm_when_settled"):
                scene.warm_when_settled(self)
            return
        paint_cached(self, painter, widget, None, self._draw, keep=1)

    def warm(self, transform: QTransform) -> None:
        """Make the picture for this zoom ahead of time (while idle), so repaints copy pixels."""
        if self.isVisible():
            warm_picture(self, transform, None, self._draw)

    def set_ink(self, ink: str = "", halo: str = "") -> None:  # a dark theme's labels (see ink.py); "" as drawn
        if (ink, halo) != (self.ink, self.halo):
            self.ink, self.halo = ink, halo
            self.__dict__.pop("_pictures", None)
            self.update()

    def _draw(self, painter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = painter.worldTransform().mapRect(self._rect).toAlignedRect()
        if not self.ink or rect.isEmpty() or rect.width() * rect.height() > MAX_PICTURE_PIXELS:
            self.renderer.render(painter, self.element, self.bounds)
            return
        draw_inked(self.renderer, painter, self.element, self.bounds, rect, self.ink, self.halo)


class ArtLayer(QGraphicsItem):
    """The art, from a base image and tiles (see the module docstring)."""

    def __init__(self, source, element: str, rect: QRectF, parent_object=None, bounds: QRectF | None = None):
        super().__init__()
        self.source = source            # the SvgSource
        self.element = element          # "" = the whole document
        self.rect = QRectF(rect)
        # where the element is drawn: the renderer maps the element's own bounds onto this rectangle
        # (given when known from an earlier run: asking the renderer is slow for a big layer)
        self.bounds = (bounds if bounds is not None else source.renderer.boundsOnElement(element) if element
                       else QRectF(rect))
        self.base: QImage | None = None
        self.base_scale = 0.0
        self._tiles: OrderedDict[tuple, QImage] = OrderedDict()
        self._queue: OrderedDict[tuple, None] = OrderedDict()
        self._level = 0.0
        self.cache: CacheStore = CacheStore(None)  # where the base image is kept between runs (the scene's)
        self.cache_key = ""                 # identifies the SVG (a hash of its text)
        # the element's children, drawn one by one so a tile skips those outside it (set by the scene)
        self.part_ids: list[str] = []
        self._parts: list[tuple[str, QRectF, QRectF]] | None = None
        self.substitutes: dict[str, str] = {}  # part id -> element drawn instead (a nerve variant)
        self._timer = QTimer(parent_object)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_some)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    @property
    def renderer(self):
        return self.source.renderer

    def boundingRect(self) -> QRectF:
        return self.rect

    def pending_tiles(self) -> int:
        """Tiles still drawn soft, waiting to be rendered sharp."""
        return len(self._queue)

    def substitute(self, substitutes: dict[str, str], cache_key: str) -> None:
        """Draw other elements in place of some parts (``substitutes``: part id -> element id), e.g. a
        variant of the nerve and piriformis; ``cache_key`` names this drawing's kept base image."""
        if substitutes != self.substitutes:
            self.substitutes = dict(substitutes)
            self.cache_key = cache_key
            self._parts = None
            self.invalidate()

    def _render_all(self, painter: QPainter) -> None:
        """The whole layer, with any substitutes drawn in their parts' places."""
        if not self.substitutes or not self.part_ids:
            _render(self.renderer, painter, self.element, self.bounds)
            return
        for part in self.part_ids:
            element = self.substitutes.get(part, part)
            self.renderer.render(painter, element, self.renderer.boundsOnElement(element))

    def invalidate(self) -> None:
        """Forget every rendered picture (the SVG changed)."""
        self.base, self.base_scale = None, 0.0
        self._tiles.clear()
        self._queue.clear()
        self.update()

    # ----- painting ------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option, widget=None) -> None:
        transform = painter.worldTransform()
        if widget is None or transform.m12() or transform.m21() or transform.m11() <= 0:
            self._render_all(painter)  # export, print: full quality
            return
        scale = transform.m11()
        base = self.base if self.base is not None else self._render_base(scale)
        origin = transform.map(self.rect.topLeft())
        origin = QPointF(round(origin.x()), round(origin.y()))
        painter.save()
        painter.setTransform(QTransform())
        exposed = transform.mapRect(option.exposedRect).intersected(transform.mapRect(self.rect))
        if scale <= self.base_scale * 1.0001 or self.base_scale <= 0:
            self._paint_base(painter, base, origin, scale, exposed)
        else:
            self._paint_tiles(painter, base, origin, scale, exposed)
        painter.restore()

    def _paint_base(self, painter: QPainter, base: QImage, origin: QPointF, scale: float, exposed: QRectF) -> None:
        if abs(scale - self.base_scale) < 1e-6 * max(scale, 1):  # a pixel copy of the exposed part only
            part = exposed.toAlignedRect().translated(-round(origin.x()), -round(origin.y()))
            part = part.intersected(base.rect())
            if not part.isEmpty():
                painter.drawImage(part.topLeft() + origin.toPoint(), base, part)
        else:
            size = self.rect.size() * scale
            painter.drawImage(QRectF(origin, size), base)

    def _paint_tiles(self, painter: QPainter, base: QImage, origin: QPointF, scale: float, exposed: QRectF) -> None:
        level = round(scale, 5)
        if level != self._level:  # a new zoom: tiles of other scales are no longer wanted soon
            self._level = level
            self._queue.clear()
        left = max(0, math.floor((exposed.left() - origin.x()) / TILE))
        top = max(0, math.floor((exposed.top() - origin.y()) / TILE))
        right = math.floor((exposed.right() - origin.x() - 1e-6) / TILE)
        bottom = math.floor((exposed.bottom() - origin.y() - 1e-6) / TILE)
        ratio = self.base_scale / scale
        wanted = len(self._queue)
        for row in range(top, bottom + 1):
            for column in range(left, right + 1):
                key = (level, column, row)
                position = QPointF(origin.x() + column * TILE, origin.y() + row * TILE)
                tile = self._tiles.get(key)
                if tile is not None:
                    self._tiles.move_to_end(key)
                    painter.drawImage(position, tile)
                    continue
                source = QRectF(column * TILE * ratio, row * TILE * ratio, TILE * ratio, TILE * ratio)
                painter.drawImage(QRectF(position.x(), position.y(), TILE, TILE), base, source)
                self._queue[key] = None
        if len(self._queue) > wanted:  # newly exposed: render once the view has settled
            self._timer.start(SETTLE_MS)
        elif self._queue and not self._timer.isActive():
            self._timer.start(0)

    # ----- rendering -----------------------------------------------------------------------------------
    def _render_base(self, scale: float) -> QImage:
        """The whole picture at ``scale`` (capped), from the cache or drawn now; kept as self.base."""
        scale = min(scale, BASE_MAX_SIDE / max(self.rect.width(), self.rect.height()))
        width, height = max(1, math.ceil(self.rect.width() * scale)), max(1, math.ceil(self.rect.height() * scale))
        stored = self._stored_base(width, height)
        if stored is not None:
            self.base, self.base_scale = stored, scale
            return stored
        image = transparent_image(width, height, FORMAT)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        painter.translate(-self.rect.left(), -self.rect.top())
        self._render_all(painter)
        painter.end()
        self.base, self.base_scale = image, scale
        if self.cache.folder is not None and self.cache_key:
            QTimer.singleShot(0, self._timer, lambda: self._store_base(image))  # after the frame is on screen
        return image

    def _stored_base(self, width: int, height: int) -> QImage | None:
        if not self.cache_key:
            return None
        data = self.cache.read("art", f"{self.cache_key}-{width}x{height}", ".bin")
        if data is None or len(data) != width * height * 4:
            return None
        self._base_bytes = data  # the image uses these bytes in place: keep them alive with it
        return QImage(data, width, height, width * 4, FORMAT)

    def _store_base(self, image: QImage) -> None:
        """Keep the few most recent; a failure only means rendering next time."""
        data = memoryview(image.constBits())[: image.width() * image.height() * 4].tobytes()
        self.cache.write("art", f"{self.cache_key}-{image.width()}x{image.height()}", ".bin", data, keep=BASE_FILES_KEPT)

    def _render_tile(self, key: tuple) -> QImage:
        level, column, row = key
        image = transparent_image(TILE, TILE, FORMAT)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        painter.translate(-column * TILE, -row * TILE)
        painter.scale(level, level)
        painter.translate(-self.rect.left(), -self.rect.top())
        area = QRectF(self.rect.left() + column * TILE / level, self.rect.top() + row * TILE / level,
                      TILE / level, TILE / level)
        painter.setClipRect(area)
        parts = self._tile_parts()
        if parts:
            for part, bounds, reach in parts:
                if reach.intersects(area):
                    self.renderer.render(painter, part, bounds)
        else:
            _render(self.renderer, painter, self.element, self.bounds)
        painter.end()
        return image

    def _tile_parts(self) -> list:
        """(id, bounds, bounds with room for strokes) of each child, measured on first use."""
        if self._parts is None:
            self._parts = []
            for part in self.part_ids:
                part = self.substitutes.get(part, part)
                bounds = self.renderer.boundsOnElement(part)
                self._parts.append((part, bounds, bounds.adjusted(-12, -12, 12, 12)))
        return self._parts

    def _render_some(self) -> None:
        started = time.perf_counter()
        while self._queue and time.perf_counter() - started < TURN_SECONDS:
            key, _ = self._queue.popitem(last=False)
            if key in self._tiles or key[0] != self._level:
                continue
            self._tiles[key] = self._render_tile(key)
            while len(self._tiles) * TILE * TILE * 4 > CACHE_BYTES:
                self._tiles.popitem(last=False)
            level, column, row = key
            self.update(QRectF(self.rect.left() + column * TILE / level, self.rect.top() + row * TILE / level,
                               TILE / level, TILE / level).adjusted(-1, -1, 1, 1))
        if self._queue:
            self._timer.start(0)


# ----- small per-item picture caches (region highlights) ---------------------------------------------
PICTURES_PER_ITEM = 4
MAX_PICTURE_PIXELS = 8_000_000  # larger than this (far zoomed in) the item is drawn directly


def paint_cached(item, painter: QPainter, widget, key, draw, keep: int = PICTURES_PER_ITEM) -> None:
    """Paint ``draw`` through a few device-pixel pictures kept on ``item``, keyed by ``key`` (what the
    drawing depends on) and the view's scale: a state seen before costs a pixel copy."""
    transform = painter.worldTransform()
    if widget is None or transform.m12() or transform.m21():
        draw(painter)
        return
    entry = _picture(item, transform, key, draw, keep)
    if entry is None:
        draw(painter)
        return
    image, dx, dy = entry
    painter.save()
    painter.setTransform(QTransform())
    painter.drawImage(QPointF(transform.dx() + dx, transform.dy() + dy), image)
    painter.restore()


def warm_picture(item, transform: QTransform, key, draw) -> None:
    """Draw a picture ahead of time (while idle), so its first showing is a pixel copy too."""
    _picture(item, transform, key, draw)


def has_picture(item, transform: QTransform, key) -> bool:
    """Whether ``item`` already has its picture for ``key`` at this zoom (made here, or kept from the last run)."""
    return kept_picture(item, picture_key(transform, key)) is not None


def kept_picture(item, full_key: tuple):
    """(image, x, y) of ``item``'s picture for ``full_key`` (see picture_key), or None."""
    return getattr(item, "_pictures", {}).get(full_key)


def keep_picture(item, full_key: tuple, entry: tuple) -> None:
    """Give ``item`` a picture made elsewhere (kept from the last run), as if drawn here."""
    item._pictures = OrderedDict({full_key: entry})


def picture_key(transform: QTransform, key) -> tuple:
    return key, transform.m11(), transform.m22(), transform.dx() % 1, transform.dy() % 1


def _picture(item, transform: QTransform, key, draw, keep: int = PICTURES_PER_ITEM):
    cache = getattr(item, "_pictures", None)
    if cache is None:
        cache = item._pictures = OrderedDict()
    full_key = picture_key(transform, key)
    entry = cache.get(full_key)
    if entry is not None:
        cache.move_to_end(full_key)
        return entry
    rect = transform.mapRect(item.boundingRect()).toAlignedRect()
    if rect.isEmpty() or rect.width() * rect.height() > MAX_PICTURE_PIXELS:
        return None
    image = transparent_image(rect.width(), rect.height(), FORMAT)
    painter = QPainter(image)
    painter.setTransform(transform * QTransform.fromTranslate(-rect.left(), -rect.top()))
    draw(painter)
    painter.end()
    entry = cache[full_key] = (image, rect.left() - transform.dx(), rect.top() - transform.dy())
    while len(cache) > keep:
        cache.popitem(last=False)
    return entry
