"""Room for a side panel (Study, Lesson notes): it takes its width from the diagram, never from the lesson.

The central splitter would shrink the diagram and the lesson in proportion, and on a laptop screen
(1366 px) two docks side by side left the lesson too narrow for its tables and charts. So: the
right-hand docks share one place as tabs, and after a dock opens or closes the lesson keeps the
width it had (at least LESSON_MIN when the window allows), the diagram taking up the difference.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget

LESSON_MIN = 540     # wide enough for the lesson's tables and charts
DIAGRAM_MIN = 300
DOCK_WIDTH = 360     # a side panel's width on a narrow window
WIDE_DOCK_WIDTH = 420


def open_dock(window, dock: QDockWidget) -> None:
    """Show ``dock`` as a tab with any other open right-hand dock, keeping the lesson's width."""
    lesson_width = window.panel.width() if window.panel.isVisible() else 0
    others = [d for d in window.findChildren(QDockWidget)
              if d is not dock and d.isVisible() and not d.isFloating()
              and window.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea]
    if others and not dock.isFloating() and dock not in window.tabifiedDockWidgets(others[0]):
        window.tabifyDockWidget(others[0], dock)
    dock.show()
    dock.raise_()
    if not dock.isFloating():  # narrow windows: a slim panel; wide ones: room for long answers
        width = DOCK_WIDTH if window.width() < 1600 else WIDE_DOCK_WIDTH
        if window.width() < 1600 or dock.width() < width:
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    keep_lesson_width(window, lesson_width)


def keep_lesson_width(window, lesson_width: int) -> None:
    """Give the lesson its width back (now and once the layout has settled), the diagram taking the rest."""
    if lesson_width <= 0:
        return
    _apply(window, lesson_width)
    QTimer.singleShot(0, lambda: _apply(window, lesson_width))


def _apply(window, lesson_width: int) -> None:
    splitter = window.splitter
    if splitter.count() != 2:
        return
    window.layout().activate()
    total = sum(splitter.sizes())
    if total <= 0:
        return
    want = min(max(lesson_width, LESSON_MIN), total - DIAGRAM_MIN)
    want = max(want, min(LESSON_MIN, total))  # too tight for both: the lesson's minimum wins
    splitter.setSizes([total - want, want])


def watch_close(window, dock: QDockWidget) -> None:
    """When ``dock`` closes, the space it leaves goes to the diagram, not the lesson."""
    def closed(visible: bool) -> None:
        if not visible and dock.isHidden() and window.panel.isVisible():
            keep_lesson_width(window, window.panel.width())
    dock.visibilityChanged.connect(closed)
