"""Where the diagram's label words go when the text size grows (View ▸ Text size).

A label is words at one end of a leader line whose other end lies on the structure. Grown, the words
keep their anchor (text-anchor start/middle/end stays where the SVG puts it, next to the leader) and
grow around the leader's start. Labels in a column would then overlap, so each column is spread apart
vertically (the least movement that keeps their order and the diagram's edges), and the leader's start
follows its words; its end never moves. A label too wide for the margin beside the art is wrapped onto
more lines; one whose single word is still too wide is made only as large as the margin allows. If a
column cannot hold its labels at the asked size, the whole set falls back to the next smaller size
that fits (never below 100%), so the labels shown together are one size.

Plain geometry in SVG units; the widths of words come from a ``measure`` function (the Qt side's font
metrics at the label's font size in the SVG).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from viewer.model.core.record import record

GAP = 3.0       # SVG units kept between two labels' words after spreading
MARGIN = 4.0    # from the diagram's edge


@record(frozen=True)
class LabelWords:
    """One label's words as the SVG draws them (100%)."""
    id: str
    anchor: str                    # "start", "middle" or "end"
    x: float                       # the anchor's x
    lines: tuple[str, ...]
    baselines: tuple[float, ...]
    ascent: float                  # of the SVG's font at its size
    descent: float
    leader_y: float                # y of the leader's start beside the words


@record(frozen=True)
class PlacedLabel:
    """A label's words at a grown size: what to draw and where its leader starts."""
    id: str
    scale: float
    anchor: str
    x: float
    lines: tuple[tuple[str, float], ...]   # (text, baseline)
    leader_y: float
    rect: tuple[float, float, float, float]  # left, top, right, bottom of the words


def _left(anchor: str, x: float, width: float) -> float:
    return {"end": x - width, "middle": x - width / 2}.get(anchor, x)


def _room(label: LabelWords, left: float, right: float) -> float:
    """How wide the words may be on their side of the anchor."""
    if label.anchor == "end":
        return label.x - left - MARGIN
    if label.anchor == "middle":
        return 2 * min(label.x - left, right - label.x) - 2 * MARGIN
    return right - label.x - MARGIN


def _wrapped(label: LabelWords, scale: float, room: float, measure: Callable[[LabelWords, str], float]) -> tuple[str, ...] | None:
    """The label's lines at ``scale``: as the SVG breaks them if they fit, else its words rewrapped to
    the room; None if a single word is too wide."""
    if all(measure(label, line) * scale <= room for line in label.lines):
        return label.lines
    lines: list[str] = []
    for word in " ".join(label.lines).split():
        if measure(label, word) * scale > room:
            return None
        if lines and measure(label, f"{lines[-1]} {word}") * scale <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return tuple(lines)


def _box(label: LabelWords) -> tuple[float, float]:
    return label.baselines[0] - label.ascent, label.baselines[-1] + label.descent


def _spread(wanted: list[tuple[float, float]], top: float, bottom: float) -> list[float] | None:
    """Tops for blocks (wanted top, height), in order, that do not overlap and stay in [top, bottom],
    moving them as little as possible (least squares); None if they cannot fit."""
    if sum(height for _t, height in wanted) + GAP * (len(wanted) - 1) > bottom - top:
        return None
    clusters: list[tuple[float, float, list[tuple[int, float]]]] = []  # (top, height, members: (index, offset))
    for index, (want, height) in enumerate(wanted):
        start, size, members = want, height, [(index, 0.0)]
        while True:
            start = max(top, min(start, bottom - size))
            if not clusters or clusters[-1][0] + clusters[-1][1] + GAP <= start:
                break
            _start, above, above_members = clusters.pop()
            members = above_members + [(i, offset + above + GAP) for i, offset in members]
            size = above + GAP + size
            start = sum(wanted[i][0] - offset for i, offset in members) / len(members)
        clusters.append((start, size, members))
    tops = [0.0] * len(wanted)
    for start, _size, members in clusters:
        for index, offset in members:
            tops[index] = start + offset
    return tops


