"""View ▸ Hip in motion (Ctrl+M): the motion panel in a dock, built the first time it is shown.

Only the menu entry exists at start-up; the model, the SVG and the widgets load on first use.
While the panel is open, the posterior diagram hatches the deep rotators the pose lengthens and
the status bar gives their % change on hover.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QObject,  # not Qt: building the Qt namespace costs start-up (viewer/qt/app/enum_free.py)
)



class Motion(QObject):
    """The feature's controller, owned by the main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dock = None  # a QDockWidget, made on first show
        self.swing = None  # the femur's outline on the posterior view
        self._hatched: set[str] = set()
        self.panel = None
        self.action = window.add_action("Hip in &motion (MRI level)", self._toggled, "view.motion",
                                        "Move the hip and watch the ischiofemoral space", checkable=True)
        window.view_menu.addAction(self.action)
        resources = window.content.resources_dir
        if not ((resources / "hip-landmarks.toml").exists() and (resources / "axial.svg").exists()):
            self.action.setEnabled(False)
            self.action.setToolTip("This content folder has no hip model (resources/hip-landmarks.toml, axial.svg)")

    def _toggled(self, on: bool) -> None:
        if on:
            self.show()
        elif self.dock is not None:
            self.dock.hide()

    def show(self, pose=None, animate: bool = False):
        """Build (first time) and show the panel; optionally set a pose."""
        if self.dock is None and not self._build():
            self.action.setChecked(False)
            return None
        assert self.dock is not None and self.panel is not None
        from viewer.qt.app.dock_room import open_dock

        open_dock(self.window, self.dock)  # a tab beside any other right-hand panel, its room from the lesson
        self.action.setChecked(True)
        if pose is not None:
            self.panel.request(pose, animate)
        return self.panel

    def _build(self) -> bool:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        from viewer.model.core.problems import ContentError
        from viewer.model.motion.presets import load_hip_model, presets_from
        from viewer.model.motion.wording import load_words
        from viewer.qt.motion.panel import MotionPanel

        content = self.window.content
        names = {r.id: r.name for r in content.regions}
        descriptions = {r.id: r.description for r in content.regions}
        try:
            model, words = load_hip_model(content.resources_dir), load_words(content.resources_dir)
        except (ContentError, OSError) as exc:
            message = str(exc.problem) if isinstance(exc, ContentError) else str(exc)
            self.window.statusBar().showMessage(f"Hip in motion is unavailable: {message}")
            return False
        self.panel = MotionPanel(model, words, presets_from(content.positions), content.resources_dir / "axial.svg",
                                 names, self.window.level, descriptions=descriptions)
        dock = QDockWidget("Hip in motion (model)", self.window)
        dock.setObjectName("motion-dock")
        dock.setWidget(self.panel)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()  # shown by open_dock, which tabs it with the other panels
        dock.visibilityChanged.connect(self._visibility)
        self.dock = dock
        self.panel.view.regionActivated.connect(self.window.open_region)
        from viewer.qt.motion.femur_swing import FemurSwing

        self.swing = FemurSwing(content.diagram) if content.diagram is not None else None
        if self.swing is not None:
            self.window.scene.addItem(self.swing)
        self.panel.poseShown.connect(lambda _pose: self._hatch())
        self.window.level_group.triggered.connect(lambda _a: self.panel.set_level(self.window.level))
        self.window.view.hoverChanged.connect(self._hover)
        self.window.chairside.present_action.toggled.connect(self._presenting)
        if self.window.chairside.presenting:
            self._presenting(True)
        return True

    def _presenting(self, on: bool) -> None:
        if self.panel is None or self.dock is None:
            return
        from PySide6.QtCore import Qt

        self.panel.set_large(on)
        self.panel.set_level(self.window.level)  # presenting switches to Patient words without the level menu
        if on and self.dock.isVisible():
            self.window.resizeDocks([self.dock], [int(self.window.width() * 0.5)], Qt.Orientation.Horizontal)

    def _visibility(self, visible: bool) -> None:
        self.action.setChecked(visible or (self.dock is not None and not self.dock.isHidden()))
        self._hatch()

    def _hatch(self) -> None:
        """The posterior view hatches the rotators this pose lengthens (as the Positions panel does)."""
        if self.panel is None:
            return
        shown = self.dock is not None and self.dock.isVisible()
        tensed = self.panel.tensed_muscles() if shown else {}
        if self.swing is not None:
            self.swing.swing_to(self.panel.pose.adduction, shown)
        for region_id in ("piriformis", "gemelli-obturator-internus"):
            item = self.window.scene.region_items.get(region_id)
            if item is None:
                continue
            if region_id in tensed:
                item.set_effect("tenses")
            elif region_id in self._hatched:  # clear only what this view hatched (the Positions panel has its own)
                item.set_effect(None)
        self._hatched = set(tensed)

    def _hover(self, region_id) -> None:
        if self.panel is None or self.dock is None or not self.dock.isVisible():
            return
        change = self.panel.tensed_muscles().get(region_id or "")
        if change is not None:
            name = next((r.name for r in self.window.content.regions if r.id == region_id), region_id)
            self.window.statusBar().showMessage(f"{name}: about {change:.0f}% longer than standing in this pose "
                                                "(model, not a measurement)")

    def make_main(self) -> None:
        """Give the axial view most of the window (--view axial)."""
        from PySide6.QtCore import Qt

        if self.dock is not None:
            self.window.resizeDocks([self.dock], [int(self.window.width() * 0.62)], Qt.Orientation.Horizontal)

    def handout_picture(self, height_px: int):
        """The axial view with the current pose and a caption, for the handout; None while the view is closed."""
        if self.panel is None or self.dock is None or not self.dock.isVisible():
            return None
        from viewer.qt.motion.handout_picture import captioned_axial

        return captioned_axial(self.panel, height_px)
