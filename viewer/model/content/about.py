"""lessons/about.toml: what Help ▸ About and Help ▸ Medical disclaimer say (plain words, kept with the
lessons because it is content). Read when the Help menu first needs it, never at start-up."""

from __future__ import annotations

import re
from pathlib import Path

from viewer.model.core.problems import ContentError, Problem, line_of
from viewer.model.core.record import record
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import parse_toml

FILE = "about.toml"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIELDS = ("reviewed", "licence", "sources", "disclaimer")


@record(frozen=True)
class About:
    reviewed: str = ""      # YYYY-MM-DD: when the content was last reviewed as a whole
    licence: str = ""
    sources: str = ""
    disclaimer: str = ""    # Markdown


def load_about(lessons_dir: Path) -> tuple[About, list[Problem]]:
    """The About text; a broken file gives empty fields and a problem, never an exception."""
    path = Path(lessons_dir) / FILE
    if not path.exists():  # a content pack without one: Help shows the app's own lines only
        return About(), []
    try:
        text = read_text(path)
        data = parse_toml(text, path)
    except ContentError as exc:
        return About(), [exc.problem]
    problems = []
    values = {}
    for name in FIELDS:
        value = data.get(name, "")
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(path, line_of(text, name), f"'{name}' must be non-empty text", "warning"))
            value = ""
        values[name] = value.strip()
    if values["reviewed"] and not DATE.fullmatch(values["reviewed"]):
        problems.append(Problem(path, line_of(text, "reviewed"), "'reviewed' must be a date like 2026-11-21"))
        values["reviewed"] = ""
    return About(**values), problems
