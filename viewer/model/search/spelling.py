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

from viewer.model.core.typos import allowed_typos, edit_distance

MIN_LENGTH = 4      # shorter words are too ambiguous to correct
MAX_CANDIDATES = 60  # scored in full, best letter-pair overlap first
SMALL_POOL = 100     # words of the same first letter and a near length are all scored when there are this few
REMEMBERED = 256     # answers kept: each keystroke after a misspelt word asks about that word again


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
        size, limit = len(typed), allowed_typos(len(typed))
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
