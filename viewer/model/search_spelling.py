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

    def closest(self, typed: str, partial: bool = False) -> str | None:
        """The indexed word nearest ``typed``, or None if none is within a small number of edits.
        ``partial``: the word may be unfinished, so it may also be the start of a longer word."""
        if len(typed) < MIN_LENGTH or not typed.isalpha():
            return None
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
            if partial:  # the start of a longer word, or the whole of one
                row = prefix_distances(typed, word[:size + limit], limit)
                distance = min(row[max(0, size - limit):], default=limit + 1)
            elif abs(len(word) - size) <= limit:
                distance = prefix_distances(typed, word, limit)[-1]
            else:
                continue
            if 0 < distance <= limit:
                rank = (distance, -self.documents.get(word, 0), len(word), word)
                if best is None or rank < best:
                    best = rank
        return best[3] if best else None


def prefix_distances(a: str, b: str, limit: int) -> list[int]:
    """Edits (insert, delete, change, swap of neighbours) from ``a`` to each start ``b[:j]`` of ``b``,
    as a list indexed by j; anything above ``limit`` is reported as ``limit + 1``. Only cells within
    ``limit`` of the diagonal are worked out, which is all a small limit needs."""
    over = limit + 1
    width = len(b)
    before: list[int] | None = None
    previous = [j if j <= limit else over for j in range(width + 1)]
    for i, char in enumerate(a, 1):
        current = [over] * (width + 1)
        if i <= limit:
            current[0] = i
        for j in range(max(1, i - limit), min(width, i + limit) + 1):
            other = b[j - 1]
            cost = previous[j - 1] + (char != other)
            if current[j - 1] + 1 < cost:
                cost = current[j - 1] + 1
            if previous[j] + 1 < cost:
                cost = previous[j] + 1
            if before is not None and j > 1 and char == b[j - 2] and a[i - 2] == other and before[j - 2] + 1 < cost:
                cost = before[j - 2] + 1
            current[j] = cost if cost < over else over
        if min(current) >= over:
            return current
        before, previous = previous, current
    return previous
