"""Draws one chart (viewer.model.evidence.charts.Chart) into a pyqtgraph PlotItem.

Colour-blind-safe colours (Okabe–Ito) always come with a second cue: marker shape,
hatching or a line style, plus a printed value. A weaker study (an item with a caveat) is
drawn hollow, with dashed or dotted thin lines, so it never looks as solid as pooled data. Each drawing returns hot spots: the
places a pointer (or the arrow keys) can land on to read the exact numbers; and a
layout that viewer.qt.evidence.chart_fit uses to place the labels again, in pixels, whenever
the plot changes size (so nothing overlaps or is cut at any width).
"""

from __future__ import annotations

import re
from dataclasses import field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from viewer.model.evidence.charts import Chart, number_text, proportion_text
from viewer.model.core.record import record
from viewer.qt.app.theme import (CHART_BLUE, CHART_GREEN, CHART_ORANGE, CHART_PURPLE, CHART_SKY, CHART_VERMILION,
                                  PRINTED)
from viewer.qt.evidence.plotting import pyqtgraph

BLUE, VERMILION, ORANGE, GREEN, PURPLE, SKY = CHART_BLUE, CHART_VERMILION, CHART_ORANGE, CHART_GREEN, CHART_PURPLE, CHART_SKY
SERIES_STYLE = [(VERMILION, "o"), (BLUE, "s"), (GREEN, "t"), (PURPLE, "d")]
LINE_STYLES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine]
INK = PRINTED.ink


@record(frozen=True)
class Ink:
    """The chart's neutral colours: text and lines, the card behind them, quieter text."""
    text: str = INK
    paper: str = PRINTED.paper
    muted: str = PRINTED.muted
    scale: float = 1.0  # text size: the user's (View ▸ Text size) on screen, as designed on paper

    def fill(self, alpha: int = 220):
        colour = QColor(self.paper)
        colour.setAlpha(alpha)
        return pyqtgraph().mkBrush(colour)


PRINT = Ink()  # paper is always white


@record
class Hotspot:
    x: float
    y: float
    text: str
    rect: QRectF | None = None  # bars: the whole bar counts, in data coordinates


@record
class Key:
    """One legend entry, drawn as text under the title: a coloured glyph, the line style, the name."""
    colour: str
    glyph: str
    name: str


@record
class Layout:
    """What chart_fit needs to place labels in pixels."""
    kind: str
    values: list = field(default_factory=list)    # (TextItem, x, y): a value printed beside its marker
    tags: list = field(default_factory=list)      # (TextItem, y, one-line text, two-line text): cut-off tags
    stages: list = field(default_factory=list)    # paired: per stage, [(TextItem, x, y)]
    rows: list = field(default_factory=list)      # (place, name, study size): accuracy tests, range studies
    left_edge: float = 0.0                        # range: the leftmost whisker; the tags go left of it
    x_max: float = 1.0


GLYPH = {"o": "●", "s": "■", "t": "▼", "d": "◆", "star": "★", "h": "⬢"}
HOLLOW = {"o": "○", "s": "□", "t": "▽", "d": "◇", "star": "☆", "h": "⬡"}
WEAK_WIDTH = 1.5  # the line width of a weaker study (solid data: 2.5 to 3)
WEAK_DASHES = [3.0, 3.0]  # dash and gap, in line widths: open enough to read as "not solid" at a glance
STYLE_WORD = ["solid line", "dashed line", "dotted line", "dash-dot line"]


def small_font(points: float = 9.0, bold: bool = False, scale: float = 1.0) -> QFont:
    """``points`` as designed at the system's text size, times ``scale`` (``Ink.scale``)."""
    font = QFont()
    font.setPointSizeF(points * scale)
    font.setBold(bold)
    return font


def n_short(text: str) -> str:
    """'33 patients, 23 confirmed' -> 'n=33'; no number -> 'n not given'."""
    match = re.search(r"\d+", text)
    return f"n={match.group(0)}" if match else "n not given"


