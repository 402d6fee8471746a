"""Which region lies under a point, honouring the diagram's stacking order."""

from __future__ import annotations

from viewer.model.geometry import Point, visible_interior_point
from viewer.model.regions import Region


class RegionIndex:
    """Regions with shapes, ordered top-most first for picking.

    ``z_order`` maps a region's SVG element id to its drawing position; a
    region drawn later covers earlier ones, as it does on screen.
    """

    def __init__(self, regions: list[Region], z_order: dict[str, int]):
        self.regions = [r for r in regions if r.shape is not None]
        self.top_first = sorted(self.regions, key=lambda r: z_order.get(r.element, 0), reverse=True)
        self._interior: dict[str, Point | None] = {}

    def region_at(self, x: float, y: float) -> Region | None:
        for region in self.top_first:
            if region.shape.contains(x, y):
                return region
        return None

    def covering(self, region: Region) -> list[Region]:
        """Regions drawn above ``region``."""
        return self.top_first[: self.top_first.index(region)]

    def interior_point(self, region: Region) -> Point | None:
        """A point where a click reaches ``region`` (inside it, not under another region)."""
        if region.id not in self._interior:
            self._interior[region.id] = visible_interior_point(region.shape, [r.shape for r in self.covering(region)])
        return self._interior[region.id]
