"""The controls over the diagram (depth slider, nerve-type button, positions key) never cover one
another, at the smallest window and the largest text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from viewer.qt.app.main_window import MIN_WINDOW_SIZE


@pytest.mark.parametrize("step", [2, 8])  # 100% and 250% text
def test_depth_slider_nerve_button_and_positions_key_never_overlap(open_window, repo, qtbot, step):
    window = open_window(repo, size=MIN_WINDOW_SIZE)
    try:
        window.text_size.set_step(step, remember=False)
        window.chairside.positions_action.trigger()  # its key sits over the diagram too
        window.chairside.positions.list.setCurrentRow(0)
        slider, button = window.depth_control.slider, window.variant_control.button
        view = window.view

        qtbot.waitUntil(lambda: slider.isVisible() and button.isVisible())
        qtbot.waitUntil(lambda: not slider.geometry().intersects(button.geometry()), timeout=2000)
        inside = QRect(0, 0, view.width(), view.height())
        for widget in (slider, button):
            assert inside.contains(widget.geometry()), f"{widget} runs off the diagram"
        legend = [w for w in view.children() if type(w).__name__ == "PositionsLegend" and w.isVisible()]
        for other in legend:
            assert not other.geometry().intersects(slider.geometry())
            assert not other.geometry().intersects(button.geometry())
    finally:
        window.text_size.set_step(2, remember=False)


@pytest.mark.parametrize("size, step", [(MIN_WINDOW_SIZE, 2), (MIN_WINDOW_SIZE, 8), ((1024, 700), 6), ((1920, 1080), 8)])
def test_the_fitted_diagram_lies_above_the_controls_at_its_foot(open_window, repo, qtbot, size, step):
    """The depth slider and the nerve-type button sit at the bottom of the view; at large text the
    lowest labels (Semimembranosus, Biceps femoris) were drawn under them. Fitted, the drawing and every
    label shown stay above them, at any window and text size."""
    window = open_window(repo, size=size)
    try:
        window.text_size.set_step(step, remember=False)
        view, scene = window.view, window.scene
        controls = [window.depth_control.slider, window.variant_control.button]
        slider = controls[0]
        view.fit()
        qtbot.waitUntil(lambda: all(control.isVisible() for control in controls)
                        and slider.geometry().bottom() == view.height() - 11)  # placed for this size
        QApplication.processEvents()  # the button follows the slider a turn later

        def under_controls() -> list[str]:
            to_view = view.viewport().geometry().topLeft()  # the controls are placed in the view, the drawing in its viewport

            def on_view(rect):
                return view.mapFromScene(rect).boundingRect().translated(to_view)

            shown = [(label_id, on_view(rect)) for label_id, rect in scene.label_word_rects().items()
                     if label_id in scene.label_items and scene.label_items[label_id].isVisible()]
            drawing = on_view(scene.diagram_rect)
            return ([f"{label_id} under {control.objectName() or type(control).__name__}"
                     for control in controls for label_id, words in shown if words.intersects(control.geometry())]
                    + [f"the drawing under {type(control).__name__}" for control in controls
                       if drawing.intersects(control.geometry())])

        assert view.fitted
        assert under_controls() == []
    finally:
        window.text_size.set_step(2, remember=False)
