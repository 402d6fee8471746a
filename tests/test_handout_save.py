"""Saving a handout as a clinician does: the dialog's starting folder, the .pdf suffix, and --handout's checks."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from viewer.qt.chairside.handout_save import with_pdf_suffix


def answer_details(typed: dict[str, str], seen: list) -> None:
    """Once the details dialog is up: type into its fields as a user would, then press Enter."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, fill)
            return
        seen.append(dialog.windowTitle())
        for key, text in typed.items():
            field = dialog.findChild(QLineEdit, f"handout-{key}")
            field.selectAll()
            QTest.keyClicks(field, text)
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    QTimer.singleShot(0, fill)


def test_pdf_suffix_is_added_only_when_missing(tmp_path):
    assert with_pdf_suffix(tmp_path / "smith") == tmp_path / "smith.pdf"
    assert with_pdf_suffix(tmp_path / "smith.v2") == tmp_path / "smith.v2.pdf"
    assert with_pdf_suffix(tmp_path / "Smith.PDF") == tmp_path / "Smith.PDF"


def test_save_dialog_starts_in_documents_then_remembers_the_folder(open_window, repo, tmp_path, monkeypatch):
    QStandardPaths.setTestModeEnabled(True)  # Documents points into a test folder, not the user's
    try:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        window = open_window(repo, select="piriformis")
        asked = []
        chosen = tmp_path / "clinic" / "smith-handout"  # typed without ".pdf"
        chosen.parent.mkdir()

        def dialog(parent, caption, start, file_filter):
            asked.append(start)
            return str(chosen), file_filter

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
        seen = []
        answer_details({}, seen)
        window.chairside.save_action.trigger()
        assert seen == ["Handout details"]
        saved = chosen.with_name("smith-handout.pdf")
        assert saved.exists() and saved.read_bytes().startswith(b"%PDF")
        assert not chosen.exists()
        assert str(asked[0]).startswith(documents) and asked[0].endswith(".pdf") and "piriformis" in asked[0]
        assert str(saved) in window.statusBar().currentMessage()
        answer_details({}, seen)
        window.chairside.save_action.trigger()  # the next save starts where the last one went
        assert str(asked[1]).startswith(str(chosen.parent))
    finally:
        QStandardPaths.setTestModeEnabled(False)


def test_handout_into_a_missing_folder_is_one_clear_line(repo, tmp_path):
    for output, words in ((tmp_path / "no" / "such" / "h.pdf", "does not exist"), (tmp_path, "is a folder")):
        result = subprocess.run([sys.executable, "-m", "viewer", "--handout", "piriformis", "--output", str(output)],
                                cwd=repo, capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("dgs-viewer: error:") and words in lines[0], result.stderr
        assert "QPdf" not in result.stderr and "Qt" not in result.stderr