def _place(labels: Sequence[LabelWords], scale: float, bounds: tuple[float, float, float, float],
           measure: Callable[[LabelWords, str], float]) -> list[PlacedLabel] | None:
    left, top, right, bottom = bounds
    blocks = []
    for label in labels:
        size, room = scale, _room(label, left, right)
        lines = _wrapped(label, size, room, measure)
        if lines is None:  # one word wider than the margin: this label a little smaller, as large as fits
            size = max(1.0, min(scale, room / max(measure(label, word) for word in " ".join(label.lines).split())))
            lines = _wrapped(label, size, room, measure) or label.lines
        step = (label.baselines[1] - label.baselines[0]) if len(label.baselines) > 1 else label.ascent + label.descent
        first, last = _box(label)
        height = (label.ascent + (len(lines) - 1) * step + label.descent) * size
        # grown around the leader's start: the words' middle moves away from it in proportion
        middle = label.leader_y + ((first + last) / 2 - label.leader_y) * size
        blocks.append((label, size, lines, step, middle - height / 2, height))
    columns: dict[tuple[str, float], list[int]] = {}
    for index, (label, *_rest) in enumerate(blocks):
        columns.setdefault((label.anchor, round(label.x)), []).append(index)
    tops: dict[int, float] = {}
    for members in columns.values():
        members.sort(key=lambda i: blocks[i][4])
        spread = _spread([(blocks[i][4], blocks[i][5]) for i in members], top + MARGIN, bottom - MARGIN)
        if spread is None:
            return None
        tops.update(zip(members, spread))
    placed = []
    for index, (label, size, lines, step, wanted_top, height) in enumerate(blocks):
        moved = tops[index] - wanted_top
        first_baseline = tops[index] + label.ascent * size
        width = max(measure(label, line) for line in lines) * size
        x_left = _left(label.anchor, label.x, width)
        leader = label.leader_y + moved
        leader = max(tops[index], min(tops[index] + height, leader))
        placed.append(PlacedLabel(label.id, size, label.anchor, label.x,
                                  tuple((line, first_baseline + n * step * size) for n, line in enumerate(lines)),
                                  leader, (x_left, tops[index], x_left + width, tops[index] + height)))
    return placed


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """The area two rectangles (left, top, right, bottom) share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def layout(labels: Sequence[LabelWords], scale: float, sizes: Sequence[float],
           bounds: tuple[float, float, float, float], measure: Callable[[LabelWords, str], float]) -> list[PlacedLabel]:
    """The labels shown together (one layer's) at ``scale``, or at the largest of ``sizes`` below it
    that fits (see the module docstring); at 1.0 (or if nothing larger fits) as the SVG draws them."""
    at_one = _as_drawn(labels, measure)
    before = {(a.id, b.id): overlap(a.rect, b.rect) for a in at_one for b in at_one if a.id < b.id}
    for size in [scale, *sorted((s for s in sizes if 1.0 < s < scale), reverse=True)]:
        if size <= 1.0:
            break
        placed = _place(labels, size, bounds, measure)
        if placed is not None and all(overlap(a.rect, b.rect) <= before.get((a.id, b.id), 0.0) + 1e-6
                                      for a in placed for b in placed if a.id < b.id):
            return placed
    return at_one


def _as_drawn(labels: Sequence[LabelWords], measure: Callable[[LabelWords, str], float]) -> list[PlacedLabel]:
    placed = []
    for label in labels:
        width = max(measure(label, line) for line in label.lines)
        first, last = _box(label)
        x_left = _left(label.anchor, label.x, width)
        placed.append(PlacedLabel(label.id, 1.0, label.anchor, label.x, tuple(zip(label.lines, label.baselines)),
                                  label.leader_y, (x_left, first, x_left + width, last)))
    return placed
