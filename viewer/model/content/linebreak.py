"""Where a line may break inside a word, for lesson text shown in a narrow column or at large text.

A reader at 250% text in a narrow panel has room for eight or nine letters a line: without help a
renderer splits "Ischiofemoral" or "electrophysiological" wherever the line ends, letters on two
lines and no hyphen. Here words get soft hyphens (U+00AD, drawn as "-" only where a line breaks) at
syllable points, and identifiers (DOIs, URLs, PMC numbers) get zero-width break points after their
punctuation (U+200B, never drawn): they break at / . : - as a reader expects, with no hyphen added.

The syllable rule is small and suited to the Latin and Greek compounds of anatomy
(is-chio-fe-mo-ral, in-ter-tro-chan-te-ric): a single consonant starts the next syllable, a
cluster gives the next syllable the longest start an English word can have (ham-string,
func-tion), a silent final e is not a syllable, and at least two letters stay before a break and
three after it. Plain text logic only: the lesson panel applies it to what it shows.
"""

from __future__ import annotations

import re

SOFT_HYPHEN = "\u00ad"
BREAK = "\u200b"        # zero-width space: a break point with nothing drawn
MIN_WORD = 6            # shorter words are never hyphenated
MIN_BEFORE, MIN_AFTER = 2, 3
LONGEST_PIECE = 6       # a syllable longer than this gets a break point inside it as well (pin-ched)
DIGRAPHS = frozenset("ch ck gh ph sh th wh qu".split())  # never split by that extra break point
VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")
# the starts of English syllables a consonant cluster may give to the next syllable
ONSETS = frozenset("""bl br ch chr cl cr dr dw fl fr gl gr kl ph phr pl pr qu rh sc sch scr sh shr sk sl sm
sn sp spl spr squ st str sw th thr tr tw wh wr""".split())
# common words the rule gets wrong (compounds, silent letters), as TeX's \\hyphenation list does
EXCEPTIONS = {word.replace("-", ""): word for word in """
a-gainst an-other cush-ion ev-ery-thing high-er out-side out-ward ref-er-ence ref-er-ences some-one
some-thing some-times to-wards us-u-al-ly weak-ness with-in with-out
""".split()}
WORD = re.compile(r"[^\W\d_]+")
TOKEN = re.compile(r"\S+")
# a DOI or URL breaks after its punctuation; a citation's numbers ("2018;47(6):763-770", "54.4→78.0",
# "p<0.001") after the marks between them, never inside a decimal number; a long record number
# (PMID, PMC) after its letters and in the middle of its digits
LINK_BREAK = re.compile(r"(?<=[/.:_?&=#;-])(?=[\w%~(])|(?<=[A-Za-z])(?=\d{4,})")
NUMBERS_BREAK = re.compile(r"(?<=[;:),<>=→–-])(?=[\w(])|(?<=[A-Za-z])(?=\d{4,})")
LONG_NUMBER = re.compile(r"\d{7,}")
INVISIBLE = re.compile(f"[{SOFT_HYPHEN}{BREAK}]")


def breakable(text: str, min_word: int = MIN_WORD) -> str:
    """``text`` with soft hyphens in its words of ``min_word`` letters or more and break points in its
    identifiers. A wider column asks for a larger ``min_word`` (see shortest_hyphenated): there only a
    word that could leave a line half empty is worth a hyphen."""
    return TOKEN.sub(lambda match: _breakable_token(match.group(0), max(MIN_WORD, min_word)), text)


