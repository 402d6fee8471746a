"""The glossary (lessons/glossary.toml) and marking its terms in lesson text.

The first use of each term in a lesson becomes a ``glossary:`` link; the
view shows the definition when the pointer rests on it or it is activated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from viewer.model.problems import Problem, line_of
from viewer.model.render import slugify
from viewer.model.textfile import read_text
from viewer.model.tomlfile import parse_toml

# spans a term must never be marked inside: links and images, inline code, autolinks, citations
PROTECTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>|\[@[^\]]*\]")


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    aliases: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.term)


class Glossary:
    def __init__(self, terms: list[Term]):
        self.terms = {t.slug: t for t in terms}
        forms = sorted({(form, t.slug) for t in terms for form in (t.term, *t.aliases) if form.strip()},
                       key=lambda pair: -len(pair[0]))
        self._slug_of = {form.lower(): slug for form, slug in forms}
        alternatives = "|".join(re.escape(form) for form, _slug in forms)
        self._pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE) if forms else None

    def definition(self, slug: str) -> Term | None:
        return self.terms.get(slug)

    def mark_terms(self, markdown: str) -> str:
        """Link the first use of each term, outside headings, links and code."""
        if self._pattern is None:
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
        def link(match: re.Match) -> str:
            slug = self._slug_of[match.group(1).lower()]
            if slug in used:
                return match.group(0)
            used.add(slug)
            return f"[{match.group(1)}](glossary:{slug})"

        return self._pattern.sub(link, text)


def load_glossary(path: Path) -> tuple[Glossary, list[Problem]]:
    if not path.exists():
        return Glossary([]), []
    text = read_text(path)
    data = parse_toml(text, path)
    terms, problems, seen = [], [], set()
    for entry in data.get("term", []):
        name, definition = str(entry.get("term", "")).strip(), str(entry.get("definition", "")).strip()
        line = line_of(text, f'"{name}"') if name else 1
        if not name or not definition:
            problems.append(Problem(path, line, "each [[term]] needs a term and a definition"))
            continue
        if slugify(name) in seen:
            problems.append(Problem(path, line, f"glossary term '{name}' is defined twice"))
            continue
        seen.add(slugify(name))
        terms.append(Term(name, definition, tuple(str(a) for a in entry.get("aliases", []))))
    return Glossary(terms), problems
