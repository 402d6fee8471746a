"""Draws one chart (viewer.model.charts.Chart) into a pyqtgraph PlotItem.

Colour-blind-safe colours (Okabe–Ito) always come with a second cue: marker shape,
hatching or a line style, plus a printed value. Each drawing returns hot spots: the
places a pointer (or the arrow keys) can land on to read the exact numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

from viewer.model.charts import Chart, number_text, proportion_text
from viewer.qt.plotting import pyqtgraph

BLUE, VERMILION, ORANGE, GREEN, PURPLE, SKY = "#0072B2", "#D55E00", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"
SERIES_STYLE = [(VERMILION, "o"), (BLUE, "s"), (GREEN, "t"), (PURPLE, "d")]
LINE_STYLES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine]
INK = "#1a1a1a"


@dataclass
class Hotspot:
    x: float
    y: float
    text: str
    rect: QRectF | None = None  # bars: the whole bar counts, in data coordinates


@dataclass
class Key:
    """One legend entry, drawn as text under the title: a coloured glyph, the line style, the name."""
    colour: str
    glyph: str
    name: str


GLYPH = {"o": "●", "s": "■", "t": "▼", "d": "◆", "star": "★", "h": "⬢"}
STYLE_WORD = ["solid line", "dashed line", "dotted line", "dash-dot line"]


def small_font(points: float = 9.0, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def n_short(text: str) -> str:
    """'33 patients, 23 confirmed' -> 'n=33'; no number -> 'n not given'."""
    match = re.search(r"\d+", text)
    return f"n={match.group(0)}" if match else "n not given"


def draw(plot, chart: Chart) -> tuple[list[Hotspot], list[Key]]:
    """Draw the chart; returns its hot spots and its legend entries."""
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.showGrid(x=chart.type == "accuracy", y=chart.type != "accuracy", alpha=0.25)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(pyqtgraph().mkPen(INK))
        axis.setTickFont(small_font(9.5))
    return {"range": _draw_range, "accuracy": _draw_accuracy, "paired": _draw_paired}[chart.type](plot, chart)


def _spread(values: list[float], gap: float) -> list[float]:
    """Label positions for values, nudged apart so no two labels overlap."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = list(values)
    for previous, current in zip(order, order[1:]):
        placed[current] = max(placed[current], placed[previous] + gap)
    return placed


def _draw_range(plot, chart: Chart):
    """Means ± 1 SD for each series, studies side by side, with labelled cut-off lines."""
    import numpy as np

    pg = pyqtgraph()
    unit = f" {chart.unit}" if chart.unit else ""
    spots: list[Hotspot] = []
    keys: list[Key] = []
    width = 0.5 / max(1, len(chart.series))
    for s, name in enumerate(chart.series):
        colour, symbol = SERIES_STYLE[s % len(SERIES_STYLE)]
        xs = [i + (s - (len(chart.series) - 1) / 2) * width for i in range(len(chart.items))]
        means = [item.values[s] for item in chart.items]
        sds = [item.sd[s] for item in chart.items]
        plot.addItem(pg.ErrorBarItem(x=np.array(xs), y=np.array(means), top=np.array(sds),
                                     bottom=np.array(sds), beam=0.12, pen=pg.mkPen(colour, width=2.5)))
        plot.plot(xs, means, pen=None, symbol=symbol, symbolSize=14, symbolBrush=colour,
                  symbolPen=pg.mkPen(INK, width=1.2))
        keys.append(Key(colour, GLYPH[symbol], f"{name} (mean ± 1 SD)"))
        for x, item, mean, sd in zip(xs, chart.items, means, sds):
            label = pg.TextItem(f"{number_text(mean)}", color=INK, anchor=(-0.15, 0.5))
            label.setFont(small_font(9, bold=True))
            label.setPos(x, mean)
            plot.addItem(label)
            n = item.n[s] if len(item.n) == len(chart.series) else item.n_text()
            spots.append(Hotspot(x, mean, f"{name}, {item.label}: mean {number_text(mean)} ± "
                                          f"{number_text(sd)}{unit} (SD); {n}; {item.source}"))
    for cutoff in chart.cutoffs:
        style = Qt.PenStyle.DashLine if cutoff.dashed else Qt.PenStyle.SolidLine
        line = pg.InfiniteLine(pos=cutoff.value, angle=0, pen=pg.mkPen(INK, width=2, style=style),
                               label=f"{number_text(cutoff.value)}{unit}" + (" (second-hand)" if cutoff.dashed else
                                                                              " cut-off"),
                               labelOpts={"position": 0.03, "color": INK, "anchors": [(0, 1), (0, 1)],
                                          "fill": pg.mkBrush(255, 255, 255, 200)})
        line.label.setFont(small_font(8.5))
        plot.addItem(line)
        spots.append(Hotspot(-0.45, cutoff.value, f"Line at {number_text(cutoff.value)}{unit}: {cutoff.label}"))
    axis = plot.getAxis("bottom")
    axis.setTicks([[(i, item.label) for i, item in enumerate(chart.items)]])
    plot.setXRange(-0.6, len(chart.items) - 0.4, padding=0)
    top = max(max(m + s for m, s in zip(i.values, i.sd)) for i in chart.items)
    plot.setYRange(*(chart.y_range or (0, top * 1.12)), padding=0)
    plot.setLabel("left", chart.y_label or chart.unit, color=INK)
    keys += [Key(INK, "╌╌" if c.dashed else "──", c.label) for c in chart.cutoffs]
    return spots, keys


