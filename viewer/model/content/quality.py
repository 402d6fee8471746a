"""Editorial rules for lesson text that a checker can enforce.

- Every number in clinical text carries a citation in the same sentence, and not only to further
  reading (a teaching page may be suggested, never the source of a number).
- Paragraphs stay short enough to read at chairside distance.
"""

from __future__ import annotations

import re

from viewer.model.content.lessons import CITATION, Lesson

LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
NOT_A_FIGURE = re.compile(r"\b(?:[LST]\d{1,2})(?:[–-][LST]?\d{1,2})?\b|\]\([^)]*\)")  # nerve roots, link targets
MAX_PARAGRAPH_WORDS = 90


def text_units(lesson: Lesson, level: str) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph, list item and table row at one level."""
    units: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0

    def flush() -> None:
        if current:
            units.append((start, " ".join(current)))
            current.clear()

    for block, line in lesson.lines:
        if block not in (None, level):
            continue
        text = line.text.strip()
        if not text or text.startswith(("#", "```")) or set(text) <= set("|-: "):
            flush()
        elif text.startswith("|") or LIST_ITEM.match(text):
            flush()
            start = line.number
            current.append(LIST_ITEM.sub("", text))
            if text.startswith("|"):
                flush()
        else:
            if not current:
                start = line.number
            current.append(text)
    flush()
    return units


def uncited_figures(lesson: Lesson, level: str = "clinical") -> list[tuple[int, str]]:
    """Sentences that state a number without citing a source."""
    found = []
    for line, unit in text_units(lesson, level):
        for sentence in SENTENCE_END.split(unit):
            bare = NOT_A_FIGURE.sub("", CITATION.sub("", sentence))
            if re.search(r"\d", bare) and not CITATION.search(sentence):
                found.append((line, sentence.strip()))
    return found


def cited_keys(text: str) -> list[str]:
    """The reference keys a piece of text cites with [@key] or [@a; @b]."""
    return [k.strip().lstrip("@") for match in CITATION.finditer(text) for k in match.group(1).split(";")]


def has_figure(text: str) -> bool:
    """True if the text states a number (nerve roots like L4-S3 and link targets do not count)."""
    return bool(re.search(r"\d", NOT_A_FIGURE.sub("", CITATION.sub("", text))))


def figures_citing_only(text: str, weak: set[str]) -> list[str]:
    """Sentences of ``text`` that state a number and cite nothing but keys in ``weak``."""
    found = []
    for sentence in SENTENCE_END.split(text):
        keys = cited_keys(sentence)
        if keys and has_figure(sentence) and all(key in weak for key in keys):
            found.append(sentence.strip())
    return found


def lesson_figures_citing_only(lesson: Lesson, weak: set[str], level: str = "clinical") -> list[tuple[int, str]]:
    return [(line, sentence) for line, unit in text_units(lesson, level) for sentence in figures_citing_only(unit, weak)]


def long_paragraphs(lesson: Lesson, level: str) -> list[tuple[int, int]]:
    """(line, word count) of paragraphs longer than MAX_PARAGRAPH_WORDS."""
    return [(line, len(unit.split())) for line, unit in text_units(lesson, level)
            if len(CITATION.sub("", unit).split()) > MAX_PARAGRAPH_WORDS]
