"""Chairside mode driven as a clinician would: pen, positions, presentation, handout, new patient."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui_helpers import view_point

REGIONS = ["piriformis", "sciatic-nerve", "gemelli-obturator-internus", "ischiofemoral-tunnel", "hamstring-origin"]


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key press as the user makes it: delivered to whatever has keyboard focus."""
    from PySide6.QtWidgets import QApplication

    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)


def drag(window, points):
    viewport = window.view.viewport()
    first = view_point(window, *points[0])
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    for point in points[1:]:
        QTest.mouseMove(viewport, view_point(window, *point))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       view_point(window, *points[-1]))


def drawn_items(window):
    return [item for item in window.scene.items() if item.zValue() == 25]


def test_draw_undo_redo_with_mouse_and_keys(open_window, repo):
    window = open_window(repo)
    chair = window.chairside
    press(window, Qt.Key.Key_P)
    assert chair.pen.active
    drag(window, [(400, 400), (450, 420), (500, 480)])
    press(window, Qt.Key.Key_A)             # arrows
    drag(window, [(300, 900), (600, 700)])
    strokes = chair.pen.drawing.strokes
    assert len(strokes) == 2 and not strokes[0].arrow and strokes[1].arrow
    assert len(drawn_items(window)) == 2
    assert window.view.selected_id is None            # drawing does not select or pan
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(chair.pen.drawing.strokes) == 1 and len(drawn_items(window)) == 1
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(chair.pen.drawing.strokes) == 2 and len(drawn_items(window)) == 2
    chair.clear_action.trigger()
    assert drawn_items(window) == []
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # clear all can be undone
    assert len(drawn_items(window)) == 2


def test_drawing_follows_zoom_and_pan(open_window, repo):
    window = open_window(repo)
    window.chairside.pen_action.trigger()
    drag(window, [(700, 600), (760, 640)])
    item = drawn_items(window)[0]
    before = window.view.mapFromScene(item.path().elementAt(0).x, item.path().elementAt(0).y)
    window.view.zoom_by(2)
    after = window.view.mapFromScene(item.path().elementAt(0).x, item.path().elementAt(0).y)
    assert before != after
    assert item.path().elementAt(0).x == pytest.approx(700, abs=2)  # still on the same anatomy


def test_new_patient_wipes_drawing_notes_and_selection(open_window, repo):
    window = open_window(repo, select="piriformis")
    chair = window.chairside
    chair.pen_action.trigger()
    drag(window, [(700, 600), (760, 640)])
    chair.notes.editor.setPlainText("Avoid long drives this week.")
    chair.positions.select("sitting")
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert chair.pen.drawing.strokes == [] and not chair.pen.drawing.can_undo()
    assert chair.notes.editor.toPlainText() == ""
    assert window.view.selected_id is None
    assert not any(item.effect for item in window.scene.region_items.values())
    assert not window.history.can_go_back()


@pytest.mark.parametrize("position_id", ["standing", "sitting", "sitting-knee-high", "crossed-legs", "long-stride",
                                         "stairs", "fair", "seated-piriformis-stretch"])
def test_each_position_highlights_exactly_its_structures(open_window, repo, position_id):
    window = open_window(repo)
    position = next(p for p in window.content.positions if p.id == position_id)
    window.chairside.positions.show()
    window.chairside.positions.select(position_id)
    effects = {rid: item.effect for rid, item in window.scene.region_items.items() if item.effect}
    assert effects == {**{r: "narrows" for r in position.narrows}, **{r: "tenses" for r in position.tenses}}
    text = window.chairside.positions.explanation.text()
    assert position.patient[:30].replace("'", "&#x27;")[:20] in text or position.patient[:20] in text


def test_position_shows_source_only_at_clinical_level(open_window, repo):
    window = open_window(repo)
    dock = window.chairside.positions
    dock.select("fair")
    assert "Sources:" not in dock.explanation.text()
    window.level_actions["clinical"].trigger()
    dock.select("sitting")
    dock.select("fair")
    assert "Sources:" in dock.explanation.text()


def test_presentation_mode_enters_with_f5_and_leaves_with_esc(open_window, repo):
    window = open_window(repo, select="piriformis")
    window.level_actions["clinical"].trigger()
    press(window, Qt.Key.Key_F5)
    chair = window.chairside
    assert chair.presenting and window.isFullScreen() and window.level == "patient"
    visible = {lid for lid, item in window.scene.label_items.items() if item.isVisible()}
    nerve = set(window.content.region("sciatic-nerve").labels)
    assert visible == set(window.content.region("piriformis").labels) | nerve
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not chair.presenting and not window.isFullScreen()
    assert window.level == "clinical"
    assert all(item.isVisible() for item in window.scene.label_items.values())


def test_export_view_png_includes_drawing(open_window, repo, tmp_path):
    from PIL import Image

    window = open_window(repo)
    window.chairside.pen_action.trigger()
    drag(window, [(200, 1100), (1400, 1100)])   # a long red line across the bottom
    out = tmp_path / "view.png"
    assert window.chairside.export_png_to(out)
    red, green, blue = Image.open(out).convert("RGB").split()
    mask = Image.eval(red, lambda v: 255 if v > 180 else 0)
    mask = Image.composite(mask, Image.new("L", mask.size, 0), Image.eval(green, lambda v: 255 if v < 80 else 0))
    mask = Image.composite(mask, Image.new("L", mask.size, 0), Image.eval(blue, lambda v: 255 if v < 80 else 0))
    reds = mask.histogram()[255]
    assert reds > 500


