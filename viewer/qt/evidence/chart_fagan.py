"""A Fagan nomogram in pyqtgraph: pre-test probability (left, reversed), likelihood ratio
(middle) and post-test probability (right). On these scales a straight line from the
pre-test probability through the LR lands on the post-test probability:
left y = −logit(pre), middle y = ln(LR) / 2, right y = logit(post)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

from viewer.model.evidence.posttest import logit, post_test
from viewer.qt.evidence.chart_plot import BLUE, INK, VERMILION, small_font
from viewer.qt.evidence.plotting import pyqtgraph
from PySide6.QtGui import QTextOption

PROBABILITIES = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99,
                 0.995, 0.999]
TITLES = ("Pre-test\nprobability %", "Likelihood\nratio", "Post-test\nprobability %")
TOP = 9.0  # the scales end at ±6.9; above them, room for the titles (their top edge at TOP)
RATIOS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]


def _centred():
    option = QTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return option


def percent(p: float) -> str:
    value = p * 100
    return f"{value:.1f}%" if value < 1 or value > 99 else f"{value:.0f}%"


class FaganNomogram:
    """Draws the three scales once; ``update`` moves the two result lines."""

    def __init__(self, scale: float = 1.0):
        """``scale``: the user's text size (viewer.qt.app.text_size.current_scale)."""
        pg = pyqtgraph()
        self.scale = scale
        self.widget = pg.PlotWidget()
        self.widget.setMinimumSize(round(420 * max(1.0, scale)), round(420 * max(1.0, scale)))
        self.widget.setAccessibleName("Fagan nomogram")
        plot = self.widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setXRange(-0.55, 2.55, padding=0)
        plot.setYRange(-7.4, TOP, padding=0)
        self._scales(plot)
        self.positive = plot.plot([], [], pen=pg.mkPen(VERMILION, width=3), symbol="o", symbolSize=10,
                                  symbolBrush=VERMILION, symbolPen=pg.mkPen(INK))
        self.negative = plot.plot([], [], pen=pg.mkPen(BLUE, width=3, style=Qt.PenStyle.DashLine), symbol="s",
                                  symbolSize=10, symbolBrush=BLUE, symbolPen=pg.mkPen(INK))
        self.labels = []
        for colour in (VERMILION, BLUE):
            label = pg.TextItem("", color=INK, anchor=(1.08, 0.5), fill=pg.mkBrush(255, 255, 255, 230),
                                border=pg.mkPen(colour, width=2))
            label.setFont(small_font(10, bold=True, scale=self.scale))
            plot.addItem(label)
            self.labels.append(label)

    def _scales(self, plot) -> None:
        pg = pyqtgraph()
        self.titles = []
        for x, title in enumerate(TITLES):
            plot.plot([x, x], [-6.9, 6.9], pen=pg.mkPen(INK, width=2))
            text = pg.TextItem(title, color=INK, anchor=(0.5, 0))
            text.setFont(small_font(9.5, bold=True, scale=self.scale))
            text.textItem.document().setDefaultTextOption(_centred())
            text.textItem.setTextWidth(text.textItem.document().idealWidth())  # centred lines need a width
            text.updateTextPos()
            text.setPos(x, TOP)
            plot.addItem(text)
            self.titles.append(text)
        for p in PROBABILITIES:
            for x, y, anchor in ((0, -logit(p), (1.15, 0.5)), (2, logit(p), (-0.15, 0.5))):
                self._tick(plot, x, y, percent(p), anchor)
        for ratio in RATIOS:
            self._tick(plot, 1, math.log(ratio) / 2, f"{ratio:g}", (1.15, 0.5))

    def _tick(self, plot, x: float, y: float, text: str, anchor) -> None:
        pg = pyqtgraph()
        plot.plot([x - 0.03, x + 0.03], [y, y], pen=pg.mkPen(INK, width=1))
        label = pg.TextItem(text, color=INK, anchor=anchor)
        label.setFont(small_font(7.5, scale=self.scale))
        label.setPos(x, y)
        plot.addItem(label)

    def update(self, pre: float, lr_pos: float, lr_neg: float) -> None:
        for line, label, lr, word in ((self.positive, self.labels[0], lr_pos, "positive"),
                                      (self.negative, self.labels[1], lr_neg, "negative")):
            post = post_test(pre, lr)
            line.setData([0, 1, 2], [-logit(pre), math.log(lr) / 2, logit(post)])
            label.setText(f"If {word}: {percent(post)}")
            label.setPos(2, logit(post))
