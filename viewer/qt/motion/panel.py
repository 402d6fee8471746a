"""The "Hip in motion" panel: the axial view, the pose controls, the gauge and the numbers in words."""

from __future__ import annotations

import html

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.model.content.lessons import drop_citations
from viewer.model.motion.pose import Pose, clamp, describe, interpolate
from viewer.qt.access.announce import announce
from viewer.qt.app.shortcuts import keys_text, shortcut
from viewer.qt.app.theme import THEME
from viewer.qt.motion.axial_view import AxialView
from viewer.qt.motion.controls import PoseControls
from viewer.qt.motion.gauge import SpaceGauge

ANIMATION_MS = 400
KEY_STEP = 5.0
# What each of the axial view's own keys does: (shortcut id, axis, change in degrees; axis None = back to
# neutral). The keys are the shortcut table's (viewer/qt/app/shortcuts.py, "Hip in motion"); they act while
# the axial view has the focus (click it or Tab to it); the sliders keep their usual keys.
POSE_KEYS = (("motion.bend", "flexion", KEY_STEP), ("motion.straighten", "flexion", -KEY_STEP),
             ("motion.across", "adduction", KEY_STEP), ("motion.out", "adduction", -KEY_STEP),
             ("motion.turn_in", "rotation", KEY_STEP), ("motion.turn_out", "rotation", -KEY_STEP),
             ("motion.neutral", None, 0.0))


def key_help() -> str:
    """What a screen reader says the picture's keys do, from the shortcut table."""
    keys = "; ".join(f"{keys_text(item)}: {item.text[:1].lower()}{item.text[1:]}"
                     for item in (shortcut(shortcut_id) for shortcut_id, _axis, _step in POSE_KEYS))
    return f"Keys in the picture: {keys}. Tab moves between the structures, Enter opens one."
LARGE_FONT_FACTOR = 1.7
TENSED_ABOVE_PCT = 2.0  # a deep rotator lengthened more than this is hatched as tensed on the posterior view
MUSCLE_REGIONS = {"piriformis": "piriformis", "obturator-internus": "gemelli-obturator-internus"}


