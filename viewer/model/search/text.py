"""Plain text for search: lesson sections without Markdown, and case and accent folding.

Folding keeps exactly one character per character, so an offset found in the
folded text is the same offset in the original (snippets and highlights rely
on it). The Markdown stripping is a few regular expressions, not a parser: it
runs over every lesson when the index is built and must stay fast, and it only
has to give the words a reader sees, in the order the lesson panel shows them.
"""

from __future__ import annotations

import re
import unicodedata

from viewer.model.content.lessons import CITATION, Lesson
from viewer.model.core.record import record
from viewer.model.content.render import HEADING, slugify

WORD = re.compile(r"\w+")
CITED = re.compile(r"[ \t]*" + CITATION.pattern)
IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
LINK_TEXT = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
TAG = re.compile(r"<[^>\n]+>")
MARKUP = re.compile(r"(?=[*_`\\])(?:\*+|(?<!\w)_+|_+(?!\w)|`+|\\(?=[\\`*_\[\]{}()#+\-.!<>|]))")
LIST_MARKS = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
QUOTES = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
TABLE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")
FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.MULTILINE | re.DOTALL)
CHART_MARK = re.compile(r"^<!-- chart:([\w-]+) -->$", re.MULTILINE)  # where the lesson loader put a chart
CELL_GAP = " · "
SNIPPET_BEFORE = 40
SNIPPET_AFTER = 70
SUBSTRING_MIN = 3   # shorter query words match only at the start of a word

MARKUP_CHARS = re.compile(r"[\[<*_`\\]")
_fold_table: dict[int, str] = {}


