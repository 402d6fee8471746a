"""The one place Qt asks for the interfaces this package writes: by class name, for the diagram
view, the lesson's page, the hip-in-motion view and gauge, and the nodes' proxies; everything else
is left to Qt."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface

_INTERFACES: list[QAccessibleInterface] = []  # Qt's cache holds them by pointer; Python must keep the objects alive


# Parts Qt makes itself, with no name of their own: named here when a screen reader first asks for them
QT_PART_NAMES = {
    "QSplitterHandle": "Divider: drag, or use the arrow keys, to resize",
    "QMenuBar": "Menu bar",
    "QStatusBar": "Status",
    "QSizeGrip": "Resize the window",
    "QToolBarExtension": "More buttons",
    "QSplitter": "Diagram and lesson",
    "QDockWidgetTitleButton": "Panel button",
}


def _name_qt_part(class_name: str, obj) -> None:
    if obj.isWidgetType() and not obj.accessibleName():
        if class_name == "QScrollBar":
            vertical = obj.property("orientation") == obj.property("orientation").__class__.Vertical
            obj.setAccessibleName("Vertical scroll bar" if vertical else "Horizontal scroll bar")
        elif class_name in QT_PART_NAMES:
            obj.setAccessibleName(QT_PART_NAMES[class_name])


def _factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    _name_qt_part(class_name, obj)
    if class_name == "DiagramView":
        from viewer.qt.access.diagram import DiagramAccessible

        interface: QAccessibleInterface = DiagramAccessible(obj)
    elif class_name == "NodeProxy":
        from viewer.qt.access.nodes import NodeAccessible, NodeProxy

        assert isinstance(obj, NodeProxy)  # Qt named its class: narrows the type, never fails
        interface = NodeAccessible(obj)
    elif class_name in ("AxialView", "SpaceGauge"):
        from viewer.qt.access.motion import AxialAccessible, GaugeAccessible

        interface = AxialAccessible(obj) if class_name == "AxialView" else GaugeAccessible(obj)
    elif class_name == "QWidget" and _is_lesson_page(obj):
        from viewer.qt.access.document import DocumentAccessible

        interface = DocumentAccessible(obj)
    else:
        return None
    _INTERFACES.append(interface)
    obj.destroyed.connect(lambda: _INTERFACES.remove(interface) if interface in _INTERFACES else None)
    return interface


def _is_lesson_page(obj) -> bool:
    from viewer.qt.access.document import is_lesson_page

    return is_lesson_page(obj)


def install() -> None:
    """Called once, before the window is made. Costs nothing until a screen reader asks."""
    QAccessible.installFactory(_factory)
