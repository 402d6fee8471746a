"""Boxes over the diagram's label text for the label quiz (image occlusion).

Each covered label keeps its leader line, which still points at the structure; only the words are
hidden. The label being asked gets a thick outline and a "?" so it is found without colour; the
others are plain grey boxes. A label's box goes only when that label has been answered.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from viewer.qt.app.theme import COLOURS
from viewer.qt.diagram.label_boxes import text_rect

COVER_Z = 25          # above the labels (20), under the quiz's answer tags (29)
ASKED = (COLOURS.asked, COLOURS.label_asked_fill, 3.5)     # outline, fill, outline width (pixels, at any zoom)
OTHER = (COLOURS.label_other, COLOURS.label_other_fill, 1.0)


class LabelCover(QGraphicsRectItem):
    def __init__(self, label_id: str, rect: QRectF):
        super().__init__(rect)
        self.label_id = label_id
        self.asked = False
        self.setZValue(COVER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.set_asked(False)

    def set_asked(self, asked: bool) -> None:
        self.asked = asked
        outline, fill, width = ASKED if asked else OTHER
        pen = QPen(QColor(outline), width)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(QColor(fill))
        self.update()

    def paint(self, painter, option, widget=None) -> None:
        super().paint(painter, option, widget)
        if self.asked:
            font = QFont()
            font.setPixelSize(max(10, round(self.rect().height() * 0.7)))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(ASKED[0]))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "?")


class LabelCovers:
    """The boxes of one quiz, one per label, kept until the quiz ends."""

    def __init__(self, scene):
        self.scene = scene
        self.items: dict[str, LabelCover] = {}

    def show(self, labels, covered: set[str], asked: str | None) -> None:
        for label in labels:
            item = self.items.get(label.id)
            if label.id not in covered:
                if item is not None:
                    item.hide()
                continue
            rect = self.scene.label_word_rects().get(label.id) or text_rect(label)  # grown with the text size
            if item is None:
                item = self.items[label.id] = LabelCover(label.id, rect)
                self.scene.addItem(item)
            item.setRect(rect)
            item.set_asked(label.id == asked)
            item.show()

    def visible_ids(self) -> set[str]:
        return {label_id for label_id, item in self.items.items() if item.isVisible()}

    def asked_id(self) -> str | None:
        return next((i for i, item in self.items.items() if item.isVisible() and item.asked), None)

    def clear(self) -> None:
        for item in self.items.values():
            self.scene.removeItem(item)
        self.items.clear()
