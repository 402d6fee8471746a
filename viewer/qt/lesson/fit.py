"""A lesson fitted to its column: headings sized so their longest word fits, and in a narrow column
(large text, a side panel open) words with break points so that no word is split without a hyphen.

Where a word may break is the model's (viewer/model/content/linebreak.py); here it is applied to
the document's text, and the headings' sizes are measured with the fonts they are drawn in.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFontMetricsF, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextListFormat

from viewer.model.content.linebreak import breakable, shortest_hyphenated, unbreakable

NARROW_INDENT = 24       # pixels a bulleted list is indented by in a narrow column (Qt's own: 40)
NUMBERED = (QTextListFormat.Style.ListDecimal, QTextListFormat.Style.ListLowerAlpha, QTextListFormat.Style.ListUpperAlpha,
            QTextListFormat.Style.ListLowerRoman, QTextListFormat.Style.ListUpperRoman)
NARROW_CHARS = 40        # a column holding fewer average characters a line than this is "narrow"
NATURAL_SIZE = QTextFormat.Property.UserProperty + 1  # a heading fragment's size before it was fitted
SIZE_STEP = 0.5          # points
SLACK = 2.0              # pixels kept free: measured and laid-out widths differ by rounding
PIECES = re.compile(r"[^\s-]*-?|[^\s]+")  # what a line cannot break inside: words, or up to a hyphen
OBJECT = "\ufffc"        # an image's place in the text
HEADING_ROOM = 0.9       # a heading word wider than this share of the line at body size gets soft hyphens


def text_width(view, margin: float) -> float:
    """The width a text view's lines get: its viewport's, less the margins and a scroll bar (a long
    lesson has one once shown, and a heading fitted without it would not fit with it). Worked out
    from the frame's contents, not ``viewport()``: Python's first look at the viewport Qt made
    builds the enums of every widget class (9-17 ms), and this runs before the first frame."""
    bar = view.verticalScrollBar()
    return view.contentsRect().width() - (bar.width() if bar.isVisible() else bar.sizeHint().width()) - 2 * margin


def inline_numbers(document: QTextDocument) -> None:
    """Numbered lists (the reference list) with their numbers in the text ("20. Martin HD…") and no
    indent: Qt draws a list's number left of its text, and "20." at 250% needs some 60 pixels of a
    190-pixel line. The items stay list items (for the reference links and screen readers). Run
    before the document is laid out: the text changes."""
    lists, block = [], document.begin()
    while block.isValid():
        found = block.textList()
        if found is not None and found not in lists and found.format().style() in NUMBERED:
            lists.append(found)
        block = block.next()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for numbered in lists:
        for item in [numbered.item(i) for i in range(numbered.count())]:
            cursor.setPosition(item.position())
            cursor.insertText(numbered.itemText(item) + " ", item.charFormat())
        style = numbered.format()
        style.setStyle(QTextListFormat.Style.ListStyleUndefined)  # no number drawn in the margin
        style.setIndent(0)
        numbered.setFormat(style)
    cursor.endEditBlock()


def narrow_form(text_width: float, font) -> int:
    """0 when a line of the lesson's body text holds NARROW_CHARS average characters or more (the
    lesson is shown as written); else the shortest word to hyphenate in a column this wide."""
    average = QFontMetricsF(font).averageCharWidth()
    letters = text_width / average if average > 0 else NARROW_CHARS
    return shortest_hyphenated(letters) if letters < NARROW_CHARS else 0


def add_break_points(document: QTextDocument, min_word: int) -> None:
    """Soft hyphens in words of ``min_word`` letters or more and break points in identifiers,
    throughout ``document``, each fragment keeping its format (links, glossary terms, emphasis).
    Headings are left to fit_headings. Run before the document is laid out: the text changes."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.lastBlock()
    while block.isValid():
        fragments = []
        iterator = block.begin()
        while not iterator.atEnd():
            fragments.append(iterator.fragment())
            iterator += 1
        for fragment in reversed(fragments):  # from the end: earlier positions stay valid
            text = fragment.text()
            if OBJECT in text or fragment.charFormat().isImageFormat():
                continue
            if block.blockFormat().headingLevel():
                continue
            marked = breakable(text, min_word)
            if marked != text:
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(marked, fragment.charFormat())
        block = block.previous()
    cursor.endEditBlock()


