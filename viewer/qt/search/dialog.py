"""The search box (Ctrl+K, see search_menu.py): every lesson, the glossary and the questions, searched
as you type; Enter opens the place found.

The index (viewer.model.search.index) is built on a worker thread the first time the
box opens, so the window never freezes on a large content pack; the box says
"Preparing search…" until it is ready.
"""

from __future__ import annotations

import html
import re
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import (QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QStyle,
                               QStyledItemDelegate, QVBoxLayout)

from viewer.model.content.render import slugify
from viewer.model.search.index import Hit, highlight_spans
from viewer.qt.app.theme import COLOURS

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow

LIMIT = 50
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_NAMES = {"patient": "Patient", "clinical": "Clinical"}
KIND_NAMES = {"lesson": "Lesson", "glossary": "Glossary", "question": "Question"}
MARK_BACKGROUND, MARK_TEXT = QColor(COLOURS.match), QColor(COLOURS.match_text)  # with bold and underline too
PAD = 6
MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}


def describe(hit: Hit, level: str = "") -> str:
    """What a hit is, in words: 'Lesson', 'Question, clinical level' (a level other than ``level``)."""
    words = KIND_NAMES.get(hit.kind, hit.kind.title())
    if hit.level in LEVEL_NAMES and hit.level != level and hit.kind != "glossary":  # terms suit both levels
        words += f", {LEVEL_NAMES[hit.level].lower()} level"
    return words


def marked_runs(text: str, query: str, extra: tuple[int, int] | None = None) -> list[tuple[str, bool]]:
    """``text`` cut into (words, is a match of ``query``) runs, in order."""
    spans = highlight_spans(text, query)
    if extra and extra[1] > extra[0]:
        spans = sorted(spans + [extra])
    runs, position = [], 0
    for start, end in spans:
        start = max(start, position)
        if end <= start:
            continue
        runs += [(text[position:start], False), (text[start:end], True)]
        position = end
    runs.append((text[position:], False))
    return [run for run in runs if run[0]]


