"""The Positions panel and the clinician's Notes, as dock widgets."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget

from viewer.qt.access.announce import announce
from viewer.model.content.lessons import drop_citations
from viewer.qt.app.theme import THEME

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow


class PositionsDock(QDockWidget):
    """Pick a position; the diagram shows what it tenses (orange hatching) and narrows (purple cross-hatching)."""

    def __init__(self, window: MainWindow):
        super().__init__("Positions", window)
        self.main_window = window
        self.setObjectName("positions-dock")
        self.list = QListWidget()
        self.list.setAccessibleName("Positions")
        self.list.setAccessibleDescription("Choose a position to see which structures it tenses or narrows")
        for position in window.content.positions:
            item = QListWidgetItem(position.name)
            item.setData(Qt.ItemDataRole.UserRole, position.id)
            self.list.addItem(item)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAccessibleName("What this position does")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.explanation, 3)
        self.setWidget(body)
        from viewer.qt.chairside.positions_legend import PositionsLegend

        self.legend = PositionsLegend(window.view)
        self.list.currentItemChanged.connect(lambda *_: self.show_position(self.current_id()))
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        self.hide()
        self.visibilityChanged.connect(lambda _visible: self._show_effects(self.current_id()))

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, position_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == position_id:
                self.list.setCurrentRow(row)

    def clear_selection(self) -> None:
        self.list.setCurrentRow(-1)
        self.show_position(None)

    def _show_effects(self, position_id: str | None) -> None:
        """The position's hatching and its key on the diagram while this panel is open (on screen or as a
        tab behind another); closing the panel takes both away, reopening it brings them back."""
        position = next((p for p in self.main_window.content.positions if p.id == position_id), None)
        if self.isHidden():
            position = None
        for region_id, item in self.main_window.scene.region_items.items():
            effect = None
            if position and region_id in position.tenses:
                effect = "tenses"
            elif position and region_id in position.narrows:
                effect = "narrows"
            item.set_effect(effect)
        self.legend.setVisible(bool(position and (position.tenses or position.narrows)))

    def show_position(self, position_id: str | None) -> None:
        position = next((p for p in self.main_window.content.positions if p.id == position_id), None)
        self._show_effects(position_id)
        if position is None:
            self.explanation.setText("")
            return
        names = {r.id: r.name for r in self.main_window.content.regions}
        parts = [f"<p><b>{html.escape(position.name)}</b></p>", f"<p>{html.escape(position.patient)}</p>"]
        if position.tenses:
            parts.append(f"<p><span style='color:{THEME.tensed}'>▨</span> <b>Tensed:</b> "
                         + html.escape(", ".join(names.get(r, r) for r in position.tenses)) + "</p>")
        if position.narrows:
            parts.append(f"<p><span style='color:{THEME.narrowed}'>▦</span> <b>Narrowed:</b> "
                         + html.escape(", ".join(names.get(r, r) for r in position.narrows)) + "</p>")
        if position.nerve:
            parts.append(f"<p><b>The nerve:</b> {html.escape(position.nerve)}</p>")
        if self.main_window.level == "clinical" and position.clinical:
            sources = [self.main_window.content.bibliography[k] for k in position.references
                       if k in self.main_window.content.bibliography]
            parts.append(f"<p>{html.escape(drop_citations(position.clinical))}</p>")
            if sources:
                parts.append("<p><small>Sources: " + html.escape("; ".join(
                    f"{s.authors.split(',')[0]} {s.year}".strip() for s in sources)) + "</small></p>")
        self.explanation.setText("".join(parts))
        self.main_window.statusBar().showMessage(f"{position.name}: {position.patient}")
        announce(self.explanation, f"{position.name}: {position.patient}")


class NotesDock(QDockWidget):
    """Free-text notes for the handout. Kept in memory only; never saved on their own."""

    def __init__(self, window):
        super().__init__("Notes for the handout", window)
        self.setObjectName("notes-dock")
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)  # Tab leaves the box: no keyboard trap
        self.editor.setAccessibleName("Notes for the handout")
        self.editor.setPlaceholderText("Notes for the patient's handout (not saved unless you save the handout)")
        self.setWidget(self.editor)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        self.hide()
