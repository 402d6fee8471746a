"""How far the layers are peeled, and what that shows and lets the user click.

The depth is a number from 0 (the outermost layer, all on) to ``len(layers) - 1`` (every
superficial layer lifted away). Between whole steps a layer is part faded: peeling animates
through these values.
"""

from __future__ import annotations

OPAQUE_ENOUGH = 0.5  # a layer at least this opaque hides what lies beneath it from the pointer


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


class Depth:
    def __init__(self, layer_ids: list[str], position: float | None = None):
        self.layer_ids = list(layer_ids)
        self.deepest = max(0, len(self.layer_ids) - 1)
        self.position = float(self.deepest if position is None else clamp(position, 0, self.deepest))

    def index(self, layer_id: str) -> int:
        return self.layer_ids.index(layer_id)

    def opacity(self, layer_id: str) -> float:
        """How opaque a layer is drawn: the deepest is always there; a superficial one fades out as the
        depth passes it."""
        k = self.index(layer_id)
        return 1.0 if k == self.deepest else clamp(k + 1 - self.position)

    def label_opacity(self, layer_id: str) -> float:
        """A layer's labels show while it is the top layer, fading in and out as it is reached and lifted."""
        k = self.index(layer_id)
        if k == self.deepest:
            return clamp(self.position - (self.deepest - 1))
        return clamp(1 - abs(self.position - k))

    @property
    def top(self) -> str:
        """The layer mostly on top at this depth."""
        return self.layer_ids[min(self.deepest, int(self.position + 0.5))] if self.layer_ids else ""

    def step(self, towards_deep: bool) -> float:
        """The whole-layer depth one step deeper (or shallower) from here."""
        target = int(self.position) + 1 if towards_deep else -int(-self.position) - 1
        return float(clamp(target, 0, self.deepest))

    def solid_layers(self) -> list[str]:
        """Superficial layers opaque enough to hide what lies beneath, outermost first."""
        return [i for i in self.layer_ids[:self.deepest] if self.opacity(i) >= OPAQUE_ENOUGH]


def pick(depth: Depth, index, covers: dict, x: float, y: float):
    """The region under (x, y) at this depth: the outermost solid layer's region if one is there; a
    point on a solid layer outside its regions picks nothing; elsewhere, the deep regions."""
    for layer_id in depth.solid_layers():
        region = index.region_at(x, y, accept=lambda r, i=layer_id: index.layer(r) == i)
        if region is not None:
            return region
        cover = covers.get(layer_id)
        if cover is not None and cover.contains(x, y):
            return None
    deep = depth.layer_ids[depth.deepest] if depth.layer_ids else ""
    return index.region_at(x, y, accept=lambda r: index.layer(r) == deep)


def reachable(depth: Depth, index, covers: dict, regions) -> list:
    """Regions the keyboard walks at this depth, in file order: those a click can reach somewhere."""
    return [r for r in regions if r.shape is not None and visible_point(depth, index, covers, r)]


def visible_point(depth: Depth, index, covers: dict, region):
    """A point where a click reaches ``region`` at this depth, or None."""
    point = index.interior_point(region)
    if point is not None and pick(depth, index, covers, *point) is region:
        return point
    box = region.shape.bbox
    for i in range(1, 16):
        for j in range(1, 16):
            x, y = box.left + box.width * i / 16, box.top + box.height * j / 16
            if region.shape.contains(x, y) and pick(depth, index, covers, x, y) is region:
                return (x, y)
    return None


def visible_box(depth: Depth, index, covers: dict, region, samples: int = 16):
    """(left, top, right, bottom) around the part of ``region`` a click reaches at this depth (its
    whole box when nothing covers it), or None: where a screen reader says the structure is."""
    box = region.shape.bbox
    points = [(box.left + box.width * i / samples, box.top + box.height * j / samples)
              for i in range(samples + 1) for j in range(samples + 1)]
    inner = index.interior_point(region)
    if inner is not None:
        points.append(inner)
    seen = [(x, y) for x, y in points if region.shape.contains(x, y) and pick(depth, index, covers, x, y) is region]
    if not seen:
        return None
    xs, ys = [x for x, _ in seen], [y for _, y in seen]
    return (min(xs), min(ys), max(xs), max(ys))
