"""Text size: Ctrl+= / Ctrl+- make all text (lesson and controls) larger or smaller, in steps from
the system's own font size, which stays the starting point; View ▸ Reset text size (Ctrl+Alt+0)
returns to it. The choice is remembered."""

from __future__ import annotations

from typing import TYPE_CHECKING
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow

SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)
DEFAULT_STEP = SCALES.index(1.0)
LESSON_SCALE = 1.2     # lesson text a little larger than the controls
TAG_SCALE = 1.25       # the structure name shown on the diagram
SETTING = "view/text_step"
BASE_PROPERTY = "dgs_system_point_size"


class TextSize:
    """View ▸ Text size: its three actions and the step in use."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.step = DEFAULT_STEP
        self.bigger_action = window.add_action("&Larger text", lambda: self.change(+1), "text.bigger",
                                               "Make all text larger")
        self.smaller_action = window.add_action("&Smaller text", lambda: self.change(-1), "text.smaller",
                                                "Make all text smaller")
        self.reset_action = window.add_action("&Reset text size", lambda: self.set_step(DEFAULT_STEP), "text.reset",
                                              "Text at the system's size")
        menu = window.view_menu.addMenu("Text &size")
        menu.menuAction().setStatusTip("Make all text larger or smaller")
        for action in (self.bigger_action, self.smaller_action, self.reset_action):
            menu.addAction(action)
        try:
            step = int(window.settings.value(SETTING, DEFAULT_STEP))
        except (TypeError, ValueError):
            step = DEFAULT_STEP
        self.set_step(step, remember=False)

    def change(self, direction: int) -> None:
        self.set_step(self.step + direction)

    def set_step(self, step: int, remember: bool = True) -> None:
        window = self.window
        step = max(0, min(len(SCALES) - 1, step))
        self.step = step
        size = system_point_size() * SCALES[step]
        # where the reader is, taken before any font changes: the lesson relays out with each of them
        place = window.panel.reading_place()
        font = QApplication.font()
        font.setPointSizeF(size)
        QApplication.setFont(font)
        _apply_lesson_font(window, size, place)
        window.scene.set_label_scale(SCALES[step], SCALES)  # the diagram's label words (drawn text) too
        if window.view.focused_id:  # its callout kept clear of the labels as they are now
            window.view.set_focused_region(window.view.focused_id)
        self.bigger_action.setEnabled(step < len(SCALES) - 1)
        self.smaller_action.setEnabled(step > 0)
        if remember:
            window.settings.set(SETTING, step)
            window.statusBar().showMessage(f"Text size {round(SCALES[step] * 100)}%.", 3000)


def system_point_size() -> float:
    """The system's text size, read once, before this app scaled it."""
    app = QApplication.instance()
    assert app is not None, "read with the window up"
    size = app.property(BASE_PROPERTY)
    if not size:
        size = QApplication.font().pointSizeF()
        if size <= 0:  # a pixel-sized system font
            size = 10.0
        app.setProperty(BASE_PROPERTY, size)
    return float(size)


def current_scale() -> float:
    """How much larger than the system's size the user has made all text (1.0 at the system's size)."""
    size = QApplication.font().pointSizeF()
    return size / system_point_size() if size > 0 else 1.0


def _apply_lesson_font(window: MainWindow, size: float, place) -> None:
    panel = window.panel
    font = panel.document().defaultFont()
    font.setPointSizeF(size * LESSON_SCALE)
    # the panel's own font: a text browser resets its document to the widget font whenever the
    # application font changes, which would drop the lesson scale
    panel.setFont(font)
    panel.document().setDefaultFont(font)
    tag = window.view.made_tag  # one made later takes the application font's size
    if tag is not None:
        tag_font = tag.text.font()
        tag_font.setPointSizeF(size * TAG_SCALE)
        tag.text.setFont(tag_font)
    if panel.rendered is not None:  # headings are sized relative to the default font when laid out
        panel.show_lesson(panel.rendered, place=place)  # the same words at the top

