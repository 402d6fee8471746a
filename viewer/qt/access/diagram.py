"""The diagram for a screen reader: a graphic named "Diagram of the deep gluteal space" whose
children are its structures, in the keyboard (Tab) order, each with its name, a one-sentence
description (what it is, and how it relates to the sciatic nerve), its place on screen, whether it
is focused or selected, and an "Open lesson" action. When Tab moves to a structure, the structure
itself is announced as focused, not only the diagram."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QAccessibleWidget

from viewer.qt.access.nodes import Node

OPEN_LESSON = "Open lesson"


class DiagramAccessible(QAccessibleWidget):
    def __init__(self, view):
        super().__init__(view, QAccessible.Role.Graphic, view.accessibleName())
        self.view = view
        self.nodes: dict[str, Node] = {}
        view.structureFocused.connect(self._announce_focus)
        view.selectionChanged.connect(self._announce_selection)
        view.reachableChanged.connect(self._reachable_changed)

    # ----- the structures ---------------------------------------------------------------------------
    def _structures(self) -> list[Node]:
        ids = self.view.region_ids()
        if list(self.nodes) != ids:
            for region_id in set(self.nodes) - set(ids):
                self.nodes.pop(region_id).release()
            self.nodes = {region_id: self.nodes.get(region_id) or self._node(region_id) for region_id in ids}
        for region_id, node in self.nodes.items():
            node.focused = self.view.hasFocus() and self.view.focused_id == region_id
            node.selected = self.view.selected_id == region_id
        return list(self.nodes.values())

    def _node(self, region_id: str) -> Node:
        region = self.view.diagram.content.region(region_id)
        return Node(QAccessible.Role.Graphic, region.name if region else region_id,
                    region.description if region else "",
                    rect=lambda: self._screen_rect(region_id),
                    activate=lambda: self.view.regionActivated.emit(region_id), action_name=OPEN_LESSON,
                    parent_interface=lambda: QAccessible.queryAccessibleInterface(self.view))

    def _screen_rect(self, region_id: str) -> QRect:
        box = self.view.region_scene_box(region_id)
        if box is None:
            return QRect()
        in_view = self.view.mapFromScene(box).boundingRect()
        visible = in_view.intersected(self.view.viewport().rect())
        return QRect(self.view.viewport().mapToGlobal(visible.topLeft()), visible.size())

    # ----- QAccessibleInterface -----------------------------------------------------------------------
    def childCount(self) -> int:
        return len(self._structures())

    def child(self, index: int):
        nodes = self._structures()
        return nodes[index].interface(self.view) if 0 <= index < len(nodes) else None

    def indexOfChild(self, child) -> int:
        target = child.object() if child is not None else None
        return next((i for i, node in enumerate(self._structures()) if node._proxy is target and target), -1)

    def focusChild(self):
        self._structures()
        if self.view.hasFocus() and self.view.focused_id in self.nodes:
            return self.nodes[self.view.focused_id].interface(self.view)
        return None

    def childAt(self, x: int, y: int):
        region_id = self.view.region_at(self.view.viewport().mapFromGlobal(QPoint(x, y)))
        self._structures()
        return self.nodes[region_id].interface(self.view) if region_id in self.nodes else None

    # ----- events -------------------------------------------------------------------------------------
    def _reachable_changed(self) -> None:
        """The depth changed what is listed: structures that went are reported gone, new ones created,
        so a screen reader's copy of the list matches what can be clicked and Tabbed to."""
        before = dict(self.nodes)
        now = self.view.region_ids()
        for region_id, node in before.items():
            if region_id not in now and node._proxy is not None:
                _tell(QAccessibleEvent(node._proxy, QAccessible.Event.ObjectDestroyed))
        self._structures()
        for region_id in now:
            if region_id not in before:
                _tell(QAccessibleEvent(self.nodes[region_id].proxy(self.view), QAccessible.Event.ObjectCreated))

    def _announce_focus(self, region_id: str) -> None:
        """Tab moved to a structure: a screen reader reads its name and description."""
        self._structures()
        if region_id in self.nodes and self.view.hasFocus():
            proxy = self.nodes[region_id].proxy(self.view)
            QAccessible.updateAccessibility(QAccessibleEvent(proxy, QAccessible.Event.Focus))

    def _announce_selection(self, region_id: str) -> None:
        self._structures()
        for node in self.nodes.values():
            if node._proxy is not None:
                changed = QAccessible.State()
                changed.selected = True
                QAccessible.updateAccessibility(QAccessibleStateChangeEvent(node._proxy, changed))
        if region_id in self.nodes:
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.nodes[region_id].proxy(self.view), QAccessible.Event.Selection))


def _tell(event) -> None:
    """Hand an event to the screen reader's bridge (one place, so a test can listen)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(event)
