"""A row of controls that wraps onto more lines when it is narrower than they are (large text, a slim
side panel), so no button is clipped and no horizontal scroll bar is needed."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class WrapRow(QWidget):
    """Lays ``widgets`` out in as many equal columns as fit its width; a trailing stretch keeps them left."""

    def __init__(self, widgets, parent=None):
        super().__init__(parent)
        self.widgets = list(widgets)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self._arrange(len(self.widgets))

    def _fitting_columns(self) -> int:
        spacing = max(0, self.grid.horizontalSpacing())
        widest = max((w.sizeHint().width() for w in self.widgets if not w.isHidden()), default=1)
        return max(1, min(len(self.widgets), (self.width() + spacing) // (widest + spacing)))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        for widget in self.widgets:
            self.grid.removeWidget(widget)
        for index, widget in enumerate(self.widgets):
            self.grid.addWidget(widget, index // columns, index % columns)
        for column in range(max(columns, self.columns) + 1):
            self.grid.setColumnStretch(column, 0)
        self.grid.setColumnStretch(columns, 1)
        self.columns = columns
        self.updateGeometry()

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        widest = max((w.minimumSizeHint().width() for w in self.widgets), default=0)
        hint.setWidth(widest)  # one column is always possible
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange(self._fitting_columns())

    def event(self, event) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutRequest, QEvent.Type.StyleChange):
            handled = super().event(event)
            self._arrange(self._fitting_columns())
            return handled
        return super().event(event)
