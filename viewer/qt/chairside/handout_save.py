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


class DetailsDialog:
    """"Who is this handout for?": the patient's name, the clinician and the clinic, all optional (a blank
    leaves a line to write on). What was typed last is offered again, except a new patient's name."""

    def __init__(self, window, details):
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

        from viewer.model.chairside.handout_details import FIELDS

        self.dialog = dialog = QDialog(window)
        dialog.setWindowTitle("Handout details")
        dialog.setAccessibleName("Handout details")
        form = QFormLayout(dialog)
        note = QLabel("Printed at the top of the handout. Not saved anywhere else; leave blank to write by hand.")
        note.setWordWrap(True)
        form.addRow(note)
        self.fields = {}
        for key, label in FIELDS:
            field = QLineEdit(getattr(details, key))
            field.setAccessibleName(f"{label} on the handout")
            field.setObjectName(f"handout-{key}")
            form.addRow(f"{label}:", field)
            self.fields[key] = field
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        self.fields["patient"].setFocus()

    def details(self):
        from viewer.model.chairside.handout_details import HandoutDetails

        return HandoutDetails(**{key: field.text() for key, field in self.fields.items()}).cleaned()


def ask_details(window, details):
    """The details for this handout, or None when the user cancelled."""
    from PySide6.QtWidgets import QDialog

    asked = DetailsDialog(window, details)
    try:
        return asked.details() if asked.dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        asked.dialog.deleteLater()  # a child of the window: not kept after it closes
