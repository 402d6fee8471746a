"""Search (Ctrl+K): finds a term from every lesson, ranks sensibly, and opens the place it found."""

from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from viewer.model.content.loader import load_content
from viewer.model.content.lessons import LEVELS
from viewer.model.content.plaintext import markdown_to_text
from viewer.model.content.render import render_lesson
from viewer.model.search.index import SearchIndex, highlight_spans, keystroke_timings
from viewer.model.search.text import fold


@pytest.fixture(scope="module")
def bundled(request):
    from conftest import REPO
    content = load_content(REPO)
    index = SearchIndex(content)
    index.build()
    return content, index


def lesson_words(lesson, level) -> set[str]:
    """Words a reader sees at one level, read with a real Markdown parser (not the index's own code)."""
    return {w for w in re.findall(r"[^\W\d_]{6,}", fold(markdown_to_text(lesson.markdown(level))))}


# ----- model -------------------------------------------------------------------------------------------
def test_search_finds_a_distinctive_term_from_every_lesson(bundled):
    content, index = bundled
    vocab = {(lesson_id, level): lesson_words(lesson, level)
             for lesson_id, lesson in content.lessons.items() for level in LEVELS}
    spread = Counter(word for words in vocab.values() for word in words)
    assert len(content.lessons) >= 10
    for (lesson_id, level), words in vocab.items():
        term = min(sorted(words), key=lambda w: spread[w])  # the word fewest lesson levels use
        hits = index.search(term, level=level)
        mine = [h for h in hits if h.kind == "lesson" and h.lesson_id == lesson_id]
        assert mine, f"{term!r} from {lesson_id} ({level}) not found"
        hit = mine[0]
        assert hit.level in (level, None)
        assert fold(hit.snippet[hit.match_start:hit.match_end]) == term or term in fold(hit.title)


def test_every_heading_opens_at_its_place(bundled):
    content, index = bundled
    for lesson_id, lesson in content.lessons.items():
        for level in LEVELS:
            for depth, text, slug in render_lesson(lesson, level, content.bibliography).headings:
                if depth == 1 or slug == "references":
                    continue
                places = {(h.lesson_id, h.anchor) for h in index.search(text, level=level)}
                assert (lesson_id, slug) in places, f"heading {text!r} of {lesson_id} ({level})"


def test_snippet_offsets_point_at_the_match(bundled):
    _content, index = bundled
    for query in ("sciatic", "Piriformis", "MRI", "ischio"):
        for hit in index.search(query):
            if hit.match_end > hit.match_start:
                assert fold(hit.snippet[hit.match_start:hit.match_end]).startswith(fold(query)[:3])
                assert "\n" not in hit.snippet and len(hit.snippet) < 200


def test_case_and_accents_do_not_matter(bundled):
    _content, index = bundled
    plain = [(h.lesson_id, h.anchor, h.kind) for h in index.search("sciatic nerve")]
    assert plain
    assert [(h.lesson_id, h.anchor, h.kind) for h in index.search("SCIÁTIC NÉRVE")] == plain
    assert fold("Fémur Ærø İstanbul") == "femur ærø istanbul"
    assert len(fold("ﬁ Straße")) == len("ﬁ Straße")  # one character per character keeps offsets
    assert highlight_spans("Le FÉMUR, femoral", "femur") == [(3, 8)]


def test_every_word_of_a_query_must_match(bundled):
    _content, index = bundled
    hits = index.search("cauda equina")
    assert hits
    for hit in hits:
        doc_text = fold(hit.title + " " + hit.snippet)
        assert "cauda" in doc_text or "equina" in doc_text
    assert {(h.lesson_id, h.anchor) for h in index.search("equina cauda")} == {(h.lesson_id, h.anchor) for h in hits}
    assert index.search("cauda zzzqqq") == []
    assert index.search("   ") == [] and index.search("") == []


