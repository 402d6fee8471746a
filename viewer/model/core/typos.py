"""Spelling slips: how many edits separate two words, and how many a word of a given length may have.

One measure for the whole app (a quiz answer typed by a student, a search word typed by anyone):
the optimal string alignment distance, where a letter added, dropped or changed, or two
neighbouring letters swapped, is one edit. ``typos`` fills the whole table; ``edit_distance``
answers "within ``limit``?" with a few string comparisons (about twice as fast, which matters when
a search keystroke scores 150 words) and agrees with the table (tests/test_search.py).
"""

from __future__ import annotations


def allowed_typos(length: int) -> int:
    """Edits forgiven in a word of ``length`` letters: none up to 3, one up to 5, two up to 12, then three."""
    return 0 if length <= 3 else 1 if length <= 5 else 2 if length <= 12 else 3


def typos(a: str, b: str) -> int:
    """Letters added, dropped, changed or swapped to turn ``a`` into ``b`` (optimal string alignment)."""
    previous: list[int] = []
    current = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]


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