def pdf_text(path):
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize("region_id", REGIONS)
def test_handout_pdf_for_each_region(repo, tmp_path, region_id):
    out = tmp_path / f"{region_id}.pdf"
    result = subprocess.run([sys.executable, "-m", "viewer", "--handout", region_id, "--output", str(out)],
                            cwd=repo, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    reader, text = pdf_text(out)
    from viewer.model.content.loader import load_content

    content = load_content(repo)
    region = content.region(region_id)
    assert 1 <= len(reader.pages) <= 2
    assert region.name in text
    assert "Get help urgently" in text and "emergency department" in text
    assert "Selected sources" in text and "Martin HD" in text
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 by default
    images = [image for page in reader.pages for image in page.images]
    # the picture is at least 300 dpi at its printed width (at most 330 pt tall, so 422 pt wide: 1,760 px)
    assert images and images[0].image.width >= 1760


def test_handout_letter_paper(repo, tmp_path):
    out = tmp_path / "letter.pdf"
    subprocess.run([sys.executable, "-m", "viewer", "--handout", "sciatic-nerve", "--output", str(out),
                    "--paper", "letter"], cwd=repo, check=True, capture_output=True, timeout=120)
    reader, _text = pdf_text(out)
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (612, 792) for p in reader.pages)
    assert len(reader.pages) <= 2


def test_handout_from_window_has_drawing_and_notes(open_window, repo, tmp_path):
    from viewer.qt.chairside.handout import write_pdf

    window = open_window(repo, select="ischiofemoral-tunnel")
    window.chairside.notes.editor.setPlainText("Short strides on the treadmill for two weeks.")
    document = window.chairside.handout_document("a4")
    out = tmp_path / "window.pdf"
    assert write_pdf(document, out, "a4")
    _reader, text = pdf_text(out)
    assert "Notes from your clinician" in text and "Short strides on the treadmill" in text
    assert "Ischiofemoral" in text


def test_handout_cli_errors(repo, tmp_path):
    bad = subprocess.run([sys.executable, "-m", "viewer", "--handout", "nowhere", "--output", str(tmp_path / "x.pdf")],
                         cwd=repo, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "unknown region id 'nowhere'" in bad.stderr
    missing = subprocess.run([sys.executable, "-m", "viewer", "--handout", "piriformis"], cwd=repo,
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "--output" in missing.stderr


def test_positions_are_checked(repo, bundled_copy):
    path = bundled_copy / "resources" / "positions.toml"
    path.write_text(path.read_text().replace('"ischiofemoral-tunnel"', '"ischiofemoral-space"', 1))
    result = subprocess.run([sys.executable, "-m", "viewer", "--content", str(bundled_copy), "--check"],
                            cwd=bundled_copy, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "names region 'ischiofemoral-space'" in result.stdout
    assert "resources/positions.toml:" in result.stdout


def test_handouts_fit_two_pages_unless_the_lesson_is_long(qapp, repo):
    """Fewer sources and a smaller picture buy space; a long lesson keeps a full-size picture and its chart."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from viewer.model.content.loader import load_content
    from viewer.qt.chairside.handout import HEADING_TAG, build_document

    content = load_content(repo)
    picture = QImage(1600, 1250, QImage.Format.Format_RGB32)
    picture.fill(0xFFFFFF)
    documents = {lesson_id: build_document(content, lesson_id, content.lessons[lesson_id].title, picture, "", "a4")
                 for lesson_id in content.lesson_order()}
    region_lessons = {region.lesson for region in content.regions}
    assert all(documents[lesson_id].pageCount() <= 2 for lesson_id in region_lessons)
    long_ones = [lesson_id for lesson_id, document in documents.items() if document.pageCount() > 2]
    assert set(long_ones) <= {"management", "self-management"}, long_ones  # the exercise and flare plan is long by design
    for lesson_id in long_ones:
        document = documents[lesson_id]
        image = next(f.toImageFormat() for f in _char_formats(document) if f.isImageFormat())
        assert image.name() == "handout:diagram" and image.height() >= 300  # not a thumbnail
    management = documents["management"]
    assert management.resource(QTextDocument.ResourceType.ImageResource, QUrl("chart-print:surgery-pain-plain"))
    regions = {region.id: build_document(content, region.lesson, region.name, picture, "", "a4")
               for region in content.regions}  # titled with the structure: the lesson's title is a heading
    assert all(document.pageCount() <= 2 for document in regions.values())
    for name, document in [*documents.items(), *regions.items()]:  # no heading alone at the foot of a page
        height, layout, block = document.pageSize().height(), document.documentLayout(), document.begin()
        while block.isValid():
            text = block.next()
            while text.isValid() and not text.text().strip():
                text = text.next()
            if (block.blockFormat().headingLevel() or block.userState() == HEADING_TAG) and text.isValid():
                assert layout.blockBoundingRect(block).top() // height == layout.blockBoundingRect(text).top() // height, \
                    (name, block.text())
            block = block.next()


def _char_formats(document):
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            yield iterator.fragment().charFormat()
            iterator += 1
        block = block.next()
