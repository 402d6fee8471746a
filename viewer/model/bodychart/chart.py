"""The painted body chart: areas by symptom type with an intensity 0-10, with undo and redo.

Nothing here is stored: the chart lives in memory until "New patient" or a saved handout.
"""

from __future__ import annotations

from viewer.model.core.record import record

Point = tuple[float, float]
KINDS = ("pain", "pins-and-needles", "numbness")
KIND_NAMES = {"pain": "Pain", "pins-and-needles": "Pins and needles", "numbness": "Numbness"}
BRUSH_WIDTH = 7.0  # chart units (the chart is 200 x 118; a figure is about 100 tall)


@record(frozen=True)
class Area:
    """One painted area: a brush stroke through ``points`` (chart coordinates)."""

    kind: str
    intensity: int
    points: tuple[Point, ...]
    view: str = "front"   # "front" or "back", from where the stroke starts


def clamp_intensity(value: int) -> int:
    return max(0, min(10, int(value)))


def view_at(x: float, width: float = 200.0) -> str:
    return "front" if x < width / 2 else "back"


class BodyChart:
    """Areas with undo and redo. The history holds steps, not copies of the chart, so a long
    session of painting costs memory in proportion to what was painted."""

    def __init__(self) -> None:
        self.areas: list[Area] = []
        # ("add", area) | ("clear", [areas]) | ("set", index, old, new) | ("remove", index, area)
        self._done: list[tuple] = []
        self._undone: list[tuple] = []

    def _do(self, step: tuple) -> None:
        self._apply(step)
        self._done.append(step)
        self._undone.clear()

    def _apply(self, step: tuple, backwards: bool = False) -> None:
        kind = step[0]
        if kind == "add":
            if backwards:
                self.areas.pop()
            else:
                self.areas.append(step[1])
        elif kind == "clear":
            self.areas = list(step[1]) if backwards else []
        elif kind == "remove":
            _kind, index, area = step
            if backwards:
                self.areas.insert(index, area)
            else:
                del self.areas[index]
        else:
            _kind, index, old, new = step
            self.areas[index] = old if backwards else new

    def add(self, kind: str, intensity: int, points) -> Area | None:
        if kind not in KINDS:
            raise ValueError(f"unknown symptom type '{kind}'")
        kept: list[Point] = []
        for x, y in points:  # a repeated point (a press and release in one place) adds nothing
            if not kept or (float(x), float(y)) != kept[-1]:
                kept.append((float(x), float(y)))
        if not kept:
            return None
        area = Area(kind, clamp_intensity(intensity), tuple(kept), view_at(kept[0][0]))
        self._do(("add", area))
        return area

    def set_intensity(self, index: int, intensity: int) -> None:
        """Change one area's intensity, as a step that can be undone."""
        self.change(index, intensity=intensity)

    def set_kind(self, index: int, kind: str) -> None:
        """Change one area's symptom type (same place, same intensity), as a step that can be undone."""
        self.change(index, kind=kind)

    def change(self, index: int, kind: str | None = None, intensity: int | None = None) -> None:
        area = self.areas[index]
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown symptom type '{kind}'")
        new = Area(kind or area.kind, area.intensity if intensity is None else clamp_intensity(intensity),
                   area.points, area.view)
        if new != area:
            self._do(("set", index, area, new))

    def remove(self, index: int) -> None:
        """Take one area away, as a step that can be undone."""
        self._do(("remove", index, self.areas[index]))

    def describe(self, index: int) -> str:
        """One area in words, e.g. "Back: pain 6/10" (as the handout's legend says it)."""
        area = self.areas[index]
        return f"{area.view.capitalize()}: {KIND_NAMES[area.kind].lower()} {area.intensity}/10"

    def clear(self) -> None:
        if self.areas:
            self._do(("clear", list(self.areas)))

    def forget(self) -> None:
        """A new patient: no areas and no history to bring them back."""
        self.areas, self._done, self._undone = [], [], []

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo(self) -> None:
        if self._done:
            step = self._done.pop()
            self._apply(step, backwards=True)
            self._undone.append(step)

    def redo(self) -> None:
        if self._undone:
            step = self._undone.pop()
            self._apply(step)
            self._done.append(step)

    def summary(self) -> list[str]:
        """One plain line per area for the handout's legend, e.g. "Back: pain 6/10"."""
        return [self.describe(index) for index in range(len(self.areas))]
