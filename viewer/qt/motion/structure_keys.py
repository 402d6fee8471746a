"""The axial view's keys: Tab walks its structures as on the posterior diagram and Enter opens one;
the shortcut table's "Hip in motion" keys (arrows, Page Up/Down, Home) move the hip."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from viewer.qt.app.key_sequences import pressed


class StructureKeys(QWidget):
    """A picture with structures (AxialView): it gives region_ids(); this walks them."""

    regionActivated = Signal(str)  # a click, Enter or a screen reader's action on a structure
    nudgeRequested = Signal(object, float)  # axis (None = neutral), degrees
    structureFocused = Signal(str)  # Tab moved to a structure ("" when focus left them)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: dict[str, str] = {}
        self.focused_id = ""  # the structure Tab has reached (Enter opens its lesson)
        self.keys: dict[str, tuple] = {}  # shortcut id -> (axis, degrees), set by the panel

    def region_ids(self) -> list[str]:
        raise NotImplementedError

    def keyPressEvent(self, event) -> None:
        if pressed(event, "diagram.open") and self.focused_id:  # the diagram's keys (the shortcut table)
            self.regionActivated.emit(self.focused_id)
            return
        action = next((action for shortcut_id, action in self.keys.items() if pressed(event, shortcut_id)), None)
        if action is None:
            super().keyPressEvent(event)
            return
        self.nudgeRequested.emit(*action)

    def set_focused_region(self, region_id: str) -> None:
        self.focused_id = region_id
        self.setToolTip(self.names.get(region_id, ""))
        self.update()
        self.structureFocused.emit(region_id)

    def focusNextPrevChild(self, forward: bool) -> bool:
        ids = self.region_ids()
        if self.hasFocus():
            position = (ids.index(self.focused_id) + (1 if forward else -1)) if self.focused_id in ids else \
                (0 if forward else len(ids) - 1)
            if 0 <= position < len(ids):
                self.set_focused_region(ids[position])
                return True
            self.set_focused_region("")
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason) and not self.focused_id:
            ids = self.region_ids()
            self.set_focused_region(ids[0] if reason == Qt.FocusReason.TabFocusReason else ids[-1])

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.focused_id and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.set_focused_region("")
