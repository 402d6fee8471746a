"""The glossary (lessons/glossary.toml) and marking its terms in lesson text.

The first use of each term in each section of a lesson becomes a
``glossary:`` link; the view shows the definition when the pointer rests on
it or it is activated. At Clinical level everyday words every student knows
(``basic = true``: medial, flexion, femur...) are left plain. A term is never
marked as a piece of a longer name ("femoral" in "posterior femoral cutaneous
nerve", "obturator internus" in "nerve to obturator internus"); a nerve term
followed by "nerve(s)" takes the whole name ("pudendal nerves").
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
# the rest of a longer name a term would be a piece of: up to three more words, then its head noun
NAME_WORD = r"[ -](?!(?:and|or|of|the|a|an|to|in|at|on|with|from|by|for|is|are|was|were|its)\b)[a-z]+"
NAME_GOES_ON = re.compile(rf"(?:{NAME_WORD}){{0,3}}?(?:(?:,|,? and|,? or)(?:{NAME_WORD}){{1,3}}?){{0,2}}?"
                          r"[ -](nerves?|arter(?:y|ies)|veins?|vessels|branch(?:es)?)\b")  # "... cutaneous and pudendal nerves"
NAME_BEFORE = re.compile(r"\b(?:nerves?|branch(?:es)?|arter(?:y|ies)) to (?:the )?$", re.IGNORECASE)
# a word that can be part of an anatomical name: femoral, gluteal, cutaneous, posterior, internus, femoris...
NAME_PIECE = re.compile(r"[a-z]+(?:al|ar|ic|ous|or|us|is|ary|ate)", re.IGNORECASE)
HEADS = {"nerve": "nerve", "nerves": "nerve", "artery": "artery", "arteries": "artery", "vein": "vein",
         "veins": "vein", "vessels": "vessels", "branch": "branch", "branches": "branch"}
# a term starts where a word starts (not after a letter, digit or hyphen) and must end where one ends
WORD_START = re.compile(r"(?<![\w-])\w+")
WORD_CHAR = re.compile(r"[\w-]")


@record(frozen=True)
class Term:
    """A glossary entry: the term, its plain-words definition and other names for it."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    basic: bool = False  # an everyday word every clinical student knows: marked at Patient level only

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

    def mark_terms(self, markdown: str, clinical: bool = False) -> str:
        """Link the first use of each term in each section, outside headings, links and code. With
        ``clinical``, basic terms stay plain."""
        if not self._has_forms:
            return markdown
        used: set[str] = {slug for slug, term in self.terms.items() if term.basic} if clinical else set()
        skipped = frozenset(used)
        out = []
        for line in markdown.splitlines():
            if line.lstrip().startswith("#"):
                used = set(skipped)  # a new section: a reader who jumps here sees its terms marked
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
            whole = self._whole_name(text, start, end, slug)
            if whole is None:
                continue  # a piece of a longer name: not this term
            end = whole
            used.add(slug)
            out += [text[position:start], f"[{text[start:end]}](glossary:{slug})"]
            position = end
        out.append(text[position:])
        return "".join(out)

    def _whole_name(self, text: str, start: int, end: int, slug: str) -> int | None:
        """Where the marked span should end: ``end``, further when a nerve term goes on to its head noun
        ("pudendal" + " nerves"), or None when the term is only a piece of a longer name."""
        if NAME_BEFORE.search(text[:start]):
            return None
        before = re.search(r"([A-Za-z]+)[ -]$", text[:start])
        if before and " " not in text[start:end].strip() and (
                before.group(1).lower() in ("greater", "lesser") or NAME_PIECE.fullmatch(before.group(1))):
            return None  # "sacrospinous ligament", "lesser sciatic notch": one word of a longer name
        goes_on = NAME_GOES_ON.match(text, end)
        if goes_on is None:
            return end
        pieces = text[start:end].split() + re.findall(r"[a-z]+", goes_on.group(0)[:-len(goes_on.group(1))])
        if not all(NAME_PIECE.fullmatch(word) for word in pieces if word not in ("and", "or")):
            return end  # "tethered nerve", "DGS had nerve root contact": words, not a name
        head = HEADS[goes_on.group(1).lower()]
        term_words = self.terms[slug].term.lower().split()
        if goes_on.group(0)[1:] == goes_on.group(1) and term_words[-1] == head:
            return goes_on.end()  # "pudendal nerves": the term's own name, said in full
        return None


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
        terms.append(Term(name, definition, tuple(str(a) for a in entry.get("aliases", [])),
                          bool(entry.get("basic", False))))
    return Glossary(terms), problems
