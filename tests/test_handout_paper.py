"""The handout on paper, read back from the PDF: who it is for, the clinician's notes first, page
numbers, readable labels (only the selected structure's and the nerve's), the urgent box level with
"Looking after yourself", and no page 1 left mostly empty."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QFileDialog

from test_handout_save import answer_details


def _pages(path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def test_saved_handout_has_details_notes_first_and_page_numbers(open_window, repo, tmp_path, monkeypatch):
    window = open_window(repo, select="piriformis")
    window.chairside.notes_action.trigger()
    window.chairside.notes.editor.setPlainText("Walk ten minutes twice a day; wedge cushion at work.")
    out = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    seen = []
    answer_details({"patient": "Alex Smith", "clinician": "J. Doe, physiotherapist", "clinic": "Hill Street Clinic"},
                   seen)
    window.chairside.save_action.trigger()
    pages = _pages(out)
    assert len(pages) == 2
    first = pages[0]
    assert "Name: Alex Smith" in first and "Clinician: J. Doe, physiotherapist" in first
    assert "Clinic: Hill Street Clinic" in first
    notes = first.index("Walk ten minutes twice a day")
    assert first.index("Notes from your clinician") < notes < first.index("Looking after yourself")
    assert pages[0].rstrip().endswith("1 of 2") and pages[1].rstrip().endswith("2 of 2")
    # never stored: nothing typed is in the data folder
    window.save_state()
    for path in window.settings.data_dir.rglob("*"):
        if path.is_file():
            assert b"Alex Smith" not in path.read_bytes() and b"Hill Street" not in path.read_bytes(), path
    window.chairside.new_patient_action.trigger()  # the next patient's handout has a line for the name
    seen.clear()
    answer_details({}, seen)
    window.chairside.save_action.trigger()
    first = _pages(out)[0]
    assert "Name: ____" in first and "Alex Smith" not in first and "Clinic: Hill Street Clinic" in first


def test_blank_details_leave_lines_to_write_on(repo, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "cli.pdf"
    subprocess.run([sys.executable, "-m", "viewer", "--handout", "sciatic-nerve", "--output", str(out)], cwd=repo,
                   check=True, capture_output=True, timeout=120)
    pages = _pages(out)
    assert "Name: ____" in pages[0] and "Clinician: ____" in pages[0] and "Clinic: ____" in pages[0]
    assert all(page.rstrip().endswith(f"{n} of {len(pages)}") for n, page in enumerate(pages, start=1))


def _dark_share(image, rect: QRectF) -> float:
    rect = rect.toAlignedRect().intersected(image.rect())
    pixels = [QColor(image.pixel(x, y)).lightness() for x in range(rect.left(), rect.right(), 2)
              for y in range(rect.top(), rect.bottom(), 2)]
    return sum(p < 100 for p in pixels) / max(1, len(pixels))


def test_paper_labels_are_the_selected_and_the_nerve_at_nine_points(open_window, repo):
    from viewer.qt.diagram.label_boxes import label_text_rects

    window = open_window(repo, select="piriformis")
    document = window.chairside.handout_document("a4")
    heights = document.property("label_heights_pt")
    assert len(heights) == 2 and min(heights) >= 9  # "Piriformis" and "Sciatic nerve", one line each
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("handout:diagram"))
    source = window.chairside.current_view()
    scale = image.width() / source.width()
    rects = label_text_rects(window.content)

    def in_image(rect: QRectF) -> QRectF:
        return QRectF((rect.left() - source.left()) * scale, (rect.top() - source.top()) * scale,
                      rect.width() * scale, rect.height() * scale)

    assert _dark_share(image, in_image(rects["label-piriformis"])) > 0.02      # written, large
    for gone in ("label-ilium", "label-sacrum", "label-femur", "label-adductor-magnus"):
        assert _dark_share(image, in_image(rects[gone])) < 0.01, gone           # left off the paper
    assert all(item.isVisible() for item in window.scene.label_items.values())  # the window's labels are back


def test_urgent_box_is_level_with_looking_after_yourself_and_page_one_is_full(open_window, repo):
    window = open_window(repo)
    chair = window.chairside
    chair.notes_action.trigger()
    for with_notes in (False, True):
        chair.notes.editor.setPlainText("Two short walks a day." if with_notes else "")
        for region in window.content.regions:
            window.open_region(region.id)
            document = chair.handout_document("a4")
            layout, height = document.documentLayout(), document.pageSize().height()
            heading = document.find("Looking after yourself")
            urgent = document.find("Get help urgently")
            assert not heading.isNull() and not urgent.isNull()
            frame = urgent.currentFrame()
            box_top = layout.frameBoundingRect(frame).top()
            heading_top = layout.blockBoundingRect(heading.block()).top()
            assert abs(box_top - heading_top) <= 2, (region.id, box_top, heading_top)
            used, block = 0.0, document.begin()
            while block.isValid():
                rect = layout.blockBoundingRect(block)
                if block.text().strip() and rect.bottom() <= height:
                    used = max(used, rect.bottom())
                block = block.next()
            assert used / height >= 0.8, (region.id, with_notes, used / height)
