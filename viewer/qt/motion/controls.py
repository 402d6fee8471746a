"""The pose controls: three named sliders with their values in words, and the preset buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from viewer.model.motion.pose import AXES, NEGATIVE_NAMES, POSITIVE_NAMES, Pose
from viewer.model.motion.presets import Preset

SLIDER_NAMES = {"flexion": "Hip flexion (bend) and extension (back)",
                "adduction": "Hip adduction (across) and abduction (out)",
                "rotation": "Hip internal (inward) and external (outward) rotation"}
SHORT_NAMES = {"flexion": "Bend", "adduction": "Across / out", "rotation": "Turn"}


def angle_in_words(axis: str, value: float) -> str:
    """'20 degrees of extension', 'no flexion or extension'."""
    degrees = round(value)
    if degrees == 0:
        return {"flexion": "straight: no flexion or extension", "adduction": "no adduction or abduction",
                "rotation": "no rotation"}[axis]
    name = POSITIVE_NAMES[axis] if degrees > 0 else NEGATIVE_NAMES[axis]
    return f"{abs(degrees)} degrees of {name}"


class PoseControls(QWidget):
    """Emits poseRequested(pose, animate) when a slider moves (no animation: the hand is the animation)
    and presetChosen(preset) when a preset is pressed (animated, and announced when it arrives)."""

    poseRequested = Signal(object, bool)
    presetChosen = Signal(object)

    def __init__(self, presets: list[Preset], limits: dict[str, tuple[float, float]], parent=None):
        super().__init__(parent)
        self.presets = presets
        self.sliders: dict[str, QSlider] = {}
        self.value_labels: dict[str, QLabel] = {}
        self.preset_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for row, axis in enumerate(AXES):
            name = QLabel(SHORT_NAMES[axis])
            slider = QSlider(Qt.Orientation.Horizontal)
            low, high = limits[axis]
            slider.setRange(round(low), round(high))
            slider.setSingleStep(1)
            slider.setPageStep(5)
            slider.setTickPosition(QSlider.TickPosition.TicksBelow)
            slider.setTickInterval(15)
            slider.setAccessibleName(SLIDER_NAMES[axis])
            slider.setObjectName(f"pose-{axis}")
            name.setBuddy(slider)
            value = QLabel()
            value.setWordWrap(True)  # narrow docks: the words wrap rather than widen the panel
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("45 degrees of internal"))
            slider.valueChanged.connect(lambda v, a=axis: self._slid(a, v))
            grid.addWidget(name, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(value, row, 2)
            self.sliders[axis] = slider
            self.value_labels[axis] = value
        presets_grid = QGridLayout()
        for number, preset in enumerate(presets):
            button = QPushButton(preset.name)
            button.setAccessibleName(f"Pose: {preset.name}")
            button.setObjectName(f"preset-{preset.id}")
            button.clicked.connect(lambda _c=False, p=preset: self.presetChosen.emit(p))
            presets_grid.addWidget(button, number // 2, number % 2)
            self.preset_buttons[preset.id] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(presets_grid)
        layout.addLayout(grid)
        self.show_pose(Pose())

    def set_large(self, large: bool) -> None:
        """Thicker grooves and bigger handles (no colours here: the theme's palette still applies)."""
        sheet = ("QSlider::groove:horizontal { height: 12px; } "
                 "QSlider::handle:horizontal { width: 34px; margin: -12px 0; }") if large else ""
        for slider in self.sliders.values():
            slider.setStyleSheet(sheet)
            slider.setMinimumHeight(48 if large else 0)
        for button in self.preset_buttons.values():
            button.setMinimumHeight(button.fontMetrics().height() + (24 if large else 8))

    def pose(self) -> Pose:
        return Pose(**{axis: float(self.sliders[axis].value()) for axis in AXES})

    def show_pose(self, pose: Pose) -> None:
        """Move the sliders to a pose without asking for it again."""
        for axis in AXES:
            slider = self.sliders[axis]
            slider.blockSignals(True)
            slider.setValue(round(getattr(pose, axis)))
            slider.blockSignals(False)
            self._describe(axis, slider.value())

    def _slid(self, axis: str, value: int) -> None:
        self._describe(axis, value)
        self.poseRequested.emit(self.pose(), False)

    def _describe(self, axis: str, value: float) -> None:
        words = angle_in_words(axis, value)
        self.value_labels[axis].setText(words)
        self.sliders[axis].setAccessibleDescription(words)