@pytest.fixture
def ranked(mini_dir):
    """A small pack with words placed to test the rank order."""
    (mini_dir / "lessons" / "ranks.md").write_text(
        "+++\nid = \"ranks\"\ntitle = \"Ranks\"\nsummary = \"Words in places.\"\n+++\n"
        "Some text mentions the sciatica word early and the müller twin.\n\n"
        "::: patient\n## Sciatic notes\nPlain words about a sciatic thing.\n:::\n"
        "::: clinical\n## Deeper\nThe sciatic nerve in clinical words, also asciatic noise.\n:::\n",
        encoding="utf-8")
    content = load_content(mini_dir)
    content.questions = [SimpleNamespace(prompt="Which zebrafinch sings?", choices=["One", "Two"],
                                         explanation="Only one.", lesson="ranks", anchor="deeper",
                                         level="clinical", region=None)]
    return SearchIndex(content)


def test_titles_then_whole_words_then_word_starts_then_middles(ranked):
    hits = [(h.lesson_id, h.anchor) for h in ranked.search("sciatic", level="patient") if h.lesson_id == "ranks"]
    assert hits[0] == ("ranks", "sciatic-notes")                     # a heading holds it
    assert hits.index(("ranks", "deeper")) < hits.index(("ranks", ""))  # whole word before "sciatica"
    middles = [h for h in ranked.search("ciatic") if h.lesson_id == "ranks"]
    assert {h.anchor for h in middles} == {"", "sciatic-notes", "deeper"}  # inside words, from 3 letters
    assert not [h for h in ranked.search("ci") if h.lesson_id == "ranks"]  # two letters: word starts only


def test_current_reading_level_comes_first(ranked):
    clinical = [h for h in ranked.search("words", level="clinical") if h.lesson_id == "ranks"]
    patient = [h for h in ranked.search("words", level="patient") if h.lesson_id == "ranks"]
    assert clinical[0].level in ("clinical", None) and patient[0].level in ("patient", None)
    assert [h.level for h in clinical if h.level] == ["clinical", "patient"]
    assert [h.level for h in patient if h.level] == ["patient", "clinical"]


def test_accented_text_and_questions_are_found(ranked):
    twin = ranked.search("MULLER")
    assert twin and twin[0].lesson_id == "ranks" and twin[0].snippet[twin[0].match_start:twin[0].match_end] == "müller"
    question = ranked.search("zebrafinch")
    assert [(h.kind, h.lesson_id, h.anchor, h.level) for h in question] == [("question", "ranks", "deeper",
                                                                             "clinical")]


def test_glossary_hit_opens_where_the_term_is_taught(bundled):
    content, index = bundled
    term = next(iter(content.glossary.terms.values()))
    hits = [h for h in index.search(term.term) if h.kind == "glossary" and h.title == term.term]
    assert hits and hits[0].snippet.startswith(term.definition[:30])
    hit = hits[0]
    if hit.lesson_id:
        shown = render_lesson(content.lessons[hit.lesson_id], hit.level or "patient", content.bibliography).markdown
        assert fold(hit.find_text or term.term).split()[0] in fold(shown)


def test_typing_is_fast_enough(bundled):
    """Far looser than the benchmark (10 ms a keystroke), so a busy test machine does not fail it."""
    _content, index = bundled
    timings = keystroke_timings(index, "ischiofemoral space")
    assert len(timings) == len("ischiofemoral space") and sorted(timings)[len(timings) // 2] < 0.05


# ----- window ------------------------------------------------------------------------------------------
def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)


def open_box(window, qtbot):
    qtbot.waitUntil(window.isActiveWindow)  # keys reach the window again once the box has closed
    press(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and QApplication.focusWidget() is dialog.field)
    qtbot.waitUntil(lambda: window.context.search_index.ready)
    return dialog


def type_text(dialog, text):
    counts = []
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)
        counts.append(dialog.results.count())
    return counts


