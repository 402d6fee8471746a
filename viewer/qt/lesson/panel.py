"""Shows one lesson. Links to other lessons are handled by the app; web links
open in the system browser only when clicked; nothing is ever fetched."""

from __future__ import annotations

import re
from collections import OrderedDict
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPointF, QRegularExpression, QTimer, QUrl, Signal
from PySide6.QtGui import (QColor, QCursor, QDesktopServices, QGuiApplication, QImageReader, QTextCharFormat, QTextCursor,
                           QTextDocument)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip

from viewer.model.content.linebreak import unbreakable
from viewer.model.content.narrow import stack_tables
from viewer.model.content.render import RenderedLesson, slugify
from viewer.qt.app.theme import COLOURS
from viewer.qt.lesson.place import ReadingPlace, reading_place as _reading_place, restore_place
from viewer.qt.lesson.fit import NARROW_INDENT, add_break_points, fit_headings, inline_numbers, narrow_form, text_width

if TYPE_CHECKING:
    from viewer.qt.evidence.chart_overlay import ChartOverlays

WEB_SCHEMES = ("http", "https")
# Qt's Markdown reader drops everything after a raw <img> tag, so it becomes a Markdown picture
RAW_IMAGE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)[^>]*>", re.IGNORECASE)
CITED = re.compile(r"#ref-\d+")  # a citation marker's link to its entry in the reference list
KEPT_DOCUMENTS = 24  # laid-out lessons kept for swapping back in (both levels of a dozen lessons)


