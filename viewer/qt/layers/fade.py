"""The peeling fade as a cross-dissolve of two pictures of the diagram, one per whole depth.

Drawn item by item, a fade frame blends the deep art, its labels and each superficial layer's
picture with an opacity: several full-screen blends, 50 ms a frame at 4K. Between two whole
depths the picture only changes in how much of each shows, so while the depth moves the diagram
is drawn as two device-pixel pictures of the view (at the depths either side), one copied and
the other laid over it with the fade's opacity, and every item beneath is hidden. When the depth
stops (a whole layer reached, or the slider left between two) or the view zooms, pans or resizes,
the items come back as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QBrush, QImage, QPainter, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsItem

FADE_Z = 24.9        # above the art, highlights and labels; under drawings (25) and name tags (29, 30)
SETTLE_MS = 150      # the depth still this long: items again (hover highlights, a changed selection)
OPAQUE = QImage.Format.Format_RGB32  # the view's pictures include the canvas: copied, not blended


class FadeItem(QGraphicsItem):
    """Draws picture ``low`` then picture ``high`` over it at ``opacity``, both at device pixels."""

    def __init__(self):
        super().__init__()
        self.pictures: dict[int, QImage] = {}
        self.pair: tuple[int, int] = (0, 0)
        self.amount = 0.0  # how much of pair[1] shows
        self.rect = QRectF()  # the scene area the pictures show
        self.key: tuple = ()
        self.canvas = None  # the scene's background brush, drawn here around the pictures
        self.setZValue(FADE_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        low, high = (self.pictures.get(k) for k in self.pair)
        if low is None:
            return
        transform = painter.worldTransform()
        origin = transform.map(self.rect.topLeft())
        painter.save()
        if self.canvas is not None:  # the scene draws no background while the fade is shown: around the picture
            outside = QRegion(transform.mapRect(option.exposedRect).toAlignedRect())
            outside -= QRegion(transform.mapRect(self.rect).toAlignedRect())
            painter.setTransform(QTransform())
            for rect in outside:  # type: ignore[attr-defined]  # iterable at run time, not in the stubs
                painter.fillRect(rect, self.canvas)
        painter.setTransform(QTransform())
        at = QPointF(round(origin.x()), round(origin.y()))
        painter.drawImage(at, low)  # opaque: Qt copies it (faster than CompositionMode_Source, oddly)
        if high is not None and self.amount > 0:
            painter.setOpacity(self.amount)
            painter.drawImage(at, high)
        painter.restore()


def view_key(view) -> tuple:
    """What the pictures depend on in the view: its transform and size."""
    t = view.viewportTransform()
    return t.m11(), t.m22(), t.dx(), t.dy(), view.viewport().width(), view.viewport().height()


class Fade:
    """Enters and leaves the cross-dissolve for a LayerControl (see the module docstring)."""

    def __init__(self, control):
        self.control = control
        self.scene = control.window.scene
        self.view = control.window.view
        self.item: FadeItem | None = None
        self._hidden: list = []
        self._timer = QTimer(control)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._settled)

    @property
    def active(self) -> bool:
        return bool(self._hidden) or (self.item is not None and self.item.isVisible())

    def show(self, position: float) -> bool:
        """Draw the diagram at fractional ``position`` as a dissolve; False if it cannot (no view shown)."""
        view = self.view
        if not view.isVisible() or view.viewport().width() <= 0:
            return False
        item = self.item
        if item is None:
            item = self.item = FadeItem()
            item.setVisible(False)
            self.scene.addItem(item)
        key = view_key(view)
        if item.key != key:
            self.leave()
            item.pictures.clear()
            item.key = key
            shown = view.mapToScene(view.viewport().rect()).boundingRect()
            item.rect = self._pixel_aligned(shown.intersected(self.scene.diagram_rect))
        low = int(position)
        pair = (low, low + 1)
        for depth in pair:
            if depth not in item.pictures:
                item.pictures[depth] = self._picture(depth, item.rect)
        item.pair, item.amount = pair, position - low
        if not self._hidden:
            self._hide_items()
            item.canvas = self.scene.backgroundBrush()
            self.scene.setBackgroundBrush(QBrush())  # drawn by the item, only where the picture is not
        item.setVisible(True)
        item.update()
        self._timer.start()
        return True

    def leave(self) -> None:
        """Back to drawing the items (at whatever depth the control shows). The pictures are kept until
        the depth has been still a moment: an animation passing a whole depth goes on with them."""
        if self.item is not None and self.item.isVisible():
            self.item.setVisible(False)
        hidden, self._hidden = self._hidden, []
        if self.item is not None and self.item.canvas is not None:
            self.scene.setBackgroundBrush(self.item.canvas)
            self.item.canvas = None
        for item in hidden:
            if item.scene() is self.scene and not item.isVisible():
                item.setVisible(True)
        if hidden:
            self.control.apply_items()  # the layers as the depth now is

    def _settled(self) -> None:
        self.forget()

    def forget(self) -> None:
        """Leave, and make the pictures again next time (the selection, variant or theme may change)."""
        self._timer.stop()
        self.leave()
        if self.item is not None:
            self.item.pictures.clear()
            self.item.key = ()

    # ----- pictures ----------------------------------------------------------------------------------
    def _items_under(self) -> list:
        return [i for i in self.scene.items() if i is not self.item and i.parentItem() is None
                and i.zValue() < FADE_Z and i.isVisible()]

    def _pixel_aligned(self, rect: QRectF) -> QRectF:
        """``rect`` grown to whole device pixels, so the picture is a plain copy."""
        transform = self.view.viewportTransform()
        device = transform.mapRect(rect).toAlignedRect()
        return transform.inverted()[0].mapRect(QRectF(device))

    def _hide_items(self) -> None:
        self._hidden = self._items_under()
        for item in self._hidden:
            item.setVisible(False)

    def _picture(self, depth: int, rect: QRectF) -> QImage:
        """The view as it looks at whole ``depth``, without what is drawn above the fade (drawings, tags)."""
        control, scene = self.control, self.scene
        was_hidden, self._hidden = self._hidden, []
        for item in was_hidden:
            item.setVisible(True)
        above = [i for i in scene.items() if i.parentItem() is None and i.zValue() >= FADE_Z and i.isVisible()]
        for item in above:
            item.setVisible(False)
        kept = control.depth.position
        control.depth.position = float(depth)
        control.apply_items()
        area = self.view.viewportTransform().mapRect(rect).toAlignedRect()
        picture = self.view.viewport().grab(area).toImage().convertToFormat(OPAQUE)
        control.depth.position = kept
        control.apply_items()
        for item in above:
            item.setVisible(True)
        for item in was_hidden:
            item.setVisible(False)
        self._hidden = was_hidden
        return picture