def _fold_char(char: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
    if len(plain) != 1:  # keep offsets: a letter that folds to two letters stays itself
        plain = char.lower() if len(char.lower()) == 1 else char
    return plain


def fold(text: str) -> str:
    """Lower case without accents, one character per character ("Fémur" -> "femur")."""
    if text.isascii():
        return text.lower()
    for char in set(text):
        if ord(char) not in _fold_table:
            _fold_table[ord(char)] = _fold_char(char)
    return text.translate(_fold_table)


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return WORD.findall(fold(text))


@record
class Section:
    heading: str   # plain heading text; the lesson title for the part above the first heading
    anchor: str    # heading slug as the lesson panel finds it; "" for the top of the lesson
    text: str      # one paragraph, list item or table row per line


def lesson_sections(lesson: Lesson, level: str) -> list[Section]:
    """The lesson at one reading level, cut at each heading; the first part holds the summary."""
    sections = [Section(lesson.title, "", "")]
    lines: list[str] = [lesson.summary]
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            lines.append(" ".join(paragraph))
            paragraph.clear()

    def end_section() -> None:
        end_paragraph()
        sections[-1].text = "\n".join(line for line in lines if line)
        lines.clear()

    markdown = CHART_MARK.sub(lambda mark: _chart_words(lesson, mark), lesson.markdown(level))
    for raw in _plain_lines(markdown):
        stripped = " ".join(raw.split())
        heading = HEADING.match(stripped)
        if heading:
            end_section()
            sections.append(Section(heading.group(2), slugify(heading.group(2)), ""))
        elif not stripped:
            end_paragraph()
        elif stripped.startswith("|"):
            end_paragraph()
            if not TABLE_RULE.match(stripped):
                cells = (cell.strip() for cell in stripped.strip("|").split("|"))
                lines.append(CELL_GAP.join(cell for cell in cells if cell))
        else:
            paragraph.append(stripped)
    end_section()
    return sections


def _chart_words(lesson: Lesson, mark: re.Match) -> str:
    """A chart's title and note, as paragraphs (its numbers are not worth searching)."""
    chart = (getattr(lesson, "charts", None) or {}).get(mark.group(1))
    said = [str(getattr(chart, name, "") or "") for name in ("title", "note")]
    return "\n" + "\n\n".join(" ".join(words.split()) for words in said if words.strip()) + "\n"


def _plain_lines(markdown: str) -> list[str]:
    """Markdown lines with the inline markup gone; a list item starts after a blank line."""
    text = FENCED.sub("", markdown)
    text = LIST_MARKS.sub("\n", QUOTES.sub("", text))
    if MARKUP_CHARS.search(text):
        text = MARKUP.sub("", TAG.sub("", LINK_TEXT.sub(r"\1", IMAGE.sub(r"\1", CITED.sub("", text)))))
    return text.split("\n")


# ----- matching and snippets -------------------------------------------------------------------------
def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query words occur in ``text`` (as a search matches them), merged and in order."""
    terms = list(dict.fromkeys(words(query)))
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        pattern = re.escape(term) if len(term) >= SUBSTRING_MIN else at_word_start(term)
        spans.extend(m.span() for m in re.finditer(pattern, folded))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def at_word_start(term: str) -> str:
    """A pattern for ``term`` with no word character just before it. The check looks back from the
    end of the term rather than ahead of it, so the pattern starts with the literal and re scans
    for that quickly: some 40 times faster through a long lesson than a leading look-behind."""
    escaped = re.escape(term)
    return rf"{escaped}(?<!\w{escaped})"


def phrase_pattern(terms: list[str]) -> str:
    """The words next to each other, the first at a word start."""
    return r"\W+".join([at_word_start(terms[0]), *map(re.escape, terms[1:])])


def find_phrase(folded: str, terms: list[str]) -> tuple[int, int] | None:
    """Where ``terms`` (folded words) first stand in ``folded`` as whole words next to each other,
    with only non-word characters between them. A regular expression would find the same, but
    compiling one per glossary term cost 0.3 ms each: 50 terms made one keystroke 15 ms."""
    first = terms[0]
    start = folded.find(first)
    while start >= 0:
        end = start + len(first)
        if start == 0 or not _is_word(folded[start - 1]):
            for term in terms[1:]:
                gap = end
                while gap < len(folded) and not _is_word(folded[gap]):
                    gap += 1
                if gap == end or not folded.startswith(term, gap):
                    break
                end = gap + len(term)
            else:
                if end == len(folded) or not _is_word(folded[end]):
                    return start, end
        start = folded.find(first, start + 1)
    return None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # as re's \w


def match_patterns(terms: list[str]) -> list[re.Pattern]:
    """Best first: the words as a phrase, then each word whole, at a word start, anywhere."""
    found = []
    if len(terms) > 1:
        found.append(re.compile(phrase_pattern(terms)))
    for term in terms:
        found += [re.compile(at_word_start(term) + r"(?!\w)"), re.compile(at_word_start(term))]
        if len(term) >= SUBSTRING_MIN:
            found.append(re.compile(re.escape(term)))
    return found


def first_match(folded: str, patterns: list[re.Pattern]) -> tuple[int, int] | None:
    """Where the first pattern that matches at all matches first."""
    for pattern in patterns:
        match = pattern.search(folded)
        if match:
            return match.span()
    return None


def snippet_around(body: str, span: tuple[int, int] | None) -> tuple[str, int, int]:
    """About a line of ``body`` around ``span``, cut at spaces, on one line; and the span within it."""
    start, end = span or (0, 0)
    first = max(0, start - SNIPPET_BEFORE)
    if first > 0:
        space = body.find(" ", first, start)
        first = space + 1 if space >= 0 else first
    last = min(len(body), end + SNIPPET_AFTER)
    if last < len(body):
        space = body.rfind(" ", end, last)
        last = space if space > end else last
    lead = "…" if first > 0 else ""
    text = lead + body[first:last].replace("\n", " ") + ("…" if last < len(body) else "")
    return text, start - first + len(lead), end - first + len(lead)


def whole_words(body: str, span: tuple[int, int] | None) -> str:
    """The match widened to whole words: what to highlight in the lesson."""
    if not span:
        return ""
    start, end = span
    while start > 0 and body[start - 1].isalnum():
        start -= 1
    while end < len(body) and body[end].isalnum():
        end += 1
    return body[start:end]
