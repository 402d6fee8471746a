"""What the app hands a screen reader, read through Qt's accessibility interfaces (the same ones
the AT-SPI, UI Automation and NSAccessibility bridges read; tests/test_screen_reader.py reads the
real AT-SPI bus)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from conftest import REPO
from access_helpers import children, interface, name


@pytest.fixture
def window(open_window):
    return open_window(REPO)


def test_every_structure_is_an_accessible_child_of_the_diagram(window):
    diagram = interface(window.view)
    structures = children(diagram)
    regions = [window.content.region(i) for i in window.view.region_ids()]
    assert [name(s) for s in structures] == [r.name for r in regions]  # the keyboard (Tab) order
    for structure, region in zip(structures, regions):
        assert structure.text(QAccessible.Text.Description) == region.description
        assert structure.parent().object() is window.view
        assert diagram.indexOfChild(structure) == structures.index(structure)
        assert not structure.rect().isEmpty()
        assert window.view.viewport().rect().contains(window.view.viewport().mapFromGlobal(structure.rect().center()))
        assert structure.state().focusable


def test_the_open_lesson_action_opens_the_structures_lesson(window, qtbot):
    diagram = interface(window.view)
    nerve = next(s for s in children(diagram) if name(s) == "Sciatic nerve")
    actions = nerve.actionInterface()
    assert actions.actionNames() == [QAccessibleActionInterface.pressAction()]
    assert actions.localizedActionName(QAccessibleActionInterface.pressAction()) == "Open lesson"
    actions.doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: window.panel.toPlainText().startswith("Sciatic nerve"))
    assert window.view.selected_id == "sciatic-nerve"
    assert nerve.state().selected


def test_tab_gives_the_structure_the_focus_a_screen_reader_is_told_of(window, qtbot):
    events = []
    window.view.structureFocused.connect(events.append)
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    diagram = interface(window.view)
    focused = diagram.focusChild()
    assert focused is not None and name(focused) == window.content.region(window.view.region_ids()[1]).name
    assert focused.state().focused
    assert events == window.view.region_ids()[:2]


def test_the_lesson_is_a_document_of_headings_paragraphs_and_links(window):
    window.open_lesson("piriformis")
    page = interface(window.panel.viewport())
    assert page.role() == QAccessible.Role.Document
    assert name(page) == "Piriformis"
    blocks = children(page)
    headings = [name(b) for b in blocks if b.role() == QAccessible.Role.Heading]
    assert headings[0] == "Piriformis" and len(headings) >= 4
    links = [link for b in blocks for link in children(b) if link.role() == QAccessible.Role.Link]
    assert links and all(name(link) for link in links)
    assert all(link.parent().role() in (QAccessible.Role.Paragraph, QAccessible.Role.ListItem,
                                        QAccessible.Role.Heading, QAccessible.Role.Cell) for link in links)
    # the panel keeps its text for reading line by line
    panel = interface(window.panel)
    assert panel.textInterface().text(0, 10).startswith("Piriformis")


def test_a_lesson_link_can_be_followed_from_its_action(window, qtbot):
    window.open_lesson("what-is-dgs")
    page = interface(window.panel.viewport())
    link = next(link for b in children(page) for link in children(b)
                if link.role() == QAccessible.Role.Link and name(link).lower() == "the nerve itself")
    link.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: window.current_lesson() == "sciatic-nerve")


def test_charts_are_in_the_document_with_their_numbers_in_words(window, qtbot):
    window.set_level("clinical")
    window.open_lesson("ischiofemoral-tunnel", "imaging")
    qtbot.waitUntil(lambda: window.panel.charts.widget("ifs-mri") is not None
                    and window.panel.charts.widget("ifs-mri").isVisible())
    page = interface(window.panel.viewport())
    charts = [c for c in children(page) if name(c).startswith("Chart:")]
    assert charts
    assert any(char.isdigit() for char in charts[0].text(QAccessible.Text.Description))


def test_nothing_visible_or_focusable_is_unnamed(window):
    """Every visible control in the window says what it is (separators and empty spacers aside)."""
    window.open_lesson("piriformis")
    silent = {QAccessible.Role.Separator, QAccessible.Role.Whitespace, QAccessible.Role.Grouping,
              QAccessible.Role.Pane, QAccessible.Role.Client, QAccessible.Role.Window, QAccessible.Role.Border}
    unnamed = []

    def walk(iface, depth=0):
        state = iface.state()
        if not state.invisible and iface.role() not in silent and not name(iface).strip():
            widget = iface.object()
            unnamed.append(f"{iface.role()} {type(widget).__name__ if widget else ''} "
                           f"{widget.objectName() if isinstance(widget, QWidget) else ''}")
        if depth < 12 and iface.role() != QAccessible.Role.PopupMenu:
            for child in children(iface):
                if child is not None:
                    walk(child, depth + 1)

    walk(interface(window))
    assert unnamed == []


def test_a_quiz_answer_is_announced_not_only_drawn(open_window, mini_dir, announcements):
    from PySide6.QtTest import QTest

    window = open_window(mini_dir)
    window.level_actions["clinical"].trigger()
    runner = window.study_actions.session()
    runner.dock.topic_box.setCurrentIndex(runner.dock.topic_box.findData("tests"))
    assert runner.start("questions")
    QTest.keyClick(window, Qt.Key.Key_2)  # wrong: Band
    assert announcements and announcements[-1].startswith("Not quite: the answer is Lower muscle.")
    assert "The lower muscle is at the bottom." in announcements[-1]  # the why, in words, no markup
    assert "<" not in announcements[-1]


def test_a_position_change_is_announced(window, announcements):
    position = window.content.positions[0]
    window.chairside.positions.show()
    window.chairside.positions.select(position.id)
    assert announcements[-1] == f"{position.name}: {position.patient}"


DEPTHS = {"skin": ({"Buttock (skin)"}, {"Piriformis", "Sciatic nerve", "Gluteus maximus"}),
          "gluteus-maximus": ({"Gluteus maximus", "Sciatic nerve"}, {"Piriformis", "Buttock (skin)"}),
          "deep": ({"Piriformis", "Sciatic nerve"}, {"Gluteus maximus", "Buttock (skin)"})}


@pytest.mark.parametrize("layer", list(DEPTHS))
def test_the_structure_list_follows_the_depth(window, qtbot, layer):
    """At each depth the list is what can be seen and clicked there, and Tab walks exactly that list."""
    from gui_helpers import click_scene

    window.depth_control.show_layer(layer, animate=False)
    diagram = interface(window.view)
    structures = children(diagram)
    names = [name(s) for s in structures]
    listed, hidden = DEPTHS[layer]
    assert listed <= set(names) and not hidden & set(names), names
    regions = {r.name: r for r in window.content.regions}
    for structure in structures:  # where the screen reader says it is holds a point a click reaches it at
        point = window.depth_control.point(regions[name(structure)])
        on_screen = window.view.viewport().mapToGlobal(window.view.mapFromScene(QPointF(*point)))
        assert structure.rect().adjusted(-1, -1, 1, 1).contains(on_screen), name(structure)
        assert diagram.childAt(on_screen.x(), on_screen.y()).object() is structure.object()
    if layer == "gluteus-maximus":  # only the nerve's lower part shows: only that part is claimed
        nerve = next(s for s in structures if name(s) == "Sciatic nerve")
        whole = window.view.mapFromScene(window.scene.region_items["sciatic-nerve"].sceneBoundingRect()).boundingRect()
        shown = window.view.viewport().mapFromGlobal(nerve.rect().topLeft())
        assert shown.y() > whole.top() + whole.height() / 3
        point = window.view.mapToScene(window.view.viewport().mapFromGlobal(nerve.rect().center()))
        click_scene(window, point.x(), point.y())
        assert window.view.selected_id != "gluteus-maximus"  # its box's middle is not on the muscle
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    walked = []
    for _ in names:
        QTest.keyClick(window.view, Qt.Key.Key_Tab)
        focused = diagram.focusChild()
        walked.append(name(focused) if focused is not None else None)
    assert walked == names
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    assert not window.view.hasFocus()  # past the last listed structure, Tab leaves the diagram


def test_a_screen_reader_is_told_when_the_depth_changes_the_list(window, monkeypatch):
    from viewer.qt.access import diagram as module

    told: list[tuple] = []
    monkeypatch.setattr(module, "_tell", lambda event: told.append((event.type(), name(interface(event.object())))))
    diagram = interface(window.view)
    deep = [name(s) for s in children(diagram)]
    window.depth_control.show_layer("gluteus-maximus", animate=False)
    gone = {n for kind, n in told if kind == QAccessible.Event.ObjectDestroyed}
    made = {n for kind, n in told if kind == QAccessible.Event.ObjectCreated}
    now = [name(s) for s in children(diagram)]
    assert gone == set(deep) - set(now) and "Piriformis" in gone
    assert made == set(now) - set(deep) and "Gluteus maximus" in made
