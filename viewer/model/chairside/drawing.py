"""The clinician's drawing on the diagram: strokes with undo and redo.

Kept in memory only: nothing about a patient is stored unless a handout is saved.
"""

from __future__ import annotations

from typing import Literal

from viewer.model.core.record import record


Point = tuple[float, float]


@record(frozen=True)
class Stroke:
    """One freehand line or arrow drawn on the diagram."""

    points: tuple[Point, ...]   # diagram coordinates
    colour: str
    arrow: bool = False         # an arrow from the first point to the last


_Step = tuple[Literal["add"], Stroke] | tuple[Literal["clear"], list[Stroke]]  # what undo takes back


class Drawing:
    def __init__(self) -> None:
        self._done: list[_Step] = []
        self._undone: list[_Step] = []
        self.strokes: list[Stroke] = []

    def add(self, stroke: Stroke) -> None:
        self.strokes.append(stroke)
        self._done.append(("add", stroke))
        self._undone.clear()

    def clear(self) -> None:
        """Remove every stroke, as one step that can be undone."""
        if self.strokes:
            self._done.append(("clear", list(self.strokes)))
            self._undone.clear()
            self.strokes = []

    def forget(self) -> None:
        """A new patient: no strokes and no history to bring them back."""
        self.strokes, self._done, self._undone = [], [], []

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo(self) -> None:
        if not self._done:
            return
        step = self._done.pop()
        if step[0] == "add":
            self.strokes.remove(step[1])
        else:
            self.strokes = list(step[1])
        self._undone.append(step)

    def redo(self) -> None:
        if not self._undone:
            return
        step = self._undone.pop()
        if step[0] == "add":
            self.strokes.append(step[1])
        else:
            self.strokes = []
        self._done.append(step)