class MotionPanel(QWidget):
    """Everything the motion view shows; `request(pose, animate)` is the one way to change the pose."""

    poseShown = Signal(object)  # every frame, with the pose drawn

    def __init__(self, model, words, presets, svg_path, names: dict[str, str], level: str = "patient", parent=None,
                 descriptions: dict[str, str] | None = None):
        super().__init__(parent)
        self.model, self.words, self.level = model, words, level
        self.pose = Pose()
        self.target = Pose()
        self._start = Pose()
        self._arriving = ""  # what to call the pose the animation is heading for, said when it arrives
        self.view = AxialView(svg_path, model, names, descriptions, words.spoken)
        self.controls = PoseControls(presets, model.landmarks.limits)
        self.gauge = SpaceGauge(words.spoken)
        self.readout = QLabel()
        self.readout.setWordWrap(True)
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.readout.setAccessibleName("What this pose does")
        self.readout.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # screen readers reach it with Tab
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.controls)
        lower_layout.addWidget(self.gauge)
        lower_layout.addWidget(self.readout, 1)
        scroller = QScrollArea()  # the controls scroll rather than squeeze the picture (large text, small windows)
        scroller.setWidget(lower)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller = scroller
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(scroller)
        self.splitter = splitter
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(ANIMATION_MS)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setEasingCurve(QEasingCurve.Type.Linear)  # the model eases (viewer/model/motion/pose.py)
        self.animation.valueChanged.connect(self._frame)
        self.controls.poseRequested.connect(self.request)
        self.controls.presetChosen.connect(lambda preset: self.request(preset.pose, True, preset.name))
        self.view.keys = {shortcut_id: (axis, step) for shortcut_id, axis, step in POSE_KEYS}
        self.view.nudgeRequested.connect(self.nudge)
        self.view.setAccessibleDescription(key_help())
        self._show(Pose())

    # ----- pose ----------------------------------------------------------------------------------------
    def request(self, pose: Pose, animate: bool = True, label: str = "") -> None:
        """Show ``pose``; an animated change is announced when it arrives, as ``label`` (a preset's
        name) or the pose in words (a key in the picture). Slider moves are not: the slider says its value."""
        pose = clamp(pose, self.model.landmarks.limits)
        self.target = pose
        self.controls.show_pose(pose)
        self.animation.stop()
        self._arriving = (label or describe(pose).capitalize()) if animate else ""
        if animate and pose != self.pose:
            self._start = self.pose
            self.animation.start()
        else:
            self._show(pose)

    def nudge(self, axis: str | None, step: float) -> None:
        if axis is None:
            self.request(Pose(), True)
        else:
            self.request(self.target.with_value(axis, getattr(self.target, axis) + step), True)

    def _frame(self, t) -> None:
        t = float(t)
        self._show(interpolate(self._start, self.target, t), settled=t >= 1.0)

    def _show(self, pose: Pose, settled: bool = True) -> None:
        """Draw a pose; the words (rich text, slow to lay out, and read by screen readers) only once it settles."""
        self.pose = pose
        self.view.set_pose(pose)
        m = self.view.measures
        self.gauge.set_values(m.ifs.mm, m.qfs.mm)
        if settled:
            self.readout.setText(self.readout_html())
            self.gauge.setAccessibleDescription(self.gauge.in_words())  # once it settles, not every frame
            if self._arriving:
                announce(self, self.words.spoken.pose_settled(self._arriving, m))
                self._arriving = ""
        self.poseShown.emit(pose)

    def set_large(self, large: bool) -> None:
        """Presentation mode: the same controls, large enough to use across a room (and by touch)."""
        if large:
            font = self.font()
            parent = self.parentWidget()
            base = parent.font().pointSizeF() if parent is not None else font.pointSizeF()
            font.setPointSizeF(base * LARGE_FONT_FACTOR)
            self.setFont(font)
        else:
            self.setFont(QFont())  # inherit again, so View > Text size keeps reaching the panel
        self.controls.set_large(large)
        self.gauge.updateGeometry()
        total = sum(self.splitter.sizes())
        share = 0.58 if large else 0.6
        self.splitter.setSizes([int(total * share), total - int(total * share)])
        self.view.update()

    def set_level(self, level: str) -> None:
        self.level = level
        self.readout.setText(self.readout_html())

    # ----- words ---------------------------------------------------------------------------------------
    def tensed_muscles(self) -> dict[str, float]:
        """Region id -> % length change for the deep rotators this pose lengthens."""
        pct = self.view.measures.length_change_pct
        return {MUSCLE_REGIONS[m]: v for m, v in pct.items() if m in MUSCLE_REGIONS and v > TENSED_ABOVE_PCT}

    def readout_html(self) -> str:
        m, w = self.view.measures, self.words
        names = {"piriformis": "Piriformis", "obturator-internus": "Obturator internus"}
        parts = [f"<p><b>{html.escape(w.model_label)}.</b> "]
        if self.level == "patient":
            parts.append(f"{html.escape(w.ifs_in_words(m.ifs.mm, m.ifs.contact))}</p>")
            for muscle, pct in m.length_change_pct.items():
                if abs(pct) >= TENSED_ABOVE_PCT:
                    template = w.muscle_longer if pct > 0 else w.muscle_shorter
                    parts.append(f"<p>{html.escape(template.format(name=names[muscle], pct=round(abs(pct))))}</p>")
            if abs(self.pose.adduction) >= 1 and w.swing_patient:
                parts.append(f"<p>{html.escape(w.swing_patient)}</p>")
            parts.append(f"<p><small>{html.escape(w.model_patient)} {html.escape(w.caveat_patient)}</small></p>")
        else:
            parts.append(f"IFS {m.ifs.mm:.1f} mm, QFS {m.qfs.mm:.1f} mm"
                         + (" (bones in contact in the model)" if m.ifs.contact else "") + ". ")
            parts.append(" ".join(html.escape(w.muscle_clinical.format(name=names[k], pct=v))
                                  for k, v in m.length_change_pct.items()) + "</p>")
            legend = (f"<span style='color:{THEME.gauge_control}'>■</span> controls, "
                      f"<span style='color:{THEME.gauge_patient}'>■</span> ischiofemoral impingement, "
                      "dashed: normal threshold. ")
            parts.append(f"<p><small>{legend}{html.escape(_uncited(w.gauge_clinical))} Singer 2015; Tosun "
                         f"(quoted by MDedge).</small></p>")
            if abs(self.pose.adduction) >= 1 and w.swing_clinical:
                parts.append(f"<p><small>{html.escape(w.swing_clinical)}</small></p>")
            parts.append(f"<p><small>{html.escape(_uncited(w.caveat_clinical))} Hatem 2021. "
                         f"{html.escape(w.model_clinical)}</small></p>")
        return "".join(parts)


def _uncited(text: str) -> str:
    return " ".join(drop_citations(text).split())


