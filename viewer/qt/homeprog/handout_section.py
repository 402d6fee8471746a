"""The home programme on the handout: one block per exercise (picture, steps, dose, cautions),
and no block split across a page; the body chart beside the diagram picture.

Qt's text layout has no keep-together: each exercise is a one-row table and, once laid out,
a table that would straddle a page break starts the next page instead.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QRectF, QUrl, Qt
from PySide6.QtGui import (QColor, QImage, QPainter, QTextCursor, QTextDocument, QTextFormat, QTextFrameFormat,
                           QTextImageFormat, QTextLength, QTextTableFormat)
from viewer.qt.app.theme import PRINTED

PICTURE_SHARE = 66  # percent of the page width for an exercise's picture (start and end side by side)
DPI = 300
PROGRAMME_PROPERTY = "programme_tables"


def exercise_picture(path: Path, width_pt: float) -> QImage | None:
    """The exercise's SVG drawn at print resolution (opaque white, for the PDF)."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    width_px = max(1, round(width_pt / 72 * DPI))
    height_px = max(1, round(width_px * size.height() / max(1, size.width())))
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor(PRINTED.paper))
    image.setDotsPerMeterX(round(DPI / 0.0254))
    image.setDotsPerMeterY(round(DPI / 0.0254))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(image.rect()))
    painter.end()
    return image


def insert_programme(cursor: QTextCursor, programme, resources_dir: Path, page_width: float, bibliography,
                     insert_markdown) -> list:
    """The programme's heading, one block per exercise and its sources; returns the block tables."""
    document = cursor.document()
    insert_markdown(cursor, "## Your home exercises")
    cursor.insertBlock()
    cursor.insertHtml("<p>Do these as your clinician showed you. Little and often is best. "
                      "Stop an exercise if it brings on pins and needles or numbness that last.</p>")
    tables = []
    picture_width = page_width * PICTURE_SHARE / 100
    for number, item in enumerate(programme.items, start=1):
        exercise = item.exercise
        cursor.movePosition(QTextCursor.MoveOperation.End)
        table_format = QTextTableFormat()
        table_format.setBorder(0.8)
        table_format.setBorderBrush(QColor(PRINTED.chart_frame))
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        table_format.setBorderCollapse(True)
        table_format.setCellPadding(4)
        table_format.setCellSpacing(0)
        table_format.setTopMargin(8)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 55),
                                                QTextLength(QTextLength.Type.PercentageLength, 45)])
        # one block: title and purpose, the picture (start and end), then steps beside dose and cautions
        table = cursor.insertTable(3, 2, table_format)
        table.mergeCells(0, 0, 1, 2)
        table.mergeCells(1, 0, 1, 2)
        table.cellAt(0, 0).firstCursorPosition().insertHtml(
            f"<p style='font-size:12pt'><b>{number}. {html.escape(exercise.title)}</b></p>"
            f"<p><i>{html.escape(exercise.purpose)}</i></p>")
        picture = exercise_picture(exercise.image_path(resources_dir), picture_width)
        if picture is not None:
            name = f"handout:exercise-{exercise.id}"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), picture)
            image_format = QTextImageFormat()
            image_format.setName(name)
            image_format.setWidth(picture_width)
            image_format.setHeight(picture_width * picture.height() / picture.width())
            picture_cursor = table.cellAt(1, 0).firstCursorPosition()
            block = picture_cursor.blockFormat()
            block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            picture_cursor.setBlockFormat(block)
            picture_cursor.insertImage(image_format)
        steps = "".join(f"<li>{html.escape(step)}</li>" for step in exercise.steps)
        table.cellAt(2, 0).firstCursorPosition().insertHtml(f"<ol style='margin-left:-16px'>{steps}</ol>")
        cautions = "".join(f"<li>{html.escape(c)}</li>" for c in exercise.cautions)
        table.cellAt(2, 1).firstCursorPosition().insertHtml(
            f"<p><b>How much:</b> {html.escape(item.dose.text(exercise.dose_note))}</p>"
            + (f"<p><b>Take care:</b></p><ul style='margin-left:-16px'>{cautions}</ul>" if cautions else ""))
        tables.append(table)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    keys = []
    for item in programme.items:
        keys += [k for k in item.exercise.references if k not in keys and k in bibliography]
    if keys:
        cursor.insertBlock()
        lines = "\n".join(f"{n}. {bibliography[k].citation(with_note=False)}" for n, k in enumerate(keys, start=1))
        insert_markdown(cursor, "### Sources for these exercises\n\n" + lines, size=7)
    return tables


def keep_tables_whole(document: QTextDocument, tables: list) -> None:
    """A table that would straddle a page break starts the next page (one at a time, top down,
    since each move shifts those below)."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    for table in tables:
        rect = layout.frameBoundingRect(table)
        if rect.height() >= height:
            continue  # taller than a page: it cannot be kept whole
        if rect.top() // height != (rect.bottom() - 1) // height:
            table_format = table.format()
            table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            table.setFormat(table_format)


def insert_body_chart(cell_cursor: QTextCursor, image: QImage, legend: list[str], width_pt: float,
                      height_pt: float) -> None:
    document = cell_cursor.document()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("handout:bodychart"), image)
    image_format = QTextImageFormat()
    image_format.setName("handout:bodychart")
    scale = min(width_pt / image.width(), height_pt / image.height())
    image_format.setWidth(image.width() * scale)
    image_format.setHeight(image.height() * scale)
    block = cell_cursor.blockFormat()
    block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    cell_cursor.setBlockFormat(block)
    cell_cursor.insertImage(image_format)
    if legend:
        cell_cursor.insertHtml("<br/><small>" + "; ".join(html.escape(line) for line in legend) + "</small>")

