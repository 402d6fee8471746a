"""The glossary (lessons/glossary.toml) and marking its terms in lesson text.

The first use of each term in a lesson becomes a ``glossary:`` link; the
view shows the definition when the pointer rests on it or it is activated.
"""

from __future__ import annotations

import re
from pathlib import Path

from viewer.model.core.problems import Problem, line_of
from viewer.model.core.record import record
from viewer.model.content.render import slugify
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import parse_toml

# spans a term must never be marked inside: links and images, inline code, autolinks, citations
PROTECTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>|\[@[^\]]*\]")
# a term starts where a word starts (not after a letter, digit or hyphen) and must end where one ends
WORD_START = re.compile(r"(?<![\w-])\w+")
WORD_CHAR = re.compile(r"[\w-]")


@record(frozen=True)
class Term:
    """A glossary entry: the term, its plain-words definition and other names for it."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.term)


class Glossary:
    def __init__(self, terms: list[Term]):
        self.terms = {t.slug: t for t in terms}
        forms = sorted({(form, slug) for slug, t in self.terms.items() for form in (t.term, *t.aliases)
                        if form.strip()}, key=lambda pair: -len(pair[0]))
        self._slug_of = {form.lower(): slug for form, slug in forms}
        # forms by their first word, longest first: one dictionary lookup per word of text, instead of
        # one regular expression of every form (hundreds of alternatives: slow to compile at start-up)
        by_length: dict[str, dict[int, set[str]]] = {}
        self._odd_forms = []  # forms not starting with a letter or digit: matched by a small pattern
        for form, _slug in forms:
            first = re.match(r"\w+", form)
            if first:
                by_length.setdefault(first.group(0).lower(), {}).setdefault(len(form), set()).add(form.lower())
            else:
                self._odd_forms.append(form)
        # first word -> [(length, forms of that length)], longest first
        self._by_first_word = {word: sorted(lengths.items(), reverse=True) for word, lengths in by_length.items()}
        self._has_forms = bool(forms)
        self._odd_pattern = (re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, self._odd_forms))})(?![\w-])",
                                        re.IGNORECASE) if self._odd_forms else None)

    def definition(self, slug: str) -> Term | None:
        return self.terms.get(slug)

    def mark_terms(self, markdown: str) -> str:
        """Link the first use of each term, outside headings, links and code."""
        if not self._has_forms:
            return markdown
        used: set[str] = set()
        out = []
        for line in markdown.splitlines():
            if line.lstrip().startswith(("#", "```", "    ")) or set(line.strip()) <= set("|-: "):
                out.append(line)
                continue
            out.append(self._mark_line(line, used))
        return "\n".join(out)

    def _mark_line(self, line: str, used: set[str]) -> str:
        pieces, position = [], 0
        for protected in PROTECTED.finditer(line):
            pieces.append(self._mark_span(line[position:protected.start()], used))
            pieces.append(protected.group(0))
            position = protected.end()
        pieces.append(self._mark_span(line[position:], used))
        return "".join(pieces)

    def _mark_span(self, text: str, used: set[str]) -> str:
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare letter whose lower case is longer: keep positions aligned
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        matches = []
        skip_until = 0
        for word in WORD_START.finditer(text):
            start = word.start()
            if start < skip_until:
                continue
            for length, forms in self._by_first_word.get(word.group(0).lower(), ()):
                end = start + length
                if lowered[start:end] in forms and not WORD_CHAR.match(text, end):
                    matches.append((start, end, self._slug_of[lowered[start:end]]))
                    skip_until = end
                    break
        if self._odd_pattern is not None:
            matches += [(m.start(), m.end(), self._slug_of[m.group(1).lower()])
                        for m in self._odd_pattern.finditer(text)]
            matches.sort()
        out, position = [], 0
        for start, end, slug in matches:
            if start < position or slug in used:
                continue
            used.add(slug)
            out += [text[position:start], f"[{text[start:end]}](glossary:{slug})"]
            position = end
        out.append(text[position:])
        return "".join(out)


def load_glossary(path: Path) -> tuple[Glossary, list[Problem]]:
    if not path.exists():
        return Glossary([]), []
    text = read_text(path)
    data = parse_toml(text, path)
    terms, problems, seen = [], [], set()
    for entry in data.get("term", []):
        name, definition = str(entry.get("term", "")).strip(), str(entry.get("definition", "")).strip()
        line = lambda: line_of(text, f'"{name}"') if name else 1  # noqa: E731, B023 -- only for a problem, at once
        if not name or not definition:
            problems.append(Problem(path, line(), "each [[term]] needs a term and a definition"))
            continue
        slug = slugify(name)
        if slug in seen:
            problems.append(Problem(path, line(), f"glossary term '{name}' is defined twice"))
            continue
        seen.add(slug)
        terms.append(Term(name, definition, tuple(str(a) for a in entry.get("aliases", []))))
    return Glossary(terms), problems
