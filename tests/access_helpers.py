"""Reading the accessibility tree as a screen reader does: an object's interface, its children and texts."""

from __future__ import annotations

from PySide6.QtGui import QAccessible


def interface(obj):
    found = QAccessible.queryAccessibleInterface(obj)
    assert found is not None and found.isValid()
    return found


def children(iface):
    return [iface.child(i) for i in range(iface.childCount())]


def name(iface) -> str:
    return iface.text(QAccessible.Text.Name)


def description(iface) -> str:
    return iface.text(QAccessible.Text.Description)
