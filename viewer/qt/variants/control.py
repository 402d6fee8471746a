"""Switching the main diagram between the nerve-piriformis variants (Beaton & Anson A-F).

The art keeps its cached pictures; a variant only swaps the piriformis part for the variant's
group (ArtLayer.substitute), reshapes the two regions' highlights, and picks from the variant's
index. The handout and PNG export draw the scene, so they show the chosen type too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtWidgets import QToolButton

from viewer.qt.app.shortcuts import keys_text, shortcut
from viewer.model.variants.spec import handout_caption, replacements, variant_index
from viewer.qt.diagram.overlays import clear_top, other_overlays
from viewer.qt.diagram.variant_art import draw_variant, outline_regions

if TYPE_CHECKING:
    from viewer.qt.variants.picker import VariantPicker

VARIANT_KEY = "diagram/variant"  # the type last shown, restored at the next start
LESSON = "variants"  # issue 16's lesson; the piriformis lesson's Variants section if it is missing


class VariantControl(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.content = window.content
        self.variants = list(self.content.variants)
        self.current = self.variants[0].id if self.variants else ""
        self._indexes: dict[str, object] = {}
        self._picker: VariantPicker | None = None
        self._reshaped = self.current  # the variant the highlights outline (A: as the scene made them)
        self._shown: dict[str, object] = {}  # region id -> the shape its highlight outlines, once changed
        self._watched: set = set()  # the other controls over the diagram, whose moves this button follows
        if not self.variants or window.scene.art is None:
            return
        window.depth_control.use_index(self.index)
        self.button = QToolButton(window.view)
        self.button.setObjectName("variant-button")
        self.button.setAccessibleName("Nerve variant")
        self.button.setToolTip(f"How the nerve passes piriformis: choose a type ({keys_text(shortcut('variants.picker'))})")
        self.button.clicked.connect(self.show_picker)
        self._label()
        window.view.foot.add(self.button)
        window.view.installEventFilter(self)
        self.picker_action = window.add_action("Nerve &variant…", self.show_picker, "variants.picker",
                                               "Show how the sciatic nerve can pass piriformis")
        menu = window.view_menu.addMenu("Nerve variant")
        menu.addAction(self.picker_action)
        menu.addSeparator()
        for variant in self.variants:
            action = menu.addAction(f"{variant.name}: {variant.description}")
            action.triggered.connect(lambda _c=False, i=variant.id: self.set_variant(i))

    def variant(self, variant_id: str | None = None):
        wanted = variant_id or self.current
        return next((v for v in self.variants if v.id == wanted), None)

    def index(self):
        """The picking index for the variant shown (the highlights follow it once they exist)."""
        if self.current not in self._indexes:
            self._indexes[self.current] = variant_index(self.content, self.variant())
        if self._reshaped != self.current and self.window.scene.region_items:
            self._reshaped = self.current
            outline_regions(self.window.scene, self.content, self._indexes[self.current], self._shown)
        return self._indexes[self.current]

    def restore(self, variant_id: str | None = None) -> None:
        """At start: ``variant_id`` (--variant), else the type the user last chose."""
        wanted = variant_id or str(self.window.settings.value(VARIANT_KEY, ""))
        if wanted and self.variants and self.window.scene.art is not None and self.variant(wanted) is not None:
            if wanted != self.current:
                self.set_variant(wanted, remember=False)

    def reset(self) -> None:
        """New patient: back to the commonest type (the first declared, A)."""
        if self.variants and self.window.scene.art is not None:
            self.set_variant(self.variants[0].id)

    def set_variant(self, variant_id: str, remember: bool = True) -> None:
        variant = self.variant(variant_id)
        if variant is None:
            return
        if remember:
            self.window.settings.set(VARIANT_KEY, variant.id)
        self.current = variant.id
        draw_variant(self.window.scene, self.content.diagram, variant)
        self.index()
        self._label()
        if self._picker is not None:
            self._picker.buttons[variant.id].setChecked(True)
        self.window.statusBar().showMessage(f"Nerve variant: {variant.name}, {variant.description.lower()}.")

    def handout_line(self) -> str:
        """The handout's sentence naming the type shown (none for the usual path, type A)."""
        return handout_caption(self.variants, self.current) if self.variants else ""

    def _label(self) -> None:
        variant = self.variant()
        self.button.setText(f"Nerve: {variant.name}" if variant else "Nerve")
        self.button.adjustSize()
        self._place()

    def _place(self) -> None:
        """Bottom right of the diagram; above the depth slider when a narrow window or large text would
        make them meet."""
        view, button = self.window.view, self.button
        button.adjustSize()  # the text size may have changed since
        x, y = view.width() - button.width() - 10, view.height() - button.height() - 10
        self.button.move(x, clear_top(view, button, x, y, button.width(), button.height()))
        for other in other_overlays(view, button):  # the depth slider grows with the text: follow it
            if other not in self._watched:
                self._watched.add(other)
                other.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (event.Type.Resize, event.Type.FontChange, event.Type.Move, event.Type.Show):
            self._place()
            QTimer.singleShot(0, self._place)  # again once the view and the controls over it have their new places
        return False

    # ----- picker --------------------------------------------------------------------------------------
    def show_picker(self) -> None:
        if self._picker is None:
            from viewer.qt.variants.picker import VariantPicker, thumbnail

            scene = self.window.scene
            pictures = {v.id: thumbnail(scene.renderer, scene.art.part_ids,
                                        replacements(self.content.diagram, v)) for v in self.variants}
            self._picker = VariantPicker(self.variants, pictures, self.current, self.window.view)
            self._picker.chosen.connect(self._picked)
            self._picker.lessonWanted.connect(self.open_lesson)
        picker = self._picker
        picker.adjustSize()
        view = self.window.view
        picker.move(QPoint(max(0, view.width() - picker.width() - 10),
                           max(0, view.height() - picker.height() - self.button.height() - 20)))
        picker.show()
        picker.raise_()
        picker.buttons[self.current].setFocus()

    def _picked(self, variant_id: str) -> None:
        self.set_variant(variant_id)
        if self._picker is not None:  # it sent the choice
            self._picker.hide()
        self.window.view.setFocus()

    def open_lesson(self) -> None:
        if self._picker is not None:
            self._picker.hide()
        if LESSON in self.content.lessons:
            self.window.open_lesson(LESSON)
        else:
            self.window.open_lesson("piriformis", "variants")
