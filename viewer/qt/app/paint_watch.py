"""Runs a callback once a widget has painted its first frame."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    def __init__(self, widget, callback):
        super().__init__(widget)
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            watched.removeEventFilter(self)
            # runs after the whole window's paint pass has finished
            QTimer.singleShot(0, self._callback)
        return False
