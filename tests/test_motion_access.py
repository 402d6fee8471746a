"""The hip-in-motion view as a screen reader finds it, read through Qt's accessibility interfaces
(the ones the AT-SPI, UI Automation and NSAccessibility bridges read), and walked with the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtTest import QTest

from viewer.model.motion.comparison import SINGER
from viewer.model.motion.pose import Pose
from access_helpers import children, description, interface, name


@pytest.fixture
def motion(open_window, repo, qtbot):
    window = open_window(repo, size=(1500, 950))
    QTest.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.motion.dock is not None and window.motion.dock.isVisible())
    panel = window.motion.panel
    qtbot.waitExposed(panel.view)
    return window, panel


def test_axial_structures_are_named_children_with_their_places_on_screen(motion):
    window, panel = motion
    view = interface(panel.view)
    assert view.role() == QAccessible.Role.Graphic
    assert name(view).startswith("Axial view")
    assert "Hip position: hip straight" in description(view) and "Tab moves between the structures" in description(view)
    structures = children(view)
    expected = [window.content.region(rid) for rid in ("ischiofemoral-tunnel", "hamstring-origin", "sciatic-nerve")]
    assert [name(s) for s in structures] == [r.name for r in expected]
    for index, (structure, region) in enumerate(zip(structures, expected)):
        assert description(structure).startswith(region.description)
        assert structure.parent().object() is panel.view
        assert view.indexOfChild(structure) == index
        rect = structure.rect()
        assert not rect.isEmpty()
        assert panel.view.rect().contains(panel.view.mapFromGlobal(rect.center()))
        assert view.childAt(rect.center().x(), rect.center().y()).object() is structure.object() or index == 0
        assert structure.state().focusable
    tunnel = structures[0]
    m = panel.view.measures
    assert f"ischiofemoral space {m.ifs.mm:.0f} mm" in description(tunnel)


def test_the_tunnels_place_follows_the_pose(motion):
    window, panel = motion
    tunnel = children(interface(panel.view))[0]
    before = tunnel.rect()
    panel.request(Pose(flexion=90), animate=False)
    after = tunnel.rect()
    assert after != before
    assert f"ischiofemoral space {panel.view.measures.ifs.mm:.0f} mm" in description(tunnel)
    assert "90° flexion" in description(interface(panel.view))


def test_press_action_opens_the_structures_lesson(motion, qtbot):
    window, panel = motion
    nerve = next(s for s in children(interface(panel.view)) if name(s) == "Sciatic nerve")
    actions = nerve.actionInterface()
    assert actions.actionNames() == [QAccessibleActionInterface.pressAction()]
    assert actions.localizedActionName(QAccessibleActionInterface.pressAction()) == "Open lesson"
    actions.doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: window.current_lesson() == "sciatic-nerve")


def test_tab_walks_the_structures_and_enter_opens_one(motion, qtbot):
    window, panel = motion
    events: list[str] = []
    panel.view.structureFocused.connect(events.append)
    panel.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.view.hasFocus)
    assert panel.view.focused_id == "ischiofemoral-tunnel"
    QTest.keyClick(panel.view, Qt.Key.Key_Tab)
    assert panel.view.focused_id == "hamstring-origin"
    focused = interface(panel.view).focusChild()
    assert focused is not None and name(focused) == window.content.region("hamstring-origin").name
    assert focused.state().focused
    before = panel.view.grab().toImage()
    QTest.keyClick(panel.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_lesson() == "hamstring-origin")
    assert panel.view.hasFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_Up)  # the arrows still move the hip
    assert panel.target == Pose(flexion=5)
    QTest.keyClick(panel.view, Qt.Key.Key_Tab)
    QTest.keyClick(panel.view, Qt.Key.Key_Tab)  # past the last structure: focus leaves the picture
    assert not panel.view.hasFocus() and panel.view.focused_id == ""
    assert events == ["ischiofemoral-tunnel", "hamstring-origin", "sciatic-nerve", ""]
    assert not before.isNull()


def test_the_focus_ring_is_drawn_on_the_focused_structure(motion, qtbot):
    window, panel = motion
    panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(panel.view.hasFocus)
    plain = panel.view.grab().toImage()
    panel.view.set_focused_region("sciatic-nerve")
    ringed = panel.view.grab().toImage()
    rect = panel.view.region_rect("sciatic-nerve").adjusted(-4, -4, 4, 4).toAlignedRect()
    changed = [(x, y) for x in range(0, plain.width(), 2) for y in range(0, plain.height(), 2)
               if plain.pixel(x, y) != ringed.pixel(x, y)]
    assert changed and all(rect.adjusted(-8, -8, 8, 8).contains(x, y) for x, y in changed)


def test_gauge_rows_say_the_values_against_the_bands(motion):
    window, panel = motion
    panel.request(Pose(flexion=-20, adduction=5, rotation=-15), animate=False)  # the long stride
    gauge = interface(panel.gauge)
    assert gauge.role() == QAccessible.Role.Chart
    m = panel.view.measures
    rows = children(gauge)
    assert [name(r) for r in rows] == [f"Ischiofemoral space (IFS): {m.ifs.mm:.0f} mm",
                                       f"Quadratus femoris space (QFS): {m.qfs.mm:.0f} mm"]
    ifs_low = SINGER["ifs"]["control"][0] - SINGER["ifs"]["control"][1]
    assert m.ifs.mm < ifs_low
    assert "narrower than most hips without ischiofemoral impingement (average 26 mm, give or take 8)" in description(rows[0])
    assert "dashed mark at 18 mm" in description(rows[0])
    assert panel.gauge.accessibleDescription() == description(gauge)
    assert description(rows[0]) in description(gauge) and description(rows[1]) in description(gauge)
    for row in rows:
        assert panel.gauge.rect().contains(panel.gauge.mapFromGlobal(row.rect().center()))
    assert rows[0].rect().top() < rows[1].rect().top()
    panel.request(Pose(flexion=90), animate=False)  # the same row, asked again, says the new value
    assert name(rows[0]) == f"Ischiofemoral space (IFS): {panel.view.measures.ifs.mm:.0f} mm"
    assert "wider than most hips without ischiofemoral impingement" in description(rows[0])


def test_gauge_description_is_not_rewritten_on_every_frame(motion, qtbot):
    window, panel = motion
    settled = panel.gauge.accessibleDescription()
    panel.request(Pose(flexion=90), animate=True)
    qtbot.waitUntil(lambda: 0 < panel.pose.flexion < 90)
    assert panel.gauge.accessibleDescription() == settled  # mid-animation: the screen reader is not flooded
    qtbot.waitUntil(lambda: panel.pose.flexion == 90)
    assert panel.gauge.accessibleDescription() != settled


def test_sliders_give_name_value_and_the_angle_in_words(motion):
    window, panel = motion
    slider = panel.controls.sliders["flexion"]
    slider.setValue(-20)
    acc = interface(slider)
    assert acc.role() == QAccessible.Role.Slider
    assert name(acc) == "Hip flexion (bend) and extension (back)"
    assert acc.valueInterface().currentValue() == -20
    assert description(acc) == "20 degrees of extension"
    assert panel.controls.value_labels["flexion"].text() == description(acc)  # what is shown is what is said


def test_a_preset_is_announced_when_it_arrives(motion, qtbot, announcements):
    window, panel = motion
    qtbot.mouseClick(panel.controls.preset_buttons["long-stride"], Qt.MouseButton.LeftButton)
    assert announcements == []  # nothing while the hip is moving
    qtbot.waitUntil(lambda: panel.animation.state() == panel.animation.State.Stopped)
    preset = next(p for p in panel.controls.presets if p.id == "long-stride")
    m = panel.view.measures
    assert len(announcements) == 1
    said = announcements[0]
    assert said.startswith(f"{preset.name}: ischiofemoral space {m.ifs.mm:.0f} mm, narrower than most hips "
                           "without ischiofemoral impingement")
    assert f"quadratus femoris space {m.qfs.mm:.0f} mm" in said and said.endswith("Model, not a measurement.")


def test_a_key_in_the_picture_is_announced_with_the_pose_in_words(motion, qtbot, announcements):
    window, panel = motion
    panel.view.setFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: panel.animation.state() == panel.animation.State.Stopped)
    assert announcements and announcements[-1].startswith("5° flexion, no side tilt, no turn: ischiofemoral space")


def test_slider_moves_are_not_announced(motion, announcements):
    window, panel = motion
    panel.controls.sliders["rotation"].setValue(-30)
    assert announcements == []


def test_the_pictures_pose_keys_are_the_shortcut_tables(motion, qtbot, monkeypatch):
    """Help, the README and a screen reader list the keys that move the hip in the picture, from the one
    shortcut table; and the picture answers to the table's keys: give "bend" another key there and Up no
    longer bends the hip, that key does."""
    from viewer.qt.app.shortcuts import BY_ID, MOTION, SHORTCUTS, keys_text

    window, panel = motion
    rows = [item for item in SHORTCUTS if item.group == MOTION]
    assert {key for item in rows for key in item.keys} == {"Up", "Down", "Left", "Right", "Page Up", "Page Down",
                                                           "Home"}
    spoken = description(interface(panel.view))
    assert all(f"{keys_text(item)}: {item.text[:1].lower()}{item.text[1:]}" in spoken for item in rows), spoken
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.help.dialogs["shortcuts"]
    qtbot.waitExposed(dialog)
    listed = dialog.text.toPlainText()
    dialog.close()
    assert MOTION in listed and "Page Down" in listed and "Turn the leg a step outward (external rotation)" in listed
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    QTest.keyClick(panel.view, Qt.Key.Key_PageUp)
    assert panel.target == Pose(rotation=5)
    QTest.keyClick(panel.view, Qt.Key.Key_Home)
    assert panel.target == Pose()
    monkeypatch.setitem(BY_ID, "motion.bend", BY_ID["motion.bend"]._replace(keys=("B",)))
    QTest.keyClick(panel.view, Qt.Key.Key_Up)
    assert panel.target == Pose()  # Up is not in the table any more
    QTest.keyClick(panel.view, Qt.Key.Key_B)
    assert panel.target == Pose(flexion=5)
    QTest.keyClick(panel.view, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    assert panel.target == Pose(flexion=5)  # a modified key is not the table's
