"""Room for a side panel (Positions, Notes, Study, Lesson notes): it takes its width from the lesson,
never from the diagram, which keeps at least half the window.

The diagram is what the patient looks at (Teach-back asks them to point at it), so it is the last
thing to shrink: an opening panel first narrows the lesson, and on a narrow window the panel itself
is made slimmer. The right-hand docks share one place as tabs. The split the user had before the
first panel opened is "the normal one": it comes back when the last panel closes, and it is what
the window saves (see DockRoom.normal_splitter_state), never a split squeezed by a panel.
"""

from __future__ import annotations

from PySide6 import QtCore  # QtCore.Qt only inside functions: naming Qt at import builds its namespace (start-up)
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDockWidget

DIAGRAM_SHARE = 0.5  # of the window's width, at least, while a panel is open
LESSON_FLOOR = 240   # the lesson is narrowed down to this before a panel is made slimmer
DOCK_WIDTH = 360     # a side panel's width on a narrow window
WIDE_DOCK_WIDTH = 420
DOCK_FLOOR = 220     # the slimmest a panel is made


class DockRoom(QObject):
    """Owned by the main window: makes room for its side panels and remembers the normal split."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.normal_sizes: list[int] | None = None  # the splitter before the first panel opened

    def side_panels(self) -> list[QDockWidget]:
        """Open panels docked in the window (not floating, and part of its layout)."""
        none = QtCore.Qt.DockWidgetArea.NoDockWidgetArea
        return [d for d in self.window.findChildren(QDockWidget)
                if d.isVisible() and not d.isFloating() and self.window.dockWidgetArea(d) != none]

    def open(self, dock: QDockWidget) -> None:
        """Show ``dock`` (as a tab with any other open right-hand dock), its room taken from the lesson."""
        window = self.window
        others = [d for d in self.side_panels() if d is not dock]
        if not others and self.normal_sizes is None:
            self.normal_sizes = window.splitter.sizes()
        right = QtCore.Qt.DockWidgetArea.RightDockWidgetArea
        same_side = [d for d in others if window.dockWidgetArea(d) == window.dockWidgetArea(dock) == right]
        if same_side and not dock.isFloating() and dock not in window.tabifiedDockWidgets(same_side[0]):
            window.tabifyDockWidget(same_side[0], dock)
        dock.show()
        dock.raise_()
        if dock in self.side_panels():  # narrow windows: a slim panel; wide ones: room for long answers
            width = DOCK_WIDTH if window.width() < 1600 else WIDE_DOCK_WIDTH
            if window.width() < 1600 or dock.width() < width:
                window.resizeDocks([dock], [width], QtCore.Qt.Orientation.Horizontal)
        self.fit()

    def watch(self, dock: QDockWidget) -> None:
        """When ``dock`` closes: the room goes back to the lesson (the normal split once none is open)."""
        dock.visibilityChanged.connect(lambda visible: None if visible or not dock.isHidden() else self.fit())

    def fit(self) -> None:
        """Now and once the layout has settled (docks take their width a turn later)."""
        self._apply()
        QTimer.singleShot(0, self._apply)

    def _apply(self) -> None:
        window = self.window
        if not window.isVisible():  # closed or not yet shown: nothing to measure, and the normal split is kept
            return
        splitter = window.splitter
        panels = self.side_panels()
        if not panels:
            if self.normal_sizes is not None and window.panel.isVisible():
                window.layout().activate()
                _share(splitter, self.normal_sizes)
            self.normal_sizes = None
            return
        if not window.panel.isVisible() or splitter.count() != 2:
            return
        window.layout().activate()
        half = round(window.width() * DIAGRAM_SHARE)
        central = sum(splitter.sizes())
        if central - half < LESSON_FLOOR:  # too narrow for all three: the panels get slimmer, not the diagram
            areas: dict[object, QDockWidget] = {}
            for dock in panels:
                areas.setdefault(window.dockWidgetArea(dock), dock)  # tabs share their area's width
            each = -(-(LESSON_FLOOR - (central - half)) // len(areas))
            for dock in areas.values():
                window.resizeDocks([dock], [max(DOCK_FLOOR, dock.width() - each)], QtCore.Qt.Orientation.Horizontal)
            window.layout().activate()
            central = sum(splitter.sizes())
        normal_lesson = self.normal_sizes[1] if self.normal_sizes else splitter.sizes()[1]
        lesson = max(0, min(normal_lesson, central - half))
        splitter.setSizes([central - lesson, lesson])

    def normal_splitter_state(self):
        """The splitter as the window should save it: the normal split, even while a panel squeezes it."""
        splitter = self.window.splitter
        if self.normal_sizes is None:
            return splitter.saveState()
        current = splitter.sizes()
        splitter.setSizes(self.normal_sizes)
        state = splitter.saveState()
        splitter.setSizes(current)
        return state


def _share(splitter, sizes: list[int]) -> None:
    """``sizes`` scaled to the splitter's current width (the window may have been resized meanwhile)."""
    total, before = sum(splitter.sizes()), sum(sizes)
    if total > 0 and before > 0:
        diagram = round(total * sizes[0] / before)
        splitter.setSizes([diagram, total - diagram])


def open_dock(window, dock: QDockWidget) -> None:
    window.dock_room.open(dock)


def watch_close(window, dock: QDockWidget) -> None:
    window.dock_room.watch(dock)


def scrolling(body):
    """A side panel's content, scrolled up and down rather than squeezed when large text needs more height
    than the dock has. Never sideways: the panel is kept at least as wide as its content needs, and its
    rows wrap (viewer/qt/app/wrap_row.py) so that width stays small."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    class PanelScroll(QScrollArea):
        def minimumSizeHint(self):
            hint = super().minimumSizeHint()
            hint.setWidth(body.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width())
            return hint

    area = PanelScroll()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
