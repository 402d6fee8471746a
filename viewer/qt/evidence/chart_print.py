"""Charts on paper: each chart of a lesson's text becomes a picture in a QTextDocument
(the handout), drawn off screen by the same code as the live chart, source line included."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import (QImage, QTextCursor, QTextDocument, QTextFrameFormat, QTextImageFormat,
                           QTextLength)

from viewer.model.content.lessons import CHART_LINE

PICTURE_WIDTH_PX = 400  # drawn this wide (x3 for print), then scaled to the page
_pictures: dict[int, QImage] = {}


def chart_picture(chart) -> QImage:
    """The chart as a print picture; made once per chart and kept (layouts are tried several times)."""
    key = id(chart)
    if key not in _pictures:
        from viewer.qt.evidence.chart_widget import chart_image  # pyqtgraph, only when a handout has a chart

        _pictures[key] = chart_image(chart, PICTURE_WIDTH_PX, scale=3.0)
    return _pictures[key]


def insert_with_charts(cursor: QTextCursor, markdown: str, lesson, insert_markdown, width_pt: float) -> None:
    """Insert lesson Markdown through ``insert_markdown``, with each chart marker as a picture."""
    position = 0
    for match in CHART_LINE.finditer(markdown):
        if markdown[position:match.start()].strip():
            insert_markdown(cursor, markdown[position:match.start()])
        position = match.end()
        chart = lesson.charts.get(match.group(1)) if lesson is not None else None
        if chart is not None:
            insert_chart(cursor, chart, width_pt)
    if markdown[position:].strip():
        insert_markdown(cursor, markdown[position:])


def insert_chart(cursor: QTextCursor, chart, width_pt: float) -> None:
    picture = chart_picture(chart)
    name = f"chart-print:{chart.id}"
    cursor.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), picture)
    image_format = QTextImageFormat()
    image_format.setName(name)
    image_format.setWidth(width_pt)
    image_format.setHeight(width_pt * picture.height() / picture.width())
    # floated right, so the text beside it keeps flowing and the handout stays short
    frame_format = QTextFrameFormat()
    frame_format.setPosition(QTextFrameFormat.Position.FloatRight)
    frame_format.setWidth(QTextLength(QTextLength.Type.FixedLength, width_pt))
    frame_format.setLeftMargin(10)
    frame_format.setBottomMargin(6)
    frame = cursor.insertFrame(frame_format)
    frame.firstCursorPosition().insertImage(image_format)
    cursor.setPosition(frame.lastPosition() + 1)