class SearchDialog(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.main_window = window
        self.index = window.context.search_index
        self.query = ""
        self.build_error = ""
        self.setWindowTitle("Search")
        self.setAccessibleName("Search lessons, glossary and questions")
        self.field = QLineEdit()
        self.field.setPlaceholderText("Search lessons, glossary and questions…")
        self.field.setAccessibleName("Search for")
        self.field.setAccessibleDescription("Results update as you type. Up and Down choose, Enter opens.")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.refresh)
        self.field.returnPressed.connect(self.open_current)
        self.field.installEventFilter(self)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Search status")
        self.results = QListWidget()
        self.results.setAccessibleName("Search results")
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setItemDelegate(_HitDelegate(self))
        self.results.itemActivated.connect(lambda item: self.open_hit(item.data(HIT_ROLE)))
        hint = QLabel("Up and Down to choose · Enter to open · Esc to close")
        hint.setAccessibleName("Keys")
        layout = QVBoxLayout(self)
        for widget in (self.field, self.status, self.results, hint):
            layout.addWidget(widget)
        self._poll = QTimer(self)
        self._poll.setInterval(30)
        self._poll.timeout.connect(self._check_ready)

    # ----- showing -------------------------------------------------------------------------------------
    def open_box(self) -> None:
        window = self.main_window
        width = max(480, min(820, int(window.width() * 0.6)))
        height = max(320, min(560, int(window.height() * 0.7)))
        self.resize(width, height)
        top_left = window.mapToGlobal(window.rect().topLeft())
        self.move(top_left.x() + (window.width() - width) // 2, top_left.y() + min(90, window.height() // 10))
        if not self.index.ready:
            self.status.setText("Preparing search…")
            threading.Thread(target=self._build, name="search-index", daemon=True).start()
            self._poll.start()
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus()
        self.field.selectAll()
        self.refresh()

    def _build(self) -> None:
        """On the worker thread. A content problem the loader let through must not leave the box waiting."""
        try:
            self.index.build()
        except Exception as exc:  # noqa: BLE001 -- reported in the box, the app goes on
            self.build_error = f"Search is not available: {exc}"

    def _check_ready(self) -> None:
        if self.build_error:
            self._poll.stop()
            self.status.setText(html.escape(self.build_error))
        elif self.index.ready:
            self._poll.stop()
            self.refresh()

    # ----- searching -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Run the search for what is in the box now and show the results."""
        typed = self.query = self.field.text()
        self.results.clear()
        if not self.index.ready:
            return
        hits = self.index.search(typed, LIMIT, self.main_window.level) if typed.strip() else []
        spelled = hits[0].spelled if hits else ""
        if spelled:
            self.query = spelled  # the words the results hold, so those are what is marked
        for hit in hits:
            item = QListWidgetItem(f"{hit.title} — {hit.snippet}")
            item.setData(HIT_ROLE, hit)
            spoken = f"{hit.title}. {describe(hit, self.main_window.level)}. {hit.snippet}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        if not typed.strip():
            self.status.setText("Type a word to search all lessons, the glossary and the questions.")
        elif not hits:
            self.status.setText(f"No matches for “{html.escape(typed.strip())}”.")
        elif spelled:
            self.status.setText(f"Showing results for <b>{html.escape(spelled)}</b> (nothing matched "
                                f"“{html.escape(typed.strip())}”).")
        else:
            more = "the best " if len(hits) == LIMIT else ""
            self.status.setText(f"Showing {more}{len(hits)} result{'s' if len(hits) != 1 else ''}.")
        self.status.setAccessibleDescription(html.unescape(re.sub(r"<[^>]+>", "", self.status.text())))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress and event.key() in MOVES:
            count = self.results.count()
            if count:
                row = self.results.currentRow() + MOVES[event.key()]
                self.results.setCurrentRow(max(0, min(count - 1, row)))
            return True
        return super().eventFilter(watched, event)

    # ----- opening -------------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        super().done(result)
        self.main_window.activateWindow()  # keys go back to the window, whatever the platform does

    def open_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.open_hit(item.data(HIT_ROLE))

    def open_hit(self, hit: Hit) -> None:
        """Open the lesson at the hit's heading, mark the words found there, say where we are."""
        window = self.main_window
        self.accept()
        notes = []
        if hit.kind == "glossary":
            term = window.content.glossary.definition(slugify(hit.title))
            if term is not None:
                notes.append(f"{term.term}: {term.definition}")
        if hit.lesson_id:
            if hit.level in LEVEL_NAMES and hit.level != window.level:
                window.set_level(hit.level)
                notes.append(f"Switched to the {LEVEL_NAMES[hit.level]} reading level to show this.")
            if window.open_lesson(hit.lesson_id, hit.anchor):
                if hit.find_text and not window.panel.highlight_match(hit.find_text, hit.anchor):
                    longest = max(re.findall(r"\w+", hit.find_text), key=len, default="")  # e.g. across table cells
                    window.panel.highlight_match(longest, hit.anchor)
                window.panel.setFocus()
        else:
            notes.append("No lesson uses this term yet." if hit.kind == "glossary" else "This has no lesson to open.")
        if notes:
            window.statusBar().showMessage("  ".join(notes))


class _HitDelegate(QStyledItemDelegate):
    """Two lines per hit: the title and what it is, then the words around the match; matches are bold,
    underlined and on yellow. Painted as plain text runs: a rich-text document per row is too slow."""

    def __init__(self, dialog: SearchDialog):
        super().__init__(dialog)
        self.dialog = dialog

    def sizeHint(self, option, index) -> QSize:
        return QSize(option.rect.width(), option.fontMetrics.lineSpacing() * 2 + 2 * PAD + 4)

    def paint(self, painter, option, index) -> None:
        hit: Hit = index.data(HIT_ROLE)
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        query, area = self.dialog.query, QRectF(option.rect.adjusted(PAD, PAD, -PAD, -PAD))
        line = option.fontMetrics.lineSpacing() + 2
        painter.save()
        painter.setClipRect(area)
        label, italic = describe(hit, self.dialog.main_window.level), QFont(option.font)
        italic.setItalic(True)
        label_width = QFontMetricsF(italic).horizontalAdvance(label)
        painter.setFont(italic)
        painter.setPen(ink)
        painter.drawText(QPointF(area.right() - label_width, area.top() + QFontMetricsF(italic).ascent()), label)
        title_area = area.adjusted(0, 0, -label_width - 3 * PAD, 0)  # the title is cut short, never the label
        _draw_runs(painter, title_area, area.top(), marked_runs(hit.title, query), option.font, ink, bold=True)
        snippet = marked_runs(hit.snippet, query, (hit.match_start, hit.match_end))
        _draw_runs(painter, area, area.top() + line, snippet, option.font, ink, bold=False)
        painter.restore()


def _draw_runs(painter, area: QRectF, top: float, runs, base: QFont, ink: QColor, bold: bool) -> None:
    """One line of (text, is a match) runs from the left of ``area``, cut with "…" at its right."""
    x = area.left()
    for text, marked in runs:
        font = QFont(base)
        font.setBold(bold or marked)
        font.setUnderline(marked)
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(text)
        if x + width > area.right():
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.right() - x)
            width = metrics.horizontalAdvance(text)
        if marked:
            painter.fillRect(QRectF(x, top, width, metrics.height()), MARK_BACKGROUND)
        painter.setFont(font)
        painter.setPen(MARK_TEXT if marked else ink)
        painter.drawText(QPointF(x, top + metrics.ascent()), text)
        x += width
        if x >= area.right():
            break
