"""The posterior view's femur swinging with adduction/abduction: the femur's outline, turned about
the femoral head, drawn over the diagram (dashed, over a halo) while the hip-in-motion view is open.

The diagram's own femur stays where it is drawn (neutral); the outline shows where the pose puts it,
so the swing is seen against the still picture. Schematic: the head centre is estimated from the
art (it is hidden under the capsule in a posterior view).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from viewer.qt.app.theme import THEME
from viewer.qt.diagram.region_item import painter_path

FEMUR_ELEMENT = "femur"
CAPSULE_ELEMENT = "hip-capsule"
SWING_Z = 15  # above the art and the region highlights, below the labels
MIN_SWING_DEG = 0.5


def head_centre(diagram) -> QPointF | None:
    """The femoral head's centre in a posterior view: the medial half of the hip capsule, level with its middle."""
    capsule = diagram.shape_of(CAPSULE_ELEMENT)
    if capsule is None:
        return None
    box = capsule.bbox
    return QPointF(box.left + (box.right - box.left) * 0.3, box.top + (box.bottom - box.top) * 0.45)


class FemurSwing(QGraphicsPathItem):
    def __init__(self, diagram):
        shape = diagram.shape_of(FEMUR_ELEMENT)
        super().__init__(painter_path(shape) if shape is not None else None)
        self.pivot = head_centre(diagram) or QPointF()
        self.available = shape is not None and not self.pivot.isNull()
        self.setZValue(SWING_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.angle = 0.0
        self.hide()

    def swing_to(self, adduction_deg: float, shown: bool) -> None:
        """Turn the outline by the adduction angle (medial is the viewer's left in this view)."""
        self.angle = adduction_deg
        self.setTransform(QTransform().translate(self.pivot.x(), self.pivot.y()).rotate(adduction_deg)
                          .translate(-self.pivot.x(), -self.pivot.y()))
        self.setVisible(self.available and shown and abs(adduction_deg) >= MIN_SWING_DEG)

    def paint(self, painter, option, widget=None):
        painter.setBrush(Qt.BrushStyle.NoBrush)
        halo = QPen(QColor(THEME.halo), THEME.selected_width + 3)
        halo.setCosmetic(True)
        painter.setPen(halo)
        painter.drawPath(self.path())
        pen = QPen(QColor(THEME.outline), THEME.selected_width, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawPath(self.path())
