"""The exercise library (lessons/exercises.toml): what each exercise is, how to do it, its
default dose, its cautions, the structures it targets, its evidence and its sources.

Loaded on first use (the chairside panel, --exercises, --check, a handout with a programme),
never at start-up.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path

from viewer.model.core.problems import ContentError, Problem
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import UniqueIds, parse_toml, table_entries

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
IMAGE_DIR = "exercises"  # under resources/
REQUIRED_TEXT = ("title", "purpose", "evidence")
DOSE_FIELDS = ("sets", "reps", "hold_seconds", "times_a_day")
DOSE_LIMITS = {"sets": (1, 10), "reps": (0, 50), "hold_seconds": (0, 120), "times_a_day": (1, 12)}


@record(frozen=True)
class Dose:
    """How much: ``sets`` of ``reps`` repetitions or a ``hold_seconds`` hold, ``times_a_day``."""

    sets: int = 1
    reps: int = 0
    hold_seconds: int = 0
    times_a_day: int = 1

    def text(self, note: str = "") -> str:
        """Plain words for the patient, e.g. "2 sets: 10 times, 3 times a day"; a habit with no
        count (walking, sitting breaks) is its ``note`` alone."""
        if not self.reps and not self.hold_seconds:
            return note[:1].upper() + note[1:] if note else ""
        if self.reps and self.hold_seconds:
            each = f"{self.reps} times, holding {self.hold_seconds} seconds each time"
        elif self.hold_seconds:
            each = f"hold for {self.hold_seconds} seconds"
        else:
            each = f"{self.reps} times"
        sets = f"{self.sets} sets: {each}" if self.sets > 1 else each[0].upper() + each[1:]
        daily = {1: "once a day", 2: "twice a day"}.get(self.times_a_day, f"{self.times_a_day} times a day")
        return f"{sets}, {daily}" + (f" ({note})" if note else "")

    def with_value(self, name: str, value: int) -> Dose:
        low, high = DOSE_LIMITS[name]
        values = {f: getattr(self, f) for f in DOSE_FIELDS}
        values[name] = max(low, min(high, int(value)))
        return Dose(**values)


@record
class Exercise:
    id: str
    title: str
    steps: list[str]
    purpose: str
    dose: Dose
    cautions: list[str]
    regions: list[str]
    evidence: str
    references: list[str]
    image: str
    clinical: str = ""
    dose_note: str = ""
    line: int = 1

    def image_path(self, resources_dir: Path) -> Path:
        return resources_dir / IMAGE_DIR / self.image

    def patient_text(self) -> str:
        """Everything the patient reads, for the readability check."""
        return "\n".join([self.title, self.purpose, *self.steps, *self.cautions, self.dose.text(self.dose_note)])


@record
class Library:
    path: Path                   # lessons/exercises.toml (it may be missing: no exercises)
    exercises: list[Exercise] = field(default_factory=list)

    def get(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    def ids(self) -> list[str]:
        return [e.id for e in self.exercises]

    def search(self, words: str = "", region: str | None = None) -> list[Exercise]:
        """Exercises whose title, purpose or steps hold every word, for ``region`` if given."""
        terms = words.lower().split()
        out = []
        for exercise in self.exercises:
            if region and region not in exercise.regions:
                continue
            haystack = " ".join([exercise.title, exercise.purpose, *exercise.steps]).lower()
            if all(term in haystack for term in terms):
                out.append(exercise)
        return out


def load_library(path: Path) -> tuple[Library, list[Problem]]:
    if not path.exists():
        return Library(path=path), []
    text = read_text(path)
    try:
        data = parse_toml(text, path)
    except ContentError as exc:
        return Library(path=path), [exc.problem]
    library, problems, ids = Library(path=path), [], UniqueIds(path, "exercise")
    for line, entry in table_entries(text, data.get("exercise", []), "exercise"):
        exercise, entry_problems = _exercise(entry, path, line)
        problems += entry_problems
        if exercise is None:
            continue
        if (repeated := ids.repeated(exercise.id, line)) is not None:
            problems.append(repeated)
            continue
        library.exercises.append(exercise)
    return library, problems


def _exercise(entry: dict, path: Path, line: int) -> tuple[Exercise | None, list[Problem]]:
    problems = []
    exercise_id = str(entry.get("id", "")).strip()
    if not ID.match(exercise_id):
        return None, [Problem(path, line, f"exercise id '{exercise_id}' must be lower-case words joined by '-'")]
    where = f"exercise '{exercise_id}'"
    for name in REQUIRED_TEXT:
        if not str(entry.get(name, "")).strip():
            problems.append(Problem(path, line, f"{where} has no {name}"))
    steps = [str(s).strip() for s in entry.get("steps", []) if str(s).strip()]
    if not steps:
        problems.append(Problem(path, line, f"{where} has no steps"))
    raw_dose = entry.get("dose", {})
    values = {}
    for name in DOSE_FIELDS:
        value = raw_dose.get(name, 0 if name in ("reps", "hold_seconds") else None)
        if value is None:
            problems.append(Problem(path, line, f"{where}: dose.{name} is missing"))
            value = 1
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(Problem(path, line, f"{where}: dose.{name} must be a whole number"))
            value = 1
        low, high = DOSE_LIMITS[name]
        if not low <= value <= high:
            problems.append(Problem(path, line, f"{where}: dose.{name} = {value} is outside {low}-{high}"))
        values[name] = value
    unknown = set(raw_dose) - set(DOSE_FIELDS) - {"note"}
    if unknown:
        problems.append(Problem(path, line, f"{where}: unknown dose field(s) {', '.join(sorted(unknown))}"))
    if not values.get("reps") and not values.get("hold_seconds") and not str(raw_dose.get("note", "")).strip():
        problems.append(Problem(path, line, f"{where}: the dose needs reps, hold_seconds or a note"))
    references = [str(r) for r in entry.get("references", [])]
    if not references:
        problems.append(Problem(path, line, f"{where} cites no source"))
    regions = [str(r) for r in entry.get("regions", [])]
    if not regions:
        problems.append(Problem(path, line, f"{where} names no target region"))
    exercise = Exercise(
        id=exercise_id, title=str(entry.get("title", exercise_id)).strip(), steps=steps,
        purpose=str(entry.get("purpose", "")).strip(), dose=Dose(**values),
        cautions=[str(c).strip() for c in entry.get("cautions", []) if str(c).strip()],
        regions=regions, evidence=str(entry.get("evidence", "")).strip(), references=references,
        image=str(entry.get("image", f"{exercise_id}.svg")).strip(), clinical=str(entry.get("clinical", "")).strip(),
        dose_note=str(raw_dose.get("note", "")).strip(), line=line)
    return exercise, problems


def check_library(library: Library, resources_dir: Path, regions: set[str], bibliography: set[str]) -> list[Problem]:
    """Cross-checks for --check: images present, regions and sources known."""
    problems = []
    path = library.path
    for exercise in library.exercises:
        where = f"exercise '{exercise.id}'"
        image = exercise.image_path(resources_dir)
        if not image.is_file():
            problems.append(Problem(path, exercise.line, f"{where}: image resources/{IMAGE_DIR}/{exercise.image} "
                                                         "is missing"))
        for region in exercise.regions:
            if region not in regions:
                problems.append(Problem(path, exercise.line, f"{where}: region '{region}' is not a region of the "
                                                             "diagram"))
        for key in exercise.references:
            if key not in bibliography:
                problems.append(Problem(path, exercise.line, f"{where}: reference '{key}' is not in "
                                                             "lessons/references.toml"))
    return problems
