"""Which region lies under a point, honouring the diagram's stacking order.

A uniform grid over the regions' bounding boxes (a simple spatial index) keeps
a lookup to the few regions near the point, however many the diagram has.
"""

from __future__ import annotations

import math

from viewer.model.diagram.geometry import Point, Shape, visible_interior_point
from viewer.model.diagram.regions import Region


class RegionIndex:
    """Regions with shapes, ordered top-most first for picking.

    ``z_order`` maps a region's SVG element id to its drawing position; a
    region drawn later covers earlier ones, as it does on screen. ``layers`` maps a region id
    to the layer it is drawn on (viewer/model/layers); regions cover only those of their own
    layer, and a lookup with no ``accept`` sees only the ``base`` layer (the deep dissection).
    """

    def __init__(self, regions: list[Region], z_order: dict[str, int], layers: dict[str, str] | None = None,
                 base: str = ""):
        placed = [(r, r.shape) for r in regions if r.shape is not None]
        self.placed: list[tuple[Region, Shape]] = placed  # the regions with their shapes, in the order given
        self.regions = [r for r, _shape in placed]
        self.layers = layers or {}
        self.base = base
        # each region with its shape (ids may repeat: a variant's pieces drawn over another structure)
        self._top_first = sorted(placed, key=lambda p: z_order.get(p[0].element, 0), reverse=True)
        self.top_first = [r for r, _shape in self._top_first]
        self._interior: dict[str, Point | None] = {}
        self._build_grid()

    def _build_grid(self) -> None:
        boxes = [shape.bbox for _region, shape in self._top_first]
        if not boxes:
            self._cells: list[list[tuple[Region, Shape]]] = []
            return
        self._left, self._top = min(b.left for b in boxes), min(b.top for b in boxes)
        width = max(b.right for b in boxes) - self._left or 1.0
        height = max(b.bottom for b in boxes) - self._top or 1.0
        self._columns = self._rows = min(64, max(1, math.ceil(math.sqrt(len(boxes)) * 2)))
        self._cell_w, self._cell_h = width / self._columns, height / self._rows
        self._cells = [[] for _ in range(self._columns * self._rows)]
        for placed in self._top_first:  # each cell keeps the top-most-first order
            box = placed[1].bbox
            for row in range(self._row(box.top), self._row(box.bottom) + 1):
                for column in range(self._column(box.left), self._column(box.right) + 1):
                    self._cells[row * self._columns + column].append(placed)

    def _column(self, x: float) -> int:
        return min(self._columns - 1, max(0, int((x - self._left) / self._cell_w)))

    def _row(self, y: float) -> int:
        return min(self._rows - 1, max(0, int((y - self._top) / self._cell_h)))

    def region_at(self, x: float, y: float, accept=None) -> Region | None:
        """The top-most region at (x, y); ``accept``: only regions it returns true for (e.g. one layer's)."""
        if not self._cells:
            return None
        if accept is None:
            accept = self.on_base_layer
        for region, shape in self._cells[self._row(y) * self._columns + self._column(x)]:
            if (accept is None or accept(region)) and shape.contains(x, y):
                return region
        return None

    def layer(self, region: Region) -> str:
        return self.layers.get(region.id, self.base)

    def on_base_layer(self, region: Region) -> bool:
        return self.layer(region) == self.base

    def covering(self, region: Region) -> list[Region]:
        """Regions of its own layer drawn above ``region``."""
        return [r for r, _shape in self.placed_above(region)]

    def placed_above(self, region: Region) -> list[tuple[Region, Shape]]:
        """``covering``, each region with its shape."""
        layer = self.layer(region)
        return [p for p in self._top_first[: self.top_first.index(region)] if self.layer(p[0]) == layer]

    def interior_point(self, region: Region) -> Point | None:
        """A point where a click reaches ``region`` (inside it, not under another region)."""
        if region.id not in self._interior:
            shape = self._top_first[self.top_first.index(region)][1]
            self._interior[region.id] = visible_interior_point(shape, [s for _r, s in self.placed_above(region)])
        return self._interior[region.id]
