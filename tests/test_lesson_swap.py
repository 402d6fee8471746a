"""Lessons seen before are swapped back in laid out (viewer/qt/lesson/panel.py): the reader must see
exactly what a fresh showing gives, with glossary styling, and nothing left over from the last lesson."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat


def _glossary_styles(panel) -> list[tuple[str, bool]]:
    found = []
    block = panel.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            style = fragment.charFormat()
            if style.anchorHref().startswith("glossary:"):
                found.append((fragment.text(), style.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine))
            iterator += 1
        block = block.next()
    return found


def test_a_lesson_seen_before_comes_back_the_same(open_window, repo):
    window = open_window(repo)
    panel = window.panel
    window.open_lesson("piriformis")
    first_text, first_styles = panel.toPlainText(), _glossary_styles(panel)
    first_document = panel.document()
    assert first_styles and all(dotted for _term, dotted in first_styles)
    window.open_lesson("sciatic-nerve")
    assert panel.toPlainText() != first_text
    window.open_lesson("piriformis")
    assert panel.document() is first_document  # swapped back in, not read again
    assert panel.toPlainText() == first_text and _glossary_styles(panel) == first_styles
    assert panel.verticalScrollBar().value() == 0


def test_a_search_mark_does_not_follow_to_another_lesson(open_window, repo):
    window = open_window(repo)
    window.open_lesson("sciatic-nerve")
    window.open_lesson("piriformis")
    assert window.panel.highlight_match("sciatic")
    assert window.panel.extraSelections()
    window.open_lesson("sciatic-nerve")  # a document kept from before
    assert not window.panel.extraSelections()


def test_the_level_switch_shows_the_other_level(open_window, repo):
    window = open_window(repo)
    window.open_lesson("piriformis")
    patient = window.panel.toPlainText()
    window.set_level("clinical")
    clinical = window.panel.toPlainText()
    assert clinical != patient
    window.set_level("patient")
    assert window.panel.toPlainText() == patient
