"""The clinician's drawing on the diagram: strokes with undo and redo.

Kept in memory only: nothing about a patient is stored unless a handout is saved.
"""

from __future__ import annotations

from viewer.model.core.record import record


Point = tuple[float, float]


@record(frozen=True)
class Stroke:
    """One freehand line or arrow drawn on the diagram."""

    points: tuple[Point, ...]   # diagram coordinates
    colour: str
    arrow: bool = False         # an arrow from the first point to the last


class Drawing:
    def __init__(self) -> None:
        self._done: list[tuple[str, object]] = []    # ("add", stroke) | ("clear", [strokes])
        self._undone: list[tuple[str, object]] = []
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
        kind, value = self._done.pop()
        if kind == "add":
            self.strokes.remove(value)
        else:
            self.strokes = list(value)
        self._undone.append((kind, value))

    def redo(self) -> None:
        if not self._undone:
            return
        kind, value = self._undone.pop()
        if kind == "add":
            self.strokes.append(value)
        else:
            self.strokes = []
        self._done.append((kind, value))
