"""The hip-in-motion view driven as a user would: menu key, slider drags, keys, presets, clicks."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from viewer.model.motion.pose import Pose


@pytest.fixture
def motion(open_window, repo, qtbot):
    window = open_window(repo, size=(1500, 950))
    assert window.motion.panel is None  # nothing built until first shown
    QTest.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.motion.dock is not None and window.motion.dock.isVisible())
    panel = window.motion.panel
    qtbot.waitExposed(panel.view)
    return window, panel


def _handle_centre(slider) -> QPoint:
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    return slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                         QStyle.SubControl.SC_SliderHandle, slider).center()


def _numbers(panel):
    m = panel.view.measures
    return round(m.ifs.mm, 1), round(m.qfs.mm, 1)


def test_slider_drag_changes_pose_numbers_and_words(motion, qtbot):
    window, panel = motion
    slider = panel.controls.sliders["flexion"]
    panel.scroller.ensureWidgetVisible(slider)
    qtbot.waitUntil(lambda: slider.isVisible() and slider.width() > 200
                    and slider.height() >= slider.minimumSizeHint().height())
    last: list = []

    def settled() -> bool:  # the dock takes its width a turn after it opens: press where the handle is now
        now = (slider.size(), _handle_centre(slider))
        same = last == [now]
        last[:] = [now]
        return same

    qtbot.waitUntil(settled)
    before = _numbers(panel)
    handle = _handle_centre(slider)
    left = QPoint(slider.rect().left() + 3, handle.y())
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle)
    assert slider.isSliderDown(), f"the press at {handle} missed the handle of a {slider.size()} slider"
    QTest.mouseMove(slider, QPoint((handle.x() + left.x()) // 2, handle.y()))
    QTest.mouseMove(slider, left)
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, left)
    assert slider.value() < -20  # dragged toward extension
    assert panel.pose.flexion == slider.value()
    after = _numbers(panel)
    assert after[0] < before[0] and after[1] < before[1]  # extension narrows both spaces
    assert "extension" in panel.controls.value_labels["flexion"].text()
    assert slider.accessibleDescription() == panel.controls.value_labels["flexion"].text()
    assert f"ischiofemoral space {panel.view.measures.ifs.mm:.0f} mm" in panel.gauge.accessibleDescription()


def test_keys_animate_to_the_target(motion, qtbot):
    window, panel = motion
    panel.view.setFocus()
    before = _numbers(panel)
    QTest.keyClick(panel.view, Qt.Key.Key_Left)  # abduction widens
    assert panel.target == Pose(adduction=-5)
    assert panel.animation.state() == panel.animation.State.Running
    qtbot.waitUntil(lambda: panel.pose == panel.target, timeout=3000)
    assert _numbers(panel)[0] > before[0]
    assert panel.controls.sliders["adduction"].value() == -5
    for _ in range(3):
        QTest.keyClick(panel.view, Qt.Key.Key_PageDown)  # external rotation
    qtbot.waitUntil(lambda: panel.pose == Pose(adduction=-5, rotation=-15), timeout=3000)
    assert "15 degrees of external rotation" in panel.controls.value_labels["rotation"].text()


def test_preset_animates_through_intermediate_poses(motion, qtbot):
    window, panel = motion
    seen = []
    panel.poseShown.connect(seen.append)
    qtbot.mouseClick(panel.controls.preset_buttons["long-stride"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.pose == Pose(-20, 5, -15), timeout=3000)
    assert len(seen) >= 3 and any(-20 < p.flexion < 0 for p in seen)  # it moved, it did not jump
    text = panel.readout.text()
    assert "narrower than in most people whose gap does not cause pain" in text
    assert "Model, not a measurement" in text


def test_axial_art_shows_the_lesser_trochanter_moving(motion, qtbot):
    window, panel = motion
    view = panel.view
    bone = QColor("#fcf8ef")  # the femur's cortex fill in axial.svg; fat around it is darker

    def colour_at(point):
        image = view.grab().toImage()
        return QColor(image.pixel(round(point.x() * image.devicePixelRatio()),
                                  round(point.y() * image.devicePixelRatio())))

    def near(c, target, tolerance=30):
        return abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(c.blue() - target.blue()) < tolerance

    start = view.lesser_trochanter_point()
    assert near(colour_at(start), bone)
    panel.request(Pose(flexion=60, rotation=30), animate=False)
    moved = view.lesser_trochanter_point()
    assert (moved - start).manhattanLength() > 30
    assert near(colour_at(moved), bone)
    assert not near(colour_at(start), bone)  # the bone has left its old place
    assert moved.y() < start.y()  # flexion moves it forward: up on an axial image


def test_clicking_a_structure_opens_its_lesson(motion, qtbot):
    window, panel = motion
    view = panel.view
    nerve = view.svg_to_widget().mapRect(view.renderer.boundsOnElement("axial-region-sciatic-nerve")).center()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=nerve.toPoint())
    qtbot.waitUntil(lambda: window.current_lesson() == "sciatic-nerve", timeout=3000)


def test_tensed_rotators_are_hatched_on_the_posterior_view(motion, qtbot):
    window, panel = motion
    panel.request(Pose(90, 25, 0), animate=False)
    assert window.scene.region_items["piriformis"].effect == "tenses"
    panel.request(Pose(-20, 0, 0), animate=False)
    assert window.scene.region_items["piriformis"].effect is None


def test_clinical_level_gives_numbers_and_the_caveat(motion, qtbot):
    window, panel = motion
    window.level_actions["clinical"].trigger()
    text = panel.readout.text()
    assert "IFS 25.3 mm" in text and "34%" in text and "Hatem 2021" in text


def test_accessible_names(motion):
    window, panel = motion
    names = [s.accessibleName() for s in panel.controls.sliders.values()]
    assert all(names) and len(set(names)) == 3
    assert panel.view.accessibleName() and panel.gauge.accessibleDescription()
    assert all(b.accessibleName().startswith("Pose: ") for b in panel.controls.preset_buttons.values())


def test_start_up_does_not_load_the_motion_view(repo, tmp_path):
    probe = ("import sys; from viewer.model.content.loader import load_content; from viewer.qt.app.start import "
             f"create_window; w = create_window(load_content(__import__('pathlib').Path({str(repo)!r})), "
             f"{str(tmp_path)!r}); print(sorted(m for m in sys.modules if 'motion' in m))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=repo,
                            env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(repo), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['viewer.qt.motion', 'viewer.qt.motion.dock']"


def test_presentation_mode_keeps_the_controls_large(motion, qtbot):
    window, panel = motion
    slider = panel.controls.sliders["rotation"]
    normal_font, normal_height = panel.font().pointSizeF(), slider.height()
    window.level_actions["clinical"].trigger()
    assert "IFS 25.3 mm" in panel.readout.text()
    window.chairside.present_action.setChecked(True)
    assert "about as wide as in most people" in panel.readout.text()  # presenting speaks Patient
    qtbot.waitUntil(lambda: panel.font().pointSizeF() > normal_font * 1.5)
    assert window.motion.dock.isVisible()
    qtbot.waitUntil(lambda: slider.height() >= max(48, normal_height))
    QTest.keyClick(panel.view, Qt.Key.Key_Up)  # the keys still work while presenting
    qtbot.waitUntil(lambda: panel.pose == Pose(flexion=5), timeout=3000)
    window.chairside.present_action.setChecked(False)
    qtbot.waitUntil(lambda: abs(panel.font().pointSizeF() - normal_font) < 0.01)


def test_handout_includes_the_axial_view_with_the_current_pose(motion, qtbot, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from viewer.qt.chairside.handout import write_pdf

    window, panel = motion

    def picture():
        document = window.chairside.handout_document("a4")
        return document, document.resource(QTextDocument.ResourceType.ImageResource, QUrl("handout:diagram"))

    panel.request(Pose(-20, 5, -15), animate=False)
    document, with_axial = picture()
    window.motion.dock.hide()
    _doc, without = picture()
    assert with_axial.height() == without.height() and with_axial.width() > without.width() * 1.5
    strip = with_axial.copy(without.width(), 0, with_axial.width() - without.width(), with_axial.height())
    bone = QColor("#fcf8ef").rgb()
    assert any(strip.pixel(x, y) == bone for x in range(0, strip.width(), 7) for y in range(0, strip.height(), 7))
    out = tmp_path / "motion.pdf"
    assert write_pdf(document, out, "a4")
    from pypdf import PdfReader

    assert 1 <= len(PdfReader(str(out)).pages) <= 3


def test_posterior_view_femur_swings_with_adduction(motion, qtbot):
    window, panel = motion
    swing = window.motion.swing
    femur = window.content.diagram.shape_of("femur").bbox
    knee_end = QPointF((femur.left + femur.right) / 2, femur.bottom)
    panel.request(Pose(adduction=20), animate=False)
    assert swing.isVisible() and swing.angle == 20
    moved = swing.sceneTransform().map(knee_end)
    assert moved.x() < knee_end.x() - 100  # adduction: the knee end swings medially, the viewer's left
    panel.request(Pose(adduction=-30), animate=True)
    qtbot.waitUntil(lambda: panel.pose.adduction == -30, timeout=3000)
    assert swing.sceneTransform().map(knee_end).x() > knee_end.x() + 100  # abduction: laterally
    window.motion.dock.hide()
    assert not swing.isVisible()


def test_cli_screenshot_of_the_axial_view(repo, tmp_path):
    from PySide6.QtGui import QImage

    shots = {}
    for view, pose in (("axial", "neutral"), ("axial", "flexion=-20,adduction=5,rotation=-15"), ("posterior", "sitting")):
        out = tmp_path / f"{view}-{len(shots)}.png"
        result = subprocess.run([sys.executable, "-m", "viewer", "--view", view, "--pose", pose, "--screenshot", str(out),
                                 "--size", "1200x800", "--data-dir", str(tmp_path / "data")], cwd=repo,
                                capture_output=True, text=True, timeout=120,
                                env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(repo), "PATH": "/usr/bin:/bin"})
        assert result.returncode == 0, result.stderr
        shots[(view, pose)] = QImage(str(out))
    neutral, stride = shots[("axial", "neutral")], shots[("axial", "flexion=-20,adduction=5,rotation=-15")]
    assert neutral.size() == stride.size() and neutral.width() == 1200
    assert neutral != stride  # the femur moved
    bad = subprocess.run([sys.executable, "-m", "viewer", "--view", "axial", "--pose", "rotation=60", "--screenshot",
                          str(tmp_path / "x.png")], cwd=repo, capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(repo), "PATH": "/usr/bin:/bin"})
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "45° internal rotation" in bad.stderr
    assert not (tmp_path / "x.png").exists()


def test_text_size_reaches_the_motion_panel(motion, qtbot):
    window, panel = motion
    window.chairside.present_action.setChecked(True)
    window.chairside.present_action.setChecked(False)  # presenting sets a font; leaving must hand it back
    before = panel.readout.font().pointSizeF()
    window.text_size.bigger_action.trigger()
    qtbot.waitUntil(lambda: panel.readout.font().pointSizeF() > before)
    assert panel.controls.value_labels["flexion"].font().pointSizeF() > before
    window.text_size.smaller_action.trigger()


def test_an_animation_frame_repaints_only_what_moves(motion, qtbot):
    """Issue 18's frame time: a frame repaints the femur, quadratus and calipers, not the whole top of the picture."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QRegion

    window, panel = motion
    view = panel.view
    painted: list[QRegion] = []
    original = view.paintEvent

    def spy(event):
        painted.append(QRegion(event.region()))
        original(event)

    view.paintEvent = spy
    panel.request(Pose(flexion=-20, adduction=5, rotation=-15), animate=False)
    qtbot.waitUntil(lambda: bool(painted))
    region = painted[-1]
    note_strip = QRect(0, 0, view.width(), view.svg_to_widget().mapRect(view.view_box()).top() + 30)
    assert not region.intersects(note_strip)  # the deep-flexion note is not shown: its strip is not repainted
    area = sum(r.width() * r.height() for r in region)
    assert area < 0.4 * view.width() * view.height()
    painted.clear()
    panel.request(Pose(flexion=110), animate=False)  # deep flexion: the note appears, and is painted
    qtbot.waitUntil(lambda: bool(painted))
    assert view.drawn_nearer() and painted[-1].intersects(note_strip)
