"""Near matches for a misspelt search word: "pirifromis" -> "piriformis".

Only the words the index holds can be suggested. Candidates are found through the
letter pairs they share with the typed word (an inverted index of pairs, built with
the search index), kept when their length is close, then scored by edit distance
counting a swap of two neighbouring letters as one edit. Ties go to the word more
documents use. A word still being typed is compared with the start of each candidate,
so a slip is caught before the word is finished.
"""

from __future__ import annotations

from collections import Counter, defaultdict

MIN_LENGTH = 4      # shorter words are too ambiguous to correct
MAX_CANDIDATES = 60  # scored in full, best letter-pair overlap first
SMALL_POOL = 100     # words of the same first letter and a near length are all scored when there are this few
REMEMBERED = 256     # answers kept: each keystroke after a misspelt word asks about that word again


def max_edits(length: int) -> int:
    return 1 if length <= 5 else 2


def _pairs(word: str, whole: bool) -> set[str]:
    marked = f"^{word}$" if whole else f"^{word}"
    return {marked[i:i + 2] for i in range(len(marked) - 1)}


class Spelling:
    def __init__(self, vocabulary: list[str], documents: dict[str, int]):
        """``documents``: how many documents use each word (breaks ties between equally close words)."""
        self.words = [w for w in vocabulary if len(w) >= MIN_LENGTH - 1 and w.isalpha()]
        self.documents = documents
        postings: dict[str, list[int]] = defaultdict(list)
        for number, word in enumerate(self.words):
            for pair in _pairs(word, whole=True):
                postings[pair].append(number)
        self.postings = dict(postings)
        self.buckets: dict[tuple[str, int], list[int]] = defaultdict(list)  # a swap in a short word shares few pairs
        for number, word in enumerate(self.words):
            self.buckets[(word[0], len(word))].append(number)
        self._answers: dict[tuple[str, bool], str | None] = {}

    def closest(self, typed: str, partial: bool = False) -> str | None:
        """The indexed word nearest ``typed``, or None if none is within a small number of edits.
        ``partial``: the word may be unfinished, so it may also be the start of a longer word."""
        if len(typed) < MIN_LENGTH or not typed.isalpha():
            return None
        key = (typed, partial)
        if key not in self._answers:
            if len(self._answers) >= REMEMBERED:
                del self._answers[next(iter(self._answers))]
            self._answers[key] = self._closest(typed, partial)
        return self._answers[key]

    def _closest(self, typed: str, partial: bool) -> str | None:
        size, limit = len(typed), max_edits(len(typed))
        shared: Counter = Counter()
        for pair in _pairs(typed, whole=not partial):
            shared.update(self.postings.get(pair, ()))
        best: tuple | None = None
        candidates = {number for number, _count in shared.most_common(MAX_CANDIDATES)}
        pool = [self.buckets.get((typed[0], length), ()) for length in range(size - limit, size + limit + 1)]
        if sum(map(len, pool)) <= SMALL_POOL:
            for bucket in pool:
                candidates.update(bucket)
        for number in candidates:
            word = self.words[number]
            if not partial and abs(len(word) - size) > limit:
                continue
            distance = edit_distance(typed, word, limit, partial)  # partial: the start of a longer word too
            if 0 < distance <= limit:
                rank = (distance, -self.documents.get(word, 0), len(word), word)
                if best is None or rank < best:
                    best = rank
        return best[3] if best else None


def edit_distance(typed: str, word: str, limit: int, partial: bool = False) -> int:
    """Edits (insert, delete, change, swap of two neighbours) from ``typed`` to ``word`` or, when
    ``partial``, to the nearest start of ``word``; anything over ``limit`` is ``limit + 1``."""
    for edits in range(limit + 1):
        if _within(typed, word, edits, partial):
            return edits
    return limit + 1


def _within(a: str, b: str, edits: int, partial: bool) -> bool:
    """Whether ``edits`` edits or fewer turn ``a`` into ``b`` (into a start of ``b``). Letters the two
    share at the start cost nothing; then each kind of edit is tried on the first letters that
    differ. For a limit of one or two that is a few string comparisons: in Python about twice as
    fast as filling a table of distances, which matters when a keystroke scores 150 words."""
    same = 0
    while same < len(a) and same < len(b) and a[same] == b[same]:
        same += 1
    a, b = a[same:], b[same:]
    if not a:
        return partial or len(b) <= edits
    if not b:
        return len(a) <= edits
    if not edits:
        return False
    swapped = len(a) > 1 and len(b) > 1 and a[0] == b[1] and a[1] == b[0]
    if edits == 1:  # the last edit: what follows it must match as it is
        rest = str.startswith if partial else str.__eq__
        return rest(b[1:], a[1:]) or rest(b, a[1:]) or rest(b[1:], a) or (swapped and rest(b[2:], a[2:]))
    edits -= 1
    return (_within(a[1:], b[1:], edits, partial) or _within(a[1:], b, edits, partial)
            or _within(a, b[1:], edits, partial) or (swapped and _within(a[2:], b[2:], edits, partial)))
