"""The interactive diagram: hover, click, keyboard focus, zoom and pan.

Picking uses the model's hit-test (the same code --regions and the tests
use), so what is clickable is exactly the drawn shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QPointF, QRectF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView, QPinchGesture, QWidget

from viewer.qt.diagram.overlays import FootControls
from viewer.qt.diagram.scene import DiagramScene
from viewer.qt.app.enum_free import solid_brush
from viewer.qt.app.key_sequences import pressed
from viewer.qt.app.theme import THEME

if TYPE_CHECKING:
    from viewer.qt.diagram.callout import FocusPointer
    from viewer.qt.diagram.drawing_tool import DrawingTool
    from viewer.qt.diagram.name_tag import NameTag

MIN_SCALE_OF_FIT, MAX_SCALE_OF_FIT = 0.5, 12.0
ZOOM_STEP = 1.25
DRAG_THRESHOLD = 6  # pixels the mouse must move before a press becomes a pan
PAN_STEP = 60


class DiagramView(QGraphicsView):
    regionActivated = Signal(str)      # click or Enter on a region
    cleared = Signal()                 # click on empty space or Esc
    emptyClickedAt = Signal(float, float)  # a click on no region, in scene units (just before cleared)
    hoverChanged = Signal(str)         # region id under the pointer or focus, "" for none
    zoomChanged = Signal(float)
    selectionChanged = Signal(str)     # the selected region, "" for none
    structureFocused = Signal(str)     # keyboard focus moved to a region ("" for none): screen readers
    reachableChanged = Signal()        # the depth changed what can be clicked and walked (region_ids())

    def __init__(self, scene: DiagramScene, parent=None):
        super().__init__(scene, parent)
        # a viewport made here is known to Python already: asking for it later needs no type lookup,
        # which would create the enums of every widget class (about 15 ms) before the first frame
        self.setViewport(QWidget())
        self.diagram = scene
        self.setObjectName("diagram")
        self.setAccessibleName("Diagram of the deep gluteal space")
        self.setAccessibleDescription("Right hip seen from behind. Tab moves between structures, Enter opens one.")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Qt's own enums by name: naming one as QtCore.Qt.X builds the whole Qt namespace (over 90 enum
        # classes, about 27 ms), which nothing needs before the first frame (tests/test_project.py)
        self.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.setProperty("verticalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setProperty("focusPolicy", "StrongFocus")
        self.setMouseTracking(True)
        self._tag: NameTag | None = None
        self.fitted = True
        self.selected_id: str | None = None
        self.focused_id: str | None = None
        self.hovered_id: str | None = None
        self._press_pos = None
        self._dragging = False
        self.pen_tool: DrawingTool | None = None  # set by the chairside tools; when active, a drag draws instead of panning
        self._layers = None  # what the depth control lets the pointer and keyboard reach (viewer/qt/layers)
        self.focus_cue = "callout"  # or "pointer" (see set_focus_cue)
        self._pointer: FocusPointer | None = None
        self.foot = FootControls(self)  # the controls at its foot, which a fitted diagram stays above

    @property
    def tag(self) -> NameTag:
        """The name tag, made when first shown."""
        if self._tag is None:
            from viewer.qt.diagram.name_tag import NameTag  # the first hover or focus: not needed for the first frame

            self._tag = NameTag()
            self.diagram.addItem(self._tag)
        return self._tag

    @property
    def made_tag(self) -> NameTag | None:
        """The name tag if it has been made, else None."""
        return self._tag

    def use_theme(self) -> None:
        """Take the current theme's canvas and name-tag colours."""
        self.diagram.setBackgroundBrush(solid_brush(THEME.canvas))
        if self._tag is not None:
            self._tag.use_theme()

    def enable_gestures(self) -> None:
        """Pinch to zoom; called once the first frame is on screen."""
        self.viewport().grabGesture(QtCore.Qt.GestureType.PinchGesture)

    # ----- regions -------------------------------------------------------------------------------------
    def use_layers(self, layers) -> None:
        """Pick through ``layers`` (an object with pick(x, y), reachable(regions) and point(region)):
        only what is visible at the current depth is hovered, clicked and walked with Tab."""
        self._layers = layers

    def region_ids(self) -> list[str]:
        """Regions in keyboard (anatomical) order."""
        regions = [r for r in self.diagram.content.regions if r.id in self.diagram.region_items]
        if self._layers is not None:
            regions = self._layers.reachable(regions)
        return [r.id for r in regions]

    def reachable_changed(self) -> None:
        self.reachableChanged.emit()

    def region_scene_box(self, region_id: str):
        """The scene rectangle of what shows of a region at this depth (a screen reader's "where"), or None."""
        item = self.diagram.region_items.get(region_id)
        if item is None:
            return None
        if self._layers is None:
            return item.sceneBoundingRect()
        box = self._layers.box(self.diagram.content.region(region_id))
        return QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1]) if box else None

    def region_at(self, view_pos) -> str | None:
        if not self.diagram.region_items:
            return None
        scene_pos = self.mapToScene(view_pos)
        if self._layers is not None:
            region = self._layers.pick(scene_pos.x(), scene_pos.y())
        else:
            region = self.diagram.content.index().region_at(scene_pos.x(), scene_pos.y())
        return region.id if region else None

    def select_region(self, region_id: str | None) -> None:
        """Show ``region_id`` as selected (no signal: the caller already knows). Clearing the selection
        (Esc, New patient, a lesson of no structure) clears the keyboard focus and its callout too."""
        if region_id is None and self.focused_id is not None:
            self.set_focused_region(None)
        self.selected_id = region_id
        for rid, item in self.diagram.region_items.items():
            item.set_state(selected=(rid == region_id))
        self.selectionChanged.emit(region_id or "")

    def _set_hover(self, region_id: str | None, pos: QPointF | None = None) -> None:
        if region_id != self.hovered_id:
            if self.hovered_id in self.diagram.region_items:
                self.diagram.region_items[self.hovered_id].set_state(hovered=False)
            self.hovered_id = region_id
            if region_id:
                self.diagram.region_items[region_id].set_state(hovered=True)
            self.hoverChanged.emit(region_id or self.focused_id or "")
        if region_id and pos is not None:
            self.tag.show_at(self.diagram.region_items[region_id].name, self.mapToScene(pos.toPoint()) +
                             QPointF(14 / self._scale(), 14 / self._scale()))
        elif not region_id:
            self._show_focus_tag()
        self.viewport().setCursor(QtCore.Qt.CursorShape.PointingHandCursor if region_id else QtCore.Qt.CursorShape.ArrowCursor)

    def set_focus_cue(self, cue: str) -> None:
        """"callout": the focused structure gets a dashed outline and its name; "pointer": only a
        cursor-like ring (Find-it: an outline or a name there would read as the answer)."""
        focused = self.focused_id
        self.set_focused_region(None)
        self.focus_cue = cue
        if focused and self.hasFocus():
            self.set_focused_region(focused)

    def set_focused_region(self, region_id: str | None) -> None:
        if self.focused_id in self.diagram.region_items:
            self.diagram.region_items[self.focused_id].set_state(focused=False)
        self.focused_id = region_id
        if self._pointer is not None:
            self._pointer.hide()
        if region_id:
            item = self.diagram.region_items[region_id]
            item.set_state(focused=self.focus_cue == "callout")
            region = self.diagram.content.region(region_id)
            if region is not None:
                self.setAccessibleDescription(f"{region.name}. {region.description}")
            self.ensureVisible(item, 40, 40)
        self._show_focus_tag()
        self.hoverChanged.emit(self.hovered_id or region_id or "")
        self.structureFocused.emit(region_id or "")

    def _show_focus_tag(self) -> None:
        region = self.diagram.content.region(self.focused_id) if self.focused_id else None
        point = None
        if region is not None:
            point = (self._layers.point(region) if self._layers is not None
                     else self.diagram.content.index().interior_point(region))
        if point and self.focus_cue == "pointer":
            self._focus_pointer().setPos(QPointF(*point))
            self._focus_pointer().show()
        elif point and region is not None and not self.hovered_id:
            from viewer.qt.diagram.callout import clear_spot

            tag = self.tag
            tag.show_at(region.name, QPointF(*point))
            tag.setPos(clear_spot(self, QPointF(*point), tag.rect().width(), tag.rect().height(),
                                  self._visible_label_rects()))
            return
        if not self.hovered_id and self._tag is not None:
            self._tag.hide()

    def _focus_pointer(self) -> FocusPointer:
        if self._pointer is None:
            from viewer.qt.diagram.callout import FocusPointer

            self._pointer = pointer = FocusPointer()
            self.diagram.addItem(pointer)
        return self._pointer

    def _visible_label_rects(self) -> list:
        """The words of the labels shown now, in scene units (what a callout must not cover)."""
        rects = self.diagram.label_word_rects()  # grown with the text size
        items = self.diagram.label_items
        return [rect for label_id, rect in rects.items()
                if label_id in items and items[label_id].isVisible()]

    # ----- keyboard ------------------------------------------------------------------------------------
    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the regions top to bottom; past the last one, focus leaves the diagram."""
        ids = self.region_ids()
        if self.hasFocus() and ids:
            if self.focused_id in ids:
                position = ids.index(self.focused_id) + (1 if forward else -1)
            else:
                position = 0 if forward else len(ids) - 1
            if 0 <= position < len(ids):
                self.set_focused_region(ids[position])
                return True
            self.set_focused_region(None)
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        ids = self.region_ids()
        if ids and self.focused_id is None and event.reason() in (QtCore.Qt.FocusReason.TabFocusReason,
                                                                    QtCore.Qt.FocusReason.BacktabFocusReason):
            self.set_focused_region(ids[0] if event.reason() == QtCore.Qt.FocusReason.TabFocusReason else ids[-1])

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.focused_id is not None and event.reason() != QtCore.Qt.FocusReason.PopupFocusReason:
            self.set_focused_region(None)

    def keyPressEvent(self, event) -> None:
        key = event.key()  # the keys are the shortcut table's (viewer/qt/app/shortcuts.py)
        if pressed(event, "diagram.open") and self.focused_id:
            self.regionActivated.emit(self.focused_id)
        elif pressed(event, "diagram.clear"):
            self.clear()
        elif pressed(event, "diagram.pan"):
            dx = {QtCore.Qt.Key.Key_Left: -PAN_STEP, QtCore.Qt.Key.Key_Right: PAN_STEP}.get(key, 0)
            dy = {QtCore.Qt.Key.Key_Up: -PAN_STEP, QtCore.Qt.Key.Key_Down: PAN_STEP}.get(key, 0)
            self.pan_by(dx, dy)
        else:
            super().keyPressEvent(event)

    def clear(self) -> None:
        self.set_focused_region(None)
        self.cleared.emit()

    # ----- mouse ---------------------------------------------------------------------------------------
    def _drawing(self) -> DrawingTool | None:
        """The pen, when a drag draws instead of panning."""
        return self.pen_tool if self.pen_tool is not None and self.pen_tool.active else None

    def mousePressEvent(self, event) -> None:
        pen = self._drawing()
        if event.button() == QtCore.Qt.MouseButton.LeftButton and pen is not None:
            pen.press(self.mapToScene(event.position().toPoint()))
            event.accept()
        elif event.button() == QtCore.Qt.MouseButton.LeftButton:
            self._press_pos = event.position()
            self._dragging = False
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos, pen = event.position(), self._drawing()
        if pen is not None and event.buttons() & QtCore.Qt.MouseButton.LeftButton:
            pen.move(self.mapToScene(pos.toPoint()))
            return
        if self._press_pos is not None and event.buttons() & QtCore.Qt.MouseButton.LeftButton:
            delta = pos - self._press_pos
            if self._dragging or delta.manhattanLength() > DRAG_THRESHOLD:
                self._dragging = True
                self.viewport().setCursor(QtCore.Qt.CursorShape.ClosedHandCursor)
                self.pan_by(-delta.x(), -delta.y())
                self._press_pos = pos
            return
        self._set_hover(self.region_at(pos.toPoint()), pos)

    def mouseReleaseEvent(self, event) -> None:
        pen = self._drawing()
        if event.button() == QtCore.Qt.MouseButton.LeftButton and pen is not None:
            pen.release(self.mapToScene(event.position().toPoint()))
            return
        if event.button() != QtCore.Qt.MouseButton.LeftButton or self._press_pos is None:
            return super().mouseReleaseEvent(event)
        was_drag = self._dragging
        self._press_pos, self._dragging = None, False
        if was_drag:
            self._set_hover(self.region_at(event.position().toPoint()), event.position())
            return
        region_id = self.region_at(event.position().toPoint())
        if region_id:
            self.regionActivated.emit(region_id)
        else:
            where = self.mapToScene(event.position().toPoint())
            self.emptyClickedAt.emit(where.x(), where.y())
            self.clear()

    def leaveEvent(self, event) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    # ----- zoom and pan --------------------------------------------------------------------------------
    def _scale(self) -> float:
        return self.transform().m11()

    def _fit_scale(self) -> float:
        rect = self.diagram.diagram_rect
        view = self.viewport().rect()
        height = view.height() - self.foot.band()
        if rect.isEmpty() or view.isEmpty() or height <= 0:
            return 1.0
        return min(view.width() / rect.width(), height / rect.height())

    def fit(self) -> None:
        self.fitted = True
        self.foot.fitted_band = band = self.foot.band()
        scale = self._fit_scale()
        self.resetTransform()
        self.scale(scale, scale)
        self._update_scene_rect()
        self.centerOn(self.diagram.diagram_rect.center() + QPointF(0, band / 2 / scale))
        self.zoomChanged.emit(1.0)

    def zoom_by(self, factor: float, anchor=None) -> None:
        """Zoom keeping the scene point under ``anchor`` (view coordinates) fixed."""
        fit = self._fit_scale()
        target = max(fit * MIN_SCALE_OF_FIT, min(fit * MAX_SCALE_OF_FIT, self._scale() * factor))
        factor = target / self._scale()
        if abs(factor - 1) < 1e-6:
            return
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        before = self.mapToScene(anchor)
        self.scale(factor, factor)
        self._update_scene_rect()
        after = self.mapToScene(anchor)
        self.translate_scene(after - before)
        self.fitted = False
        self.zoomChanged.emit(target / fit)

    def translate_scene(self, delta: QPointF) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x() * self._scale()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y() * self._scale()))

    def pan_by(self, dx: float, dy: float) -> None:
        """Pan by view pixels."""
        self.diagram.view_moved()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + round(dx))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + round(dy))

    def _update_scene_rect(self) -> None:
        """Let the diagram be panned until its edge reaches the middle of the view."""
        rect = self.diagram.diagram_rect
        margin_x = self.viewport().width() / 2 / self._scale()
        margin_y = self.viewport().height() / 2 / self._scale()
        self.setSceneRect(rect.adjusted(-margin_x, -margin_y, margin_x, margin_y))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()
        else:
            self._update_scene_rect()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, event.position().toPoint())
        event.accept()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(QtCore.Qt.GestureType.PinchGesture)
            if pinch is not None and pinch.changeFlags() & QPinchGesture.ChangeFlag.ScaleFactorChanged:
                self.zoom_by(pinch.scaleFactor(), self.viewport().mapFromGlobal(pinch.centerPoint().toPoint()))
            return True
        if event.type() == QEvent.Type.NativeGesture and event.gestureType() == QtCore.Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1 + event.value(), event.position().toPoint())
            return True
        return super().viewportEvent(event)
