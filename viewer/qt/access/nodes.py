"""Accessible objects for things that are not widgets (a structure on the diagram, a heading in a
lesson), in the one form that Qt's Python binding exposes fully, actions included.

Qt keeps one accessible interface per QObject, and an interface written in Python can offer an
action only if it is a QAccessibleWidget (Qt's own class implements the action interface; Python
cannot hand Qt a second interface pointer). So each node gets a hidden, empty QWidget of its own,
a NodeProxy, and the factory answers for it with a NodeAccessible that reads everything from the
node. The proxy never shows or paints; it lives as long as the node is wanted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface, QTextBlock
from PySide6.QtWidgets import QAccessibleWidget, QWidget


class Node:
    """One accessible thing. Its owner (a container's accessible) sets the fields and keeps it. A
    name or description that changes as the user works (a space's width in this pose) is given as a callable."""

    def __init__(self, role: QAccessible.Role, name: str | Callable[[], str], description: str | Callable[[], str] = "",
                 rect: Callable[[], QRect] | None = None, activate: Callable[[], None] | None = None,
                 action_name: str = "", parent_interface: Callable[[], QAccessibleInterface | None] | None = None):
        self.role = role
        self.name = name
        self.description = description
        self.rect = rect or QRect
        self.activate = activate
        self.action_name = action_name
        self.parent_interface: Callable[[], QAccessibleInterface | None] = parent_interface or (lambda: None)
        self.focused = False
        self.selected = False
        self.focusable = activate is not None
        self.children: list[Node] = []
        self.block: QTextBlock | None = None  # for a lesson's block: the QTextBlock it stands for
        self._proxy: NodeProxy | None = None

    def proxy(self, holder: QWidget) -> NodeProxy:
        if self._proxy is None:
            self._proxy = NodeProxy(self, holder)
        return self._proxy

    def interface(self, holder: QWidget) -> QAccessibleInterface:
        return QAccessible.queryAccessibleInterface(self.proxy(holder))

    def release(self) -> None:
        """The node is no longer shown: its proxy (and so Qt's interface for it) goes."""
        for child in self.children:
            child.release()
        if self._proxy is not None:
            self._proxy.node = None
            self._proxy.deleteLater()
            self._proxy = None


class NodeProxy(QWidget):
    """Stands in for a node in Qt's accessibility cache; never shown."""

    def __init__(self, node: Node, holder: QWidget):
        super().__init__(holder)
        self.node: Node | None = node
        self.hide()


class NodeAccessible(QAccessibleWidget):
    """Qt's view of a node: everything is read from the node at the moment a screen reader asks."""

    def __init__(self, proxy: NodeProxy):
        node = proxy.node
        super().__init__(proxy, node.role if node else QAccessible.Role.NoRole,
                         node.name if node and isinstance(node.name, str) else "")
        self.proxy = proxy

    @property
    def node(self) -> Node | None:
        return self.proxy.node

    def isValid(self) -> bool:
        return super().isValid() and self.node is not None

    def parent(self):
        return self.node.parent_interface() if self.node else None

    def childCount(self) -> int:
        return len(self.node.children) if self.node else 0

    def child(self, index: int):
        node, holder = self.node, self.proxy.parentWidget()
        if node is None or holder is None or not 0 <= index < len(node.children):
            return None
        return node.children[index].interface(holder)

    def indexOfChild(self, child) -> int:
        node = self.node
        if node is None or child is None:
            return -1
        proxies = [c._proxy for c in node.children]
        target = child.object()
        return next((i for i, p in enumerate(proxies) if p is not None and p is target), -1)

    def childAt(self, x: int, y: int):
        return None

    def focusChild(self):
        return None

    def text(self, kind: QAccessible.Text) -> str:
        node = self.node
        if node is None:
            return ""
        if kind == QAccessible.Text.Name:
            return node.name() if callable(node.name) else node.name
        if kind == QAccessible.Text.Description:
            return node.description() if callable(node.description) else node.description
        return ""

    def role(self) -> QAccessible.Role:
        return self.node.role if self.node else QAccessible.Role.NoRole

    def rect(self) -> QRect:
        return self.node.rect() if self.node else QRect()

    def state(self):
        state = QAccessible.State()
        node = self.node
        if node is None:
            state.invisible = True
            return state
        state.focusable = node.focusable
        state.focused = node.focused
        state.selectable = node.activate is not None and node.role != QAccessible.Role.Link
        state.selected = node.selected
        state.linked = node.role == QAccessible.Role.Link
        return state

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()] if self.node and self.node.activate else []

    def localizedActionDescription(self, name: str) -> str:
        return self.node.action_name if self.node and name == QAccessibleActionInterface.pressAction() else ""

    def localizedActionName(self, name: str) -> str:
        return self.node.action_name if self.node and name == QAccessibleActionInterface.pressAction() else name

    def doAction(self, name: str) -> None:
        if self.node and self.node.activate and name == QAccessibleActionInterface.pressAction():
            self.node.activate()

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []
