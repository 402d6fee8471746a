"""The body chart panel: type and intensity, undo/redo/clear, the teaching overlays and their caveat.

Built the first time it is shown; nothing in it is stored.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QCheckBox, QDockWidget, QLabel, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from viewer.model.bodychart.chart import KIND_NAMES, KINDS, BodyChart
from viewer.model.bodychart.overlays import CHART_SVG, load_chart_text
from viewer.model.content.lessons import CITATION
from viewer.qt.bodychart.canvas import PATTERNS, ChartCanvas, chart_image, kind_colour
from viewer.qt.app.dock_room import scrolling
from viewer.qt.app.wrap_row import WrapRow
from viewer.qt.app.theme import PRINTED

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow


def swatch(kind: str) -> QIcon:
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor(PRINTED.paper))
    painter = QPainter(pixmap)
    colour = kind_colour(kind)
    wash = QColor(colour)
    wash.setAlpha(70)
    painter.fillRect(1, 1, 20, 20, wash)
    painter.fillRect(1, 1, 20, 20, PATTERNS[kind])
    painter.setPen(colour)
    painter.drawRect(1, 1, 19, 19)
    painter.end()
    return QIcon(pixmap)


PAINTING = "Front and back of the body. Drag to paint where the patient feels symptoms; Tab selects a painted area."


def key_hint() -> str:
    """The keys that change a selected area, as the shortcut table gives them."""
    from viewer.qt.app.shortcuts import keys_text, shortcut

    def first(shortcut_id: str) -> str:
        return shortcut(shortcut_id).keys[0]

    return (f"Change it with the buttons above, or keys {keys_text(shortcut('bodychart.intensity'))}, "
            f"{first('bodychart.more')} and {first('bodychart.less')} (intensity), {first('bodychart.kind')} (type); "
            f"{first('bodychart.remove')} removes it, {first('bodychart.done')} to paint again.")


class BodyChartDock(QDockWidget):
    def __init__(self, window: MainWindow):
        super().__init__("Body chart", window)
        from PySide6.QtSvg import QSvgRenderer

        self.main_window = window
        self.setObjectName("bodychart-dock")
        self.chart = BodyChart()
        self.renderer = QSvgRenderer(str(window.content.resources_dir / CHART_SVG), self)
        self.text, _problems = load_chart_text(window.content.lessons_dir / "bodychart.toml")
        self.canvas = ChartCanvas(self.renderer, self.chart)
        self.canvas.painted.connect(self._changed)
        self.canvas.selection_changed.connect(self._show_selection)

        self.kind_buttons = {}  # exclusive by hand: in a QButtonGroup, Tab would skip the unchecked ones
        for kind in KINDS:
            button = QPushButton(KIND_NAMES[kind])  # push buttons: Tab reaches each one (Alt+1-3 are the pen inks)
            button.setCheckable(True)
            button.setIcon(swatch(kind))
            button.setAccessibleName(KIND_NAMES[kind])
            button.setChecked(kind == self.canvas.kind)
            button.clicked.connect(lambda _on=False, k=kind: self.set_kind(k))
            self.kind_buttons[kind] = button
        self.intensity = QSpinBox()
        self.intensity.setRange(0, 10)
        self.intensity.setValue(self.canvas.intensity)
        self.intensity.setPrefix("Intensity ")
        self.intensity.setSuffix(" / 10")
        self.intensity.setAccessibleName("Intensity, 0 to 10")
        self.intensity.valueChanged.connect(self._set_intensity)
        kinds = WrapRow([*self.kind_buttons.values(), self.intensity])

        self.undo_button = QPushButton("Undo")
        self.redo_button = QPushButton("Redo")
        self.clear_button = QPushButton("Clear chart")
        for button, slot in ((self.undo_button, self.undo), (self.redo_button, self.redo),
                             (self.clear_button, self.clear)):
            button.clicked.connect(slot)
        buttons = WrapRow((self.undo_button, self.redo_button, self.clear_button))
        self.overlay_box = QCheckBox("Show typical patterns")  # short: a check box does not wrap at large text
        self.overlay_box.setAccessibleName("Show typical patterns")
        self.overlay_box.toggled.connect(self.show_overlays)

        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAccessibleName("About the typical patterns")
        self.explanation.linkActivated.connect(self._open_link)
        self.explanation.hide()

        self.selection_note = QLabel()  # what the type and intensity controls act on, in words
        self.selection_note.setWordWrap(True)
        self.selection_note.setTextFormat(Qt.TextFormat.RichText)
        self.selection_note.setAccessibleName("Selected area")

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(kinds)
        layout.addWidget(self.selection_note)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(buttons)
        layout.addWidget(self.overlay_box, 0, Qt.AlignmentFlag.AlignLeft)  # a click beside its words misses it
        layout.addWidget(self.explanation)
        self.setWidget(scrolling(body))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
        self._changed()

    # ----- painting ------------------------------------------------------------------------------------
    def set_kind(self, kind: str) -> None:
        """The type of the selected area, or with none selected, of the next area painted."""
        if self.canvas.selected is not None:
            self.chart.set_kind(self.canvas.selected, kind)
            self._changed()
        else:
            self.canvas.kind = kind
        self._show_kind(kind)

    def _show_kind(self, kind: str) -> None:
        for each, button in self.kind_buttons.items():
            button.setChecked(each == kind)

    def _set_intensity(self, value: int) -> None:
        if self.canvas.selected is not None:
            self.chart.set_intensity(self.canvas.selected, value)
            self._changed()
        else:
            self.canvas.intensity = value

    def _show_selection(self) -> None:
        """The controls show the selected area's type and intensity (or, with none, the next area's)."""
        index = self.canvas.selected
        if index is None:
            kind, intensity = self.canvas.kind, self.canvas.intensity
            self.selection_note.setText("Drag on the body to paint. Click a painted area (or Tab to it) to change it.")
            self.canvas.setAccessibleDescription(PAINTING)
        else:
            area = self.chart.areas[index]
            kind, intensity = area.kind, area.intensity
            selected = f"Area {index + 1} of {len(self.chart.areas)} selected: {self.chart.describe(index)}."
            self.selection_note.setText(f"<b>{html.escape(selected)}</b> {html.escape(key_hint())}")
            self.canvas.setAccessibleDescription(f"{selected} {key_hint()}")  # what a screen reader says
        self._show_kind(kind)
        self.intensity.blockSignals(True)
        self.intensity.setValue(intensity)
        self.intensity.blockSignals(False)

    def undo(self) -> None:
        self.chart.undo()
        self._changed()

    def redo(self) -> None:
        self.chart.redo()
        self._changed()

    def clear(self) -> None:
        self.chart.clear()
        self._changed()

    def forget(self) -> None:
        """New patient: the chart, its history and the overlays go."""
        self.chart.forget()
        self.canvas.select(None)
        self.overlay_box.setChecked(False)
        self._changed()

    def _changed(self) -> None:
        self.canvas.keep_selection_valid()
        self._show_selection()
        self.undo_button.setEnabled(self.chart.can_undo())
        self.redo_button.setEnabled(self.chart.can_redo())
        self.clear_button.setEnabled(bool(self.chart.areas))
        self.canvas.update()

    # ----- teaching overlays ---------------------------------------------------------------------------
    def show_overlays(self, on: bool) -> None:
        self.canvas.overlays = [o.element for o in self.text.overlays] if on else []
        self.canvas.update()
        if not on:
            self.explanation.hide()
            return
        clinical = self.main_window.level == "clinical"
        bibliography = self.main_window.content.bibliography
        styles = {"dgs": "shaded, solid edge; dashed below the knee", "l5": "dashed edge", "s1": "dotted edge"}
        parts = []
        for overlay in self.text.overlays:
            words = CITATION.sub("", overlay.clinical if clinical and overlay.clinical else overlay.patient)
            sources = ", ".join(f"{bibliography[k].authors.split(',')[0]} {bibliography[k].year}".strip()
                                for k in overlay.references if k in bibliography)
            parts.append(f"<p><b>{html.escape(overlay.name)}</b> ({html.escape(styles.get(overlay.id, ''))}): "
                         f"{html.escape(words)} <small>[{html.escape(sources)}]</small></p>")
        link = (f" <a href='lesson:{self.text.caveat_lesson}'>DGS or back-related sciatica?</a>"
                if self.text.caveat_lesson else "")
        parts.append(f"<p><i>{html.escape(self.text.caveat)}</i>{link}</p>")
        self.explanation.setText("".join(parts))
        self.explanation.show()

    def _open_link(self, href: str) -> None:
        if href.startswith("lesson:"):
            self.main_window.open_lesson(href.split(":", 1)[1])

    # ----- handout -------------------------------------------------------------------------------------
    def handout_image(self, width_px: int = 1400):
        """The chart as painted (with overlays if shown), or None when nothing is painted."""
        if not self.chart.areas:
            return None
        return chart_image(self.renderer, self.chart, self.canvas.overlays, width_px)

    def legend(self) -> list[str]:
        kinds = [k for k in KINDS if any(a.kind == k for a in self.chart.areas)]
        hatch = {"pain": "red, diagonal lines", "pins-and-needles": "blue, criss-cross",
                 "numbness": "green, level lines"}
        return [f"{KIND_NAMES[k]} ({hatch[k]})" for k in kinds] + self.chart.summary()
