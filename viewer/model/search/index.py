"""Search across the lessons (per heading, both reading levels), the glossary and the questions.

Each lesson section, glossary term and question is a numbered document, in
reading order. The index maps every word to a bit set of the documents that
hold it (a Python int: bit n is document n), so a keystroke costs a few bit
operations per matching word instead of a scan of all the text, and the first
results of a rank tier are simply its lowest set bits. Snippets are cut only
for the hits returned. The index is built on the first search.

Rank, best first: the title or heading is the query; it starts with the query;
it holds every query word; then text. Within that, the words as a phrase first,
whole words before word starts before word middles, then the current reading
level, then reading order. Case and accents never matter; every
query word must match somewhere in the title or text. When nothing matches and
a word matches no indexed word at all, the nearest indexed word is tried in its
place (viewer.model.search.spelling) and the hits say so (``Hit.spelled``).
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left
from collections import defaultdict

from viewer.model.content.lessons import LEVELS
from viewer.model.core.record import record
from viewer.model.search.spelling import Spelling
from viewer.model.search.text import (SUBSTRING_MIN, WORD, find_phrase, first_match, fold, highlight_spans,
                                      lesson_sections, match_patterns, snippet_around, whole_words, words)

__all__ = ["Hit", "SearchIndex", "highlight_spans", "keystroke_timings"]

SHORT_PREFIX = 2    # prefixes this short have their bit sets prepared when the index is built


@record(frozen=True)
class Hit:
    kind: str              # "lesson", "glossary" or "question"
    title: str             # "Lesson › Heading", the glossary term, or the question
    snippet: str           # text around the match, one line
    match_start: int       # the match inside ``snippet`` (equal when the match is in the title only)
    match_end: int
    lesson_id: str | None  # the lesson to open
    anchor: str = ""       # heading slug in that lesson ("" = top)
    level: str | None = None  # reading level the text belongs to; None = both
    context: str = ""      # what the hit is in: lesson title, "Glossary", "Question"
    find_text: str = ""    # words to highlight in the opened lesson ("" = just the heading)
    spelled: str = ""      # the query as corrected when the words typed matched nothing ("" = as typed)


@record
class _Doc:
    kind: str
    title: str
    head: str        # searched as a title
    body: str        # searched as text; snippets come from here
    lesson_id: str | None
    anchor: str
    level: str | None
    context: str
    folded: str = ""


class SearchIndex:
    def __init__(self, content):
        self.content = content
        self.docs: list[_Doc] = []
        self._built = False
        self._lock = threading.Lock()  # the window may build it on a worker thread
        self._glossary_targets: dict[tuple[int, str | None], tuple] = {}

    # ----- building --------------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self._built

    def build(self) -> None:
        with self._lock:
            if self._built:
                return
            self._collect_lessons()
            self._collect_glossary()
            self._collect_questions()
            self._index_words()
            self._find_glossary_targets()
            self._built = True

    def _collect_lessons(self) -> None:
        content = self.content
        for lesson_id in content.lesson_order():
            lesson = content.lessons[lesson_id]
            seen: dict[tuple[str, str, str], int] = {}
            for level in LEVELS:
                for section in lesson_sections(lesson, level):
                    key = (section.anchor, section.heading, section.text)
                    if key in seen:  # the same words at both levels: one document for both
                        self.docs[seen[key]].level = None
                        continue
                    seen[key] = len(self.docs)
                    title = lesson.title if not section.anchor else f"{lesson.title} › {section.heading}"
                    self.docs.append(_Doc("lesson", title, section.heading, section.text, lesson_id,
                                          section.anchor, level, lesson.title))

    def _collect_glossary(self) -> None:
        for term in self.content.glossary.terms.values():
            self.docs.append(_Doc("glossary", term.term, " ".join((term.term, *term.aliases)), term.definition,
                                  None, term.slug, None, "Glossary"))

    def _collect_questions(self) -> None:
        for question in getattr(self.content, "questions", None) or []:
            prompt = str(getattr(question, "prompt", "") or "")
            choices = [str(c) for c in getattr(question, "choices", None) or []]
            parts = [prompt, *choices, str(getattr(question, "explanation", "") or "")]
            body = "\n".join(p if p[-1:] in ".!?:;" else p + "." for p in parts if p)  # reads on one line
            lesson_ref, _, anchor = str(getattr(question, "lesson", None) or "").partition("#")
            anchor = getattr(question, "anchor", "") or anchor
            lesson_id: str | None = lesson_ref
            if lesson_id not in self.content.lessons:
                region = self.content.region(getattr(question, "region", None) or "")
                lesson_id = region.lesson if region and region.lesson in self.content.lessons else None
            level = getattr(question, "level", None)
            self.docs.append(_Doc("question", " ".join(prompt.split()), "", body, lesson_id or None, anchor,
                                  level if level in LEVELS else None, "Question"))

    def _index_words(self) -> None:
        any_ids, head_ids, heads, level_ids, kind_ids = (defaultdict(list) for _ in range(5))
        pair_ids: dict[tuple[str, str], list[int]] = defaultdict(list)
        for number, doc in enumerate(self.docs):
            doc.folded = fold(doc.body)
            head_words, body_words = words(doc.head), WORD.findall(doc.folded)
            for word in set(head_words):
                head_ids[word].append(number)
            for word in set(head_words).union(body_words):
                any_ids[word].append(number)
            for pair in set(zip(head_words, head_words[1:])).union(zip(body_words, body_words[1:])):
                pair_ids[pair].append(number)
            if head_words:
                heads[" ".join(head_words)].append(number)
            level_ids[doc.level].append(number)
            kind_ids[doc.kind].append(number)
        self._any = {word: _bits(ids) for word, ids in any_ids.items()}
        self._head = {word: _bits(ids) for word, ids in head_ids.items()}
        self._vocab = sorted(self._any)
        self._vocab_text = "\n".join(self._vocab)
        self._vocab_starts = [0]
        for word in self._vocab[:-1]:
            self._vocab_starts.append(self._vocab_starts[-1] + len(word) + 1)
        self._heads = {key: _bits(ids) for key, ids in heads.items()}
        self._head_keys = sorted(self._heads)
        self._pair_docs = pair_ids  # for phrases; made into bits (_pair_masks) when asked
        self._pair_masks: dict[tuple[str, str], int] = {}
        self._pair_keys = sorted(pair_ids)
        self._lessons = _bits(kind_ids.get("lesson", []))
        shared = _bits(level_ids.get(None, []))
        self._level = {level: shared | _bits(level_ids.get(level, [])) for level in LEVELS}
        self._spelling = Spelling(self._vocab, {word: bits.bit_count() for word, bits in self._any.items()})
        self._short: dict[str, tuple[int, int]] = {}
        self._short_heads: dict[str, int] = {}
        for word in self._vocab:
            for size in range(1, min(SHORT_PREFIX, len(word)) + 1):
                any_bits, head_bits = self._short.get(word[:size], (0, 0))
                self._short[word[:size]] = (any_bits | self._any[word], head_bits | self._head.get(word, 0))
        for key in self._head_keys:
            self._short_heads[key[:1]] = self._short_heads.get(key[:1], 0) | self._heads[key]

    def _find_glossary_targets(self) -> None:
        """Where each term is taught, at each level, found now (while the index is built, off the
        window's thread) rather than for each hit: a keystroke matching 50 terms spent 1.5 ms on it."""
        for number, doc in enumerate(self.docs):
            if doc.kind == "glossary":
                for level in (None, *LEVELS):
                    self._glossary_target(number, level)

    # ----- searching -------------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50, level: str | None = None) -> list[Hit]:
        """The best ``limit`` hits for ``query``; ``level`` (the reader's current level) ranks first."""
        self.build()
        typed = words(query)
        if not typed or limit <= 0:
            return []
        hits = self._search(typed, limit, level)
        if not hits:
            spelled = self.correct(query)
            if spelled:
                hits = self._search(spelled.split(), limit, level, spelled)
        return hits

    def correct(self, query: str) -> str | None:
        """``query`` with each word that matches no indexed word replaced by the nearest one; None if
        every word matches something, or a word has no near match. The last word may be unfinished."""
        self.build()
        typed, changed = words(query), False
        for number, term in enumerate(typed):
            if not self._term_bits(term)[0]:
                near = self._spelling.closest(term, partial=number == len(typed) - 1 and not query[-1:].isspace())
                if near is None:
                    return None
                typed[number], changed = near, True
        return " ".join(typed) if changed else None

    def _search(self, typed: list[str], limit: int, level: str | None, spelled: str = "") -> list[Hit]:
        terms = list(dict.fromkeys(typed))
        matches = [self._term_bits(term) for term in terms]
        found = _all(m[0] for m in matches)
        if not found:
            return []
        key = " ".join(terms)
        title_is = self._heads.get(key, 0)
        title_starts = self._head_prefix(key)
        phrase = self._phrase(typed)
        in_title_all = _all(m[1] for m in matches)
        whole = _all(m[2] for m in matches)
        start = _all(m[3] for m in matches)
        preferred = self._level.get(level, found) if level else found
        chosen: list[int] = []
        for title_tier in _tiers(found, (title_is, title_starts, in_title_all)):
            for phrase_tier in _tiers(title_tier, (phrase,)):
                for word_tier in _tiers(phrase_tier, (whole, start)):
                    for tier in _tiers(word_tier, (preferred,)):
                        chosen.extend(_lowest(tier, limit - len(chosen)))
                        if len(chosen) >= limit:
                            return self._hits(chosen, terms, level, in_title_all, spelled)
        return self._hits(chosen, terms, level, in_title_all, spelled)

    def _term_bits(self, term: str) -> tuple[int, int, int, int]:
        """(documents with the term anywhere, in the title, as a whole word, at a word start)."""
        whole = self._any.get(term, 0)
        if len(term) <= SHORT_PREFIX:
            any_bits, head_bits = self._short.get(term, (0, 0))
            return any_bits, head_bits, whole, any_bits
        first = bisect_left(self._vocab, term)
        last = bisect_left(self._vocab, term + "\uffff", first)
        any_bits = head_bits = 0
        for word in self._vocab[first:last]:
            any_bits |= self._any[word]
            head_bits |= self._head.get(word, 0)
        starts = any_bits
        if len(term) >= SUBSTRING_MIN:
            for word in self._words_containing(term):
                if not word.startswith(term):
                    any_bits |= self._any[word]
                    head_bits |= self._head.get(word, 0)
        return any_bits, head_bits, whole, starts

    def _words_containing(self, term: str):
        text, position = self._vocab_text, self._vocab_text.find(term)
        while position >= 0:
            number = bisect_left(self._vocab_starts, position + 1) - 1
            yield self._vocab[number]
            position = text.find(term, self._vocab_starts[number] + len(self._vocab[number]))

    def _head_prefix(self, key: str) -> int:
        if len(key) == 1:
            return self._short_heads.get(key, 0)
        return _starting(self._head_keys, self._heads, key)

    def _phrase(self, typed: list[str]) -> int:
        """Documents with the typed words next to each other, the last one perhaps still being typed."""
        if len(typed) < 2:
            return 0
        keys, last = self._pair_keys, (typed[-2], typed[-1])
        first = bisect_left(keys, last)
        bits = _any(map(self._pair_bits, keys[first:bisect_left(keys, (last[0], last[1] + "\uffff"), first)]))
        for pair in zip(typed[:-2], typed[1:-1]):
            bits &= self._pair_bits(pair)
        return bits

    def _pair_bits(self, pair: tuple[str, str]) -> int:
        if pair in self._pair_masks:
            return self._pair_masks[pair]
        numbers = self._pair_docs.get(pair)
        if numbers is None:
            return 0
        bits = self._pair_masks[pair] = _bits(numbers)
        return bits

    # ----- hits ------------------------------------------------------------------------------------------
    def _hits(self, numbers: list[int], terms: list[str], level: str | None, in_title: int,
              spelled: str = "") -> list[Hit]:
        """Hits with snippets; when the title matches, the snippet is the start of the text."""
        patterns = match_patterns(terms)
        hits = []
        for number in numbers:
            doc = self.docs[number]
            span = None if in_title >> number & 1 else first_match(doc.folded, patterns)
            snippet, start, end = snippet_around(doc.body, span)
            found = doc.body[span[0]:span[1]] if span else ""
            lesson_id, anchor, doc_level = doc.lesson_id, doc.anchor, doc.level
            if doc.kind == "glossary":
                lesson_id, anchor, found, doc_level = self._glossary_target(number, level)
            hits.append(Hit(doc.kind, doc.title, snippet, start, end, lesson_id, anchor, doc_level,
                            doc.context, whole_words(doc.body, span) if doc.kind == "lesson" else found, spelled))
        return hits

    def _glossary_target(self, number: int, level: str | None) -> tuple:
        """Where a glossary term is taught: its own lesson, else its first use in reading order."""
        cached = self._glossary_targets.get((number, level))
        if cached is None:
            cached = self._glossary_targets[(number, level)] = self._find_glossary_target(number, level)
        return cached

    def _find_glossary_target(self, number: int, level: str | None) -> tuple:
        """(lesson id, anchor, the words as written there, level of that text). Best first: a lesson
        titled with the term, its first use as a phrase, a section with all its words; at the reader's
        level first, then at the other."""
        term = self.content.glossary.definition(self.docs[number].anchor)
        forms = [f for f in (words(t) for t in (term.term, *term.aliases)) if f] if term else []
        for lessons in (self._lessons & self._level.get(level or "", -1), self._lessons):
            for form in forms:
                for doc_number in _lowest(self._heads.get(" ".join(form), 0) & lessons, 1):
                    doc = self.docs[doc_number]
                    if not doc.anchor:
                        return doc.lesson_id, "", "", doc.level
            for as_phrase in (True, False):
                found = [f for f in (self._first_use(form, lessons, as_phrase) for form in forms) if f]
                if found:
                    doc_number, text = min(found)
                    doc = self.docs[doc_number]
                    return doc.lesson_id, doc.anchor, text, doc.level
        return None, "", "", None

    def _first_use(self, form: list[str], lessons: int, as_phrase: bool) -> tuple[int, str] | None:
        """The first lesson section using the words of ``form`` (as a phrase, or anywhere in it)."""
        shown = form if as_phrase else [max(form, key=len)]
        candidates = _all(self._any.get(word, 0) for word in form) & lessons
        while candidates:
            low = candidates & -candidates
            doc = self.docs[low.bit_length() - 1]
            span = find_phrase(doc.folded, shown)
            if span:
                return low.bit_length() - 1, doc.body[span[0]:span[1]]
            candidates ^= low
        return None


def keystroke_timings(index: SearchIndex, text: str, level: str | None = "patient") -> list[float]:
    """Seconds each keystroke's search takes while ``text`` is typed one character at a time."""
    index.build()
    timings = []
    for size in range(1, len(text) + 1):
        started = time.perf_counter()
        index.search(text[:size], level=level)
        timings.append(time.perf_counter() - started)
    return timings


# ----- helpers ----------------------------------------------------------------------------------------------
def _bits(numbers: list[int]) -> int:
    if len(numbers) < 64:
        bits = 0
        for number in numbers:
            bits |= 1 << number
        return bits
    raw = bytearray(numbers[-1] // 8 + 1)
    for number in numbers:
        raw[number >> 3] |= 1 << (number & 7)
    return int.from_bytes(raw, "little")


def _starting(keys: list[str], table: dict[str, int], prefix: str) -> int:
    """Documents under every key of sorted ``keys`` that starts with ``prefix``."""
    first = bisect_left(keys, prefix)
    return _any(table[key] for key in keys[first:bisect_left(keys, prefix + "\uffff", first)])


def _all(bit_sets) -> int:
    result = -1
    for bits in bit_sets:
        result &= bits
        if not result:
            return 0
    return max(result, 0) if result != -1 else 0


def _any(bit_sets) -> int:
    result = 0
    for bits in bit_sets:
        result |= bits
    return result


def _tiers(found: int, better: tuple[int, ...]):
    """``found`` split into the parts in each ``better`` set in turn, then the rest."""
    taken = 0
    for bits in (*better, found):
        part = found & bits & ~taken
        taken |= part
        if part:
            yield part


def _lowest(bits: int, count: int) -> list[int]:
    numbers: list[int] = []
    while bits and len(numbers) < count:
        low = bits & -bits
        numbers.append(low.bit_length() - 1)
        bits ^= low
    return numbers
