"""The key to a position's hatching, on the diagram itself while the Positions panel shows one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from viewer.qt.diagram.overlays import clear_top
from viewer.qt.app.theme import THEME

ENTRIES = (("tenses", "Tensed (stretched)"), ("narrows", "Narrowed (less room)"))
MARGIN = 10
MAX_SHARE = 0.4   # of the diagram's width or height, at most, unless the text would go below MIN_PT
MIN_PT = 8.0


def hatch_brush(effect: str) -> QBrush:
    """The brush a region gets for ``effect`` (the same pattern as viewer/qt/diagram/region_item.py)."""
    colour = THEME.tensed if effect == "tenses" else THEME.narrowed
    pattern = Qt.BrushStyle.BDiagPattern if effect == "tenses" else Qt.BrushStyle.CrossPattern
    return QBrush(QColor(colour), pattern)


class PositionsLegend(QWidget):
    """A small boxed key in the diagram's lower right corner (the depth slider has the left one): a hatch
    swatch and a word for each effect.
    It follows the text size and theme, and keeps its corner when the diagram is resized."""

    def __init__(self, view):
        super().__init__(view)  # on the view, not its viewport: the viewport moves its children when it scrolls
        self.view = view
        self.setObjectName("positions-legend")
        self.setAccessibleName("Key: orange diagonal hatching = tensed; purple cross-hatching = narrowed")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks reach the diagram
        view.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._place()

    def showEvent(self, event) -> None:  # noqa: N802
        self._place()
        super().showEvent(event)

    def _swatch(self) -> int:
        return self.fontMetrics().height() * 3 // 2

    def _size_for(self, font) -> tuple[int, int]:
        from PySide6.QtGui import QFontMetrics

        metrics = QFontMetrics(font)
        swatch, pad = metrics.height() * 3 // 2, metrics.height() // 2
        width = pad * 3 + swatch + max(metrics.horizontalAdvance(text) for _effect, text in ENTRIES)
        return width, pad * (len(ENTRIES) + 1) + swatch * len(ENTRIES)

    def _place(self) -> None:
        """At the window's text size, unless that would cover too much of a small diagram: then smaller,
        down to MIN_PT."""
        area = self.view.viewport().geometry()
        font = QFont(self.view.font())
        width, height = self._size_for(font)
        while (width > area.width() * MAX_SHARE or height > area.height() * MAX_SHARE) and font.pointSizeF() > MIN_PT:
            font.setPointSizeF(max(MIN_PT, font.pointSizeF() * 0.9))
            width, height = self._size_for(font)
        if font != self.font():
            self.setFont(font)  # its FontChange places it again, with the same result
        self.resize(width, height)
        x, y = max(area.left(), area.right() + 1 - width - MARGIN), max(area.top(), area.bottom() + 1 - height - MARGIN)
        y = clear_top(self.view, self, x, y, width, height, area.top())  # above the depth slider, the nerve button
        self.move(x, y)
        self.update()

    def entry_rects(self) -> list[tuple[str, str, QRect, QRect]]:
        """(effect, text, swatch rectangle, text rectangle), top to bottom."""
        swatch, pad = self._swatch(), self.fontMetrics().height() // 2
        rows = []
        for row, (effect, text) in enumerate(ENTRIES):
            top = pad + row * (swatch + pad)
            rows.append((effect, text, QRect(pad, top, swatch, swatch),
                         QRect(pad * 2 + swatch, top, self.width() - pad * 3 - swatch, swatch)))
        return rows

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(THEME.window_text), 1))
        painter.setBrush(QColor(THEME.window))
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 4, 4)
        for effect, text, swatch, label in self.entry_rects():
            colour = THEME.tensed if effect == "tenses" else THEME.narrowed
            painter.setPen(QPen(QColor(colour), 2))
            painter.setBrush(hatch_brush(effect))
            painter.drawRect(swatch)
            painter.setPen(QColor(THEME.window_text))
            painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.end()