def shortest_hyphenated(letters_per_line: float) -> int:
    """The shortest word given soft hyphens in a column holding ``letters_per_line`` average letters:
    about half a line, never under MIN_WORD (a word that long may still not fit a very narrow line)."""
    return max(MIN_WORD, int(letters_per_line // 2))


def unbreakable(text: str) -> str:
    """``text`` without the marks ``breakable`` adds (for search, copying and screen readers)."""
    return INVISIBLE.sub("", text)


def hyphenation_points(word: str, min_word: int = MIN_WORD) -> list[int]:
    """The indices in ``word`` (letters only) before which a hyphenated line may break; a syllable
    longer than ``min_word`` letters gets one more."""
    if len(word) < min_word or word.isupper():
        return []
    lower = word.lower()
    if lower in EXCEPTIONS:
        points = [i - n for n, i in enumerate(m.start() for m in re.finditer("-", EXCEPTIONS[lower]))]
        return [p for p in points if MIN_BEFORE <= p <= len(word) - MIN_AFTER]
    nuclei = _nuclei(lower)
    points = []
    for (_start, end), (next_start, _end) in zip(nuclei, nuclei[1:]):
        cluster = lower[end:next_start]
        points.append(end + _split(cluster))
    points = [p for p in points if MIN_BEFORE <= p <= len(word) - MIN_AFTER]
    return _split_long_pieces(lower, points, max(LONGEST_PIECE, min_word))


def _breakable_token(token: str, min_word: int) -> str:
    is_link = ("://" in token or "@" in token or token.lower().startswith(("doi:", "www."))
               or ("/" in token and any(c.isdigit() for c in token)))  # not prose's "and/or"
    if len(token) >= 7 and (is_link or any(c.isdigit() for c in token)):
        token = (LINK_BREAK if is_link else NUMBERS_BREAK).sub(BREAK, token)
        token = LONG_NUMBER.sub(lambda m: _in_fours(m.group(0)), token)
        mark = BREAK if is_link else SOFT_HYPHEN  # a hyphen drawn in a link would read as part of it
        return WORD.sub(lambda m: _hyphenated(m.group(0), min_word, mark), token)
    return WORD.sub(lambda m: _hyphenated(m.group(0), min_word), token)


def _hyphenated(word: str, min_word: int, mark: str = SOFT_HYPHEN) -> str:
    points = hyphenation_points(word, min_word)
    if not points:
        return word
    pieces = [word[a:b] for a, b in zip([0, *points], [*points, len(word)])]
    return mark.join(pieces)


def _in_fours(digits: str) -> str:
    """A long run of digits with break points between groups of four, counted from its end."""
    head = len(digits) % 4 or 4
    return BREAK.join([digits[:head]] + [digits[i:i + 4] for i in range(head, len(digits), 4)])


def _nuclei(word: str) -> list[tuple[int, int]]:
    """(start, end) of each run of vowels that is a syllable's centre."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(word):
        if _is_vowel(word, i):
            start = i
            while i < len(word) and _is_vowel(word, i):
                i += 1
            found.append((start, i))
        else:
            i += 1
    if len(found) > 1 and _silent_ending(word, found[-1]):
        found.pop()
    return found


def _is_vowel(word: str, i: int) -> bool:
    letter = word[i]
    if letter not in VOWELS:
        return False
    if letter == "y" and (i == 0 or _is_vowel(word, i - 1)):
        return False  # "y" starting a word or after a vowel sounds as a consonant
    return not (letter == "u" and i > 0 and word[i - 1] == "q")  # the u of "qu" belongs to the q


def _silent_ending(word: str, nucleus: tuple[int, int]) -> bool:
    """A final -e, -es or -ed after a consonant is no syllable of its own (syn-drome, not syn-dro-me),
    except the spoken -le and -ted/-ded endings (mus-cle, ro-tated)."""
    start, end = nucleus
    if word[start:end] != "e" or start == 0 or word[start - 1] in VOWELS:
        return False
    ending = word[end:]
    if ending not in ("", "s", "d"):
        return False
    before = word[start - 1]
    if before == "l" and start >= 2 and word[start - 2] not in VOWELS:
        return False
    return not (ending == "d" and before in "td")


def _split(cluster: str) -> int:
    """Where in the consonants between two syllable centres the break falls (0: before them all)."""
    if len(cluster) <= 1:
        return 0 if cluster != "x" else 1  # ex-am-ine: x stays with the vowel before it
    if cluster.startswith("ght"):
        return 3  # straight-en, not straigh-ten
    for size in range(len(cluster), 1, -1):
        onset = cluster[-size:]
        if onset in ONSETS and not (onset[0] == "s" and size == len(cluster)):
            return len(cluster) - size  # pos-te-rior, but ham-string
    return len(cluster) - 1


def _split_long_pieces(word: str, points: list[int], longest: int) -> list[int]:
    """A syllable too long for a very narrow line ("strengths") gets one more break point, between two
    consonants after its first vowel (never inside its opening consonants or a digraph), near its middle."""
    edges = [0, *points, len(word)]
    extra = []
    for a, b in zip(edges, edges[1:]):
        if b - a <= longest:
            continue
        vowel = next((i for i in range(a, b) if word[i] in VOWELS), b)
        low, high = max(a + MIN_BEFORE, MIN_BEFORE, vowel + 2), min(b - MIN_AFTER, len(word) - MIN_AFTER)
        middle = (a + b) / 2
        # a vowel left on both sides: never stren-gth or strai-ght
        fair = [i for i in range(low, high + 1) if any(c in "aeiouy" for c in word[i:b])]
        consonant_pairs = [i for i in fair if word[i - 1] not in VOWELS and word[i] not in VOWELS
                           and word[i - 1:i + 1] not in DIGRAPHS]
        after_vowel = [i for i in fair if word[i - 1] in VOWELS and word[i] not in VOWELS]
        if consonant_pairs or after_vowel:  # squee-zed: better than a split with no hyphen at all
            extra.append(min(consonant_pairs or after_vowel, key=lambda i: abs(i - middle)))
    return sorted(set(points + extra))
