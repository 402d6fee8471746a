"""Runs the app (or the floor) and writes "painted" to stdout once its first frame is done.

    python benchmarks/paint_probe.py app  [viewer options]
    python benchmarks/paint_probe.py floor

The benchmark times the line's arrival, so start-up can be read without the time the
process then takes to quit. Both announce at the same point: the zero-timer that runs once
the first paint pass has finished.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def announce() -> None:
    sys.stdout.write("painted\n")
    sys.stdout.flush()


def app(argv: list[str]) -> int:
    # as viewer/launch.py and viewer.cli.main start the window (no cycle collection, the model before PySide6),
    # so that hooking the first paint changes nothing else
    import gc

    gc.disable()
    import viewer.model.content.cache  # noqa: F401
    import viewer.qt.app.paint_watch as paint_watch
    from viewer.cli import main

    original = paint_watch.FirstPaint.__init__

    def announcing(self, widget, callback):
        original(self, widget, lambda: (announce(), callback()))

    paint_watch.FirstPaint.__init__ = announcing
    return main(["--exit-after-paint", *argv])


def floor() -> int:  # as benchmarks/floor.py
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class ExitAfterPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, lambda: (announce(), QApplication.quit()))
            return False

    application = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 900)
    watcher = ExitAfterPaint()
    window.installEventFilter(watcher)
    window.show()
    return application.exec()


if __name__ == "__main__":
    sys.exit(app(sys.argv[2:]) if sys.argv[1] == "app" else floor())
