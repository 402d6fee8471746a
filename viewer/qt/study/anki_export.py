"""Study ▸ Export to Anki… and --export-anki: every study question at the chosen level(s) and an
image-occlusion card for every label of the diagram, in one .apkg (genanki, loaded only here)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.model.content.loader import Content
from viewer.model.export.anki_cards import anki_notes
from viewer.model.export.anki_package import write_package
from viewer.model.study.label_quiz import diagram_labels
from viewer.qt.app.theme import ANKI_CARD_CSS
from viewer.qt.study.anki_images import render_occlusion_images
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow


def export_anki(content: Content, output: Path, levels: tuple[str, ...]) -> int:
    """Write ``output`` and return how many notes it holds. Raises OSError when it cannot be written.

    The file is written beside its final name and then renamed, so a failed export never leaves half
    a deck where a good one was."""
    from viewer.qt.diagram.scene import DiagramScene

    _app = QApplication.instance() or QApplication(["dgs-viewer", "-platform", "offscreen"])
    scene = DiagramScene(content)
    scene.set_labels_visible(True)
    labels = [label for label in diagram_labels(content.diagram, content.regions) if label.id in scene.label_items]
    region_names = {region.id: region.name for region in content.regions}
    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="dgs-anki-") as media:
        images = render_occlusion_images(scene, labels, Path(media))
        notes = anki_notes(content.questions, labels, content.bibliography, region_names, levels, images)
        partial = output.with_name(f".{output.name}.partial")
        try:
            write_package(notes, Path(media), partial, ANKI_CARD_CSS)
            os.replace(partial, output)
        finally:
            partial.unlink(missing_ok=True)
    return len(notes)



def export_dialog(window: MainWindow) -> Path | None:
    """Study ▸ Export to Anki…: choose the level(s) and a file; say what was written or why not."""
    from PySide6.QtCore import QStandardPaths, Qt
    choices = {"Both levels (a deck each)": ("patient", "clinical"), "Patient level": ("patient",),
               "Clinical level": ("clinical",)}
    current = "Clinical level" if window.level == "clinical" else "Both levels (a deck each)"
    names = list(choices)
    choice, ok = QInputDialog.getItem(window, "Export to Anki", "Questions at:", names, names.index(current), False)
    if not ok:
        return None
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _filter = QFileDialog.getSaveFileName(window, "Export to Anki", str(Path(folder) / "DGS Viewer.apkg"),
                                                "Anki deck (*.apkg)")
    if not path:
        return None
    output = Path(path) if path.lower().endswith(".apkg") else Path(path + ".apkg")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        count = export_anki(window.content, output, choices[choice])
    except OSError as exc:
        QMessageBox.warning(window, "Export to Anki", f"Could not write {output}:\n{exc.strerror or exc}")
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    QMessageBox.information(window, "Export to Anki",
                            f"{count} notes written to {output}.\nIn Anki: File ▸ Import. Importing a newer export "
                            "updates these notes and keeps your review history.")
    return output
