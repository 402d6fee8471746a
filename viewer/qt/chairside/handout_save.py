"""Saving the handout as a PDF: where the dialog starts, the ".pdf" a user did not type, and the
details for its header (patient, clinician, clinic) typed at save time.

The details live in memory only (like the clinician's notes): never written to the settings or
any file other than the handout itself. The patient's name goes with "New patient".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

FOLDER_SETTING = "handout/folder"  # the last folder a handout was saved in (a folder, never a name)


def with_pdf_suffix(path: str | Path) -> Path:
    """``path`` ending in .pdf: a user who typed "smith-handout" gets "smith-handout.pdf"."""
    path = Path(path)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def start_folder(settings) -> Path:
    """The last folder a handout went to, if it is still there; else the user's Documents folder."""
    last = settings.value(FOLDER_SETTING, "")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def ask_path(window, region_id: str) -> Path | None:
    """The save dialog, starting in start_folder(); the chosen file with its .pdf, the folder remembered."""
    from PySide6.QtWidgets import QFileDialog

    suggested = start_folder(window.settings) / f"handout-{region_id}-{date.today().isoformat()}.pdf"
    chosen, _filter = QFileDialog.getSaveFileName(window, "Save handout", str(suggested), "PDF (*.pdf)")
    if not chosen:
        return None
    path = with_pdf_suffix(chosen)
    window.settings.set(FOLDER_SETTING, str(path.parent))
    return path
