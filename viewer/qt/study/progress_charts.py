"""The two charts of the Progress window, drawn with pyqtgraph on a whole-day axis.

x is the number of days from today (0 = today), labelled with dates; days without data are left
out (the rate line breaks there) rather than drawn as zeros. Colours come from the palette.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from viewer.qt.evidence.plotting import pyqtgraph

MIN_DAYS_SHOWN = 3   # the date axis always spans at least three days either side of today


def day_ticks(first: int, last: int, today: date) -> list[tuple[float, str]]:
    """Tick labels for whole days ``first``..``last`` counted from today; no more than about eight."""
    step = max(1, -(-(last - first + 1) // 8))
    ticks = []
    for offset in range(first, last + 1):
        if (offset - first) % step == 0 or offset == 0:
            day = today + timedelta(days=offset)
            ticks.append((float(offset), "Today" if offset == 0 else f"{day:%a} {day.day}"))
    return ticks


def _colours(palette: QPalette) -> tuple[str, str, str]:
    """Background, text and accent colours of the window's theme."""
    return (palette.color(QPalette.ColorRole.Base).name(), palette.color(QPalette.ColorRole.Text).name(),
            palette.color(QPalette.ColorRole.Link).name())


def _style(plot, palette: QPalette, title: str) -> None:
    background, text, _accent = _colours(palette)
    plot.setBackground(background)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(text)
        axis.setTextPen(text)
    plot.setTitle(title, color=text)


def _x_range(plot, first: int, last: int, today: date, past: bool = True) -> None:
    first, last = min(first, -MIN_DAYS_SHOWN if past else 0), max(last, MIN_DAYS_SHOWN)
    plot.getAxis("bottom").setTicks([day_ticks(first, last, today)])
    plot.setXRange(first - 0.5, last + 0.5, padding=0)


def draw_rates(plot, legend, series: list[tuple[str, list]], palette: QPalette) -> None:
    """``series``: (name, [DayPoint]) — the overall line first, then the selected group's if any."""
    pg = pyqtgraph()
    background, text, accent = _colours(palette)
    today = date.today()
    plot.clear()
    legend.clear()
    legend.setBrush(pg.mkBrush(background))   # before the lines are added: their labels take these colours
    legend.setPen(pg.mkPen(text))
    legend.setLabelTextColor(text)
    _style(plot, palette, "Share of right answers, per day")
    styles = [(pg.mkPen(text, width=3), "o", text), (pg.mkPen(accent, width=3, style=Qt.PenStyle.DashLine), "t", accent)]
    drawn, offsets = 0, []
    for (name, points), (pen, symbol, colour) in zip(series, styles):
        if not points:
            continue
        by_day = {(p.day - today).days: 100 * p.rate for p in points}
        first, last = min(by_day), max(by_day)
        xs = list(range(first, last + 1))
        ys = [by_day.get(x, math.nan) for x in xs]   # a day without answers is a gap in the line
        plot.plot(xs, ys, pen=pen, connect="finite", symbol=symbol, symbolSize=10, symbolBrush=colour,
                  symbolPen=colour, name=name)
        drawn += 1
        offsets += [first, last]
    legend.setVisible(drawn > 1)   # one line needs no key: the title says what it is
    if not drawn:
        note = pg.TextItem("No answers yet. Study some cards and your progress shows here.", color=text,
                           anchor=(0.5, 0.5))
        note.setPos(0, 50)
        plot.addItem(note)
    _x_range(plot, min(offsets, default=0), max(offsets, default=0), today)
    plot.setYRange(0, 100)
    overall = series[0][1] if series else []
    plot.setAccessibleDescription("Share of right answers per day. " + ("; ".join(
        f"{p.day:%d %b}: {round(100 * p.rate)}% of {p.total}" for p in overall[-14:]) or "No answers yet."))


def draw_forecast(plot, forecast: list, title: str, palette: QPalette) -> None:
    """Bars only on the days that have cards coming due."""
    pg = pyqtgraph()
    _background, text, accent = _colours(palette)
    today = date.today()
    plot.clear()
    _style(plot, palette, title)
    days = [((p.day - today).days, p.total) for p in forecast if p.total]
    if days:
        plot.addItem(pg.BarGraphItem(x=[d for d, _n in days], height=[n for _d, n in days], width=0.7,
                                     brush=accent, pen=pg.mkPen(text)))
    else:
        note = pg.TextItem(f"Nothing comes due in the next {len(forecast)} days.", color=text, anchor=(0.5, 0.5))
        note.setPos((len(forecast) - 1) / 2, 2)
        plot.addItem(note)
    _x_range(plot, 0, max(len(forecast) - 1, 0), today, past=False)
    plot.setYRange(0, max([n for _d, n in days] + [4]))
    described = ", ".join(f"{p.day:%a %d %b}: {p.total}" for p in forecast if p.total) or "none"
    plot.setAccessibleDescription(f"Cards coming due by day: {described}")