def test_ctrl_k_typing_and_enter_open_the_lesson_at_the_match(open_window, repo, qtbot):
    window = open_window(repo)
    dialog = open_box(window, qtbot)
    counts = type_text(dialog, "ischiofemoral space")
    assert counts[0] > counts[-1] > 0           # results narrow as each key is typed
    first = dialog.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    lesson_hits = [dialog.results.item(r).data(Qt.ItemDataRole.UserRole + 1) for r in range(dialog.results.count())]
    row = next(r for r, h in enumerate(lesson_hits) if h.kind == "lesson" and h.anchor and h.find_text)
    for _ in range(row):
        press(window, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == row and first is lesson_hits[0]
    hit = lesson_hits[row]
    press(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.current_lesson() == hit.lesson_id
    assert window.history.current == f"{hit.lesson_id}#{hit.anchor}"
    region = window.content.region_for_lesson(hit.lesson_id)
    assert window.view.selected_id == (region.id if region else None)
    marks = window.panel.extraSelections()
    assert len(marks) == 1 and fold(marks[0].cursor.selectedText()) == fold(hit.find_text)
    assert "ischiofemoral space" in fold(hit.find_text)
    assert marks[0].format.fontUnderline()      # not colour alone
    heading = window.panel._find_block(hit.anchor)
    assert heading is not None and marks[0].cursor.selectionStart() > heading.position()
    shown = window.panel.cursorRect(marks[0].cursor)
    assert 0 <= shown.top() < window.panel.viewport().height()  # scrolled into view


def clinical_only_heading(window) -> str:
    """A heading only the clinical level has, which a search from the patient level puts first."""
    content, index = window.content, window.context.search_index
    for lesson_id, lesson in content.lessons.items():
        patient = {slug for _d, _t, slug in render_lesson(lesson, "patient", content.bibliography).headings}
        for _depth, text, slug in render_lesson(lesson, "clinical", content.bibliography).headings:
            hits = index.search(text, level="patient") if slug not in patient else []
            if hits and (hits[0].lesson_id, hits[0].anchor, hits[0].level) == (lesson_id, slug, "clinical"):
                return text
    raise AssertionError("no clinical-only heading")


def test_glossary_hit_and_level_switch(open_window, repo, qtbot):
    window = open_window(repo)
    assert window.level == "patient"
    dialog = open_box(window, qtbot)
    heading = clinical_only_heading(window)
    type_text(dialog, heading)
    hits = [dialog.results.item(r).data(Qt.ItemDataRole.UserRole + 1) for r in range(dialog.results.count())]
    assert hits and hits[0].level == "clinical"   # a clinical-only heading, found from the patient level
    press(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.level == "clinical" and window.history.current == f"{hits[0].lesson_id}#{hits[0].anchor}"
    assert "Clinical reading level" in window.statusBar().currentMessage()

    dialog = open_box(window, qtbot)
    assert dialog.field.selectedText() == heading  # typing replaces the last search
    term = window.content.glossary.definition("sciatic-nerve")
    type_text(dialog, term.term)
    top = dialog.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert top.title == term.term or top.kind == "lesson"
    glossary_row = next(r for r in range(dialog.results.count())
                        if dialog.results.item(r).data(Qt.ItemDataRole.UserRole + 1).kind == "glossary")
    dialog.results.setCurrentRow(glossary_row)
    press(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert term.definition in window.statusBar().currentMessage()


def test_escape_closes_without_moving_and_names_are_spoken(open_window, repo, qtbot):
    window = open_window(repo)
    before = window.history.current
    dialog = open_box(window, qtbot)
    assert dialog.field.accessibleName() and dialog.results.accessibleName() == "Search results"
    type_text(dialog, "zzzqqq")
    assert dialog.results.count() == 0 and "No matches" in dialog.status.text()
    QTest.keyClick(dialog.field, Qt.Key.Key_Backspace)
    assert "zzzqq" == dialog.field.text()
    press(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.history.current == before
    assert window.search.action.shortcut().toString() == "Ctrl+K"


# ----- near matches for a misspelt word -------------------------------------------------------------------
@pytest.mark.parametrize("typed, meant", [("pirifromis", "piriformis"), ("hamstrnig", "hamstring"),
                                          ("sicatic", "sciatic"), ("sciatc nerve", "sciatic nerve"),
                                          ("obturater", "obturator"), ("sitting pian", "sitting pain")])
def test_a_misspelt_word_finds_the_nearest_indexed_word(bundled, typed, meant):
    _content, index = bundled
    assert index.correct(typed) == meant
    hits = index.search(typed)
    assert hits and all(h.spelled == meant for h in hits)
    assert [(h.lesson_id, h.anchor) for h in hits] == [(h.lesson_id, h.anchor) for h in index.search(meant)]
    assert index.search(meant)[0].spelled == ""  # spelt right: no correction claimed


def test_an_unfinished_word_is_compared_with_word_starts(bundled):
    _content, index = bundled
    assert index.correct("pirifr") == "piriformis"      # a slip caught before the word ends
    assert index.correct("pirifr ") is None             # a finished word must be near a whole word
    assert index.correct("piriformis") is None and index.correct("pirif") is None  # it matches: nothing to mend
    for nonsense in ("zzzqqq", "cauda zzzqqq", "xq", "12345"):
        assert index.correct(nonsense) is None and index.search(nonsense) == []


def test_edit_distance_counts_a_swap_as_one_edit():
    from viewer.model.search.spelling import edit_distance

    assert edit_distance("pirifromis", "piriformis", 2) == 1
    assert edit_distance("kitten", "sitting", 2) == 3  # over the limit: limit + 1
    assert edit_distance("abc", "abcdef", 1) == 2 and edit_distance("abc", "abcdef", 1, partial=True) == 0
    assert edit_distance("abx", "abcdef", 1, partial=True) == 1 and edit_distance("bacd", "abcdef", 1, partial=True) == 1
    assert edit_distance("", "ab", 2) == 2 and edit_distance("", "ab", 2, partial=True) == 0


def _reference_distance(a: str, b: str) -> int:
    """Optimal string alignment distance from the full table, as textbooks give it."""
    table = [[i + j if not i * j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


def test_edit_distance_agrees_with_the_full_table():
    import random

    from viewer.model.search.spelling import edit_distance

    rng = random.Random(5)
    letters = "abcst"  # few letters: many repeats, swaps and near misses
    for _ in range(3000):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 8)))
        typed = "".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
        limit = rng.choice((1, 2))
        whole = min(_reference_distance(typed, word), limit + 1)
        start = min(min(_reference_distance(typed, word[:end]) for end in range(len(word) + 1)), limit + 1)
        assert edit_distance(typed, word, limit) == whole, (typed, word)
        assert edit_distance(typed, word, limit, partial=True) == start, (typed, word)


def test_typing_with_near_matches_stays_fast(bundled):
    """Loose bounds (the benchmark's are 10 ms a keystroke): misspelt typing costs about what plain typing does."""
    _content, index = bundled
    plain = keystroke_timings(index, "piriformis syndrome")
    misspelt = keystroke_timings(index, "pirifromis syndrom")
    assert sorted(misspelt)[len(misspelt) // 2] < 0.05
    assert sum(misspelt) < 10 * sum(plain) + 0.05


def test_the_box_says_what_it_searched_for_instead_and_marks_it(open_window, repo, qtbot):
    from viewer.qt.search.dialog import marked_runs

    window = open_window(repo)
    dialog = open_box(window, qtbot)
    type_text(dialog, "pirifromis")
    assert dialog.results.count() > 0
    status = dialog.status.text()
    assert "Showing results for <b>piriformis</b>" in status and "pirifromis" in status
    assert "Showing results for piriformis" in dialog.status.accessibleDescription()
    hit = dialog.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    marked = [text for text, is_match in marked_runs(hit.title, dialog.query) + marked_runs(hit.snippet, dialog.query)
              if is_match]
    assert marked and all(fold(text) == "piriformis" for text in marked)
    QTest.keyClick(dialog.field, Qt.Key.Key_Backspace)  # "pirifromi": still mended, as a word start
    assert "Showing results for <b>piriformis</b>" in dialog.status.text()
    press(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.current_lesson() == hit.lesson_id


def test_quick_matchers_find_what_the_plain_patterns_find():
    """find_phrase and at_word_start are faster forms of (?<!\\w)words(?!\\w): same answers."""
    import random
    import re

    from viewer.model.search.text import at_word_start, find_phrase

    rng = random.Random(11)
    pieces = ("ab", "b", "abc", "_", " ", "-", "é", "2", ", ", "ba")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        terms = [rng.choice(("ab", "b", "abc", "ba", "2")) for _ in range(rng.randint(1, 3))]
        plain = re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, terms)) + r"(?!\w)", text)
        assert find_phrase(text, terms) == (plain.span() if plain else None), (text, terms)
        start = re.search(r"(?<!\w)" + re.escape(terms[0]), text)
        quick = re.search(at_word_start(terms[0]), text)
        assert (quick.span() if quick else None) == (start.span() if start else None), (text, terms)
