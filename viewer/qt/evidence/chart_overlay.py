"""Live charts inside the lesson text.

The lesson text holds an image ``chart:ID`` where a chart belongs (see render.chart_markdown);
this module hands the text a blank placeholder of the chart's size and lays a real,
interactive chart widget over it, following it on scroll, resize and re-layout. A chart
widget (and pyqtgraph with it) is built only when its place first scrolls into view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QImage, QKeyEvent, QPainter, QPalette, QTextCursor, QTextImageFormat
from PySide6.QtWidgets import QTextBrowser

SCHEME = "chart"
ESTIMATED_HEIGHT = {"range": 720, "accuracy": 640, "paired": 560}
CAVEAT_HEIGHT = 90  # each weaker study adds its caveat (about three lines) and a legend entry
MIN_WIDTH, MAX_WIDTH = 360, 860


class ChartOverlays(QObject):
    def __init__(self, panel: QTextBrowser):
        super().__init__(panel)
        self.panel = panel
        self.charts: dict = {}
        self.widgets: dict = {}
        self.heights: dict[str, int] = {}
        self.patient_values: dict[str, float] = {}  # typed into a chart, kept while its lesson is re-shown
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.place)
        panel.verticalScrollBar().valueChanged.connect(self.schedule)
        panel.horizontalScrollBar().valueChanged.connect(self.schedule)
        panel.viewport().installEventFilter(self)
        panel.installEventFilter(self)  # Tab between links moves the selection without a signal

    def show(self, charts: list) -> None:
        """A new lesson: forget the old chart widgets; new ones are built as they come into view. The
        same charts shown again (a new theme or text size rebuilds them) keep a patient's value typed in."""
        same = [chart.id for chart in charts] == list(self.charts)
        kept = self.patient_values if same else {}
        for chart_id, widget in self.widgets.items():
            box = widget.value_box
            if same and box is not None and box.value() > box.minimum():
                kept[chart_id] = box.value()
            widget.hide()
            widget.deleteLater()
        self.patient_values = kept
        self.widgets.clear()
        self.heights.clear()
        self.charts = {chart.id: chart for chart in charts}
        self.schedule()

    def follow(self, document) -> None:
        """The panel shows a new document: place the charts again whenever its layout changes size."""
        document.documentLayout().documentSizeChanged.connect(self.schedule)
        self.schedule()

    def schedule(self, *_args) -> None:
        if self.charts:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.panel:
            if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                    and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
                QTimer.singleShot(0, self._link_highlighted)
            return False
        if event.type() == QEvent.Type.Resize and self.charts:
            self._resize_placeholders()
            self.schedule()
        return False

    # ----- the placeholder in the text -----------------------------------------------------------------
    def width(self) -> int:
        """As wide as the text (within limits); wider than the text at large text sizes, where a narrower
        chart could not hold its numbers (the lesson then scrolls sideways)."""
        from viewer.qt.app.text_size import current_scale  # not chart_widget: no pyqtgraph before a chart shows

        margin = int(self.panel.document().documentMargin())
        least = max(MIN_WIDTH, round(MIN_WIDTH * current_scale() * 0.52))
        return max(least, min(MAX_WIDTH, self.panel.viewport().width() - 2 * margin - 4))

    def height(self, chart_id: str) -> int:
        chart = self.charts.get(chart_id)
        if chart_id in self.heights:
            return self.heights[chart_id]
        caveats = len(chart.caveat_lines()) if chart else 0
        return ESTIMATED_HEIGHT.get(chart.type if chart else "", 500) + CAVEAT_HEIGHT * caveats

    def placeholder(self, chart_id: str) -> QImage | None:
        chart = self.charts.get(chart_id)
        if chart is None:
            return None
        image = QImage(self.width(), self.height(chart_id), QImage.Format.Format_ARGB32_Premultiplied)
        palette = self.panel.palette()  # the theme's colours, so a dark lesson shows no pale flash
        image.fill(palette.color(QPalette.ColorRole.AlternateBase))
        painter = QPainter(image)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        font = QFont()  # the application's, at the user's text size
        font.setPointSizeF(font.pointSizeF() * 1.1)
        painter.setFont(font)
        painter.drawText(image.rect().adjusted(16, 16, -16, -16), 0, f"Chart: {chart.title}")
        painter.end()
        return image

    def _image_positions(self) -> list[tuple[str, int, QTextImageFormat]]:
        found = []
        block = self.panel.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                char_format = fragment.charFormat()
                if char_format.isImageFormat():
                    image = char_format.toImageFormat()
                    if image.name().startswith(SCHEME + ":"):
                        found.append((image.name()[len(SCHEME) + 1:], fragment.position(), image))
                iterator += 1
            block = block.next()
        return found

    def _set_size(self, position: int, image: QTextImageFormat, width: int, height: int) -> None:
        """Size the placeholder; it is also made a link, so Tab reaches the chart (Enter enters it)."""
        href = image.name()
        if abs(image.width() - width) < 2 and abs(image.height() - height) < 2 and image.anchorHref() == href:
            return
        image.setWidth(width)
        image.setHeight(height)
        image.setAnchor(True)
        image.setAnchorHref(href)
        document = self.panel.document()
        # the whole text laid out first: a change while the view still lays it out in steps ends
        # those steps early, and the text after the change would never be drawn
        document.documentLayout().documentSize()
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image)

    def _resize_placeholders(self) -> None:
        width = self.width()
        for chart_id, position, image in self._image_positions():
            widget = self.widgets.get(chart_id)
            if widget is not None:
                self.heights[chart_id] = widget.heightForWidth(width)
            self._set_size(position, image, width, self.height(chart_id))

    # ----- the live chart over it ----------------------------------------------------------------------
    def place(self) -> None:
        viewport = self.panel.viewport().rect()
        for chart_id, position, image in self._image_positions():
            chart = self.charts.get(chart_id)
            if chart is None:
                continue
            cursor = QTextCursor(self.panel.document())
            cursor.setPosition(position)
            top_left = self.panel.cursorRect(cursor).topLeft()
            rect = QRect(top_left.x(), top_left.y(), int(image.width() or self.width()),
                         int(image.height() or self.height(chart_id)))
            widget = self.widgets.get(chart_id)
            if image.anchorHref() != image.name():
                self._set_size(position, image, rect.width(), rect.height())
            if widget is None:
                if not rect.intersects(viewport):
                    continue  # not shown yet: pyqtgraph waits
                widget = self._build(chart, position, image)
                if widget is None:
                    continue
            widget.setGeometry(rect)
            widget.setVisible(rect.intersects(viewport))

    def _build(self, chart, position: int, image: QTextImageFormat):
        from viewer.qt.evidence.chart_widget import ChartWidget  # the first chart shown imports pyqtgraph

        widget = ChartWidget(chart, self.panel.viewport())
        self.widgets[chart.id] = widget
        if chart.id in self.patient_values and widget.value_box is not None:
            widget.value_box.setValue(self.patient_values[chart.id])
        widget.heightChanged.connect(self._refit)
        width = self.width()
        self.heights[chart.id] = widget.heightForWidth(width)
        self._set_size(position, image, width, self.heights[chart.id])
        widget.show()
        self.schedule()  # the text moved if the height changed
        return widget

    def focus(self, chart_id: str) -> bool:
        """Scroll the chart into view and give it the keyboard (Escape gives it back)."""
        for found, position, _image in self._image_positions():
            if found == chart_id:
                cursor = QTextCursor(self.panel.document())
                cursor.setPosition(position)
                bar = self.panel.verticalScrollBar()
                bar.setValue(bar.value() + self.panel.cursorRect(cursor).top() - 8)
                self.place()
                widget = self.widgets.get(chart_id)
                if widget is not None:
                    widget.plot.setFocus()
                    return True
        return False

    def _link_highlighted(self) -> None:
        """Tab reached a chart's link (the text selects it): mark the chart and say how to enter it."""
        selection = self.panel.textCursor()
        probe = QTextCursor(self.panel.document())
        probe.setPosition(min(selection.selectionStart() + 1, self.panel.document().characterCount() - 1))
        href = probe.charFormat().anchorHref() if selection.hasSelection() else ""
        target = href[len(SCHEME) + 1:] if href.startswith(SCHEME + ":") else ""
        for chart_id, widget in self.widgets.items():
            widget.set_link_focus(chart_id == target)

    def _refit(self) -> None:
        self._resize_placeholders()
        self.schedule()

    def widget(self, chart_id: str):
        return self.widgets.get(chart_id)
