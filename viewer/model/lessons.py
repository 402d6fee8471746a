"""Lessons: Markdown files with TOML front matter and two reading levels.

File layout::

    +++
    id = "piriformis"
    title = "Piriformis"
    region = "piriformis"        # optional
    summary = "One plain sentence."
    references = ["martin2014"]
    reviewed = "2026-11-21"
    +++
    Shared text (both levels).
    ::: patient
    Text for patients.
    :::
    ::: clinical
    Text for students and clinicians, citing [@martin2014].
    :::
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from viewer.model.problems import ContentError, Problem
from viewer.model.regions import ID_PATTERN
from viewer.model.textfile import read_text
from viewer.model.tomlfile import parse_toml

LEVELS = ("patient", "clinical")
FENCE = "+++"
BLOCK_OPEN = re.compile(r"^:::\s*(\w[\w-]*)\s*$")
BLOCK_CLOSE = re.compile(r"^:::\s*$")
CITATION = re.compile(r"\[(@[\w:.-]+(?:\s*;\s*@[\w:.-]+)*)\]")
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass(frozen=True)
class Line:
    number: int
    text: str


@dataclass
class Lesson:
    id: str
    title: str
    summary: str
    path: Path
    region: str | None = None
    references: list[str] = field(default_factory=list)
    reviewed: str = ""
    lines: list[tuple[str | None, Line]] = field(default_factory=list, repr=False)

    def markdown(self, level: str) -> str:
        """The lesson body at one reading level: shared text plus that level's blocks."""
        return "\n".join(line.text for block, line in self.lines if block in (None, level))

    def body_lines(self):
        return (line for _block, line in self.lines)

    def links(self) -> list[tuple[int, str]]:
        return [(line.number, m.group(1)) for line in self.body_lines() for m in LINK.finditer(line.text)]

    def citations(self) -> list[tuple[int, str]]:
        found = []
        for line in self.body_lines():
            for match in CITATION.finditer(line.text):
                found.extend((line.number, key.strip().lstrip("@")) for key in match.group(1).split(";"))
        return found

    def has_level(self, level: str) -> bool:
        return any(block == level for block, _ in self.lines)


def parse_lesson(text: str, path: Path) -> tuple[Lesson, list[Problem]]:
    """Parse one lesson. Raises ContentError if it cannot be used at all."""
    problems: list[Problem] = []
    all_lines = text.splitlines()
    if not all_lines or all_lines[0].strip() != FENCE:
        raise ContentError(Problem(path, 1, f"a lesson must start with a '{FENCE}' line opening its TOML front matter"))
    try:
        close = next(i for i in range(1, len(all_lines)) if all_lines[i].strip() == FENCE)
    except StopIteration:
        raise ContentError(Problem(path, 1, f"the front matter is never closed with a '{FENCE}' line")) from None
    meta = parse_toml("\n".join(all_lines[1:close]), path, first_line=2)
    for key in ("id", "title", "summary"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise ContentError(Problem(path, 1, f"the front matter needs '{key}' (a non-empty string)"))
    lesson_id = meta["id"].strip()
    if not ID_PATTERN.match(lesson_id):
        raise ContentError(Problem(path, 2, f"lesson id '{lesson_id}' must be lowercase letters, digits and hyphens"))
    references = meta.get("references", [])
    if not isinstance(references, list) or not all(isinstance(r, str) for r in references):
        problems.append(Problem(path, 2, "'references' must be a list of reference keys"))
        references = []
    lesson = Lesson(
        id=lesson_id,
        title=meta["title"].strip(),
        summary=meta["summary"].strip(),
        path=path,
        region=meta.get("region") or None,
        references=references,
        reviewed=str(meta.get("reviewed", "")),
    )
    lesson.lines, block_problems = _split_levels(all_lines[close + 1:], close + 2, path)
    problems.extend(block_problems)
    return lesson, problems


def _split_levels(lines: list[str], first_number: int, path: Path):
    """Tag each body line with the reading level block it sits in (None = shared)."""
    tagged: list[tuple[str | None, Line]] = []
    problems: list[Problem] = []
    block, opened_at = None, 0
    for offset, text in enumerate(lines):
        number = first_number + offset
        opening = BLOCK_OPEN.match(text.strip())
        if opening:
            if block is not None:
                problems.append(Problem(path, number, f"'::: {opening.group(1)}' opens inside the '{block}' block "
                                                      f"opened on line {opened_at}; close it with ':::' first"))
            if opening.group(1) not in LEVELS:
                problems.append(Problem(path, number, f"unknown block '::: {opening.group(1)}'; "
                                                      f"use one of: {', '.join(LEVELS)}"))
            block, opened_at = opening.group(1), number
            continue
        if BLOCK_CLOSE.match(text.strip()) and block is not None:
            block = None
            continue
        tagged.append((block, Line(number, text)))
    if block is not None:
        problems.append(Problem(path, opened_at, f"the '{block}' block is never closed with ':::'"))
    return tagged, problems


def load_lesson(path: Path) -> tuple[Lesson, list[Problem]]:
    return parse_lesson(read_text(path), path)
