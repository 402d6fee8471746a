"""Places a chart's labels in pixels, each time the plot changes size.

pyqtgraph keeps text the same size in pixels however the data is scaled, so whether two
labels overlap, or a label is cut at the edge, depends on the plot's width and height.
``fit`` looks at the plot's size now and:
- range charts: puts the cut-off tags in a margin left of the data (two lines when
  narrow), apart from each other, moves a value off a cut-off line it would sit on, and
  breaks a study's name in two when the studies stand close;
- accuracy charts: sizes the test names' column (wrapping long names), leaves room for
  the values right of the bars, and uses fewer ticks when the axis is short;
- paired charts: moves apart values that would print over each other.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFontMetricsF

from viewer.model.evidence.charts import number_text
from viewer.qt.evidence.chart_plot import Layout, spread

MIN_TICK_GAP = 38       # pixels between the starts of two x-axis tick labels
GAP = 3                 # pixels between labels
MAX_NAME_SHARE = 0.42   # the test names' column takes at most this share of an accuracy chart


def fit(plot, layout: Layout) -> None:
    box = plot.vb
    if box.width() < 20 or box.height() < 20:
        return  # not laid out yet
    {"range": _fit_range, "accuracy": _fit_accuracy, "paired": _fit_paired}[layout.kind](plot, layout)
    _fit_bottom_axis(plot)


def _fit_bottom_axis(plot) -> None:
    """The bottom axis as tall as its names at the text size in use: pyqtgraph sizes it from 0.8 of a
    line, and the view cut the lower part of large names ("Before", "After")."""
    axis = plot.getAxis("bottom")
    metrics = QFontMetricsF(axis.style.get("tickFont") or plot.font())
    ticks = axis._tickLevels[0] if axis._tickLevels else []
    lines = max((name.count("\n") + 1 for _x, name in ticks), default=1)
    offset = axis.style["tickTextOffset"]
    offset = offset[1] if isinstance(offset, (list, tuple)) else offset
    height = round(lines * metrics.lineSpacing() + max(0, axis.style["tickLength"]) + offset + 10)
    if axis.fixedHeight != height:
        axis.setHeight(height)


def _scale(box) -> tuple[float, float]:
    """Pixels per data unit, across and up."""
    (x0, x1), (y0, y1) = box.viewRange()
    return box.width() / (x1 - x0), box.height() / (y1 - y0)


def _size(item) -> tuple[float, float]:
    rect = item.textItem.boundingRect()
    return rect.width(), rect.height()


def _fit_range(plot, layout: Layout) -> None:
    box = plot.vb
    if layout.tags:
        width = box.width()
        wanted = max(_size(tag)[0] for tag, *_ in layout.tags) + 2 * GAP
        if wanted / width > 0.3:  # narrow: the tags on two lines each
            for tag, _value, _one, two in layout.tags:
                tag.setText(two)
            wanted = max(_size(tag)[0] for tag, *_ in layout.tags) + 2 * GAP
        share = min(wanted / width, 0.45)
        span = layout.x_max - layout.left_edge
        x_min = layout.left_edge - share * span / (1 - share)
        if abs(box.viewRange()[0][0] - x_min) > 1e-6:
            plot.setXRange(x_min, layout.x_max, padding=0)
        across, up = _scale(box)
        heights = [(_size(tag)[1] + GAP) / up for tag, *_ in layout.tags]
        places = spread([value for _tag, value, *_ in layout.tags], max(heights))
        for (tag, *_), y in zip(layout.tags, places):
            tag.setPos(x_min + GAP / across, y)
    across, up = _scale(box)
    axis = plot.getAxis("bottom")
    metrics = QFontMetricsF(axis.style.get("tickFont") or plot.font())
    room = across - 4 * GAP  # a study's name on as many lines as its room needs
    names = [(x, _wrapped(name, metrics, room) if metrics.horizontalAdvance(name) > room else name)
             for x, name, _size in layout.rows]
    axis.setTicks([names])  # a study's name on two lines when the studies stand close
    # pyqtgraph drops a label taller than its axis: _fit_bottom_axis makes room for two lines
    lines = [value for _tag, value, *_ in layout.tags]
    for text, x, y in layout.values:
        half = (_size(text)[1] / 2 + GAP) / up
        for line in lines:
            if abs(y - line) < half:
                y = line + half if y >= line else line - half
        text.setPos(x, y)


def _fit_accuracy(plot, layout: Layout) -> None:
    axis = plot.getAxis("left")
    metrics = QFontMetricsF(axis.style.get("tickFont") or plot.font())
    room = plot.width() * MAX_NAME_SHARE
    names = []
    for y, name, size in layout.rows:
        if metrics.horizontalAdvance(name) + 16 > room:
            name = _wrapped(name, metrics, room - 16)  # as many lines as the column needs, at any text size
        names.append((y, f"{name}\n{size}"))
    widest = max(metrics.horizontalAdvance(line) for _y, text in names for line in text.split("\n"))
    axis_width = round(min(widest + 16, max(room, widest + 16)))  # a word too long to break widens the column
    axis.setTicks([names])
    if axis.width() != axis_width:
        axis.setWidth(axis_width)
    box = plot.vb
    # the top and bottom names stand half above and below their rows: room for them in the plot
    lines = max(text.count("\n") + 1 for _y, text in names)
    half = lines * metrics.lineSpacing() * 0.8 / 2 + GAP  # pyqtgraph measures a tick label at 0.8 of its height
    count = len(layout.rows)
    pixels_per_row = max(1.0, box.height() / (count + 0.2))
    edge = max(0.6, half / pixels_per_row)
    if abs(box.viewRange()[1][0] + edge) > 1e-3:
        plot.setYRange(-edge, count - 1 + edge, padding=0)
    value_width = max(_size(text)[0] for text, *_ in layout.values) + 2 * GAP
    zero = QFontMetricsF(plot.getAxis("bottom").style.get("tickFont") or plot.font()).horizontalAdvance("0") / 2 + GAP
    bars = max(40.0, box.width() - value_width - zero)
    x_min, x_max = -zero / bars, (box.width() - zero) / bars  # the axis's "0" whole, the values right of the bars
    if abs(box.viewRange()[0][1] - x_max) > 1e-3 or abs(box.viewRange()[0][0] - x_min) > 1e-3:
        plot.setXRange(x_min, x_max, padding=0)
    across = bars
    tick_width = QFontMetricsF(plot.getAxis("bottom").style.get("tickFont") or plot.font()).horizontalAdvance("0.75")
    gap = max(MIN_TICK_GAP, tick_width + 4 * GAP)
    step = next((s for s in (0.25, 0.5) if s * across >= gap), 1.0)
    ticks = [(i * step, number_text(i * step)) for i in range(int(round(1 / step)) + 1)]
    plot.getAxis("bottom").setTicks([ticks])


def _wrapped(name: str, metrics: QFontMetricsF, width: float) -> str:
    """A long name broken at spaces (or after a dash, "Puranen–|Orava") into lines no wider than
    ``width`` where its words allow; two lines when they fit, so short names keep their balanced break."""
    two = _two_lines(name)
    if all(metrics.horizontalAdvance(line) <= width for line in two.split("\n")):
        return two
    lines: list[str] = []
    for word in re.findall(r"[^\s–-]+[–-]?|[–-]", name):
        joined = f"{lines[-1]}{'' if lines and lines[-1][-1] in '–-' else ' '}{word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return "\n".join(lines)


def _two_lines(name: str) -> str:
    """A long test name broken at the space nearest its middle."""
    spaces = [i for i, char in enumerate(name) if char == " "]
    if not spaces:
        return name
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut + 1:]


def _fit_paired(plot, layout: Layout) -> None:
    box = plot.vb
    # room left of "before" and right of "after" for the values (and half of each stage's name below)
    axis = plot.getAxis("bottom")
    metrics = QFontMetricsF(axis.style.get("tickFont") or plot.font())
    names = [name for _x, name in (axis._tickLevels[0] if axis._tickLevels else [])]
    sides = []
    for index, stage in enumerate(layout.stages):
        values = max((_size(text)[0] * 1.25 for text, *_ in stage), default=0.0)  # anchored 0.25 of a width off
        name = metrics.horizontalAdvance(names[index]) / 2 if index < len(names) else 0.0
        sides.append(max(values, name) + 2 * GAP)
    stage_names = sum(metrics.horizontalAdvance(name) for name in names[:2]) / 2 + 4 * GAP  # "Before" and "After" apart
    inner = max(40.0, stage_names, box.width() - sum(sides))
    x_min, x_max = -sides[0] / inner, 1 + sides[1] / inner
    if abs(box.viewRange()[0][0] - x_min) > 1e-3 or abs(box.viewRange()[0][1] - x_max) > 1e-3:
        plot.setXRange(x_min, x_max, padding=0)
    _, up = _scale(box)
    for stage in layout.stages:
        if not stage:
            continue
        gap = max(_size(text)[1] for text, *_ in stage) / up
        low, high = plot.vb.viewRange()[1]
        places = spread([y for *_, y in stage], gap, low + gap / 2, high - gap / 2)
        for (text, x, _y), y in zip(stage, places):
            text.setPos(x, y)


# ----- the patient's value: its tag clear of the data -----------------------------------------------------
# (place along the line, anchor): the right end first (where it always was), then the left end, then any
# place along the line, above it or below
TAG_PLACES = ((0.97, (1, 1)), (0.97, (1, 0)), (0.03, (0, 1)), (0.03, (0, 0)),
              *((step / 40, (0.5, side)) for step in range(38, 1, -1) for side in (1, 0)))


def place_tag(plot, line) -> None:
    """Move the patient line's tag ("Patient: 12 mm") to the first place along the line, above or below
    it, inside the plot, where it covers no error bar, marker, value or cut-off tag (right end first); on
    two lines if one line finds no room; if nothing is clear (a very small plot), at least not cut off."""
    tag = getattr(line, "label", None)
    if tag is None or plot.vb.width() < 20:
        return
    one_line = getattr(tag, "one_line", None) or tag.format.replace("\n", " ")
    tag.one_line = one_line
    blocked, inside = _obstacles(plot, line), plot.vb.sceneBoundingRect()
    for text, clear in ((one_line, True), (one_line.replace(": ", ":\n", 1), True), (one_line, False)):
        if tag.format != text:
            tag.setFormat(text)
        for position, anchor in TAG_PLACES:
            tag.anchors = [anchor, anchor]
            tag.setPosition(position)
            tag.updatePosition()
            rect = tag.sceneBoundingRect()
            if inside.contains(rect) and not (clear and any(rect.intersects(other) for other in blocked)):
                return


def obstacles(plot, line=None) -> list:
    """Scene rectangles of what a tag must not cover: error bars, markers, value labels and tags."""
    return _obstacles(plot, line)


def _obstacles(plot, line) -> list:
    from PySide6.QtCore import QPointF, QRectF

    import pyqtgraph as pg

    box = plot.vb
    rects = []
    for item in box.addedItems:
        if item is line or not item.isVisible():
            continue
        if isinstance(item, pg.TextItem):
            rects.append(item.sceneBoundingRect())
        elif isinstance(item, pg.ErrorBarItem):
            opts = item.opts
            for x, y, top, bottom in zip(opts["x"], opts["y"], opts["top"], opts["bottom"]):
                half = (opts.get("beam") or 0.05) / 2
                corner = box.mapViewToScene(QPointF(x - half, y + top))
                other = box.mapViewToScene(QPointF(x + half, y - bottom))
                rects.append(QRectF(corner, other).normalized().adjusted(-2, -2, 2, 2))
        elif isinstance(item, pg.PlotDataItem):
            xs, ys = item.getData()
            for x, y in zip(xs if xs is not None else [], ys if ys is not None else []):
                centre = box.mapViewToScene(QPointF(x, y))
                rects.append(QRectF(centre.x() - 9, centre.y() - 9, 18, 18))
    return rects
