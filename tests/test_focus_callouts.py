"""Keyboard focus on the diagram as a keyboard user sees it: a name callout that covers no printed
label, gone with the selection and with New patient; in Find-it, a pointer that gives no answer away."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from test_study import asked_region, study


def _tab_to(window, region_id: str) -> None:
    """Tab through the diagram's structures, as a keyboard user does, until ``region_id`` has focus."""
    view = window.view
    for _ in range(len(view.region_ids()) + 2):
        if view.focused_id == region_id:
            return
        if not view.hasFocus():  # Tab past the last structure left the diagram: back into it
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.focused_id == region_id, f"Tab never reached {region_id}: focus on {QApplication.focusWidget()}"


def _label_boxes_in_view(window) -> dict[str, QRectF]:
    from viewer.qt.diagram.label_boxes import label_text_rects

    view, items = window.view, window.scene.label_items
    return {label_id: QRectF(view.mapFromScene(rect).boundingRect())
            for label_id, rect in label_text_rects(window.content).items()
            if label_id in items and items[label_id].isVisible()}


def test_focus_callout_covers_no_label_and_stays_in_view(open_window, repo, qtbot):
    window = open_window(repo)
    view = window.view
    covered = []
    for size in ((1920, 1080), (1024, 700)):
        window.resize(*size)
        qtbot.waitUntil(lambda wanted=size: window.size().toTuple() == wanted)
        view.fit()
        for region_id in view.region_ids():
            _tab_to(window, region_id)  # the next structure: one Tab (a tall one may scroll the view)
            boxes = _label_boxes_in_view(window)
            tag = view.made_tag
            assert tag is not None and tag.isVisible() and tag.text.text() == window.content.region(region_id).name
            rect = QRectF(view.mapFromScene(tag.scenePos()), tag.rect().size())
            assert QRectF(view.viewport().rect()).contains(rect), region_id
            hits = [label for label, box in boxes.items() if box.intersects(rect)]
            if hits:
                covered.append((size, region_id, hits))
    assert covered == []


def test_focus_callout_goes_with_the_selection_and_new_patient(open_window, repo):
    window = open_window(repo)
    view = window.view
    _tab_to(window, view.region_ids()[1])
    assert view.made_tag.isVisible()
    QTest.keyClick(view, Qt.Key.Key_Escape)  # clear the selection
    assert not view.made_tag.isVisible() and view.focused_id is None
    assert not any(item.focused for item in window.scene.region_items.values())
    _tab_to(window, view.region_ids()[0])
    assert view.made_tag.isVisible()
    window.chairside.new_patient_action.trigger()
    assert not view.made_tag.isVisible() and view.focused_id is None
    assert not any(item.focused or item.isVisible() for item in window.scene.region_items.values())


def test_find_it_focus_is_a_pointer_not_an_outline(open_window, mini_dir):
    window = open_window(mini_dir)
    view = window.view
    runner = study(window)
    runner.start("find")
    target = asked_region(window)
    other = next(r for r in view.region_ids() if r != target)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    _tab_to(window, other)
    items = window.scene.region_items
    assert not any(item.focused or item.isVisible() for item in items.values())  # no outline on any structure
    pointer = next(i for i in window.scene.items() if type(i).__name__ == "FocusPointer")
    assert pointer.isVisible() and pointer.text.text().startswith("Enter")
    inside = window.content.index().interior_point(window.content.region(other))
    assert pointer.pos() == QPointF(*inside)
    name = window.content.region(other).name
    tag = view.made_tag
    assert tag is None or not tag.isVisible() or tag.opacity() == 0 or tag.text.text() != name
    QTest.keyClick(view, Qt.Key.Key_Return)  # the pointer's structure is the answer given
    assert runner.session.outcomes and runner.session.outcomes[-1][0].region == target
    runner.stop()
    assert not pointer.isVisible()
    _tab_to(window, other)  # outside the quiz, the ordinary callout is back
    assert view.made_tag.isVisible() and view.made_tag.text.text() == name and items[other].focused


def test_find_it_names_a_labelled_structure_that_is_not_asked_about(open_window, bundled_copy):
    """A structure drawn and labelled on the diagram but not a clickable region (the bundled content has
    none left since adductor magnus became one, so a copy takes its region away)."""
    from gui_helpers import click_scene
    from viewer.model.diagram.labelled import labelled_structures

    regions = bundled_copy / "resources" / "regions.toml"
    text = regions.read_text(encoding="utf-8")
    start = text.index('[[region]]\nid = "adductor-magnus"')
    end = text.find("[[region]]", start + 10)
    regions.write_text(text[:start] + (text[end:] if end > 0 else ""), encoding="utf-8")
    window = open_window(bundled_copy)
    runner = study(window)
    runner.start("find")
    region_elements = {r.element for r in window.content.regions}
    adductor = next(s for s in labelled_structures(window.content.diagram) if s.art_id == "adductor-magnus")
    assert "adductor-magnus" not in region_elements
    index = window.content.index()
    box = adductor.shape.bbox
    point = next((x, y) for y in range(int(box.top) + 5, int(box.bottom), 7) for x in range(int(box.left) + 5,
                 int(box.right), 7) if adductor.shape.contains(x, y) and index.region_at(x, y) is None
                 and all(not s.shape.contains(x, y) for s in labelled_structures(window.content.diagram)
                         if s.art_id != "adductor-magnus" and s.art_id not in region_elements))
    window.view.centerOn(*point)
    click_scene(window, *point)
    message = window.statusBar().currentMessage()
    assert message.startswith("That is the adductor magnus") and "not one of the structures this quiz asks" in message
    assert "Find: " in message and not runner.session.answered  # not counted as an answer
    click_scene(window, box.left - 200 if box.left > 250 else 5, 5)  # the paper around the art
    assert window.statusBar().currentMessage().startswith("That is not a structure")


def test_quiz_ended_does_not_stay_in_the_status_bar(open_window, mini_dir, qtbot, monkeypatch):
    from viewer.qt.study import session as session_module

    monkeypatch.setattr(session_module, "QUIZ_ENDED_MS", 50)
    window = open_window(mini_dir)
    runner = study(window)
    runner.start("find")
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.statusBar().currentMessage() == "Quiz ended."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=2000)
