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
    names = [(x, _two_lines(name) if metrics.horizontalAdvance(name) > across - 4 * GAP else name)
             for x, name, _size in layout.rows]
    axis.setTicks([names])  # a study's name on two lines when the studies stand close
    two = any("\n" in name for _x, name in names)
    height = round(2 * metrics.height() + 16) if two else None  # pyqtgraph drops a label taller than its axis
    if axis.fixedHeight != height:
        axis.setHeight(height)
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
            name = _two_lines(name)
        names.append((y, f"{name}\n{size}"))
    widest = max(metrics.horizontalAdvance(line) for _y, text in names for line in text.split("\n"))
    axis_width = round(min(widest + 16, room))
    axis.setTicks([names])
    if axis.width() != axis_width:
        axis.setWidth(axis_width)
    box = plot.vb
    value_width = max(_size(text)[0] for text, *_ in layout.values) + 2 * GAP
    bars = max(40.0, box.width() - value_width)
    x_max = box.width() / bars
    if abs(box.viewRange()[0][1] - x_max) > 1e-3:
        plot.setXRange(0, x_max, padding=0)
    across = bars
    step = next((s for s in (0.25, 0.5) if s * across >= MIN_TICK_GAP), 1.0)
    ticks = [(i * step, number_text(i * step)) for i in range(int(round(1 / step)) + 1)]
    plot.getAxis("bottom").setTicks([ticks])


def _two_lines(name: str) -> str:
    """A long test name broken at the space nearest its middle."""
    spaces = [i for i, char in enumerate(name) if char == " "]
    if not spaces:
        return name
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut + 1:]


def _fit_paired(plot, layout: Layout) -> None:
    _, up = _scale(plot.vb)
    for stage in layout.stages:
        if not stage:
            continue
        gap = max(_size(text)[1] for text, *_ in stage) / up
        low, high = plot.vb.viewRange()[1]
        places = spread([y for *_, y in stage], gap, low + gap / 2, high - gap / 2)
        for (text, x, _y), y in zip(stage, places):
            text.setPos(x, y)
