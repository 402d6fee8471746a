"""The floor: a bare PySide6 QMainWindow shown and painted by the same Python, then exit."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class ExitAfterPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 900)
watcher = ExitAfterPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
