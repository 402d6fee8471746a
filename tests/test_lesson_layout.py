"""What the lesson panel draws: every line of every lesson, at both levels, in a shown window.

Qt lays a shown document out in steps; a format change made while those steps ran (the glossary
styling, a chart's placeholder) ended them early, and the rest of the lesson (the reference list,
"Last reviewed", whole sections) was never laid out and never drawn. These tests look at the layout
and at the pixels, not at the document's text (which always held every line).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest

LEVELS = ("patient", "clinical")


def not_laid_out(panel) -> list[str]:
    """The non-empty paragraphs of the shown lesson that have no laid-out lines."""
    missing, block = [], panel.document().begin()
    while block.isValid():
        if block.text().strip() and block.layout().lineCount() == 0:
            missing.append(block.text()[:60])
        block = block.next()
    return missing


def open_from_menu(window, title: str) -> None:
    """Open a lesson the way a reader does: the Lessons menu."""
    window.lessons_menu.aboutToShow.emit()
    menus, found = [window.lessons_menu], []
    while menus:  # structure entries sit in a submenu
        menu = menus.pop()
        menu.aboutToShow.emit()
        for action in menu.actions():
            if action.menu() is not None:
                menus.append(action.menu())
            elif action.text() == title:
                found.append(action)
    found[0].trigger()


def ink_in(image, rect: QRect, background) -> int:
    """How many pixels inside ``rect`` differ clearly from the background: drawn text."""
    count = 0
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            colour = image.pixelColor(x, y)
            if abs(colour.lightness() - background.lightness()) > 60:
                count += 1
    return count


@pytest.fixture(scope="module")
def lesson_window(request, tmp_path_factory):
    """One shown window for every lesson and level (opening a window per case would cost seconds)."""
    from PySide6.QtWidgets import QApplication

    from viewer.model.content.loader import load_content
    from viewer.qt.app.start import create_window

    app = QApplication.instance() or QApplication([])
    repo = request.config.rootpath
    content = load_content(repo)
    window = create_window(content, tmp_path_factory.mktemp("data"), None)
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.finish_loading()
    yield window
    window.close()
    window.deleteLater()
    app.processEvents()


@pytest.mark.parametrize("level", LEVELS)
def test_every_line_of_every_lesson_is_laid_out_and_drawn(lesson_window, qtbot, level):
    window, panel = lesson_window, lesson_window.panel
    window.level_actions[level].trigger()
    problems = []
    for lesson_id in window.content.lesson_order():
        lesson = window.content.lessons[lesson_id]
        open_from_menu(window, lesson.title)
        assert window.current_lesson() == lesson_id
        try:  # the view lays the text out in steps on a timer: wait for them to finish
            qtbot.waitUntil(lambda: not not_laid_out(panel), timeout=3000)
        except qtbot.TimeoutError:
            missing = not_laid_out(panel)
            problems.append(f"{lesson_id} ({level}): {len(missing)} paragraphs never laid out, "
                            f"from {missing[0]!r}")
            continue
        document = panel.document()
        layout = document.documentLayout()
        last = document.lastBlock()
        while not last.text().strip():
            last = last.previous()
        height = layout.documentSize().height()
        assert layout.blockBoundingRect(last).bottom() <= height, f"{lesson_id}: last paragraph below the end"
        references = panel.rendered.references
        if not references:
            continue
        # scrolled to the end (the scroll bar dragged to the bottom), the last reference is on screen and
        # drawn; a chart built or resized meanwhile may still move the text, so the scroll is repeated
        reference = panel._find_block(f"ref-{len(references)}")
        assert reference is not None and references[-1].title[:30] in reference.text()
        bar, viewport = panel.verticalScrollBar(), panel.viewport()

        def end_in_view() -> QRect:
            bar.triggerAction(bar.SliderAction.SliderToMaximum)
            return layout.blockBoundingRect(reference).toAlignedRect().translated(0, -bar.value())

        try:
            qtbot.waitUntil(lambda: viewport.rect().contains(end_in_view()), timeout=3000)
        except qtbot.TimeoutError:
            problems.append(f"{lesson_id} ({level}): last reference not in view at the end: {end_in_view()}")
            continue
        rect = end_in_view()
        picture = viewport.grab().toImage()
        scale = picture.devicePixelRatio()
        drawn = QRect(int(rect.left() * scale), int(rect.top() * scale),
                      int(rect.width() * scale), int(rect.height() * scale))
        background = panel.palette().color(QPalette.ColorRole.Base)
        if ink_in(picture, drawn, background) < 40:
            problems.append(f"{lesson_id} ({level}): the last reference is not drawn")
    assert not problems, "\n".join(problems)
