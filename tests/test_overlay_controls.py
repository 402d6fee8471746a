"""The controls over the diagram (depth slider, nerve-type button, positions key) never cover one
another, at the smallest window and the largest text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

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