def _draw_accuracy(plot, chart: Chart):
    """Horizontal bars: sensitivity (solid blue) and specificity (hatched orange) for each test."""
    pg = pyqtgraph()
    spots: list[Hotspot] = []
    count = len(chart.items)
    sens_brush = pg.mkBrush(BLUE)
    spec_brush = QBrush(QColor(ORANGE))
    hatch = QBrush(QColor(INK), Qt.BrushStyle.BDiagPattern)
    outline = pg.mkPen(INK, width=1)
    for index, item in enumerate(chart.items):
        y = count - 1 - index
        for offset, name, value, brush in ((0.19, "Sensitivity", item.sens, sens_brush),
                                           (-0.19, "Specificity", item.spec, spec_brush)):
            bar = pg.BarGraphItem(x0=[0], y=[y + offset], width=[value], height=[0.36], brush=brush, pen=outline)
            plot.addItem(bar)
            if name == "Specificity":
                plot.addItem(pg.BarGraphItem(x0=[0], y=[y + offset], width=[value], height=[0.36], brush=hatch,
                                             pen=outline))
            text = pg.TextItem(proportion_text(value), color=INK, anchor=(-0.1, 0.5))
            text.setFont(small_font(8.5, bold=True))
            text.setPos(value, y + offset)
            plot.addItem(text)
            ratios = ""
            if item.lr_pos is not None and item.lr_neg is not None:
                ratios = f"; LR+ {number_text(item.lr_pos)}, LR− {number_text(item.lr_neg)}"
            spots.append(Hotspot(value, y + offset,
                                 f"{item.label} ({item.target}): {name.lower()} {proportion_text(value)}{ratios}; "
                                 f"{item.n_text()}; {item.source}" + (f". {item.note}" if item.note else ""),
                                 QRectF(0, y + offset - 0.18, max(value, 0.05), 0.36)))
        size = pg.TextItem(n_short(item.n_text()), color="#444444", anchor=(0, 0.5))
        size.setFont(small_font(8.5))
        size.setPos(1.13, y)
        plot.addItem(size)
    keys = [Key(BLUE, "■", "Sensitivity (solid upper bar)"), Key(ORANGE, "▨", "Specificity (hatched lower bar), "
                                                                           "both as proportions from 0 to 1")]
    if any(item.combined for item in chart.items):
        keys.append(Key(INK, "*", "a combination reported by the source"))
    plot.getAxis("left").setTicks([[(count - 1 - i, item.label + (" *" if item.combined else ""))
                                    for i, item in enumerate(chart.items)]])
    plot.getAxis("left").setWidth(200)
    plot.getAxis("bottom").setTicks([[(v / 4, number_text(v / 4)) for v in range(5)]])
    plot.setXRange(0, 1.42, padding=0)
    plot.setYRange(-0.6, count - 0.4, padding=0)
    return spots, keys


def _draw_paired(plot, chart: Chart):
    """One line per study from before to after, each with its own marker and line style."""
    pg = pyqtgraph()
    before, after = chart.series_names()[:2]
    spots: list[Hotspot] = []
    keys: list[Key] = []
    low = min(min(i.values) for i in chart.items)
    high = max(max(i.values) for i in chart.items)
    y_range = chart.y_range or (min(0, low), high * 1.1)
    gap = (y_range[1] - y_range[0]) * 0.045
    label_y = [_spread([i.values[stage] for i in chart.items], gap) for stage in (0, 1)]
    colours = [VERMILION, BLUE, GREEN, PURPLE, ORANGE, SKY]
    symbols = ["o", "s", "t", "d", "star", "h"]
    for index, item in enumerate(chart.items):
        colour = colours[index % len(colours)]
        pen = pg.mkPen(colour, width=3, style=LINE_STYLES[index % len(LINE_STYLES)])
        plot.plot([0, 1], item.values, pen=pen, symbol=symbols[index % len(symbols)], symbolSize=13,
                  symbolBrush=colour, symbolPen=pg.mkPen(INK, width=1.2))
        keys.append(Key(colour, GLYPH[symbols[index % len(symbols)]],
                        f"{item.label} ({item.source}; {n_short(item.n_text())}), "
                        f"{STYLE_WORD[index % len(STYLE_WORD)]}"))
        for x, value, stage, anchor in ((0, item.values[0], before, (1.25, 0.5)),
                                        (1, item.values[1], after, (-0.25, 0.5))):
            text = pg.TextItem(number_text(value), color=INK, anchor=anchor)
            text.setFont(small_font(9, bold=True))
            text.setPos(x, label_y[x][index])
            plot.addItem(text)
            spots.append(Hotspot(x, value, f"{item.label}, {stage.lower()}: {number_text(value)}; "
                                           f"{item.n_text()}; {item.source}"))
    plot.getAxis("bottom").setTicks([[(0, before), (1, after)]])
    plot.setXRange(-0.4, 1.4, padding=0)
    plot.setYRange(*y_range, padding=0)
    plot.setLabel("left", chart.y_label, color=INK)
    return spots, keys
