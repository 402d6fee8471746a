"""Small widgets for the Study dock that fit any width: buttons whose text wraps, and a page stack
in which only the page shown decides the size (so a long answer on a hidden page cannot widen the dock)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

MARGIN_X, MARGIN_Y = 10, 6


def wrapped_label(text: str = "", role: str = "", rich: bool = False, size: float = 1.0,
                  bold: bool = False) -> QLabel:
    """A wrapping label. Screen readers read its text (so no fixed accessible name); ``role`` says what it is."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setAccessibleDescription(role)
    if size != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * size)
        font.setBold(bold)
        label.setFont(font)
    return label


class WrapButton(QPushButton):
    """A push button whose text wraps onto as many lines as the width needs (plain QPushButtons never wrap)."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setObjectName("wrap-button-text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN_X, MARGIN_Y, MARGIN_X, MARGIN_Y)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        self.label.setText(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.label.text()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(self.minimumHeight(), self.label.heightForWidth(max(width - 2 * MARGIN_X, 40)) + 2 * MARGIN_Y)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = min(self.label.sizeHint().width(), 420) + 2 * MARGIN_X
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(80, self.heightForWidth(80) if not self.label.text() else self.fontMetrics().height() + 2 * MARGIN_Y)


class Pages(QWidget):
    """Like QStackedWidget, but hidden pages take no room: the size is the shown page's alone."""

    currentChanged = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pages: list[QWidget] = []
        self._current = -1
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> int:  # noqa: N802
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(not self._pages[:-1])
        if self._current < 0:
            self._current = 0
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:  # noqa: N802
        return self._current

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._pages[self._current] if 0 <= self._current < len(self._pages) else None

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        if index == self._current:
            return
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)
        self._current = index
        self.currentChanged.emit(index)
