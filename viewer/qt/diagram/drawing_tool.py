"""What the diagram view asks of the pen a drag draws with. The pen (viewer/qt/chairside/pen_tool.py) lives
above the diagram, so the view names only this; imported for types only."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF


class DrawingTool(Protocol):
    """What the view asks of a pen that, while active, a drag draws with (viewer/qt/chairside/pen_tool.py)."""

    active: bool

    def press(self, scene_pos: QPointF) -> None: ...

    def move(self, scene_pos: QPointF) -> None: ...

    def release(self, scene_pos: QPointF) -> None: ...
