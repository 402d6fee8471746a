"""Study ▸ Progress…: how well each region and topic is known, and what is due, over time.

Two charts (pyqtgraph, imported when the window first opens): the share of right answers per day,
and the cards coming due over the next two weeks. The table beside them holds the same figures
as text, for screen readers and for anyone who would rather read numbers than lines.
Days are plotted as whole days from today, with date ticks; a day without answers is a gap, not a zero.
Colours come from the window's palette, so the charts follow the light, dark and high-contrast themes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING


from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from viewer.model.study.progress import UNSORTED, due_phrase, end_of_today
from viewer.qt.evidence.plotting import pyqtgraph
from viewer.model.study.cards import card_info

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow

COLUMNS = ("", "Answered", "Right", "% right", "Due today", "New")
ALL = "all"
FORECAST_DAYS = 14


def show_progress(window: MainWindow) -> ProgressDialog:
    menus = window.user_menus
    if menus.progress_view is None:
        menus.progress_view = ProgressDialog(window)
    view = menus.progress_view
    view.refresh()
    view.show()
    view.raise_()
    view.activateWindow()
    return view


def group_name(content, by: str, key: str) -> str:
    if key == ALL:
        return "All cards"
    if key == UNSORTED:
        return "General"
    if by == "region":
        region = content.region(key)
        return region.name if region else key
    return key.replace("-", " ").capitalize()


class ProgressDialog(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Study progress")
        self.setAccessibleName("Study progress")
        screen = (window.screen() if window is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(1280, room.width() * 9 // 10), min(820, room.height() * 9 // 10))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary")
        self.group_by = QComboBox()
        self.group_by.addItem("Region", "region")
        self.group_by.addItem("Topic", "topic")
        self.group_by.setAccessibleName("Group by")
        self.group_by.currentIndexChanged.connect(lambda _i: self.refresh())
        group_label = QLabel("&Group by:")
        group_label.setBuddy(self.group_by)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("progress-table")
        self.table.setAccessibleName("Progress per group")
        self.table.setAccessibleDescription("One row per region or topic: answers, share right, cards due. "
                                            "Select a row to draw it on the charts.")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)   # names get the room, and wrap
        header.setMinimumSectionSize(60)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self.draw)

        pg = pyqtgraph()
        self.rate_plot = pg.PlotWidget()
        self.rate_plot.setObjectName("progress-rate-chart")
        self.rate_plot.setAccessibleName("Chart: share of right answers per day")
        self.rate_plot.setLabel("left", "% right")
        self.rate_plot.setYRange(0, 100)
        self.rate_plot.setMouseEnabled(x=True, y=False)
        self.rate_plot.showGrid(x=False, y=True, alpha=0.3)
        self.rate_legend = self.rate_plot.addLegend(offset=(10, -10))
        self.due_plot = pg.PlotWidget()
        self.due_plot.setObjectName("progress-due-chart")
        self.due_plot.setAccessibleName(f"Chart: cards coming due in the next {FORECAST_DAYS} days")
        self.due_plot.setLabel("left", "cards due")
        self.due_plot.setMouseEnabled(x=False, y=False)
        self.due_plot.showGrid(x=False, y=True, alpha=0.3)

        controls = QHBoxLayout()
        controls.addWidget(group_label)
        controls.addWidget(self.group_by)
        controls.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(controls)
        left_layout.addWidget(self.table)
        hint = QLabel("Select a row to draw it on the charts. “Due today”: studied cards whose review date "
                      "comes by tonight; “New”: cards not yet studied.")
        hint.setWordWrap(True)
        left_layout.addWidget(hint)
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.rate_plot)
        charts.addWidget(self.due_plot)
        charts.setSizes([380, 220])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(charts)
        split.setSizes([self.width() * 9 // 20, self.width() * 11 // 20])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.keys: list[str] = []
        self.shown_revision = -1
        self.watch = QTimer(self)  # answers given while this window is open show up within a second
        self.watch.setInterval(1000)
        self.watch.timeout.connect(self._follow_answers)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.watch.start()

    def hideEvent(self, event) -> None:
        self.watch.stop()
        super().hideEvent(event)

    def _follow_answers(self) -> None:
        if self.window_.context.user_data.progress.revision != self.shown_revision:
            self.refresh()

    # ----- figures ----------------------------------------------------------------------------------------
    @property
    def by(self) -> str:
        return self.group_by.currentData()

    def refresh(self) -> None:
        content = self.window_.content
        progress = self.window_.context.user_data.progress
        self.shown_revision = progress.revision
        info = card_info(content)
        stats = progress.stats(self.by, now=end_of_today(), card_info=info)
        total = sum(s.total for s in stats.values())
        right = sum(s.correct for s in stats.values())
        due, new = progress.due_and_new(info)
        rate = f"{round(100 * right / total)}% right" if total else "no answers yet"
        self.summary.setText(f"<b>Today: {due_phrase(due, new)}</b> (due: studied cards to review by tonight; "
                             f"new: not yet studied). Answered {total}, {rate}.")
        selected = self.selected_key()
        self.keys = [ALL] + sorted(stats, key=lambda k: (k == UNSORTED, group_name(content, self.by, k).lower()))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.keys))
        self.table.setHorizontalHeaderLabels([self.group_by.currentText(), *COLUMNS[1:]])
        for row, key in enumerate(self.keys):
            if key == ALL:
                values = (total, right, sum(s.due for s in stats.values()), new)
            else:
                s = stats[key]
                values = (s.total, s.correct, s.due, s.new)
            answered, correct, due, fresh = values
            cells = [group_name(content, self.by, key), str(answered), str(correct),
                     f"{round(100 * correct / answered)}%" if answered else "—", str(due), str(fresh)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(cells[0] if column == 0 else "")
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.selectRow(self.keys.index(selected) if selected in self.keys else 0)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self.draw()

    def selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.keys[rows[0].row()] if rows and rows[0].row() < len(self.keys) else None

    # ----- charts -----------------------------------------------------------------------------------------
    def draw(self) -> None:
        from viewer.qt.study.progress_charts import draw_forecast, draw_rates

        content = self.window_.content
        progress = self.window_.context.user_data.progress
        key = self.selected_key() or ALL
        series = [(group_name(content, self.by, ALL), progress.daily_series(None).get(ALL, []))]
        if key != ALL:
            series.append((group_name(content, self.by, key), progress.daily_series(self.by).get(key, [])))
        draw_rates(self.rate_plot, self.rate_legend, series, self.palette())
        info = card_info(content)
        if key != ALL:
            index = 0 if self.by == "region" else 1
            info = {card: groups for card, groups in info.items() if (groups[index] or UNSORTED) == key}
        draw_forecast(self.due_plot, progress.due_forecast(info, FORECAST_DAYS),
                      f"Cards coming due: {group_name(content, self.by, key)}", self.palette())
