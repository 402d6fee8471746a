"""Every feature by keyboard alone: each menu opens with Alt+its letter and every item in it can
be reached with the arrow keys; every shortcut triggers its action; no two actions share a key;
Tab reaches every control on screen (and every structure of the diagram); Enter opens a lesson.
Actions and menus are enumerated from the window, so features added later are walked too."""

from __future__ import annotations

from collections import Counter

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from walk_helpers import actions_of, dialogs_cancelled, menus_of, plain, safe_actions


def press(sequence: QKeySequence) -> None:
    """Type a key combination into whatever has the focus, as the user would."""
    combination = sequence[0]
    target = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClick(target, combination.key(), combination.keyboardModifiers())


def mnemonic(title: str) -> str | None:
    index = title.find("&")
    return title[index + 1].lower() if 0 <= index < len(title) - 1 else None


def test_no_two_actions_share_a_key(repo, open_window):
    window = open_window(repo)
    keys = Counter()
    for action in actions_of(window):
        for sequence in action.shortcuts():
            keys[sequence.toString()] += 1
    shared = [key for key, count in keys.items() if count > 1]
    assert not shared, f"shortcuts used twice: {shared}"


@pytest.mark.qt_log_ignore("grabbing the keyboard")  # offscreen platform limit, as in pyproject
def test_every_menu_has_a_unique_alt_letter_and_every_item_is_reachable(repo, open_window, qtbot, monkeypatch):
    window = open_window(repo)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    letters = [mnemonic(t) for t in titles]
    assert None not in letters, f"menus without an Alt letter: {[t for t in titles if not mnemonic(t)]}"
    assert len(set(letters)) == len(letters), f"menus sharing an Alt letter: {titles}"
    with dialogs_cancelled(monkeypatch):
        for title, letter in zip(titles, letters):
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            QTest.keyClick(window, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
            qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
            menu = QApplication.activePopupWidget()
            assert plain(menu.title()) == plain(title)
            wanted = {a for a in menu.actions() if a.isVisible() and a.isEnabled() and not a.isSeparator()}
            reached = set()
            for _ in range(len(menu.actions()) + 2):
                QTest.keyClick(menu, Qt.Key.Key_Down)
                if menu.activeAction() is not None:
                    reached.add(menu.activeAction())
            assert wanted <= reached, f"{plain(title)}: not reachable: {[plain(a.text()) for a in wanted - reached]}"
            QTest.keyClick(menu, Qt.Key.Key_Escape)
            if QApplication.activePopupWidget() is not None:  # Escape on a menu from the bar returns to the bar
                QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)


def test_every_action_is_in_a_menu_or_has_a_shortcut(repo, open_window):
    window = open_window(repo)
    in_menus = {plain(a.text()) for m in menus_of(window) for a in m.actions()}  # menus may refill when shown
    lost = [plain(a.text()) for a in actions_of(window) if plain(a.text()) not in in_menus and not a.shortcuts()
            and a.isVisible()]
    assert not lost, f"actions only reachable with the mouse: {lost}"


def test_every_shortcut_triggers_its_action(repo, open_window, qtbot, monkeypatch):
    window = open_window(repo)
    with dialogs_cancelled(monkeypatch):
        for action in safe_actions(window):
            if not action.shortcuts():
                continue
            for sequence in action.shortcuts():
                if not action.isEnabled():
                    break
                fired = []
                action.triggered.connect(lambda *_, fired=fired: fired.append(1))
                window.activateWindow()
                qtbot.waitUntil(window.isActiveWindow)
                if QApplication.focusWidget() is None or QWidget.window(QApplication.focusWidget()) is not window:
                    window.panel.setFocus()
                press(sequence)
                qtbot.wait(1)
                assert fired, f"{sequence.toString()} did not trigger '{plain(action.text())}'"
                if action.isCheckable() and action.actionGroup() is None and action.isEnabled():
                    action.trigger()  # back as it was
                    qtbot.wait(1)


def focusable_on_screen(window) -> set[QWidget]:
    found = set()
    for widget in window.findChildren(QWidget):
        if (widget.isVisible() and widget.isEnabled() and QWidget.window(widget) is window
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None
                and not isinstance(widget, QMenu)):
            found.add(widget)
    return found


def test_tab_reaches_every_control_and_every_structure(repo, open_window, qtbot, monkeypatch):
    window = open_window(repo)
    with dialogs_cancelled(monkeypatch):  # open every dock and panel that features add
        for action in safe_actions(window):
            if action.isCheckable() and not action.isChecked() and action.actionGroup() is None and \
                    "present" not in plain(action.text()).lower():
                action.trigger()
                qtbot.wait(1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    wanted = focusable_on_screen(window)
    reached, regions = set(), set()
    for _ in range(len(wanted) * 3 + len(window.view.region_ids()) + 20):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
        if window.view.hasFocus() and window.view.focused_id:
            regions.add(window.view.focused_id)
    missing = [f"{w.__class__.__name__} '{w.accessibleName() or w.objectName()}'" for w in wanted - reached]
    assert not missing, f"Tab never reaches: {missing}"
    assert regions == set(window.view.region_ids())


def test_enter_on_a_structure_and_on_a_link_opens_the_lesson(mini_dir, open_window, qtbot):
    window = open_window(mini_dir)
    window.panel.setFocus()
    qtbot.waitUntil(window.panel.hasFocus)
    window.view.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab into the diagram does
    qtbot.waitUntil(window.view.hasFocus)
    assert window.view.focused_id
    region = window.content.region(window.view.focused_id)
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert window.current_lesson() == region.lesson
    assert window.open_lesson("upper")
    window.panel.setFocus()
    for _ in range(10):  # Tab moves through the lesson's links; Enter follows one
        QTest.keyClick(window.panel, Qt.Key.Key_Tab)
        if window.panel.textCursor().charFormat().anchorHref().startswith("lesson:"):
            break
    assert window.panel.textCursor().charFormat().anchorHref() == "lesson:overview"
    QTest.keyClick(window.panel, Qt.Key.Key_Return)
    assert window.current_lesson() == "overview"
