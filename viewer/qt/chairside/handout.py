"""The patient handout: the current view of the diagram, the lesson in plain words,
the urgent-help box, self-management, the clinician's notes, the date and the sources.

Laid out as a QTextDocument and written with QPdfWriter (real, selectable text) or
sent to a printer. The picture is rendered at 300 dpi.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextBlock,
                           QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextFrameFormat,
                           QTextImageFormat, QTextLength, QTextTableFormat)

from viewer.model.content.loader import Content
from viewer.model.content.lessons import CITATION
from viewer.qt.app.theme import PRINTED
from viewer.qt.chairside.handout_picture import DPI

PAPER = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 12
MAX_PICTURE_HEIGHT_PT = 330
MAX_PAGES = 2
MAX_SOURCES = 3
# tried in turn until the handout fits MAX_PAGES: (sources listed, picture height in points)
FITTING_STEPS = ((MAX_SOURCES, MAX_PICTURE_HEIGHT_PT), (MAX_SOURCES, 280), (MAX_SOURCES, 230), (2, 200), (2, 165), (1, 165))
FOOTER_PT = 14   # "1 of 2" is printed this far into the bottom margin (MARGIN_MM is 34 pt)
BLANK = "_" * 16  # a line to write on when a detail was not typed
HEADING_TAG = 1  # QTextBlock user state of a heading inserted into a plain paragraph (see _insert_markdown)
IN_APP_LINK = re.compile(r"\[([^\]]*)\]\((?:lesson|glossary):[^)]*\)")


def page_layout(paper: str) -> QPageLayout:
    return QPageLayout(QPageSize(PAPER[paper]), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def picture_width_px(paper: str, source: QRectF) -> int:
    """300 dpi at the largest size the handout prints the picture: the page width, or less where
    MAX_PICTURE_HEIGHT_PT limits it (more pixels would only make the PDF slower to write)."""
    width_pt: float = page_layout(paper).paintRectPoints().width()
    if source.width() > 0 and source.height() > 0:
        width_pt = min(width_pt, MAX_PICTURE_HEIGHT_PT * source.width() / source.height())
    return max(1, round(width_pt / 72 * DPI))


def build_document(content: Content, lesson_id: str | None, title: str, picture: QImage | None, notes: str,
                   paper: str, today: date | None = None, teachback: str = "", labels=(), details=None,
                   programme=None, body_chart: QImage | None = None, body_chart_legend=(),
                   caption: str = "") -> QTextDocument:
    """The handout, fitted to two pages where it can be: fewer sources first, then a smaller picture.

    The picture is never shrunk to a thumbnail and charts are never dropped to save a page: a long
    lesson that cannot fit keeps the full-size layout and runs onto a third page. A home programme
    follows on its own pages: only the programme makes the handout longer.
    """
    extras = {"programme": programme if programme is not None and programme.items else None,
              "body_chart": body_chart, "body_chart_legend": list(body_chart_legend), "labels": labels,
              "details": details, "caption": caption}
    first: QTextDocument | None = None
    for sources, picture_height in FITTING_STEPS:
        document = _layout(content, lesson_id, title, picture, notes, paper, today, sources, picture_height,
                           teachback=teachback, **extras)
        if _pages_before_programme(document) <= MAX_PAGES:
            return document
        first = first or document
    assert first is not None, "FITTING_STEPS is not empty"
    return first


def _pages_before_programme(document: QTextDocument) -> int:
    start = document.property("programme_start")
    if start is None:
        return document.pageCount()
    before = document.findBlock(int(start)).previous()
    bottom = document.documentLayout().blockBoundingRect(before).bottom() if before.isValid() else 0
    return int(max(0.0, bottom - 1) // document.pageSize().height()) + 1


def _layout(content: Content, lesson_id: str | None, title: str, picture: QImage | None, notes: str,
            paper: str, today: date | None, max_sources: int, max_picture_height: float,
            teachback: str = "", labels=(), details=None, programme=None, body_chart: QImage | None = None,
            body_chart_legend=(), caption: str = "") -> QTextDocument:
    layout = page_layout(paper)
    page = layout.paintRectPoints()
    document = QTextDocument()
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.setDocumentMargin(0)
    font = QFont(document.defaultFont())
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    cursor = QTextCursor(document)
    fixed = content.handout
    today = today or date.today()
    cursor.insertHtml(f"<h1 style='font-size:18pt'>{html.escape(title)}</h1>"
                      f"<p style='color:{PRINTED.muted}'>{html.escape(fixed.get('title', 'Deep gluteal syndrome'))}"
                      f" &nbsp;·&nbsp; {today.strftime('%d %B %Y')}"
                      f"<br/><small>{html.escape(fixed.get('footer', ''))}</small></p>")
    _insert_details(cursor, details)
    if notes.strip():  # the clinician's own words first, where the patient looks
        _new_paragraph(cursor)
        _insert_markdown(cursor, "### Notes from your clinician")
        _new_paragraph(cursor)
        cursor.insertText(notes.strip())
    picture_cursor = cursor
    chart_cell = None
    if body_chart is not None:  # the patient's body chart beside the diagram: page one keeps its length
        _new_paragraph(cursor)
        side = cursor.insertTable(1, 2, _two_columns(58, padding=2))
        picture_cursor = side.cellAt(0, 0).firstCursorPosition()
        chart_cell = side.cellAt(0, 1).firstCursorPosition()
    if picture is not None:
        width_pt = page.width() * (0.56 if body_chart is not None else 1)
        height_pt = width_pt * picture.height() / picture.width()
        if height_pt > max_picture_height:
            width_pt, height_pt = width_pt * max_picture_height / height_pt, max_picture_height
        drawn: list = []
        if labels:
            from viewer.qt.chairside.handout_labels import with_labels

            picture, drawn = with_labels(picture, labels, picture.width() / width_pt)
        document.setProperty("label_heights_pt", [r.height() * width_pt / picture.width() for r in drawn])
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("handout:diagram"), picture)
        image_format = QTextImageFormat()
        image_format.setName("handout:diagram")
        image_format.setWidth(width_pt)
        image_format.setHeight(height_pt)
        if body_chart is None:
            _new_paragraph(cursor)
        block = picture_cursor.blockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        picture_cursor.setBlockFormat(block)
        picture_cursor.insertImage(image_format)
        if caption:  # what the picture shows that the eye may miss: the nerve type chosen
            picture_cursor.insertBlock()
            picture_cursor.insertText(caption)
    if chart_cell is not None and body_chart is not None:
        from viewer.qt.homeprog.handout_section import insert_body_chart

        insert_body_chart(chart_cell, body_chart, list(body_chart_legend), page.width() * 0.40,
                          max_picture_height)
        cursor.movePosition(QTextCursor.MoveOperation.End)
    # the urgent-help box and self-management side by side, on page one: short, and never split
    # the boxed red flags (indented, with more to say) get the wider column, so the two end level
    table_format = _two_columns(56, padding=4)
    table_format.setTopMargin(2)
    _new_paragraph(cursor)
    table = cursor.insertTable(1, 2, table_format)
    if fixed.get("urgent"):
        _insert_box(table.cellAt(0, 0).firstCursorPosition(), fixed["urgent"], PRINTED.urgent_box,
                    PRINTED.urgent_border)
    if fixed.get("self_management"):
        _insert_markdown(table.cellAt(0, 1).firstCursorPosition(),
                         "#### Looking after yourself\n\n" + fixed["self_management"].strip())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    lesson = content.lessons.get(lesson_id) if lesson_id else None
    if lesson is not None:
        _new_paragraph(cursor)
        heading = "" if lesson.title == title else f"## {lesson.title}\n\n"
        from viewer.qt.evidence.chart_print import insert_with_charts  # charts at the handout's level, as pictures

        insert_with_charts(cursor, heading + lesson.markdown("patient"), lesson, _insert_markdown,
                           page.width() * 0.45)
    if teachback.strip():  # the chairside teach-back result, when the clinician chose to include it
        _new_paragraph(cursor)
        _insert_markdown(cursor, teachback)
    if lesson is not None:
        references = handout_sources(content, lesson)[:max_sources]
        if references:
            _new_paragraph(cursor)
            lines = "\n".join(f"{n}. {r.citation(with_note=False)} " + " ".join(label for label, _url in r.links())
                              for n, r in enumerate(references, start=1))
            _insert_markdown(cursor, "### Selected sources\n\n" + lines, size=7)
    tables = []
    if programme is not None:
        from viewer.qt.homeprog.handout_section import insert_programme

        _new_paragraph(cursor)
        document.setProperty("programme_start", cursor.position())
        tables = insert_programme(cursor, programme, content.resources_dir, page.width(), content.bibliography,
                                  _insert_markdown)
    _compact(document)
    _align_tops(table)
    _keep_headings_with_text(document)
    if tables:
        from viewer.qt.homeprog.handout_section import keep_tables_whole

        sheet_heading = document.findBlock(int(document.property("programme_start")))
        heading_format = sheet_heading.blockFormat()  # the exercise sheet starts its own page
        heading_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(sheet_heading).setBlockFormat(heading_format)
        keep_tables_whole(document, tables)
    return document


def _two_columns(left_percent: int, padding: float) -> QTextTableFormat:
    """A borderless table across the page, its first column ``left_percent`` wide."""
    table_format = QTextTableFormat()
    table_format.setBorder(0)
    table_format.setCellPadding(padding)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, left_percent),
                                            QTextLength(QTextLength.Type.PercentageLength, 100 - left_percent)])
    return table_format


def _align_tops(table) -> None:
    """The urgent box's top edge level with "Looking after yourself": a frame inserted into a table cell
    comes after an empty paragraph, which is given no height; the heading beside it no top margin."""
    for column in range(table.columns()):
        block = table.cellAt(0, column).firstCursorPosition().block()
        block_format = block.blockFormat()
        block_format.setTopMargin(0)
        if not block.text().strip():
            block_format.setBottomMargin(0)
            block_format.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        QTextCursor(block).setBlockFormat(block_format)


def _keep_headings_with_text(document: QTextDocument) -> None:
    """A heading that would end a page, its text on the next, starts that next page instead (Qt's
    text layout has no keep-with-next). Done heading by heading, as each move shifts what follows."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        following = block.next()
        while following.isValid() and not following.text().strip():
            following = following.next()  # an empty paragraph between is not the heading's text
        if not following.isValid():
            break
        if (_is_heading(block) and layout.blockBoundingRect(block).top() // height
                < layout.blockBoundingRect(following).top() // height):
            first = block  # a heading right above it (a lesson's title, then its first section) goes too
            while _heading_before(first).isValid():
                first = _heading_before(first)
            block_format = first.blockFormat()
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(first).setBlockFormat(block_format)
        block = block.next()


def _heading_before(block):
    """The heading just above ``block`` (empty paragraphs between), or an invalid block."""
    before = block.previous()
    while before.isValid() and not before.text().strip():
        before = before.previous()
    return before if before.isValid() and _is_heading(before) else QTextBlock()


def _is_heading(block) -> bool:
    return bool(block.blockFormat().headingLevel()) or block.userState() == HEADING_TAG


def _compact(document: QTextDocument) -> None:
    """Print-sized headings and tight spacing, so a lesson fits on two pages."""
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        cursor = QTextCursor(block)
        block_format = block.blockFormat()
        block_format.setTopMargin(7 if level else 1)
        block_format.setBottomMargin(2 if level else 3)
        cursor.setBlockFormat(block_format)
        if level >= 2:
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            heading = QTextCharFormat()
            heading.setFontPointSize(11 if level == 2 else 10)
            cursor.mergeCharFormat(heading)
        block = block.next()


def handout_sources(content: Content, lesson) -> list:
    """A short list for a patient: the handout's general reviews, then the lesson's own
    primary papers (those with a DOI or PMID), at most MAX_SOURCES in all."""
    keys = [k for k in content.handout.get("references", [])]
    for key in lesson.references:
        reference = content.bibliography.get(key)
        if reference and (reference.doi or reference.pmid) and key not in keys:
            keys.append(key)
    return [content.bibliography[k] for k in keys if k in content.bibliography][:MAX_SOURCES]


def _new_paragraph(cursor: QTextCursor) -> None:
    """A plain paragraph: not a continuation of the list or heading before it."""
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())


