"""Peeling the diagram's layers: the items that draw each superficial layer and its labels, their
fade, and what the pointer and the keyboard can reach at the current depth.

The superficial layers are SVG groups declared in regions.toml (viewer/model/layers/spec.py).
Their items are made on the first peel, so start-up (always at the deepest layer) pays nothing
for them. Each is drawn from a cached picture of itself (viewer/qt/diagram/tile_art.py), so a fade
frame only copies pixels with an opacity.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QEasingCurve, QObject, QTimer, QVariantAnimation

from viewer.model.layers.depth import Depth, pick, visible_box, visible_point
from viewer.model.layers.spec import cover_of, layer_of
from viewer.qt.diagram.tile_art import has_picture, warm_picture
from viewer.qt.layers.fade import Fade, view_key
from viewer.qt.layers.widget import DepthSlider

PEEL_MS = 450
LAYER_KEY = "diagram/layer"  # the top layer the diagram was left at, restored at the next start
WARM_AFTER_MS = 300  # the view still this long after a resize or zoom: the layers' pictures are made
LAYER_Z, LABEL_Z = 15.0, 20.5  # between the deep regions (10) and labels (20); layer labels above deep labels


class LayerControl(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.content = window.content
        self.layers = list(self.content.layers)
        self.depth = Depth([layer.id for layer in self.layers])
        self._items: dict[str, tuple] | None = None  # layer id -> (layer item, labels item), made on first peel
        self._covers: dict | None = None
        self._animation: QVariantAnimation | None = None
        self._index_source = self.content.index  # the picking index (a nerve variant gives another)
        self._solid: tuple = ()  # the layers that hide what lies beneath, as last told to the view
        self.fade = Fade(self)
        self.labels_withheld = False  # a quiz hides the layers' labels (one group each: none can be left out)
        self._remember_animation = True  # the running animation was the user's (its end is remembered)
        self._warmed: tuple = ()  # the view (zoom, size) the layers' pictures were made for
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.timeout.connect(self._warm_next)
        if len(self.layers) < 2 or window.scene.svg is None:
            return  # nothing to peel
        window.view.use_layers(self)
        self.slider = DepthSlider([layer.name for layer in self.layers], window.view)
        self.slider.moved.connect(lambda value: self.set_position(value))
        self.slider.show_depth(self.depth.position, self.layers[-1].name)
        self.slider.adjustSize()
        window.view.foot.add(self.slider)
        window.view.installEventFilter(self)
        window.view.zoomChanged.connect(lambda _zoom: self.warm_soon())
        self.deeper_action = window.add_action("Peel &deeper", lambda: self.peel(True), "layers.deeper",
                                               "Lift the top layer away")
        self.shallower_action = window.add_action("&Put layer back", lambda: self.peel(False), "layers.shallower",
                                                  "Lay the last lifted layer back")
        menu = window.view_menu.addMenu("&Depth")
        menu.addAction(self.deeper_action)
        menu.addAction(self.shallower_action)
        menu.addSeparator()
        for layer in self.layers:
            action = menu.addAction(f"Show {layer.name.lower()}")
            action.triggered.connect(lambda _c=False, i=layer.id: self.show_layer(i))

    # ----- depth ---------------------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        """Whether there are layers to peel (a diagram with [[layer]] tables and the SVG loaded)."""
        return hasattr(self, "slider")

    def restore(self, layer_id: str | None = None) -> None:
        """At start: ``layer_id`` (--layer), else the depth the user last left the diagram at."""
        wanted = layer_id or str(self.window.settings.value(LAYER_KEY, ""))
        if self.enabled and wanted in self.depth.layer_ids and self.depth.index(wanted) != self.depth.deepest:
            self.show_layer(wanted, animate=False, remember=False)

    def reset(self) -> None:
        """New patient: back to the deep space."""
        if self.enabled:
            if self._animation is not None:
                self._animation.stop()
            self.show_layer(self.layers[-1].id, animate=False)

    def show_layer(self, layer_id: str, animate: bool = True, remember: bool = True) -> None:
        """Peel to ``layer_id`` (it is then the top layer)."""
        target = float(self.depth.index(layer_id))
        if animate:
            self.animate_to(target, remember)
        else:
            if self._animation is not None:
                self._animation.stop()
            self.set_position(target, remember)

    def withhold_labels(self, withheld: bool) -> None:
        """During a quiz the superficial layers' labels are hidden: each layer's labels are one group, so
        the asked one cannot be hidden alone."""
        self.labels_withheld = withheld
        if self._items is not None and not self.fade.active:
            self.apply_items()

    def reveal(self, region_ids: list[str]) -> bool:
        """Peel (or lay a layer back) so that one of these structures can be seen and clicked, unless
        one already can at the depth shown (or being reached): a quiz asks only about what is on show.
        The depth is not remembered for the next start. True if the depth changes."""
        if not self.enabled:
            return False
        regions = [r for r in map(self.content.region, region_ids) if r is not None and r.shape is not None]
        animation = self._animation
        running = animation is not None and animation.state() == QAbstractAnimation.State.Running
        now = self.depth.position
        self.depth.position = float(animation.endValue()) if animation is not None and running else now
        visible = any(self.point(r) is not None for r in regions)
        self.depth.position = now
        if visible or not regions:
            return False
        self.show_layer(layer_of(regions[0], self.layers), remember=False)
        return True

    def peel(self, deeper: bool) -> None:
        end = self._animation.endValue() if self._animation is not None and self._animation.state() else None
        self.depth.position, now = (end if end is not None else self.depth.position), self.depth.position
        target = self.depth.step(deeper)
        self.depth.position = now
        self.animate_to(target)

    def animate_to(self, target: float, remember: bool = True) -> None:
        self._ensure_items()
        self._remember_animation = remember
        if self._animation is None:
            self._animation = QVariantAnimation(self)
            self._animation.setEasingCurve(QEasingCurve(QEasingCurve.Type.InOutCubic))
            self._animation.valueChanged.connect(lambda value: self.set_position(float(value),
                                                                                 self._remember_animation))
        self._animation.stop()
        self._animation.setDuration(round(PEEL_MS * min(1.0, abs(target - self.depth.position)) or 1))
        self._animation.setStartValue(float(self.depth.position))
        self._animation.setEndValue(float(target))
        self._animation.start()

    def set_position(self, position: float, remember: bool = True) -> None:
        """Show the layers at ``position`` (0 = outermost on top; fractions fade, drawn as a dissolve of
        the whole depths either side while the depth moves: viewer/qt/layers/fade.py). ``remember``: the
        top layer is where the next start opens (not when --layer set it)."""
        self._ensure_items()
        self.depth.position = max(0.0, min(float(self.depth.deepest), position))
        if remember:
            self._remember(self.depth.top)
        whole = self.depth.position == int(self.depth.position)
        if whole or not self.fade.show(self.depth.position):
            self.fade.leave()
            self.apply_items()
        else:
            self._check_reachable()  # the items wait for the fade to end; what can be reached does not
        self._show_slider()

    # ----- drawing -------------------------------------------------------------------------------------
    def _ensure_items(self) -> None:
        if self._items is not None and self._warmed == self._view_key():
            return
        self._make_items()
        if self.window.view.isVisible():
            self._warm_all()

    def _make_items(self) -> None:
        if self._items is not None:
            return
        scene = self.window.scene
        self._items = {}
        for k, layer in enumerate(self.layers[:-1]):
            z = LAYER_Z + (len(self.layers) - k)  # outermost on top
            body = scene.svg_item(layer.element, z)
            labels = scene.svg_item(layer.labels, LABEL_Z + len(self.layers) - k) if layer.labels else None
            self._items[layer.id] = (body, labels)
            for item in (body, labels):
                if item is not None:
                    item.setVisible(False)
        self.apply_items()  # their highlights over their own layer from the start

    def _all_items(self) -> list:
        return [item for pair in (self._items or {}).values() for item in pair if item is not None]

    def _view_key(self) -> tuple:
        return view_key(self.window.view)

    def _warm_all(self) -> None:
        """Each layer's picture for this zoom, so the first peel only copies pixels."""
        transform = self.window.view.viewportTransform()
        for item in self._all_items():
            warm_picture(item, transform, None, item._draw)
        self._warmed = self._view_key()

    def warm_soon(self) -> None:
        """After the first frame, a resize or a zoom: make the layers' pictures once the view is still."""
        if len(self.layers) > 1 and self.window.scene.svg is not None:
            self._warm_timer.start(WARM_AFTER_MS)

    def _warm_next(self) -> None:
        """One layer's picture per turn of the event loop (each takes tens of milliseconds)."""
        if not self.window.view.isVisible():
            return
        self._make_items()
        transform = self.window.view.viewportTransform()
        cold = [item for item in self._all_items() if not has_picture(item, transform, None)]
        if cold:
            warm_picture(cold[0], transform, None, cold[0]._draw)
            self._warm_timer.start(0)
        else:
            self._warmed = self._view_key()

    def apply_items(self) -> None:
        """Each layer, its labels, its regions' highlights and the deep labels at the current depth."""
        depth, scene, items = self.depth, self.window.scene, self._items
        if items is None:  # made on the first peel
            return
        labels_on = self.window.labels_action.isChecked() and not self.labels_withheld
        for layer in self.layers[:-1]:
            body, labels = items[layer.id]
            opacity = depth.opacity(layer.id)
            body.setOpacity(opacity)
            body.setVisible(opacity > 0)
            if labels is not None:
                label_opacity = depth.label_opacity(layer.id)
                labels.setOpacity(label_opacity)
                labels.setVisible(labels_on and label_opacity > 0)
            for region in self.content.regions:  # its highlight above its own layer
                item = scene.region_items.get(region.id)
                if item is not None and region.layer == layer.id:
                    item.setZValue(body.zValue() + 0.5)
                    item.setOpacity(opacity)
        deep = self.layers[-1]
        deep_labels = depth.label_opacity(deep.id)
        for item in scene.label_items.values():
            item.setOpacity(deep_labels)
        caption = scene.svg_item(deep.caption) if deep.caption else None
        if caption is not None:
            caption.setOpacity(deep_labels)
        view = self.window.view
        self._check_reachable()
        if view.focused_id and view.focused_id not in view.region_ids():
            view.set_focused_region(None)

    def _remember(self, layer_id: str) -> None:
        """Only when the top layer changes: QSettings writes its file after each change (not every frame)."""
        if str(self.window.settings.value(LAYER_KEY, "")) != layer_id:
            self.window.settings.set(LAYER_KEY, layer_id)

    def _show_slider(self) -> None:
        top = self.layers[self.depth.index(self.depth.top)]
        self.slider.show_depth(self.depth.position, top.name)

    def _check_reachable(self) -> None:
        solid = tuple(self.depth.solid_layers())
        if solid != self._solid:  # what the pointer, Tab and a screen reader reach has changed
            self._solid = solid
            self.window.view.reachable_changed()

    # ----- what the pointer and keyboard reach (DiagramView.use_layers) ---------------------------------
    def covers(self) -> dict:
        if self._covers is None:
            diagram = self.content.diagram
            self._covers = {layer.id: cover_of(diagram, layer) for layer in self.layers[:-1]}
        return self._covers

    def use_index(self, source) -> None:
        """Pick from the index ``source()`` returns (viewer/qt/variants swaps in a variant's)."""
        self._index_source = source

    def pick(self, x: float, y: float):
        if self.depth.position >= self.depth.deepest:  # the usual view: no superficial layer to consult
            return self._index_source().region_at(x, y)
        return pick(self.depth, self._index_source(), self.covers(), x, y)

    def reachable(self, regions: list) -> list:
        return [r for r in regions if self.point(r) is not None]

    def point(self, region):
        index = self._index_source()
        region = next((r for r in index.regions if r.id == region.id), region)  # its shape as drawn now
        if region.shape is None:
            return None
        if self.depth.position >= self.depth.deepest:
            return index.interior_point(region) if index.on_base_layer(region) else None
        return visible_point(self.depth, index, self.covers(), region)

    def box(self, region):
        """(left, top, right, bottom) in scene units of what is visible of ``region`` now, or None."""
        index = self._index_source()
        region = next((r for r in index.regions if r.id == region.id), region)
        if region.shape is None:
            return None
        if self.depth.position >= self.depth.deepest:
            box = region.shape.bbox
            return (box.left, box.top, box.left + box.width, box.top + box.height) if index.on_base_layer(region) else None
        return visible_box(self.depth, index, self.covers(), region)

    # ----- placement -----------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if event.type() == event.Type.Resize:
            view = self.window.view
            self.slider.adjustSize()
            self.slider.move(10, view.height() - self.slider.height() - 10)
            self.fade.forget()
            self.warm_soon()
        return False
