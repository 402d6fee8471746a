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

import json
import re
from dataclasses import field
from pathlib import Path

from viewer.model.core.problems import ContentError, Problem
from viewer.model.core.record import record
from viewer.model.evidence.fence import CHART_FENCE
from viewer.model.diagram.regions import ID_PATTERN
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import parse_toml

LEVELS = ("patient", "clinical")
FENCE = "+++"
BLOCK_OPEN = re.compile(r"^:::\s*(\w[\w-]*)\s*$")
BLOCK_CLOSE = re.compile(r"^:::\s*$")
CITATION = re.compile(r"\[(@[\w:.-]+(?:\s*;\s*@[\w:.-]+)*)\]")
SPACED_CITATION = re.compile(r"([ \t]*)" + CITATION.pattern)  # with the space before it (group 1)
CHART_MARKER = "<!-- chart:{} -->"
CHART_LINE = re.compile(r"^<!-- chart:([a-z0-9-]+) -->$", re.MULTILINE)
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def drop_citations(text: str) -> str:
    """The text without its ``[@key]`` citations, and without the space before each ("tendon .")."""
    return SPACED_CITATION.sub("", text)


@record(frozen=True)
class Line:
    """One line of a lesson body, with its line number in the file."""

    number: int
    text: str


@record
class Lesson:
    """A lesson file: front matter now, body parsed on first use."""

    id: str
    title: str
    summary: str
    path: Path
    region: str | None = None
    references: list[str] = field(default_factory=list)
    reviewed: str = ""
    # the body is split into levels (and its charts parsed) on first use: start-up reads front matter only
    body: list[str] = field(default_factory=list, repr=False)
    body_first_line: int = 1
    _parsed: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def lines(self) -> list[tuple[str | None, Line]]:
        return self._parse()[0]

    @property
    def charts(self) -> dict:
        """chart id -> viewer.model.evidence.charts.Chart"""
        return self._parse()[1]

    @property
    def body_problems(self) -> list[Problem]:
        return self._parse()[2]

    @property
    def parsed(self) -> bool:
        return self._parsed is not None

    def _parse(self) -> tuple:
        if self._parsed is None:
            charts: dict = {}
            lines, problems = _split_levels(self.body, self.body_first_line, self.path, charts)
            self._parsed = (lines, charts, problems)
        return self._parsed

    def markdown(self, level: str) -> str:
        """The lesson body at one reading level: shared text plus that level's blocks."""
        return "\n".join(line.text for block, line in self.lines if block in (None, level))

    def body_lines(self):
        return (line for _block, line in self.lines)

    def links(self) -> list[tuple[int, str]]:
        return [(line.number, m.group(1)) for line in self.body_lines() for m in LINK.finditer(line.text)]

    def citations(self) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for line in self.body_lines():
            for match in CITATION.finditer(line.text):
                found.extend((line.number, key.strip().lstrip("@")) for key in match.group(1).split(";"))
        return found

    def has_level(self, level: str) -> bool:
        return any(block == level for block, _ in self.lines)


def parse_lesson(text: str, path: Path, lazy: bool = False) -> tuple[Lesson, list[Problem]]:
    """Parse one lesson. Raises ContentError if it cannot be used at all. ``lazy``: leave the body
    until first use; its problems are then in ``lesson.body_problems``, not in the list returned."""
    problems: list[Problem] = []
    all_lines = text.splitlines()
    if not text.strip():
        raise ContentError(Problem(path, 1, "the lesson file is empty"))
    if not all_lines or all_lines[0].strip() != FENCE:
        raise ContentError(Problem(path, 1, f"a lesson must start with a '{FENCE}' line opening its TOML front matter"))
    try:
        close = next(i for i in range(1, len(all_lines)) if all_lines[i].strip() == FENCE)
    except StopIteration:
        raise ContentError(Problem(path, 1, f"the front matter is never closed with a '{FENCE}' line")) from None
    meta = _front_matter(all_lines[1:close], path)
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
        body=all_lines[close + 1:],
        body_first_line=close + 2,
    )
    if not lazy:
        problems.extend(lesson.body_problems)
    return lesson, problems


# front matter is nearly always flat `key = "text"` or `key = ["a", "b"]` lines; such plain quoted strings
# (no escapes, no control characters) read the same as JSON, which is much faster than the TOML parser
_PLAIN = r'"[^"\\\x00-\x1f\x7f]*"'
_LIST = rf"\[[ \t]*(?:{_PLAIN}(?:[ \t]*,[ \t]*{_PLAIN})*)?[ \t]*\]"
SIMPLE_ENTRY = re.compile(rf"^([A-Za-z0-9_-]+)[ \t]*=[ \t]*({_PLAIN}|{_LIST})[ \t]*$")


def _front_matter(lines: list[str], path: Path) -> dict:
    """The front matter as a dict; anything beyond the simple form goes to the TOML parser."""
    meta = {}
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        entry = SIMPLE_ENTRY.match(stripped)
        if entry is None or entry.group(1) in meta:
            return parse_toml("\n".join(lines), path, first_line=2)
        meta[entry.group(1)] = json.loads(entry.group(2))
    return meta


def _split_levels(lines: list[str], first_number: int, path: Path, charts: dict | None = None):
    """Tag each body line with the reading level block it sits in (None = shared).
    A ```chart fence becomes one marker line (CHART_MARKER) and its chart goes into ``charts``."""
    tagged: list[tuple[str | None, Line]] = []
    problems: list[Problem] = []
    fences = {}
    if any(line.strip() == CHART_FENCE for line in lines):  # the chart parser loads only for lessons with charts
        from viewer.model.evidence.charts import parse_chart, split_chart_blocks

        fences = {start: (end, body) for start, end, body in split_chart_blocks(lines)}
    block, opened_at, skip_to = None, 0, -1
    for offset, text in enumerate(lines):
        number = first_number + offset
        if offset <= skip_to:
            continue
        if offset in fences:
            skip_to, body = fences[offset]
            if skip_to >= len(lines):
                problems.append(Problem(path, number, "the ```chart block is never closed with a ``` line"))
            chart, chart_problems = parse_chart(body, path, number + 1)
            problems.extend(chart_problems)
            if chart is not None and charts is not None:
                if chart.id in charts:
                    problems.append(Problem(path, number, f"chart id '{chart.id}' is used twice in this lesson"))
                else:
                    charts[chart.id] = chart
                    chart.level = block
                    tagged.append((block, Line(number, CHART_MARKER.format(chart.id))))
            continue
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


def load_lesson(path: Path, lazy: bool = False) -> tuple[Lesson, list[Problem]]:
    return parse_lesson(read_text(path), path, lazy)
