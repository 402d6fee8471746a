"""Shows one lesson. Links to other lessons are handled by the app; web links
open in the system browser only when clicked; nothing is ever fetched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QCursor, QDesktopServices, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QToolTip

from viewer.model.render import RenderedLesson, slugify

WEB_SCHEMES = ("http", "https")


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
        font = self.document().defaultFont()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(18)

    def show_lesson(self, rendered: RenderedLesson, anchor: str = "") -> None:
        self.rendered = rendered
        self.document().setMarkdown(rendered.markdown, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        self._style_glossary_terms()
        self.setAccessibleDescription(rendered.headings[0][1] if rendered.headings else "")
        if not (anchor and self.scroll_to(anchor)):
            self.setTextCursor(QTextCursor(self.document()))  # the top, not wherever the last cursor was
            self.verticalScrollBar().setValue(0)

    def scroll_to(self, anchor: str) -> bool:
        """Scroll to the heading whose slug is ``anchor``, or to reference ``ref-N``."""
        block = self._find_block(anchor)
        if block is None:
            return False
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(int(top))
        return True

    def _find_block(self, anchor: str):
        want_ref = anchor.startswith("ref-") and anchor[4:].isdigit()
        in_references, ref_number = False, 0
        block = self.document().begin()
        while block.isValid():
            heading = block.blockFormat().headingLevel()
            if heading and slugify(block.text()) == anchor:
                return block
            if want_ref:
                if heading:
                    in_references = slugify(block.text()) == "references"
                elif in_references and block.textList() is not None:
                    ref_number += 1
                    if f"ref-{ref_number}" == anchor:
                        return block
            block = block.next()
        return None

    def _style_glossary_terms(self) -> None:
        """Glossary terms: dotted underline in the text colour, definition as tooltip."""
        if self.glossary is None:
            return
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                href = fragment.charFormat().anchorHref()
                term = self.glossary.definition(href[len("glossary:"):]) if href.startswith("glossary:") else None
                if term is not None:
                    cursor = QTextCursor(self.document())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    style = QTextCharFormat()
                    style.setForeground(self.palette().text())
                    style.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                    style.setToolTip(f"<b>{term.term}</b>: {term.definition}")
                    cursor.mergeCharFormat(style)
                iterator += 1
            block = block.next()

    def show_definition(self, slug: str) -> bool:
        term = self.glossary.definition(slug) if self.glossary else None
        if term is None:
            return False
        QToolTip.showText(QCursor.pos(), f"<b>{term.term}</b>: {term.definition}", self)
        self.definitionShown.emit(term.term)
        return True

    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "glossary":
            self.show_definition(url.path())
        elif scheme == "lesson":
            self.lessonLinkClicked.emit(url.path(), url.fragment())
        elif scheme in WEB_SCHEMES:
            QDesktopServices.openUrl(url)
        elif not scheme and url.hasFragment() and not url.path():
            self.scroll_to(url.fragment())

    def loadResource(self, kind: int, url: QUrl):
        """Only files inside the content folder; never the network, never other local files."""
        if url.scheme() or url.isEmpty():
            return None
        path = (self.lessons_dir / url.path()).resolve()
        if self.content_root not in path.parents:
            return None
        return super().loadResource(kind, QUrl.fromLocalFile(str(path)))
