"""Helpers for the tests that walk every feature of the window generically (offline, keyboard,
accessibility, monkey): they enumerate the window's actions and menus instead of naming features,
so features added later are covered as they land."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QToolBar, QWidgetAction

SKIP_TEXTS = ("quit", "exit")  # would end the session the test is walking


def plain(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


def menus_of(window) -> list[QMenu]:
    """Every menu reachable from the menu bar, submenus included, in menu-bar order."""
    found: list[QMenu] = []

    def visit(menu: QMenu) -> None:
        if menu in found:
            return
        found.append(menu)
        menu.aboutToShow.emit()  # menus filled on first show (bookmarks, recent...) fill now
        for action in menu.actions():
            if action.menu():
                visit(action.menu())

    for action in window.menuBar().actions():
        if action.menu():
            visit(action.menu())
    return found


def actions_of(window) -> list[QAction]:
    """Every distinct action of the window: its own, those in menus and those on toolbars."""
    seen: list[QAction] = []
    candidates = list(window.actions())
    for menu in menus_of(window):
        candidates += menu.actions()
    for bar in window.findChildren(QToolBar):
        candidates += bar.actions()
    for action in candidates:
        if action in seen or action.isSeparator() or action.menu() is not None:
            continue
        if isinstance(action, QWidgetAction):  # a widget on a toolbar: walked as a widget
            continue
        seen.append(action)
    return seen


def safe_actions(window) -> list[QAction]:
    return [a for a in actions_of(window) if plain(a.text()).lower() not in SKIP_TEXTS
            and a is not getattr(window, "quit_action", None)]


@contextmanager
def dialogs_cancelled(monkeypatch):
    """While active: file pickers answer "cancelled", and any modal dialog, message box or popup
    menu that opens is closed again at once, as a user pressing Escape would."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    seen: list[str] = []

    def close_modal() -> None:
        app = QApplication.instance()
        popup = app.activePopupWidget()
        if popup is not None:
            popup.close()
        modal = app.activeModalWidget()
        if modal is not None:
            seen.append(modal.windowTitle())
            if isinstance(modal, QDialog):
                modal.done(0)
            else:
                modal.close()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(close_modal)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()


def trigger_everything(window, qtbot) -> list[str]:
    """Trigger every action once; checkable ones twice, so the window ends as it began."""
    done = []
    for action in safe_actions(window):
        if not action.isEnabled():
            continue
        action.trigger()
        qtbot.wait(1)
        if action.isCheckable() and action.actionGroup() is None and action.isEnabled():
            action.trigger()
            qtbot.wait(1)
        done.append(plain(action.text()))
    return done
