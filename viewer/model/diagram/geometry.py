"""Region shapes as plain data: outlines for drawing and polygons for hit-testing.

A shape keeps two forms of the same outline. ``parts`` hold the exact curves
(move, line, cubic, close) so a view can draw a smooth outline at any zoom;
``polygons`` are those curves flattened so a point test needs no graphics
library. Both are in diagram coordinates (SVG user units).
"""

from __future__ import annotations

import math
from dataclasses import field

from viewer.model.core.record import record

Point = tuple[float, float]
# ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",)
Command = tuple


@record(frozen=True)
class BBox:
    """An axis-aligned box in diagram coordinates."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def intersects(self, other: "BBox") -> bool:
        return not (other.left > self.right or other.right < self.left
                    or other.top > self.bottom or other.bottom < self.top)

    def as_list(self) -> list[float]:
        return [round(self.left, 2), round(self.top, 2), round(self.width, 2), round(self.height, 2)]


def bbox_of(points: list[Point]) -> BBox:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return BBox(min(xs), min(ys), max(xs), max(ys))


@record(frozen=True)
class Polygon:
    """One closed outline, flattened to points, with its box for quick rejection."""

    points: tuple[Point, ...]
    bbox: BBox

    @classmethod
    def of(cls, points: list[Point]) -> "Polygon":
        return cls(tuple(points), bbox_of(points))

    def contains(self, x: float, y: float) -> bool:
        """Even-odd crossing test; the bounding box rejects most points first."""
        if not self.bbox.contains(x, y):
            return False
        inside = False
        pts = self.points
        x1, y1 = pts[-1]
        for x2, y2 in pts:
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
            x1, y1 = x2, y2
        return inside

    def edges(self):
        pts = self.points
        return zip(pts, pts[1:] + pts[:1])


@record(frozen=True)
class Shape:
    """One region's outline: the union of the filled SVG elements it is drawn with.

    ``parts`` holds each element's commands separately, so a view can unite
    them rather than let overlapping outlines cancel each other out.
    """

    parts: tuple[tuple[Command, ...], ...]
    polygons: tuple[Polygon, ...]
    bbox: BBox = field(init=False)

    def __post_init__(self) -> None:
        boxes = [p.bbox for p in self.polygons] or [BBox(0, 0, 0, 0)]
        object.__setattr__(self, "bbox", BBox(min(b.left for b in boxes), min(b.top for b in boxes),
                                              max(b.right for b in boxes), max(b.bottom for b in boxes)))

    def contains(self, x: float, y: float) -> bool:
        return self.bbox.contains(x, y) and any(p.contains(x, y) for p in self.polygons)

    def distance_to_edge(self, x: float, y: float) -> float:
        return min((_segment_distance(x, y, a, b) for poly in self.polygons for a, b in poly.edges()),
                   default=math.inf)


def _segment_distance(x: float, y: float, a: Point, b: Point) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
    return math.hypot(x - ax - t * dx, y - ay - t * dy)


def cubic_points(p0: Point, c1: Point, c2: Point, p3: Point, steps: int = 10) -> list[Point]:
    """Points along a cubic Bézier, excluding its start."""
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        out.append((a * p0[0] + b * c1[0] + c * c2[0] + d * p3[0],
                    a * p0[1] + b * c1[1] + c * c2[1] + d * p3[1]))
    return out


def shape_from_parts(parts: list[list[Command]]) -> Shape:
    """Flatten each part's move/line/cubic/close commands into polygons, one per subpath."""
    polygons: list[Polygon] = []
    for commands in parts:
        polygons.extend(_flatten(commands))
    return Shape(tuple(tuple(c) for c in parts), tuple(polygons))


def _flatten(commands: list[Command]) -> list[Polygon]:
    polygons: list[Polygon] = []
    current: list[Point] = []

    def finish() -> None:
        if len(current) >= 3:
            polygons.append(Polygon.of(list(current)))

    for cmd in commands:
        op = cmd[0]
        if op == "M":
            finish()
            current = [(cmd[1], cmd[2])]
        elif op == "L":
            current.append((cmd[1], cmd[2]))
        elif op == "C" and current:
            current.extend(cubic_points(current[-1], (cmd[1], cmd[2]), (cmd[3], cmd[4]), (cmd[5], cmd[6])))
    finish()
    return polygons


def visible_interior_point(shape: Shape, occluders: list[Shape], grid: int = 28) -> Point | None:
    """A point well inside ``shape`` and outside every occluding shape.

    Scans a grid over the bounding box and keeps the candidate farthest from
    any edge (of the shape or of an occluder), so a click there is robust.
    The grid is tested against every edge at once with numpy (imported here, on
    first use): a bone under many muscles has thousands of edges, which took
    seconds point by point in Python.
    """
    import numpy as np

    box = shape.bbox
    near = [o for o in occluders if o.bbox.intersects(box)]
    steps = (np.arange(grid) + 0.5) / grid
    xs = np.repeat(box.left + steps * box.width, grid)      # i-major, as a nested loop over i then j
    ys = np.tile(box.top + steps * box.height, grid)
    inside = _inside(shape, xs, ys, np.ones(xs.shape, dtype=bool))
    for other in near:
        inside &= ~_inside(other, xs, ys, inside)
    if not inside.any():
        return None
    px, py = xs[inside], ys[inside]
    nearest = np.full(px.shape, np.inf)
    for poly in [poly for outline in (shape, *near) for poly in outline.polygons]:
        box = poly.bbox  # no edge of this outline is nearer than its box: skip the points it cannot change
        gap = np.hypot(np.maximum(np.maximum(box.left - px, px - box.right), 0.0),
                       np.maximum(np.maximum(box.top - py, py - box.bottom), 0.0))
        some = gap < nearest
        if some.any():
            nearest[some] = np.minimum(nearest[some], _distances(poly, px[some], py[some]))
    best = int(np.argmax(nearest))  # the first of equals, as the scan order gives
    return float(px[best]), float(py[best])


def _edges(poly: Polygon):
    import numpy as np

    a = np.asarray(poly.points, dtype=float)
    return a, np.roll(a, -1, axis=0)  # each point to the next, the last back to the first


def _inside(shape: Shape, xs, ys, among):
    """Even-odd test of the points flagged in ``among`` against each outline; inside any outline counts
    (as Shape.contains). Only points within an outline's box are tested against its edges."""
    import numpy as np

    result = np.zeros(xs.shape, dtype=bool)
    for poly in shape.polygons:
        box = poly.bbox
        which = np.flatnonzero(among & ~result & (xs >= box.left) & (xs <= box.right)
                               & (ys >= box.top) & (ys <= box.bottom))
        if not which.size:
            continue
        px, py = xs[which], ys[which]
        a, b = _edges(poly)
        x1, y1, x2, y2 = a[:, 0][:, None], a[:, 1][:, None], b[:, 0][:, None], b[:, 1][:, None]
        crosses = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
        result[which] = (np.count_nonzero(crosses & (px < at), axis=0) % 2) == 1
    return result


def _distances(poly: Polygon, xs, ys):
    """Distance from each point to the nearest edge of one outline."""
    import numpy as np

    a, b = _edges(poly)
    ax, ay = a[:, 0][:, None], a[:, 1][:, None]
    dx, dy = (b[:, 0] - a[:, 0])[:, None], (b[:, 1] - a[:, 1])[:, None]
    length = dx * dx + dy * dy
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(length > 0, ((xs - ax) * dx + (ys - ay) * dy) / length, 0.0)
    t = np.clip(t, 0.0, 1.0)
    return np.hypot(xs - (ax + t * dx), ys - (ay + t * dy)).min(axis=0)
