"""Controls shown over the diagram (the depth slider, the nerve-type button, the positions key):
each finds its corner, then sits above any other one already there, so none covers another at
any window or text size."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

GAP = 6


def other_overlays(view, widget: QWidget) -> list[QWidget]:
    """The other widgets shown over the diagram (children of the view, not its own parts)."""
    own = {view.viewport(), view.horizontalScrollBar(), view.verticalScrollBar()}
    # children(), not findChildren(): its options would name Qt's enums, which start-up avoids building
    return [w for w in view.children() if isinstance(w, QWidget) and w is not widget and w.isVisible()
            and w not in own]


def clear_top(view, widget: QWidget, x: int, y: int, width: int, height: int, top: int = 0) -> int:
    """``y``, or higher: just above each other control the rectangle would cover (never above ``top``)."""
    for other in sorted(other_overlays(view, widget), key=lambda w: -w.geometry().top()):
        if QRect(x, y, width, height).intersects(other.geometry()):
            y = max(top, other.geometry().top() - height - GAP)
    return y