def fit_headings(document: QTextDocument, text_width: float, ready=None) -> bool:
    """Size each heading so that its widest word fits ``text_width`` pixels (see heading_sizes), and
    give soft hyphens to a heading word too wide even at the body text's size (only there: a
    heading whose words fit is never hyphenated). Returns whether anything changed. ``ready`` is
    called first when something must change: a format change while the view lays the document out
    in steps ends those steps early, so the caller finishes the layout there."""
    hyphens = heading_hyphens(document, text_width)
    if not hyphens and not heading_sizes(document, text_width):
        return False
    if ready is not None:
        ready()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for fragment, text in reversed(hyphens):  # from the end: earlier positions stay valid
        cursor.setPosition(fragment.position())
        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, fragment.charFormat())
    cursor.endEditBlock()
    resize_headings(document, heading_sizes(document, text_width))
    return True


def heading_hyphens(document: QTextDocument, text_width: float) -> list[tuple]:
    """(fragment, its text as it should be) for each heading fragment whose soft hyphens must change:
    a word wider than HEADING_ROOM of the line at the body text's size has them, others none."""
    body = document.defaultFont().pointSizeF()
    changes = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            for fragment in _fragments(block):
                font = fragment.charFormat().font()
                font.setPointSizeF(body)
                text = fragment.text()
                want = _heading_words(text, QFontMetricsF(font), text_width * HEADING_ROOM)
                if want != text and OBJECT not in text:
                    changes.append((fragment, want))
        block = block.next()
    return changes


def heading_sizes(document: QTextDocument, text_width: float) -> list[tuple]:
    """(fragment, its own size, the size it needs) for each heading fragment whose size must change
    so that the heading's widest word fits ``text_width``: never larger than its own size, never
    smaller than the body text's (below that the break points do the rest). Measures only."""
    body = document.defaultFont().pointSizeF()
    changes = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            fragments = _fragments(block)
            natural = max((_natural(fragment) for fragment in fragments), default=body)
            room = text_width - block.blockFormat().leftMargin() - block.blockFormat().indent() * 40 - SLACK
            font = fragments[0].charFormat().font() if fragments else document.defaultFont()
            size = _fitted_size(block.text(), font, natural, body, room)
            for fragment in fragments:
                own = _natural(fragment)
                want = own if size >= natural else max(body, own * size / natural)
                if abs(fragment.charFormat().font().pointSizeF() - want) > 0.01:
                    changes.append((fragment, own, want))
        block = block.next()
    return changes


def _heading_words(text: str, metrics: QFontMetricsF, room: float) -> str:
    """``text`` with soft hyphens only in its words wider than ``room``."""
    def word(match: re.Match) -> str:
        plain = unbreakable(match.group(0))
        return breakable(plain) if metrics.horizontalAdvance(plain) > room else plain

    return PIECES.sub(word, text)


def resize_headings(document: QTextDocument, changes: list[tuple]) -> None:
    if not changes:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # one relayout for every heading
    for fragment, own, want in changes:
        style = QTextCharFormat(fragment.charFormat())
        style.clearProperty(QTextFormat.Property.FontSizeAdjustment)  # it would win over the point size
        style.setFontPointSize(want)
        style.setProperty(NATURAL_SIZE, own)
        cursor.setPosition(fragment.position())
        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(style)
    cursor.endEditBlock()


def _fragments(block) -> list:
    found = []
    iterator = block.begin()
    while not iterator.atEnd():
        found.append(iterator.fragment())
        iterator += 1
    return found


def _natural(fragment) -> float:
    style = fragment.charFormat()
    stored = style.property(NATURAL_SIZE)
    return float(stored) if stored else style.font().pointSizeF()


def _fitted_size(text: str, font, natural: float, body: float, room: float) -> float:
    """The largest size from ``natural`` down to ``body`` at which the widest word of ``text`` fits."""
    words = [unbreakable(piece) for piece in PIECES.findall(text) if piece.strip()]
    if not words or room <= 0:
        return natural
    font = type(font)(font)
    size = natural
    while size > body:
        font.setPointSizeF(size)
        metrics = QFontMetricsF(font)
        widest = max(metrics.horizontalAdvance(word) for word in words)
        if widest <= room:
            return size
        size = max(body, min(size - SIZE_STEP, size * room / widest))  # straight to about the right size
        size = max(body, round(size / SIZE_STEP) * SIZE_STEP if size - body > SIZE_STEP else size)
    return body