def draw(plot, chart: Chart, ink: Ink = PRINT) -> tuple[list[Hotspot], list[Key], Layout]:
    """Draw the chart; returns its hot spots, its legend entries and its label layout."""
    pg = pyqtgraph()
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.showGrid(x=chart.type == "accuracy", y=chart.type != "accuracy", alpha=0.25)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(pg.mkPen(ink.text))
        axis.setPen(pg.mkPen(ink.text))
        axis.setTickFont(small_font(9.5, scale=ink.scale))
    return {"range": _draw_range, "accuracy": _draw_accuracy, "paired": _draw_paired}[chart.type](plot, chart, ink)


def spread(values: list[float], gap: float, low: float | None = None, high: float | None = None) -> list[float]:
    """Label positions for values, nudged apart (both ways, about their middle) so no two overlap,
    and kept between ``low`` and ``high`` (the label's centre) when given."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = list(values)
    for previous, current in zip(order, order[1:]):
        placed[current] = max(placed[current], placed[previous] + gap)
    if len(order) > 1:
        shift = (sum(placed) - sum(values)) / len(values)
        placed = [y - shift for y in placed]
    if high is not None and order and placed[order[-1]] > high:
        placed[order[-1]] = high
        for above, current in zip(order[::-1], order[-2::-1]):
            placed[current] = min(placed[current], placed[above] - gap)
    if low is not None and order and placed[order[0]] < low:
        placed[order[0]] = low
        for below, current in zip(order, order[1:]):
            placed[current] = max(placed[current], placed[below] + gap)
    return placed


def caveat_suffix(item) -> str:
    return f". Weaker evidence: {item.caveat.rstrip('.')}." if item.weaker else ""


def weaker_key(chart: Chart, ink: Ink) -> list[Key]:
    """The legend entry that explains hollow (weaker) markers, when the chart has any."""
    if not any(item.weaker for item in chart.items):
        return []
    return [Key(ink.text, "○", f"drawn {chart.weaker_style()}: a weaker study (see its caveat below)")]


def label(plot, text: str, ink: Ink, anchor, points: float = 9, bold: bool = True, fill: bool = True):
    item = pyqtgraph().TextItem(text, color=ink.text, anchor=anchor, fill=ink.fill() if fill else None)
    item.setFont(small_font(points, bold=bold, scale=ink.scale))
    plot.addItem(item)
    return item


def _draw_range(plot, chart: Chart, ink: Ink):
    """Means ± 1 SD for each series, studies side by side, with labelled cut-off lines."""
    import numpy as np

    pg = pyqtgraph()
    unit = f" {chart.unit}" if chart.unit else ""
    spots: list[Hotspot] = []
    keys: list[Key] = []
    layout = Layout("range")
    width = 0.5 / max(1, len(chart.series))
    for s, name in enumerate(chart.series):
        colour, symbol = SERIES_STYLE[s % len(SERIES_STYLE)]
        xs = [i + (s - (len(chart.series) - 1) / 2) * width for i in range(len(chart.items))]
        means = [item.values[s] for item in chart.items]
        sds = [item.sd[s] for item in chart.items]
        for weak in (False, True):
            chosen = [i for i, item in enumerate(chart.items) if item.weaker == weak]
            if not chosen:
                continue
            at_x, at_y, spread = (np.array([seq[i] for i in chosen]) for seq in (xs, means, sds))
            if weak:  # hollow markers, thin dashed whiskers: visibly weaker than pooled data
                whisker = pg.mkPen(colour, width=WEAK_WIDTH)
                whisker.setDashPattern(WEAK_DASHES)
                brush, edge = pg.mkBrush(ink.paper), pg.mkPen(colour, width=2.5)
            else:
                whisker = pg.mkPen(colour, width=2.5)
                brush, edge = pg.mkBrush(colour), pg.mkPen(ink.text, width=1.2)
            plot.addItem(pg.ErrorBarItem(x=at_x, y=at_y, top=spread, bottom=spread, beam=0.12, pen=whisker))
            plot.plot(at_x, at_y, pen=None, symbol=symbol, symbolSize=14, symbolBrush=brush, symbolPen=edge)
        keys.append(Key(colour, GLYPH[symbol], f"{name} (mean ± 1 SD)"))
        for x, item, mean, sd in zip(xs, chart.items, means, sds):
            text = label(plot, number_text(mean), ink, (-0.15, 0.5))
            text.setPos(x, mean)
            layout.values.append((text, x, mean))
            n = item.n[s] if len(item.n) == len(chart.series) else item.n_text()
            spots.append(Hotspot(x, mean, f"{name}, {item.label}: mean {number_text(mean)} ± "
                                          f"{number_text(sd)}{unit} (SD); {n}; {item.source}"
                                          + caveat_suffix(item)))
    layout.left_edge = -(len(chart.series) - 1) / 2 * width - 0.12  # the whisker ends 0.06 out
    layout.x_max = len(chart.items) - 0.4
    for cutoff in chart.cutoffs:
        style = Qt.PenStyle.DashLine if cutoff.dashed else Qt.PenStyle.SolidLine
        plot.addItem(pg.InfiniteLine(pos=cutoff.value, angle=0, pen=pg.mkPen(ink.text, width=2, style=style)))
        value = f"{number_text(cutoff.value)}{unit}"
        words = "second-hand" if cutoff.dashed else "cut-off"
        tag = label(plot, f"{value} {words}", ink, (0, 0.5), points=8.5, bold=False)
        tag.fill = ink.fill(255)
        tag.border = pg.mkPen(ink.text, width=1, style=style)
        layout.tags.append((tag, cutoff.value, f"{value} {words}", f"{value}\n{words}"))
        spots.append(Hotspot(layout.left_edge, cutoff.value,
                             f"Line at {number_text(cutoff.value)}{unit}: {cutoff.label}"))
    layout.rows = [(i, item.label + (" (weaker)" if item.weaker else ""), "")  # the studies, along the x axis
                   for i, item in enumerate(chart.items)]
    plot.getAxis("bottom").setTicks([[(i, name) for i, name, _ in layout.rows]])
    plot.setXRange(-0.6, layout.x_max, padding=0)
    top = max(max(m + s for m, s in zip(i.values, i.sd)) for i in chart.items)
    plot.setYRange(*(chart.y_range or (0, top * 1.12)), padding=0)
    plot.setLabel("left", chart.y_label or chart.unit, color=ink.text)
    keys += weaker_key(chart, ink)
    keys += [Key(ink.text, "╌╌" if c.dashed else "──", c.label) for c in chart.cutoffs]
    return spots, keys, layout


def _draw_accuracy(plot, chart: Chart, ink: Ink):
    """Horizontal bars: sensitivity (solid blue) and specificity (hatched orange) for each test."""
    pg = pyqtgraph()
    spots: list[Hotspot] = []
    layout = Layout("accuracy")
    count = len(chart.items)
    sens_brush = pg.mkBrush(BLUE)
    spec_brush = QBrush(QColor(ORANGE))
    hatch = QBrush(QColor(PRINT.text), Qt.BrushStyle.BDiagPattern)  # on the orange bar: dark on any card
    outline = pg.mkPen(ink.text, width=1)
    for index, item in enumerate(chart.items):
        y = count - 1 - index
        sens, spec = item.accuracy()
        for offset, name, value, brush in ((0.19, "Sensitivity", sens, sens_brush),
                                           (-0.19, "Specificity", spec, spec_brush)):
            pen = outline
            if item.weaker:  # hollow bars with a dashed edge in the bar's colour
                colour = BLUE if name == "Sensitivity" else ORANGE
                brush = QBrush(Qt.BrushStyle.NoBrush)
                pen = pg.mkPen(colour, width=2.5, style=Qt.PenStyle.DashLine)
            plot.addItem(pg.BarGraphItem(x0=[0], y=[y + offset], width=[value], height=[0.36], brush=brush,
                                         pen=pen))
            if name == "Specificity":
                plot.addItem(pg.BarGraphItem(x0=[0], y=[y + offset], width=[value], height=[0.36], brush=hatch,
                                             pen=outline))
            text = label(plot, proportion_text(value), ink, (-0.1, 0.5), points=8.5, fill=False)
            text.setPos(value, y + offset)
            layout.values.append((text, value, y + offset))
            ratios = ""
            if item.lr_pos is not None and item.lr_neg is not None:
                ratios = f"; LR+ {number_text(item.lr_pos)}, LR− {number_text(item.lr_neg)}"
            spots.append(Hotspot(value, y + offset,
                                 f"{item.label} ({item.target}): {name.lower()} {proportion_text(value)}{ratios}; "
                                 f"{item.n_text()}; {item.source}" + (f". {item.note}" if item.note else "")
                                 + caveat_suffix(item),
                                 QRectF(0, y + offset - 0.18, max(value, 0.05), 0.36)))
        layout.rows.append((y, item.label + (" *" if item.combined else ""), n_short(item.n_text())))
    keys = [Key(BLUE, "■", "Sensitivity (solid upper bar)"), Key(ORANGE, "▨", "Specificity (hatched lower bar), "
                                                                           "both as proportions from 0 to 1")]
    if any(item.combined for item in chart.items):
        keys.append(Key(ink.text, "*", "a combination reported by the source"))
    keys += weaker_key(chart, ink)
    plot.getAxis("left").setTicks([[(y, f"{name}\n{size}") for y, name, size in layout.rows]])
    plot.getAxis("left").setWidth(200)
    plot.getAxis("bottom").setTicks([[(v / 4, number_text(v / 4)) for v in range(5)]])
    layout.x_max = 1.25
    plot.setXRange(0, layout.x_max, padding=0)
    plot.setYRange(-0.6, count - 0.4, padding=0)
    return spots, keys, layout


def _draw_paired(plot, chart: Chart, ink: Ink):
    """One line per study from before to after, each with its own marker and line style."""
    pg = pyqtgraph()
    before, after = chart.series_names()[:2]
    spots: list[Hotspot] = []
    keys: list[Key] = []
    layout = Layout("paired", stages=[[], []])
    low = min(min(i.values) for i in chart.items)
    high = max(max(i.values) for i in chart.items)
    y_range = chart.y_range or (min(0, low), high * 1.1)
    colours = [VERMILION, BLUE, GREEN, PURPLE, ORANGE, SKY]
    symbols = ["o", "s", "t", "d", "star", "h"]
    for index, item in enumerate(chart.items):
        colour = colours[index % len(colours)]
        symbol = symbols[index % len(symbols)]
        if item.weaker:  # thin dotted line, hollow markers
            pen = pg.mkPen(colour, width=WEAK_WIDTH, style=Qt.PenStyle.DotLine)
            brush, edge, glyph, style = pg.mkBrush(ink.paper), pg.mkPen(colour, width=2.5), HOLLOW[symbol], "thin dotted line"
        else:
            pen = pg.mkPen(colour, width=3, style=LINE_STYLES[index % len(LINE_STYLES)])
            brush, edge, glyph = pg.mkBrush(colour), pg.mkPen(ink.text, width=1.2), GLYPH[symbol]
            style = STYLE_WORD[index % len(STYLE_WORD)]
        plot.plot([0, 1], item.values, pen=pen, symbol=symbol, symbolSize=13, symbolBrush=brush, symbolPen=edge)
        keys.append(Key(colour, glyph, f"{item.label}: {item.source}, {n_short(item.n_text())}; {style}"
                                       + (" (weaker study)" if item.weaker else "")))
        for x, value, stage, anchor in ((0, item.values[0], before, (1.25, 0.5)),
                                        (1, item.values[1], after, (-0.25, 0.5))):
            text = label(plot, number_text(value), ink, anchor, fill=False)
            text.setPos(x, value)
            layout.stages[x].append((text, x, value))
            spots.append(Hotspot(x, value, f"{item.label}, {stage.lower()}: {number_text(value)}; "
                                           f"{item.n_text()}; {item.source}" + caveat_suffix(item)))
    plot.getAxis("bottom").setTicks([[(0, before), (1, after)]])
    plot.setXRange(-0.4, 1.4, padding=0)
    plot.setYRange(*y_range, padding=0)
    plot.setLabel("left", chart.y_label, color=ink.text)
    return spots, keys, layout
