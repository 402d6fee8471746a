"""The hip-in-motion view for a screen reader (viewer/qt/motion), as access/diagram.py describes the
posterior diagram.

The axial view is a graphic named for its level, described by the pose it shows and its keys, whose
children are its structures (ischiofemoral tunnel, hamstring origin, sciatic nerve): each with its
name, a description (the tunnel's with the spaces it holds now), its place on screen, focus as Tab
reaches it, and an "Open lesson" action. The gauge is a chart of two rows, each row's values in words
against the published bands. The sliders and preset buttons are Qt's own widgets and speak for
themselves (name, value, the angle in words as their description).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from viewer.model.motion.pose import describe
from viewer.model.motion.spoken import ROW_NAMES, SPACES
from viewer.qt.access.nodes import Node

OPEN_LESSON = "Open lesson"


def _on_screen(widget: QWidget, rect: QRectF) -> QRect:
    visible = rect.toAlignedRect().intersected(widget.rect())
    return QRect(widget.mapToGlobal(visible.topLeft()), visible.size()) if visible.isValid() else QRect()


class _NodeOwner(QAccessibleWidget):
    """A widget whose accessible children are Nodes, one per key, made once and kept."""

    def __init__(self, widget: QWidget, role: QAccessible.Role):
        super().__init__(widget, role, widget.accessibleName())
        self.owner = widget
        self.nodes: dict[str, Node] = {}

    def _keys(self) -> list[str]:
        raise NotImplementedError

    def _node(self, key: str) -> Node:
        raise NotImplementedError

    def _children(self) -> list[Node]:
        for key in self._keys():
            if key not in self.nodes:
                self.nodes[key] = self._node(key)
        return [self.nodes[key] for key in self._keys()]

    def _me(self):
        return QAccessible.queryAccessibleInterface(self.owner)

    def childCount(self) -> int:
        return len(self._children())

    def child(self, index: int):
        nodes = self._children()
        return nodes[index].interface(self.owner) if 0 <= index < len(nodes) else None

    def indexOfChild(self, child) -> int:
        target = child.object() if child is not None else None
        return next((i for i, node in enumerate(self._children()) if target is not None and node._proxy is target), -1)

    def childAt(self, x: int, y: int):
        point = QPoint(x, y)
        return next((n.interface(self.owner) for n in self._children() if n.rect().contains(point)), None)

    def focusChild(self):
        return None


class AxialAccessible(_NodeOwner):
    def __init__(self, view):
        super().__init__(view, QAccessible.Role.Graphic)
        self.view = view
        view.structureFocused.connect(self._announce_focus)

    def _keys(self) -> list[str]:
        return self.view.region_ids()

    def _node(self, region_id: str) -> Node:
        view = self.view
        return Node(QAccessible.Role.Graphic, view.names.get(region_id, region_id), lambda: self._description(region_id),
                    rect=lambda: _on_screen(view, view.region_rect(region_id)),
                    activate=lambda: view.regionActivated.emit(region_id), action_name=OPEN_LESSON,
                    parent_interface=self._me)

    def _children(self) -> list[Node]:
        nodes = super()._children()
        for region_id, node in zip(self._keys(), nodes):
            node.focused = self.view.hasFocus() and self.view.focused_id == region_id
        return nodes

    def _description(self, region_id: str) -> str:
        about = self.view.descriptions.get(region_id, "")
        if region_id != "ischiofemoral-tunnel":
            return about
        m = self.view.measures
        spoken = self.view.spoken
        if spoken is None:
            return about
        now = (f"In this pose (model): {spoken.space_in_words('ifs', m.ifs.mm, m.ifs.contact)}; "
               f"{spoken.space_in_words('qfs', m.qfs.mm, m.qfs.contact)}.")
        return f"{about} {now}".strip()

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Description:
            return f"Hip position: {describe(self.view.pose)}. {self.view.accessibleDescription()}".strip()
        return super().text(kind)

    def focusChild(self):
        nodes = dict(zip(self._keys(), self._children()))
        if self.view.hasFocus() and self.view.focused_id in nodes:
            return nodes[self.view.focused_id].interface(self.view)
        return None

    def _announce_focus(self, region_id: str) -> None:
        """Tab moved to a structure: it, not only the view, is reported as focused."""
        nodes = dict(zip(self._keys(), self._children()))
        if region_id in nodes and self.view.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(nodes[region_id].proxy(self.view), QAccessible.Event.Focus))


class GaugeAccessible(_NodeOwner):
    def __init__(self, gauge):
        super().__init__(gauge, QAccessible.Role.Chart)
        self.gauge = gauge

    def _keys(self) -> list[str]:
        return list(SPACES)

    def _node(self, key: str) -> Node:
        gauge = self.gauge
        return Node(QAccessible.Role.StaticText, lambda: f"{ROW_NAMES[key]}: {gauge.values[key]:.0f} mm",
                    lambda: gauge.row_in_words(key), rect=lambda: _on_screen(gauge, gauge.row_rect(key)),
                    parent_interface=self._me)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Description:
            return self.gauge.in_words()
        return super().text(kind)
