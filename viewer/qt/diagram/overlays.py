"""Controls shown over the diagram (the depth slider, the nerve-type button, the positions key):
each finds its corner, then sits above any other one already there, so none covers another at
any window or text size; and the fitted diagram lies above those at its foot."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QWidget

GAP = 6
FOOT_GAP = 4
MAX_FOOT_SHARE = 0.4  # of the view's height, at most, kept free below a fitted diagram for the controls there


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



class FootControls(QObject):
    """The controls placed at the foot of the diagram's view (the depth slider, the nerve-type button).
    A fitted diagram is drawn above them, so they never cover its lowest labels, however large the text;
    when they move or change size (window or text size), the view is fitted again."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.controls: list[QWidget] = []
        self.fitted_band = 0  # the band the view was last fitted with

    def add(self, control: QWidget) -> None:
        self.controls.append(control)
        control.installEventFilter(self)

    def band(self) -> int:
        """The height at the bottom of the view they take, with a gap above (at most MAX_FOOT_SHARE)."""
        tops = [control.geometry().top() for control in self.controls if not control.isHidden()]
        if not tops:
            return 0
        band = self.view.height() - min(tops) + FOOT_GAP
        return max(0, min(band, round(self.view.viewport().height() * MAX_FOOT_SHARE)))

    def eventFilter(self, watched, event) -> bool:
        if (event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)
                and self.view.fitted and self.band() != self.fitted_band):
            self.view.fit()
        return False
