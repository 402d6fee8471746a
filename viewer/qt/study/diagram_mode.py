"""The diagram while a quiz runs: clicks answer instead of opening lessons, names stay hidden,
and answers are marked on the structures themselves.

Marks never rely on colour alone: right is a solid outline with a tick and the name, wrong a
dashed, hatched outline with a cross, the structure being asked a thick outline with a "?".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from viewer.qt.app.theme import COLOURS

MARK_Z = 15        # above the region overlays, under the labels so a revealed label stays readable
MARK_TAG_Z = 29    # under the hover name tag (30), which the handout leaves out
STYLES = {  # outline, fill, fill alpha, outline style, fill pattern
    "right": (COLOURS.right, COLOURS.right_fill, COLOURS.right_alpha, Qt.PenStyle.SolidLine,
              Qt.BrushStyle.SolidPattern),
    "wrong": (COLOURS.wrong, COLOURS.wrong_fill, COLOURS.wrong_alpha, Qt.PenStyle.DashLine,
              Qt.BrushStyle.BDiagPattern),
    "asked": (COLOURS.asked, COLOURS.asked_fill, COLOURS.asked_alpha, Qt.PenStyle.SolidLine,
              Qt.BrushStyle.SolidPattern),
}
OUTLINE_WIDTH = 4.0


class MarkTag(QGraphicsRectItem):
    """A short text on a mark ("✓ Piriformis"), the same size at any zoom."""

    def __init__(self, text: str, colour: str, parent: QGraphicsItem):
        super().__init__(parent)
        self.text = QGraphicsSimpleTextItem(text, self)
        font = QFont()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.text.setFont(font)
        self.text.setBrush(QColor(COLOURS.mark_text))
        rect = self.text.boundingRect()
        # beside the anchor (to its right, centred on it), so the tag never hides the structure it names
        self.text.setPos(8, -rect.height() / 2)
        self.setRect(QRectF(0, -rect.height() / 2 - 4, rect.width() + 16, rect.height() + 8))
        self.setBrush(QColor(colour))
        self.setPen(QPen(QColor(COLOURS.mark_text), 1.5))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(MARK_TAG_Z)

    def extend_left(self) -> None:
        """Put the tag on the left of its anchor instead of the right."""
        rect = self.rect()
        self.setRect(QRectF(-rect.width(), rect.top(), rect.width(), rect.height()))
        self.text.setPos(-rect.width() + 8, self.text.pos().y())


class QuizMark(QGraphicsPathItem):
    def __init__(self, region_id: str, style: str, path, tag_text: str, tag_at: QPointF | None):
        super().__init__(path)
        self.region_id = region_id
        self.style = style
        outline, fill, alpha, pen_style, pattern = STYLES[style]
        self.outline = QPen(QColor(outline), OUTLINE_WIDTH, pen_style)
        self.outline.setCosmetic(True)
        self.outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        colour = QColor(fill)
        colour.setAlpha(alpha)
        self.fill = QBrush(colour, pattern)
        self.setZValue(MARK_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.tag = MarkTag(tag_text, outline, self) if tag_text else None
        if self.tag is not None and tag_at is not None:
            self.tag.setPos(tag_at)

    def boundingRect(self):
        return self.path().boundingRect().adjusted(-20, -20, 20, 20)

    def paint(self, painter, option, widget=None):
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        halo = QPen(QColor(COLOURS.mark_text), OUTLINE_WIDTH + 3)
        halo.setCosmetic(True)
        painter.setPen(halo)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(self.outline)
        painter.setBrush(self.fill)
        painter.drawPath(self.path())


class DiagramQuiz(QObject):
    """Borrows the diagram from the main window for the length of a quiz, and gives it back."""

    regionClicked = Signal(str)
    emptyClicked = Signal(float, float)  # where, in scene (SVG) units
    escapePressed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self.marks: dict[str, QuizMark] = {}
        self._detached: list[tuple] = []
        self._labels: set[str] | None = None
        self.covers = None   # study_labels.LabelCovers, made for the first label question
        self._depth = ""     # the top layer when the quiz began

    # ----- taking over and giving back ---------------------------------------------------------------
    def begin(self) -> None:
        if self.active:
            return
        w, view = self.window, self.window.view
        w.scene.build_regions()
        w.chairside.pen_action.setChecked(False)  # a click must answer, not draw
        w.chairside.arrow_action.setChecked(False)
        for signal, slot in ((view.regionActivated, w.open_region), (view.cleared, w.clear_selection),
                             (view.hoverChanged, w._show_hover)):
            try:
                signal.disconnect(slot)
                self._detached.append((signal, slot))
            except (RuntimeError, TypeError):
                pass
        view.regionActivated.connect(self.regionClicked)
        view.emptyClickedAt.connect(self.emptyClicked)
        view.selectionChanged.connect(self._keep_unselected)
        view.tag.setOpacity(0.0)  # the hover name tag would give every answer away
        view.set_focus_cue("pointer")  # and a focus outline would look like a hint
        view.installEventFilter(self)
        view.select_region(None)
        self._depth = w.depth_control.depth.top  # given back as it was; each question shows its structure
        w.depth_control.withhold_labels(True)
        self.active = True

    def end(self) -> None:
        if not self.active:
            return
        w, view = self.window, self.window.view
        self.active = False
        view.removeEventFilter(self)
        view.regionActivated.disconnect(self.regionClicked)
        view.emptyClickedAt.disconnect(self.emptyClicked)
        view.selectionChanged.disconnect(self._keep_unselected)
        self._labels = None
        self.clear_covers()
        for signal, slot in self._detached:
            signal.connect(slot)
        self._detached.clear()
        view.tag.setOpacity(1.0)
        view.set_focus_cue("callout")
        self.clear_marks()
        w.depth_control.withhold_labels(False)
        if w.depth_control.enabled and self._depth:
            w.depth_control.show_layer(self._depth, remember=False)  # also stops a question's peel under way
        w.scene.set_labels_visible(w.labels_action.isChecked())
        current = w.current_lesson()
        region = w.content.region_for_lesson(current) if current else None
        view.select_region(region.id if region else None)

    def _keep_unselected(self, region_id: str) -> None:
        """A lesson opened during the quiz would highlight its structure and give an answer away."""
        if region_id:
            self.window.view.select_region(None)
        if self._labels is not None:  # presentation mode trims labels on selection; keep the quiz's
            self.window.scene.set_labels_visible(True, only=self._labels)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            return True
        return False

    # ----- labels and marks --------------------------------------------------------------------------
    def label_ids(self) -> list[str]:
        return list(self.window.scene.label_items)

    def show_labels(self, visible: set[str]) -> None:
        self._labels = set(visible)
        self.window.scene.set_labels_visible(True, only=visible)

    def mark(self, region_id: str, style: str, tag_text: str = "") -> QuizMark | None:
        """Mark one region (replacing any mark it had); None when the region has no shape."""
        scene = self.window.scene
        item = scene.region_items.get(region_id)
        if item is None:
            return None
        self.unmark(region_id)
        region = self.window.content.region(region_id)
        layers = self.window.depth_control
        point = (layers.point(region) if layers.enabled else None) if region else None  # where it can be seen
        if point is None and region is not None:
            point = self.window.content.index().interior_point(region)
        bounds = item.path().boundingRect()
        y = point[1] if point else bounds.center().y()
        mark = QuizMark(region_id, style, item.path(), tag_text, QPointF(bounds.right() + 6, y))
        mark.setZValue(max(MARK_Z, item.zValue() + 0.2))  # over its own layer (gluteus maximus, skin), if on one
        scene.addItem(mark)
        if mark.tag is not None:
            self._fit_tag(mark.tag, bounds, QPointF(*point) if point else bounds.center())
        self.marks[region_id] = mark
        return mark

    def _fit_tag(self, tag: MarkTag, bounds: QRectF, inside: QPointF) -> None:
        """Beside the shape, on the side where the view has room; on the shape only when neither side has."""
        view = self.window.view
        width, room = tag.rect().width(), view.viewport().width()
        if view.mapFromScene(tag.pos()).x() + width <= room:
            return
        left = QPointF(bounds.left() - 6, tag.pos().y())
        if view.mapFromScene(left).x() - width >= 0:
            tag.setPos(left)
            tag.extend_left()
            return
        below = view.mapFromScene(QPointF(inside.x(), bounds.bottom()))  # under the shape, kept in view
        x = max(0, min(below.x() - width / 2, room - width))
        tag.setPos(view.mapToScene(QPoint(round(x), round(below.y() + tag.rect().height() / 2 + 4))))

    def unmark(self, region_id: str) -> None:
        mark = self.marks.pop(region_id, None)
        if mark is not None:
            self.window.scene.removeItem(mark)

    def clear_marks(self) -> None:
        for region_id in list(self.marks):
            self.unmark(region_id)

    def cover_labels(self, labels, covered: set[str], asked: str | None) -> None:
        """Box the text of the ``covered`` labels (leader lines stay); ``asked`` gets the highlighted "?" box."""
        if self.covers is None:
            from viewer.qt.study.labels import LabelCovers

            self.covers = LabelCovers(self.window.scene)
        self.covers.show(labels, covered, asked)
        if asked:
            box = self.covers.items.get(asked)
            if box is not None:
                self.window.view.ensureVisible(box, 8, 8)

    def clear_covers(self) -> None:
        if self.covers is not None:
            self.covers.clear()

    def show_region(self, region_id: str) -> None:
        item = self.window.scene.region_items.get(region_id)
        if item is not None:
            self.window.view.ensureVisible(item, 40, 40)