class LessonPanel(QTextBrowser):
    lessonLinkClicked = Signal(str, str)   # lesson id, heading slug ("" for the top)
    definitionShown = Signal(str)          # glossary term shown after a click or Enter

    def __init__(self, lessons_dir: Path, glossary=None, parent=None):
        super().__init__(parent)
        self.glossary = glossary
        self.setObjectName("lesson")
        self.setAccessibleName("Lesson")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.lessons_dir = lessons_dir.resolve()
        self.content_root = self.lessons_dir.parent  # figures may live in lessons/ or resources/
        self.anchorClicked.connect(self._on_anchor)
        self.rendered: RenderedLesson | None = None
        self.charts: ChartOverlays | None = None  # made for the first lesson with a chart
        self._documents: OrderedDict[tuple, QTextDocument] = OrderedDict()  # laid-out lessons, oldest first
        self._live_document: QTextDocument | None = None
        self._link_spans: dict[tuple[str, int], list] = {}  # per lesson Markdown: where its glossary terms and citations are
        self._match_mark_clears = False
        self._narrow = 0  # a narrow column's form (break points in words of this many letters, tables stacked); 0: wide
        self._refit = QTimer(self, singleShot=True)  # a resize re-fits once it settles (see resizeEvent)
        self._refit.timeout.connect(self._fit_to_width)
        self._painted = False  # since shown: a resize before the first frame is fitted without waiting
        font = self.document().defaultFont()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(18)

    def wheelEvent(self, event) -> None:
        """Ctrl+wheel would zoom this text by itself (QTextEdit's own zoom), apart from View ▸ Text size, and
        on a small font into a size Qt refuses with a warning: here the wheel only scrolls."""
        from PySide6.QtCore import Qt  # not at import: naming Qt builds its namespace before the first frame

        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            return
        super().wheelEvent(event)

    reading_place = _reading_place  # where the reader is, for show_lesson(place=...) after a relayout

    def show_lesson(self, rendered: RenderedLesson, anchor: str = "", place: ReadingPlace | None = None) -> None:
        self.rendered = rendered
        font, margin = self.document().defaultFont(), self.document().documentMargin()  # text size in use
        # at start-up (hidden) the width is not known: the wide form, re-fitted when shown if need be
        self._narrow = narrow_form(text_width(self, margin), font) if self.isVisible() else 0
        markdown = RAW_IMAGE.sub(lambda m: f"![]({m.group(1)})", rendered.markdown)
        if self._narrow:
            markdown = stack_tables(markdown)
        if rendered.charts or self.charts is not None:
            from viewer.qt.evidence.chart_overlay import ChartOverlays  # no pyqtgraph until a chart is in view

            self.charts = self.charts or ChartOverlays(self)
            self.charts.show(rendered.charts)  # before the text is laid out: it asks for the placeholders
        # A lesson with charts (the overlays follow its document) and one shown while the panel is
        # hidden (at start-up: its width is not known yet) get a new document each time; other lessons
        # keep their laid-out documents (_show_laid_out).
        if rendered.charts or not self.isVisible():
            document, old = self._filled_document(markdown, font, margin), self._live_document
            self._live_document = document
            self._use_document(document)
            if old is not None:
                old.deleteLater()
            if self.charts is not None:
                self.charts.follow(document)
        else:
            self._show_laid_out(markdown, font, margin)
        self.setAccessibleDescription(rendered.headings[0][1] if rendered.headings else "")
        if place is not None:
            restore_place(self, place)  # laid out anew (a text size, the narrow form): the same words at the top
        elif not (anchor and self.scroll_to(anchor)):
            self.setTextCursor(QTextCursor(self.document()))  # the top, not wherever the last cursor was
            self.verticalScrollBar().setValue(0)

    def _filled_document(self, markdown: str, font, margin: float) -> QTextDocument:
        """A new document holding the lesson with its glossary terms styled, before any view shows it.

        Order matters: a view lays a document out in steps (1000 characters, then a timer), and a
        format change while those steps are still running ends them early; everything after that
        point was never laid out and never drawn (the reference list, the last sections). A document
        no view has yet is not laid out at all, so it is styled first and laid out once, when shown."""
        document = QTextDocument(self)  # a child of the panel: figures load through loadResource below
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(font)
        document.setDocumentMargin(margin)
        document.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        if self._narrow:
            add_break_points(document, self._narrow)
            inline_numbers(document)
            document.setIndentWidth(NARROW_INDENT)
        self._style_links(markdown, document)
        if self.isVisible():  # hidden (at start-up), the width is not known yet: fitted once shown
            fit_headings(document, text_width(self, margin))
        return document

    def _show_laid_out(self, markdown: str, font, margin: float) -> None:
        """Show the lesson's document, kept once laid out: going back to a lesson seen before swaps it
        in instead of reading the Markdown and styling the glossary terms again. Kept per text size
        and theme (glossary terms take the text colour when styled)."""
        documents = self._documents
        palette = QGuiApplication.palette()
        key = (markdown, self._narrow, font.toString(), margin, palette.text().color().name(),
               palette.link().color().name())
        document, stale = documents.pop(key, None), None
        if document is not None and (document.defaultFont() != font or document.documentMargin() != margin):
            document, stale = None, document  # changed since (text size is set on the shown document)
        if document is None:
            document = self._filled_document(markdown, font, margin)
        else:  # fitted for another width, perhaps; the one in view is laid out in full before a change
            shown = document is self.document()
            fit_headings(document, text_width(self, margin), ready=document.documentLayout().documentSize if shown else None)
        documents[key] = document
        self._use_document(document)
        if stale is not None:
            stale.deleteLater()

    def showEvent(self, event) -> None:
        """A lesson filled while hidden (at start-up) did not know its width: fitted once shown."""
        super().showEvent(event)
        self._painted = False
        if self.rendered is not None:
            self._refit.start(0)

    def resizeEvent(self, event) -> None:
        """Fitted once the size settles: a drag of the splitter (40 ms), or the window giving the panel
        its size in steps as it is shown (at once after them: fitting at each step filled the lesson
        four times before the first frame, 28 ms)."""
        super().resizeEvent(event)
        if self.rendered is not None:
            self._refit.start(40 if self._painted else 0)

    def _fit_to_width(self) -> None:
        """After a resize: the narrow or wide form of the lesson as the new width wants, and its
        headings sized for that width."""
        if self.rendered is None or not self.isVisible():
            return
        document = self.document()
        if narrow_form(text_width(self, document.documentMargin()), document.defaultFont()) != self._narrow:
            self.show_lesson(self.rendered, place=self.reading_place())
            return
        # the whole text laid out before a change: a change while the view still lays it out in steps
        # ends those steps early, and the text after the change would never be drawn
        fit_headings(document, text_width(self, document.documentMargin()),
                     ready=lambda: document.documentLayout().documentSize())

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copied text without the break points a narrow column adds inside words."""
        data = super().createMimeDataFromSelection()
        data.setText(unbreakable(data.text()))
        return data

    def _use_document(self, document: QTextDocument) -> None:
        if document is not self.document():
            self.setDocument(document)
        self.setExtraSelections([])  # a search mark belongs to the lesson it was made in
        documents = self._documents
        while len(documents) > KEPT_DOCUMENTS:
            _key, old = documents.popitem(last=False)
            if old is not document:
                old.deleteLater()

    def scroll_to(self, anchor: str) -> bool:
        """Scroll to the heading whose slug is ``anchor``, or to reference ``ref-N`` (marked, as the
        list sits at the end and often cannot scroll to the top of the view)."""
        block = self._find_block(anchor)
        if block is None:
            return False
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(int(top))
        if CITED.fullmatch("#" + anchor):
            from PySide6.QtWidgets import QTextEdit

            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(block)
            mark.cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            style = QTextCharFormat()
            style.setBackground(self.palette().highlight())  # the theme's pair, readable in every theme
            style.setForeground(self.palette().highlightedText())
            mark.format = style
            self.setExtraSelections([mark])
        return True

    def highlight_match(self, text: str, anchor: str = "") -> bool:
        """Mark and select the first ``text`` at or after heading ``anchor`` (a search result), and
        scroll it a third of the way down. The mark (background and underline) goes with the lesson."""
        heading = self._find_block(anchor) if anchor else None
        found = QTextCursor()
        if text:
            # a narrow column's break points may sit inside the words looked for
            gaps = "[\u00ad\u200b]?"
            pattern = QRegularExpression(gaps.join(QRegularExpression.escape(letter) for letter in text),
                                         QRegularExpression.PatternOption.CaseInsensitiveOption)
            found = self.document().find(pattern, heading.position() if heading is not None else 0)
            if found.isNull():
                found = self.document().find(pattern, 0)
        if found.isNull():
            return False
        mark = QTextEdit.ExtraSelection()
        mark.cursor = found
        style = QTextCharFormat()
        style.setBackground(QColor(COLOURS.match))
        style.setForeground(QColor(COLOURS.match_text))
        style.setFontUnderline(True)
        mark.format = style
        self.setExtraSelections([mark])
        if not self._match_mark_clears:  # a new lesson drops the mark
            self._match_mark_clears = True
            self.document().contentsChanged.connect(lambda: self.setExtraSelections([]))
        caret = QTextCursor(self.document())
        caret.setPosition(found.selectionStart())  # a selection would paint over the mark
        self.setTextCursor(caret)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(caret).top() - self.viewport().height() // 3)
        return True

    def _find_block(self, anchor: str):
        want_ref = anchor.startswith("ref-") and anchor[4:].isdigit()
        in_references, ref_number = False, 0
        block = self.document().begin()
        while block.isValid():
            heading = block.blockFormat().headingLevel()
            if heading and slugify(unbreakable(block.text())) == anchor:
                return block
            if want_ref:
                if heading:
                    in_references = slugify(unbreakable(block.text())) == "references"
                elif in_references and block.textList() is not None:
                    ref_number += 1
                    if f"ref-{ref_number}" == anchor:
                        return block
            block = block.next()
        return None

    def _style_links(self, markdown: str, document: QTextDocument) -> None:
        """Glossary terms: dotted underline in the text colour, the definition as tooltip. Citation
        markers keep the link look and show their reference as tooltip."""
        # where the links are depends only on the Markdown: found once per lesson and level (a click
        # back to a lesson seen before skips the walk through every fragment)
        known, key = self._link_spans, (markdown, self._narrow)  # narrow: break points move the positions
        spans = known.get(key)
        if spans is None:
            spans = self._find_link_spans(document)
            if len(known) >= 64:
                known.pop(next(iter(known)))
            known[key] = spans
        if not spans:
            return
        text_colour = QGuiApplication.palette().text()  # the theme's, even before a repaint
        dotted, keep = QTextCharFormat.UnderlineStyle.DotLine, QTextCursor.MoveMode.KeepAnchor
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # one relayout for all the links, not one per link
        for position, length, is_term, tip in spans:
            cursor.setPosition(position)
            cursor.setPosition(position + length, keep)
            style = QTextCharFormat()
            if is_term:
                style.setForeground(text_colour)
                style.setUnderlineStyle(dotted)
            style.setToolTip(tip)
            cursor.mergeCharFormat(style)
        cursor.endEditBlock()

    def _find_link_spans(self, document: QTextDocument) -> list[tuple[int, int, bool, str]]:
        """(position, length, is a glossary term, tooltip) of each glossary term and citation marker."""
        references = self.rendered.references if self.rendered is not None else []
        spans = []
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                href = fragment.charFormat().anchorHref()
                if href.startswith("glossary:") and self.glossary is not None:
                    term = self.glossary.definition(href[len("glossary:"):])
                    if term is not None:
                        spans.append((fragment.position(), fragment.length(), True, definition_tip(term)))
                elif CITED.fullmatch(href) and int(href[5:]) <= len(references):
                    number = int(href[5:])
                    spans.append((fragment.position(), fragment.length(), False,
                                  reference_tip(number, references[number - 1])))
                iterator += 1
            block = block.next()
        return spans

    def viewportEvent(self, event) -> bool:
        """A link's tooltip (a glossary definition, a citation's reference) over the whole of the
        link: Qt's own looks at the character before the nearest gap, so the left half of a
        citation number showed nothing."""
        if event.type() == QEvent.Type.Paint:
            self._painted = True
        elif event.type() == QEvent.Type.ToolTip:
            point = QPointF(event.pos()) + QPointF(self.horizontalScrollBar().value(),
                                                    self.verticalScrollBar().value())
            tip = self.document().documentLayout().formatAt(point).toCharFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
        return super().viewportEvent(event)

    def show_definition(self, slug: str) -> bool:
        term = self.glossary.definition(slug) if self.glossary else None
        if term is None:
            return False
        QToolTip.showText(QCursor.pos(), definition_tip(term), self)
        self.definitionShown.emit(term.term)
        return True

    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "glossary":
            self.show_definition(url.path())
        elif scheme == "lesson":
            self.lessonLinkClicked.emit(url.path(), url.fragment())
        elif scheme == "chart" and self.charts is not None:
            self.charts.focus(url.path())  # Enter on a chart (reached with Tab) moves into it
        elif scheme in WEB_SCHEMES:
            QDesktopServices.openUrl(url)
        elif not scheme and url.hasFragment() and not url.path():
            self.scroll_to(url.fragment())

    def loadResource(self, kind: int, name: QUrl | str):
        """Only files inside the content folder; never the network, never other local files."""
        url = QUrl(name) if isinstance(name, str) else name
        if url.scheme() == "chart":
            return self.charts.placeholder(url.path()) if self.charts else None
        if url.scheme() or url.isEmpty():
            return None
        path = (self.lessons_dir / url.path()).resolve()
        if self.content_root not in path.parents or not path.is_file():
            return None
        if getattr(kind, "value", kind) == QTextDocument.ResourceType.ImageResource.value:
            return _safe_image(path)

        return super().loadResource(kind, QUrl.fromLocalFile(str(path)))


def definition_tip(term) -> str:
    return f"<b>{escape(term.term)}</b>: {escape(term.definition)}"


def reference_tip(number: int, reference) -> str:
    """A citation's tooltip: its entry as the reference list shows it, identifiers included."""
    links = " ".join(label for label, _url in reference.links())
    return f"<b>[{number}]</b> {escape(reference.citation(with_note=False))} {escape(links)}".rstrip()


def _safe_image(path: Path):
    """The figure's bytes, or None when it is broken, huge or an SVG that reaches outside itself
    (Qt would load the files an SVG names; --check reports each case to the author)."""
    from viewer.model.content.figures import MAX_PIXELS
    from viewer.model.diagram.svg_safety import safe_svg_bytes

    try:
        data = path.read_bytes()
    except OSError:
        return None
    if path.suffix.lower() == ".svg":
        safe = safe_svg_bytes(data)
        return QByteArray(safe) if safe is not None else None
    reader = QImageReader(str(path))
    size = reader.size()
    if not reader.canRead() or size.isEmpty() or size.width() * size.height() > MAX_PIXELS:
        return None
    return QByteArray(data)
