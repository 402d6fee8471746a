"""The lesson as a document for a screen reader. Qt exposes the lesson panel as one block of text
(its Text interface, which stays); the page inside it becomes a document named after the lesson
whose children are its headings, paragraphs, list items and table cells, each holding its links, so
a screen reader can list the headings, move from one to the next and follow a link. A citation link
is described by its entry in the reference list ("[3]" -> "Martin HD, et al. Deep gluteal
syndrome. …")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from PySide6.QtCore import QPoint, QRect, QRectF, QUrl
from PySide6.QtGui import QAccessible, QTextBlock, QTextCursor
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from viewer.model.content.linebreak import unbreakable
from viewer.qt.access.nodes import Node, NodeProxy

FOLLOW_LINK = "Follow link"


def is_lesson_page(obj) -> bool:
    """The panel's viewport: the widget the lesson is drawn on."""
    parent = obj.parent()
    return parent is not None and type(parent).__name__ == "LessonPanel" and parent.viewport() is obj


class DocumentAccessible(QAccessibleWidget):
    def __init__(self, page):
        super().__init__(page, QAccessible.Role.Document, "")
        self.page = page
        self.panel = page.parent()
        self.nodes: list[Node] = []
        self._built_for: tuple | None = None

    def _blocks(self) -> list[Node]:
        document = self.panel.document()
        key = (id(document), document.revision(), document.characterCount())
        if key != self._built_for:
            for node in self.nodes:
                node.release()
            self.nodes = list(self._read(document))
            self._built_for = key
        return self.nodes

    def _children(self) -> list:
        """The blocks' interfaces and the widgets on the page (the live charts), top to bottom."""
        layout = self.panel.document().documentLayout()
        placed = [(layout.blockBoundingRect(node.block).top(), node.interface(self.page)) for node in self._blocks()]
        scrolled = self.panel.verticalScrollBar().value()
        for widget in self.page.children():
            if isinstance(widget, QWidget) and not isinstance(widget, NodeProxy) and widget.isVisible():
                placed.append((widget.y() + scrolled, QAccessible.queryAccessibleInterface(widget)))
        placed.sort(key=lambda pair: pair[0])
        return [interface for _top, interface in placed if interface is not None]

    def _read(self, document):
        targets = _anchor_targets(document)
        block = document.begin()
        while block.isValid():
            text = unbreakable(block.text()).strip()  # a narrow column's break points are not read out
            if text:
                level = block.blockFormat().headingLevel()
                if level:
                    role = QAccessible.Role.Heading
                elif block.textList() is not None:
                    role = QAccessible.Role.ListItem
                elif QTextCursor(block).currentTable() is not None:
                    role = QAccessible.Role.Cell
                else:
                    role = QAccessible.Role.Paragraph
                node = Node(role, text, f"Heading level {level}" if level else "",
                            rect=partial(self._screen_rect, block), parent_interface=self._me)
                node.children = list(self._links(block, node, targets))
                node.block = block
                yield node
            block = block.next()

    def _links(self, block: QTextBlock, owner: Node, targets: dict[str, str]) -> Iterator[Node]:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            char_format = fragment.charFormat()
            href = char_format.anchorHref()
            if char_format.isAnchor() and href:
                describe = targets.get(href.removeprefix("#"), "") if href.startswith("#") else \
                    (f"Opens {href} in your web browser" if href.startswith(("http:", "https:")) else "")
                yield Node(QAccessible.Role.Link, unbreakable(fragment.text()).strip() or href, describe,
                           rect=partial(self._screen_rect, block),
                           activate=partial(self.panel.anchorClicked.emit, QUrl(href)),
                           action_name=FOLLOW_LINK, parent_interface=partial(owner.interface, self.page))
            fragments += 1

    def _me(self):
        return QAccessible.queryAccessibleInterface(self.page)

    def _screen_rect(self, block) -> QRect:
        layout = self.panel.document().documentLayout()
        box: QRectF = layout.blockBoundingRect(block)
        box.translate(-self.panel.horizontalScrollBar().value(), -self.panel.verticalScrollBar().value())
        visible = box.toAlignedRect().intersected(self.page.rect())
        return QRect(self.page.mapToGlobal(visible.topLeft()), visible.size()) if visible.isValid() else QRect()

    # ----- QAccessibleInterface -----------------------------------------------------------------------
    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.panel.accessibleDescription() or "Lesson"
        if kind == QAccessible.Text.Description:
            return "Lesson text. Move by heading to skim it."
        return ""

    def childCount(self) -> int:
        return len(self._children())

    def child(self, index: int):
        children = self._children()
        return children[index] if 0 <= index < len(children) else None

    def indexOfChild(self, child) -> int:
        target = child.object() if child is not None else None
        return next((i for i, c in enumerate(self._children()) if target is not None and c.object() is target), -1)

    def childAt(self, x: int, y: int):
        point = QPoint(x, y)
        return next((c for c in self._children() if c.rect().contains(point)), None)

    def focusChild(self):
        return None


def _anchor_targets(document) -> dict[str, str]:
    """Anchor name -> the text of the block it marks (a citation's entry in the reference list)."""
    found: dict[str, str] = {}
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            for name in fragments.fragment().charFormat().anchorNames():
                found.setdefault(name, unbreakable(block.text()).strip())
            fragments += 1
        block = block.next()
    return found
