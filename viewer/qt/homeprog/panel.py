"""The home programme panel: find exercises (words, region), choose 3-5, set doses, reorder.

Built the first time it is shown; the programme is kept in memory only.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFormLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from viewer.model.homeprog.library import DOSE_FIELDS, DOSE_LIMITS, load_library
from viewer.model.homeprog.programme import MAX_EXERCISES, SUGGESTED_MIN, Programme
from viewer.qt.app.dock_room import scrolling
from viewer.qt.app.wrap_row import WrapRow
from viewer.qt.app.theme import PRINTED

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow

DOSE_LABELS = {"sets": "Sets", "reps": "Repetitions", "hold_seconds": "Hold (seconds)", "times_a_day": "Times a day"}
ID_ROLE = Qt.ItemDataRole.UserRole


class RowsList(QListWidget):
    """A list at least ``rows`` lines high at any text size, its long lines wrapped rather than cut."""

    def __init__(self, rows: int):
        super().__init__()
        self.rows = rows
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    def minimumSizeHint(self) -> QSize:
        # as narrow as a short title (its lines wrap), as high as ``rows`` lines of the current text size
        height = round(self.fontMetrics().lineSpacing() * 1.25 * self.rows) + 2 * self.frameWidth()
        return QSize(self.fontMetrics().averageCharWidth() * 12, height)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()  # View > Text size: the rows' height follows


class HomeProgrammeDock(QDockWidget):
    def __init__(self, window: MainWindow):
        super().__init__("Home programme", window)
        self.main_window = window
        self.setObjectName("homeprog-dock")
        self.library, _problems = load_library(window.content.lessons_dir / "exercises.toml")
        self.programme = Programme()

        self.search = QLineEdit()
        self.search.setPlaceholderText("Find an exercise")
        self.search.setAccessibleName("Find an exercise")
        self.search.setClearButtonEnabled(True)
        self.region = QComboBox()
        self.region.setAccessibleName("Filter by structure")
        self.region.addItem("All structures", None)
        # as wide as the panel gives it, not as the longest structure name (large text would clip the panel)
        self.region.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.region.setMinimumContentsLength(10)
        for region in window.content.regions:
            self.region.addItem(region.name, region.id)
        self.found = RowsList(5)
        self.found.setAccessibleName("Exercises found")
        self.add_button = QPushButton("&Add to programme")
        self.chosen = RowsList(MAX_EXERCISES)
        self.chosen.setAccessibleName("The patient's programme")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move &down")
        self.remove_button = QPushButton("&Remove")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumWidth(1)  # the drawing is redrawn to the panel's width; it never sets that width
        self.picture.setAccessibleName("Picture of the chosen exercise")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAccessibleName("About the chosen exercise")
        self.dose_boxes = {}
        doses = QFormLayout()
        for name in DOSE_FIELDS:
            box = QSpinBox()
            box.setRange(*DOSE_LIMITS[name])
            box.setAccessibleName(DOSE_LABELS[name])
            box.valueChanged.connect(lambda value, n=name: self._set_dose(n, value))
            doses.addRow(DOSE_LABELS[name], box)
            self.dose_boxes[name] = box

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.search)
        layout.addWidget(self.region)
        layout.addWidget(self.found, 2)
        layout.addWidget(self.add_button)
        heading = QLabel("Programme for the handout:")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.chosen, 2)
        layout.addWidget(WrapRow((self.up_button, self.down_button, self.remove_button)))
        layout.addLayout(doses)
        layout.addWidget(self.picture)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        self.setWidget(scrolling(body))

        self.search.textChanged.connect(self.refresh_found)
        self.region.currentIndexChanged.connect(self.refresh_found)
        self.add_button.clicked.connect(self.add_current)
        self.found.itemActivated.connect(lambda _item: self.add_current())
        self.chosen.currentRowChanged.connect(self._show_chosen)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.remove_current)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
        self.refresh_found()
        self.refresh_chosen()

    # ----- finding -------------------------------------------------------------------------------------
    def filter_region(self, region_id: str | None) -> None:
        index = self.region.findData(region_id)
        self.region.setCurrentIndex(max(0, index))

    def refresh_found(self, *_args) -> None:
        self.found.clear()
        for exercise in self.library.search(self.search.text(), self.region.currentData()):
            item = QListWidgetItem(exercise.title)
            item.setData(ID_ROLE, exercise.id)
            item.setToolTip(exercise.purpose)
            self.found.addItem(item)
        if self.found.count():
            self.found.setCurrentRow(0)

    def add_current(self) -> None:
        item = self.found.currentItem()
        if item is None:
            return
        exercise = self.library.get(item.data(ID_ROLE))
        if exercise is None:  # the list shows only the library's exercises
            return
        if not self.programme.add(exercise):
            self.status.setText(f"A programme holds at most {MAX_EXERCISES} exercises, each once."
                                if self.programme.full() else f"{exercise.title} is already in the programme.")
            return
        self.refresh_chosen(len(self.programme.items) - 1)

    # ----- the programme -------------------------------------------------------------------------------
    def refresh_chosen(self, row: int | None = None) -> None:
        self.chosen.blockSignals(True)
        self.chosen.clear()
        for number, item in enumerate(self.programme.items, start=1):
            text = f"{number}. {item.exercise.title} — {item.dose.text(item.exercise.dose_note)}"
            entry = QListWidgetItem(text)
            entry.setData(ID_ROLE, item.exercise.id)
            self.chosen.addItem(entry)
        self.chosen.blockSignals(False)
        if self.programme.items:
            self.chosen.setCurrentRow(min(row if row is not None else 0, len(self.programme.items) - 1))
        self._show_chosen(self.chosen.currentRow())
        count = len(self.programme.items)
        self.status.setText(f"{count} of {MAX_EXERCISES} chosen" + (" (3-5 is a good number)"
                                                                     if count < SUGGESTED_MIN else "") + ".")

    def _show_chosen(self, row: int) -> None:
        has = 0 <= row < len(self.programme.items)
        for widget in (self.up_button, self.down_button, self.remove_button, *self.dose_boxes.values()):
            widget.setEnabled(has)
        if not has:
            self.details.setText("")
            self.picture.clear()
            return
        item = self.programme.items[row]
        for name, box in self.dose_boxes.items():
            box.blockSignals(True)
            box.setValue(getattr(item.dose, name))
            box.blockSignals(False)
        exercise = item.exercise
        self._show_picture(exercise)
        bibliography = self.main_window.content.bibliography
        sources = "; ".join(f"{bibliography[k].authors.split(',')[0]} {bibliography[k].year}".strip()
                            for k in exercise.references if k in bibliography)
        self.details.setText(f"<p><b>{html.escape(exercise.title)}</b>: {html.escape(exercise.purpose)}</p>"
                             f"<p><small>Evidence: {html.escape(exercise.evidence)} [{html.escape(sources)}]"
                             f"</small></p>")

    def _show_picture(self, exercise) -> None:
        """The start and end drawing, as it will print, so the patient can see it now."""
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor, QPainter, QPixmap
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(str(exercise.image_path(self.main_window.content.resources_dir)))
        if not renderer.isValid():
            self.picture.clear()
            return
        size = renderer.defaultSize()
        width = max(200, min(460, self.width() - 30))
        pixmap = QPixmap(width, max(1, round(width * size.height() / max(1, size.width()))))
        pixmap.fill(QColor(PRINTED.paper))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(pixmap.rect()))
        painter.end()
        self.picture.setPixmap(pixmap)
        self.picture.setToolTip(exercise.title)

    def _set_dose(self, name: str, value: int) -> None:
        row = self.chosen.currentRow()
        if 0 <= row < len(self.programme.items):
            self.programme.set_dose(row, name, value)
            self.refresh_chosen(row)

    def move_current(self, step: int) -> None:
        """The chosen exercise up (-1) or down (1) the list (not QWidget.move, which places the widget)."""
        row = self.chosen.currentRow()
        if 0 <= row < len(self.programme.items):
            self.refresh_chosen(self.programme.move(row, step))

    def remove_current(self) -> None:
        row = self.chosen.currentRow()
        if 0 <= row < len(self.programme.items):
            self.programme.remove(row)
            self.refresh_chosen(row)

    def forget(self) -> None:
        self.programme.clear()
        self.search.clear()
        self.region.setCurrentIndex(0)
        self.refresh_chosen()
