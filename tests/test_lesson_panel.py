"""The lesson panel as a reader uses it: levels, glossary, references, urgent help, figures."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from gui_helpers import click_scene, lesson_text


def formats_of(panel, text):
    """The character format of each place ``text`` is shown."""
    formats, cursor = [], panel.document().find(text)
    while not cursor.isNull():
        probe = QTextCursor(panel.document())
        probe.setPosition(cursor.selectionStart() + 1)
        formats.append(probe.charFormat())
        cursor = panel.document().find(text, cursor)
    assert formats, f"{text!r} not shown"
    return formats


def test_glossary_term_shows_definition_on_hover(open_window, repo):
    window = open_window(repo)
    window.open_lesson("piriformis")
    marked = [f for f in formats_of(window.panel, "sciatic nerve") if f.anchorHref()]
    assert len(marked) == 1  # the first use in the text, not every one
    assert marked[0].anchorHref() == "glossary:sciatic-nerve"
    assert "largest nerve" in marked[0].toolTip()
    assert marked[0].underlineStyle() == marked[0].UnderlineStyle.DotLine


def test_glossary_link_activation_shows_definition(open_window, repo, qtbot):
    window = open_window(repo)
    window.open_lesson("piriformis")
    with qtbot.waitSignal(window.panel.definitionShown) as shown:
        window.panel.anchorClicked.emit(QUrl("glossary:sciatic-nerve"))
    assert shown.args == ["Sciatic nerve"]
    assert window.current_lesson() == "piriformis"  # a definition never navigates away


def test_level_switch_changes_text_and_is_remembered(open_window, repo, tmp_path):
    data = tmp_path / "profile"
    window = open_window(repo, data_dir=data)
    window.open_lesson("piriformis")
    patient = lesson_text(window)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    clinical = lesson_text(window)
    assert clinical != patient and "0.52" in clinical and "0.52" not in patient
    window.close()
    again = open_window(repo, data_dir=data)
    assert again.level == "clinical" and again.level_actions["clinical"].isChecked()
    assert "0.52" in lesson_text(again)


def test_references_are_numbered_with_links(open_window, repo):
    window = open_window(repo)
    window.level_actions["clinical"].trigger()
    window.open_lesson("piriformis")
    text = lesson_text(window)
    assert "References" in text and "Last reviewed:" in text
    first_ref = window.panel.rendered.references[0]
    assert first_ref.authors.split(",")[0] in text
    assert any(ref.doi or ref.pmid for ref in window.panel.rendered.references)
    window.panel.anchorClicked.emit(QUrl("#ref-2"))
    assert window.panel.verticalScrollBar().value() > 0


def test_urgent_help_is_one_shortcut_away_from_any_screen(open_window, repo):
    window = open_window(repo)
    for region in window.content.regions:
        window.depth_control.show_layer(region.layer or "deep", animate=False)  # where it can be clicked
        click_scene(window, *window.depth_control.point(region))
        assert window.current_lesson() == region.lesson
        QTest.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
        assert window.current_lesson() == "urgent-help"
        assert "emergency" in lesson_text(window).lower()


def test_urgent_help_button_click(open_window, repo):
    window = open_window(repo)
    window.open_lesson("symptoms")
    from PySide6.QtWidgets import QToolButton

    button = window.findChild(QToolButton, "urgent")
    assert button is not None and button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    assert window.current_lesson() == "urgent-help"


def test_figures_are_checked_with_pillow(repo, mini_dir):
    import subprocess
    import sys

    from PIL import Image

    lessons = mini_dir / "lessons"
    Image.new("RGB", (400, 300), "white").save(lessons / "good.png")
    (lessons / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    Image.new("1", (9000, 100)).save(lessons / "wide.png")
    text = (lessons / "band.md").read_text()
    (lessons / "band.md").write_text(text + "\n![good](good.png)\n\n![broken](broken.png)\n\n![wide](wide.png)\n")
    result = subprocess.run([sys.executable, "-m", "viewer", "--content", str(mini_dir), "--check"],
                            cwd=mini_dir, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "lessons/band.md:12: figure broken.png cannot be opened" in result.stdout
    assert "lessons/band.md:14: figure wide.png is 9000x100 pixels" in result.stdout
    assert "good.png" not in result.stdout


def test_figures_show_but_nothing_outside_the_content_folder(open_window, mini_dir, tmp_path):
    from PIL import Image
    from PySide6.QtGui import QTextDocument

    Image.new("RGB", (120, 80), "red").save(mini_dir / "resources" / "figure.png")
    Image.new("RGB", (120, 80), "blue").save(tmp_path / "private.png")
    lesson = mini_dir / "lessons" / "lower.md"
    lesson.write_text(lesson.read_text() + "\n![figure](../resources/figure.png)\n\n![secret](../../private.png)\n")
    window = open_window(mini_dir)
    window.open_lesson("lower")
    kind = QTextDocument.ResourceType.ImageResource
    assert window.panel.loadResource(kind, QUrl("../resources/figure.png")) is not None
    assert window.panel.loadResource(kind, QUrl("../../private.png")) is None
    assert window.panel.loadResource(kind, QUrl("https://example.org/x.png")) is None
    assert window.panel.loadResource(kind, QUrl("file:///etc/hostname")) is None


def test_citation_marker_is_a_link_to_its_reference(open_window, repo, qtbot):
    """Hovering a citation number shows its entry; clicking it scrolls the entry into view, marked."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = open_window(repo)
    window.level_actions["clinical"].trigger()
    window.open_lesson("piriformis")
    panel, references = window.panel, window.panel.rendered.references
    assert len(references) >= 3
    marker, block = None, panel.document().begin()
    while block.isValid() and marker is None:  # the first marker in the text (near the top)
        iterator = block.begin()
        while not iterator.atEnd() and marker is None:
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref().startswith("#ref-"):
                marker = fragment
            iterator += 1
        block = block.next()
    assert marker is not None, "no citation marker in the clinical text"
    number = int(marker.charFormat().anchorHref()[5:])
    where = QTextCursor(panel.document())
    where.setPosition(marker.position())
    point = panel.cursorRect(where).center() + QPoint(3, 0)  # on the number's first digit
    assert panel.viewport().rect().contains(point)
    assert panel.anchorAt(point) == f"#ref-{number}"

    QApplication.sendEvent(panel.viewport(), QHelpEvent(QEvent.Type.ToolTip, point,
                                                          panel.viewport().mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    tip = QToolTip.text()
    assert f"[{number}]" in tip and references[number - 1].title[:40] in tip
    QToolTip.hideText()

    QTest.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    entry = panel._find_block(f"ref-{number}")
    rect = panel.document().documentLayout().blockBoundingRect(entry)
    top = rect.top() - panel.verticalScrollBar().value()
    assert panel.verticalScrollBar().value() > 0
    assert 0 <= top and top + rect.height() <= panel.viewport().height(), "the entry is not in view"
    assert references[number - 1].title[:40] in entry.text()
    [mark] = panel.extraSelections()
    assert mark.cursor.block() == entry and mark.cursor.selectedText() == entry.text()