def _insert_markdown(cursor: QTextCursor, markdown: str, size: float | None = None) -> None:
    start = cursor.position()
    markdown = IN_APP_LINK.sub(r"\1", CITATION.sub("", markdown))  # links inside the app mean nothing on paper
    cursor.insertMarkdown(markdown)
    level = len(markdown) - len(markdown.lstrip("#"))
    if 0 < level <= 6 and markdown[level:level + 1] == " ":
        # inserted into the paragraph that was there, a first heading keeps that plain block format (and
        # is styled as such); tagged, so that it is still kept with its text at the foot of a page
        cursor.document().findBlock(start).setUserState(HEADING_TAG)
    if size:
        end = cursor.position()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setFontPointSize(size)
        cursor.mergeCharFormat(fmt)
        cursor.clearSelection()
        cursor.setPosition(end)


def _insert_box(cursor: QTextCursor, markdown: str, background: str, border: str) -> None:
    frame_format = QTextFrameFormat()
    frame_format.setBackground(QColor(background))
    frame_format.setBorder(1.5)
    frame_format.setBorderBrush(QColor(border))
    frame_format.setPadding(8)
    frame_format.setTopMargin(0)
    frame_format.setBottomMargin(2)
    frame_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    frame = cursor.insertFrame(frame_format)
    inner = frame.firstCursorPosition()
    inner.insertMarkdown(markdown.strip())
    cursor.setPosition(frame.lastPosition() + 1)


