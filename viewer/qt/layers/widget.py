"""The depth slider shown over the diagram's corner (so it stays in presentation mode too)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSlider

STEPS = 100  # slider units per layer: dragging fades a layer smoothly


class DepthSlider(QFrame):
    moved = Signal(float)  # the depth the user dragged to (0 = outermost layer)

    def __init__(self, names: list[str], parent=None):
        super().__init__(parent)
        self.names = names
        self.setObjectName("depth-control")
        self.setAutoFillBackground(True)  # the window's palette (theme colours), not the art beneath
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        title = QLabel("Depth:")
        self.slider = QSlider()
        self.slider.setProperty("orientation", "Horizontal")  # by name: no Qt namespace enums at start-up
        self.slider.setRange(0, STEPS * max(1, len(names) - 1))
        self.slider.setPageStep(STEPS)
        self.slider.setSingleStep(STEPS // 10)
        self.slider.setMinimumWidth(140)
        self.slider.setAccessibleName("Depth: peel the layers")
        self.slider.setToolTip("Drag to lift the skin and gluteus maximus away ( [ and ] )")
        title.setBuddy(self.slider)
        self.name = QLabel()
        self.name.setMinimumWidth(150)
        layout.addWidget(title)
        layout.addWidget(self.slider)
        layout.addWidget(self.name)
        self.slider.valueChanged.connect(lambda value: self.moved.emit(value / STEPS))

    def show_depth(self, position: float, top_name: str) -> None:
        """Follow the depth set elsewhere (keys, menu, animation) without echoing it back."""
        blocked = self.slider.blockSignals(True)
        self.slider.setValue(round(position * STEPS))
        self.slider.blockSignals(blocked)
        self.name.setText(top_name)
        self.slider.setAccessibleDescription(f"Showing: {top_name}")
