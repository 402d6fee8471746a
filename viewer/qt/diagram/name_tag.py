"""The hovered or focused structure's name on the diagram, at constant screen size."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from viewer.qt.diagram.scene import TAG_Z
from viewer.qt.app.theme import THEME


class NameTag(QGraphicsRectItem):
    """The hovered or focused structure's name, at constant screen size."""

    def __init__(self):
        super().__init__()
        self.text = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.text.setFont(font)
        self.use_theme()
        self.setPen(QtCore.Qt.PenStyle.NoPen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(TAG_Z)
        self.hide()

    def use_theme(self) -> None:
        self.text.setBrush(QColor(THEME.tag_text))
        self.setBrush(QColor(THEME.tag_background))

    def show_at(self, name: str, scene_pos: QPointF) -> None:
        self.text.setText(name)
        rect = self.text.boundingRect()
        self.text.setPos(8, 4)
        self.setRect(QRectF(0, 0, rect.width() + 16, rect.height() + 8))
        self.setPos(scene_pos)
        self.show()