def _insert_details(cursor: QTextCursor, details) -> None:
    """Name, clinician and clinic: what was typed at save time, or a line to write on."""
    from viewer.model.chairside.handout_details import FIELDS

    parts = []
    for key, label in FIELDS:
        value = getattr(details, key, "") if details is not None else ""
        parts.append(f"<b>{label}:</b> {html.escape(value) if value else BLANK}")
    _new_paragraph(cursor)
    cursor.insertHtml(" &nbsp;&nbsp;&nbsp; ".join(parts))


def write_pdf(document: QTextDocument, path: Path, paper: str) -> bool:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(page_layout(paper))
    writer.setResolution(DPI)
    writer.setTitle(document.toPlainText().splitlines()[0] if document.toPlainText() else "Handout")
    writer.setCreator("DGS Viewer")
    print_pages(document, writer)
    return path.exists() and path.stat().st_size > 0


def print_pages(document: QTextDocument, device) -> None:
    """Each page of ``document`` on ``device`` (a PDF writer or a printer), numbered "1 of 2" at its foot.

    The document's page is the paint area, mapped to the device as QTextDocument.print_ maps it (its
    units are points on paper); the number goes in the bottom margin, below it."""
    painter = QPainter(device)
    if not painter.isActive():
        return
    width, height = document.pageSize().width(), document.pageSize().height()
    scale = device.width() / width
    painter.scale(scale, scale)
    pages = document.pageCount()
    font = QFont(document.defaultFont())
    font.setPixelSize(9)  # painter units are points on paper here
    for number in range(pages):
        if number:
            device.newPage()
        painter.save()
        painter.translate(0, -number * height)
        document.drawContents(painter, QRectF(0, number * height, width, height))
        painter.restore()
        painter.setFont(font)
        painter.setPen(QColor(PRINTED.muted))
        painter.drawText(QRectF(0, height + 2, width, FOOTER_PT), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                         f"{number + 1} of {pages}")
    painter.end()
