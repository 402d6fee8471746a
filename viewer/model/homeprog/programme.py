"""The patient's home programme: a few exercises from the library, in order, each with its dose.

Kept in memory only, like the drawing and the notes.
"""

from __future__ import annotations

from viewer.model.core.record import record
from viewer.model.homeprog.library import Dose, Exercise, Library

MAX_EXERCISES = 5
SUGGESTED_MIN = 3


@record(frozen=True)
class Chosen:
    exercise: Exercise
    dose: Dose


class Programme:
    def __init__(self) -> None:
        self.items: list[Chosen] = []

    def ids(self) -> list[str]:
        return [item.exercise.id for item in self.items]

    def full(self) -> bool:
        return len(self.items) >= MAX_EXERCISES

    def add(self, exercise: Exercise) -> bool:
        """Adds with the library's default dose; False when full or already chosen."""
        if self.full() or exercise.id in self.ids():
            return False
        self.items.append(Chosen(exercise, exercise.dose))
        return True

    def remove(self, index: int) -> None:
        del self.items[index]

    def move(self, index: int, step: int) -> int:
        """Moves an item up (-1) or down (+1); returns its new index."""
        target = max(0, min(len(self.items) - 1, index + step))
        if target != index:
            self.items.insert(target, self.items.pop(index))
        return target

    def set_dose(self, index: int, name: str, value: int) -> None:
        item = self.items[index]
        self.items[index] = Chosen(item.exercise, item.dose.with_value(name, value))

    def clear(self) -> None:
        self.items = []


class UnknownExercise(ValueError):
    def __init__(self, exercise_id: str, known: list[str]):
        super().__init__(f"unknown exercise id '{exercise_id}' (known: {', '.join(known) or 'none'})")
        self.exercise_id = exercise_id


def programme_from_ids(library: Library, ids: list[str]) -> Programme:
    """The programme for --exercises-for-handout; raises UnknownExercise naming the first bad id."""
    programme = Programme()
    for exercise_id in ids:
        exercise = library.get(exercise_id)
        if exercise is None:
            raise UnknownExercise(exercise_id, library.ids())
        programme.items.append(Chosen(exercise, exercise.dose))
    return programme
