"""Lesson text at large sizes in a narrow panel (viewer/qt/lesson/fit.py): what is drawn, read from
the document's line layouts. At 250% text in a 240-px lesson panel no line of any lesson, at either
level, starts or ends inside a word unless that break draws a hyphen (a soft hyphen, a hyphen in the
text) or is a break point in an identifier (DOI, URL, record number); headings shrink so their
longest word fits and grow back when the panel widens; every paragraph is still laid out."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from test_lesson_layout import LEVELS, not_laid_out
from viewer.model.content.linebreak import BREAK, SOFT_HYPHEN, unbreakable

NARROW = 240
LARGEST_STEP = 8  # 250%
DRAWN_BREAKS = (SOFT_HYPHEN, "-", BREAK)  # a hyphen is drawn, or an identifier breaks after its punctuation


def split_words(document) -> list[tuple[int, str]]:
    """(heading level, the text either side) of each line break that falls inside a word with no hyphen."""
    found, block = [], document.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for number in range(layout.lineCount() - 1):
            line = layout.lineAt(number)
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                found.append((block.blockFormat().headingLevel(), text[max(0, end - 10):end] + "|" + text[end:end + 10]))
            elif 0 < end < len(text) and text[end - 1] not in DRAWN_BREAKS and text[end - 1].isalnum() \
                    and not text[end].isspace() and text[end] not in ".,;:)]":
                found.append((block.blockFormat().headingLevel(), text[max(0, end - 10):end] + "|" + text[end:end + 10]))
        block = block.next()
    return found


def heading_sizes(document) -> dict[str, float]:
    sizes, block = {}, document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            sizes[unbreakable(block.text())] = block.begin().fragment().charFormat().font().pointSizeF()
        block = block.next()
    return sizes


@pytest.fixture(scope="module")
def narrow_window(request, tmp_path_factory):
    """One window at 1024x700 and 250% text, its lesson panel 240 px wide (the least the dock room
    leaves it with a side panel open)."""
    from PySide6.QtWidgets import QApplication

    from viewer.model.content.loader import load_content
    from viewer.qt.app.start import create_window

    app = QApplication.instance() or QApplication([])
    window = create_window(load_content(request.config.rootpath), tmp_path_factory.mktemp("data"), None)
    window.resize(1024, 700)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.finish_loading()
    window.text_size.set_step(LARGEST_STEP)
    yield window
    window.close()
    window.deleteLater()
    app.processEvents()


def narrow_panel(window, qtbot, width: int = NARROW):
    splitter = window.splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total - width, width])
    panel = window.panel
    qtbot.waitUntil(lambda: panel.width() == width, timeout=3000)
    return panel


@pytest.mark.parametrize("level", LEVELS)
def test_no_word_is_split_without_a_hyphen_at_250_percent_in_a_narrow_panel(narrow_window, qtbot, level):
    window = narrow_window
    panel = narrow_panel(window, qtbot)
    window.level_actions[level].trigger()
    problems = []
    for lesson_id in window.content.lesson_order():
        window.open_lesson(lesson_id)
        qtbot.waitUntil(lambda: not not_laid_out(panel), timeout=3000)
        document = panel.document()
        document.documentLayout().documentSize()
        split = split_words(document)
        headings = [where for level_, where in split if level_]
        if headings:
            problems.append(f"{lesson_id} ({level}) headings: {headings[:4]}")
        body = [where for level_, where in split if not level_]
        if body:
            problems.append(f"{lesson_id} ({level}) text: {body[:4]}")
        if not panel.rendered.charts:  # a chart keeps a width its numbers need; text never scrolls sideways
            if panel.horizontalScrollBar().maximum() > 0:
                problems.append(f"{lesson_id} ({level}): the text scrolls sideways")
    assert not problems, "\n".join(problems)


def test_a_heading_shrinks_to_fit_its_longest_word_and_grows_back_when_the_panel_widens(narrow_window, qtbot):
    window = narrow_window
    window.set_level("patient")
    panel = narrow_panel(window, qtbot, 400)
    window.open_lesson("ischiofemoral-tunnel")
    body = panel.document().defaultFont().pointSizeF()
    title = "Ischiofemoral tunnel"
    qtbot.waitUntil(lambda: title in heading_sizes(panel.document()), timeout=3000)
    roomy = heading_sizes(panel.document())[title]
    assert body < roomy  # "Ischiofemoral" fits at a size between the heading's own and the body text's
    first = panel.document().begin()
    assert SOFT_HYPHEN not in first.text()  # a heading whose words fit is not hyphenated
    assert first.layout().lineCount() == 2 and first.layout().lineAt(0).textLength() == len("Ischiofemoral ")

    narrow_panel(window, qtbot, NARROW)  # narrower: smaller, down to the body text's size
    qtbot.waitUntil(lambda: heading_sizes(panel.document()).get(title, roomy) < roomy, timeout=3000)
    assert heading_sizes(panel.document())[title] >= body

    window.text_size.set_step(4)  # 130%: the heading's own size again in a wide panel
    narrow_panel(window, qtbot, 700)
    natural = panel.document().defaultFont().pointSizeF() * 2  # Markdown's first-level heading: twice the text
    qtbot.waitUntil(lambda: abs(heading_sizes(panel.document()).get(title, 0) - natural) < 0.1, timeout=3000)
    assert not split_words(panel.document())
    assert SOFT_HYPHEN not in panel.toPlainText()  # a wide panel shows the lesson as written
    qtbot.waitUntil(lambda: not not_laid_out(panel), timeout=3000)  # re-fitting never ends the layout early
    window.text_size.set_step(LARGEST_STEP)


def test_the_narrow_form_still_searches_links_and_copies_as_written(narrow_window, qtbot):
    window = narrow_window
    window.set_level("clinical")
    panel = narrow_panel(window, qtbot)
    window.open_lesson("ischiofemoral-tunnel")
    assert SOFT_HYPHEN in panel.toPlainText()  # the narrow form is shown
    assert panel.highlight_match("ischiofemoral impingement")  # found across the soft hyphens
    assert unbreakable(panel.textCursor().block().text()).lower().count("ischiofemoral") >= 1
    assert panel.scroll_to("references")  # a heading's anchor, soft hyphens or not
    first_reference = panel._find_block("ref-1")
    assert first_reference is not None and first_reference.text().startswith("1. ")  # its number in the text
    assert first_reference.layout().lineAt(0).x() == 0  # and no indent for a number left of it
    panel.selectAll()
    copied = panel.createMimeDataFromSelection().text()
    assert SOFT_HYPHEN not in copied and BREAK not in copied and "Ischiofemoral" in copied


def tables(document) -> int:
    found, block = set(), document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            found.add(table.firstPosition())
        block = block.next()
    return len(found)


def test_a_table_is_stacked_in_a_narrow_panel_and_a_table_again_when_it_widens(narrow_window, qtbot):
    window = narrow_window
    window.set_level("patient")
    panel = narrow_panel(window, qtbot)
    window.open_lesson("dgs-vs-back")
    assert tables(panel.document()) == 0
    assert "DGS (buttock): Deep in the buttock" in unbreakable(panel.toPlainText())  # a row under its first cell
    window.text_size.set_step(2)  # 100%
    narrow_panel(window, qtbot, 700)
    qtbot.waitUntil(lambda: tables(panel.document()) > 0, timeout=3000)  # re-fitted after the resize
    window.text_size.set_step(LARGEST_STEP)


def test_larger_text_into_the_narrow_form_keeps_the_reader_on_the_same_words(narrow_window, qtbot):
    """The narrow form has other paragraphs than the wide one (a table's cells become rows): the place
    is found again by its words, not by paragraph number or scroll share."""
    window = narrow_window
    window.set_level("patient")
    window.text_size.set_step(2)  # 100%: the wide form, a real table
    panel = narrow_panel(window, qtbot, 400)
    window.open_lesson("dgs-vs-back")
    qtbot.waitUntil(lambda: tables(panel.document()) > 0, timeout=3000)
    assert panel.scroll_to("why-it-matters")  # the section after the table
    assert panel.reading_place().text == "Why it matters"
    window.text_size.set_step(LARGEST_STEP)  # the narrow form now
    assert tables(panel.document()) == 0
    assert panel.reading_place().text == "Why it matters"
