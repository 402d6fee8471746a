"""The notice bar: a message in the status bar that stays until the user dismisses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from viewer.qt.app.theme import notice_style


class NoticeBar(QFrame):
    """A notice in the status bar that stays until the user dismisses it (hover text cannot hide it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(notice_style())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.label.setAccessibleName("Notice")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.setAccessibleName("Dismiss notice")
        self.dismiss.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss)
        self.messages: list[str] = []

    def resizeEvent(self, event) -> None:
        """The status bar ignores height-for-width: fit the wrapped text to the width it really has."""
        super().resizeEvent(event)
        height = self.label.heightForWidth(max(self.label.width(), 100))
        if height > 0 and height != self.label.height():
            self.label.setFixedHeight(height)

    def add(self, text: str) -> None:
        self.messages.append(text)
        self.label.setText("⚠ " + "\n⚠ ".join(self.messages))
        self.setAccessibleDescription(" ".join(self.messages))
        self.show()

    def clear(self) -> None:
        self.messages.clear()
        self.label.clear()
        self.hide()
