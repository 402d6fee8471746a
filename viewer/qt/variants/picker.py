"""The compact variant picker: six small pictures, one per type, and a link to the lesson."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
)

from viewer.qt.app.enum_free import transparent_image

CROP = QRectF(470, 230, 700, 330)  # diagram units: piriformis, the notch and the top of the nerve
THUMB = QSize(176, 83)


def thumbnail(renderer, part_ids: list[str], substitutes: dict[str, str], size: QSize = THUMB) -> QImage:
    """The piriformis area of the art with ``substitutes`` drawn in, small."""
    image = transparent_image(size.width(), size.height(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = min(size.width() / CROP.width(), size.height() / CROP.height())
    painter.scale(scale, scale)
    painter.translate(-CROP.left(), -CROP.top())
    painter.setClipRect(CROP)
    for part in part_ids:
        element = substitutes.get(part, part)
        bounds = renderer.boundsOnElement(element)
        if bounds.intersects(CROP):
            renderer.render(painter, element, bounds)
    painter.end()
    return image


class VariantPicker(QFrame):
    chosen = Signal(str)        # a variant id
    lessonWanted = Signal()

    def __init__(self, variants, pictures: dict[str, QImage], current: str, parent=None):
        super().__init__(parent)
        self.setObjectName("variant-picker")
        self.setAccessibleName("Nerve and piriformis variants")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        grid = QGridLayout(self)
        title = QLabel("How the sciatic nerve passes piriformis (Beaton & Anson types)")
        title.setWordWrap(True)
        grid.addWidget(title, 0, 0, 1, 3)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QToolButton] = {}
        for n, variant in enumerate(variants):
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(QIcon(QPixmap.fromImage(pictures[variant.id])))
            button.setIconSize(THUMB)
            button.setText(f"{variant.name}\n{variant.short}" if variant.short else variant.name)
            button.setProperty("toolButtonStyle", "ToolButtonTextUnderIcon")
            button.setMaximumWidth(THUMB.width() + 40)
            button.setAccessibleName(f"{variant.name}: {variant.description}")
            button.setToolTip(variant.description)
            button.setChecked(variant.id == current)
            button.clicked.connect(lambda _c=False, i=variant.id: self.chosen.emit(i))
            self.group.addButton(button)
            self.buttons[variant.id] = button
            grid.addWidget(button, 1 + n // 3, n % 3)
        self.lesson_button = QPushButton("What the types mean, and how common they are…")
        self.lesson_button.clicked.connect(self.lessonWanted.emit)
        grid.addWidget(self.lesson_button, 3, 0, 1, 3)

    def keyPressEvent(self, event) -> None:
        if event.key() == 0x01000000:  # Escape (by value: no Qt namespace enums needed here)
            self.hide()
            parent = self.parentWidget()
            if parent is not None:
                parent.setFocus()
            return
        super().keyPressEvent(event)
