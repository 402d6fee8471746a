"""Monkey test: 10,000 random mouse and keyboard events, with a fixed seed, across every mode
(present, pen, docks, study, search, themes, text size...): no exception, no Qt warning, and
memory flat after warm-up. Modal dialogs and file pickers that open are closed at once."""

from __future__ import annotations

import ctypes
import gc
import os
import random
import statistics
import sys
import time

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDesktopServices, QPixmapCache, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from viewer.qt.app.text_size import DEFAULT_STEP
from viewer.qt.app.theme import LIGHT

from walk_helpers import dialogs_cancelled, safe_actions, trigger_everything

SEED = 20261121
EVENTS = 10_000
WARM_UP = 2_000
READ_EVERY = 1_000  # memory is read after warm-up and then every READ_EVERY events
MAX_GROWTH_MB = 6  # a leak of 1 KB per event (8 MB over the 8,000 events read) fails
KEYS = [Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Left, Qt.Key.Key_Right,
        Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Home,
        Qt.Key.Key_End, Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Equal, Qt.Key.Key_L, Qt.Key.Key_P,
        Qt.Key.Key_A, Qt.Key.Key_S, Qt.Key.Key_E, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Backspace]
MODIFIERS = [Qt.KeyboardModifier.NoModifier] * 6 + [Qt.KeyboardModifier.ControlModifier,
                                                    Qt.KeyboardModifier.AltModifier,
                                                    Qt.KeyboardModifier.ShiftModifier]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Monkey:
    def __init__(self, window, rng: random.Random):
        self.window = window
        self.rng = rng
        self.actions = safe_actions(window)  # once: menus that refill on show make new actions each time
        self.shortcuts = [s for a in self.actions for s in a.shortcuts()]
        self.moves = ([self.click] * 3 + [self.drag] * 2 + [self.wheel] * 2 + [self.key] * 4 + [self.shortcut] * 2
                      + [self.click_anywhere] * 2 + [self.action])

    def target(self) -> QWidget:
        view, panel = self.window.view.viewport(), self.window.panel.viewport()
        return view if self.rng.random() < 0.6 else panel

    def point(self, widget: QWidget) -> QPoint:
        return QPoint(self.rng.randrange(max(widget.width(), 1)), self.rng.randrange(max(widget.height(), 1)))

    def click(self) -> None:
        widget = self.target()
        button = self.rng.choice([Qt.MouseButton.LeftButton] * 4 + [Qt.MouseButton.RightButton])
        if self.rng.random() < 0.1:
            QTest.mouseDClick(widget, button, Qt.KeyboardModifier.NoModifier, self.point(widget))
        else:
            QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, self.point(widget))

    def drag(self) -> None:
        widget = self.target()
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, self.point(widget))
        for _ in range(self.rng.randint(1, 4)):
            QTest.mouseMove(widget, self.point(widget))
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, self.point(widget))

    def wheel(self) -> None:
        widget = self.target()
        pos = QPointF(self.point(widget))
        delta = self.rng.choice([-240, -120, 120, 240])
        modifiers = self.rng.choice([Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier])
        event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(), QPoint(0, delta),
                            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)

    def key(self) -> None:
        target = self.focus()
        QTest.keyClick(target, self.rng.choice(KEYS), self.rng.choice(MODIFIERS))

    def shortcut(self) -> None:
        combination = self.rng.choice(self.shortcuts)[0]
        target = self.focus()
        QTest.keyClick(target, combination.key(), combination.keyboardModifiers())

    def action(self) -> None:
        actions = [a for a in self.actions if shiboken6.isValid(a) and a.isEnabled() and a.isVisible()]
        self.rng.choice(actions).trigger()

    def click_anywhere(self) -> None:
        """A click anywhere in the window: toolbars, docks, buttons, lists."""
        pos = self.point(self.window)
        child = self.window.childAt(pos)
        if child is not None:
            QTest.mouseClick(child, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, child.mapFrom(self.window, pos))

    def focus(self) -> QWidget:
        """Where typing goes: the focused control of the window (never one of a dialog just closed)."""
        widget = QApplication.focusWidget()
        if widget is None or not widget.isVisible() or QWidget.window(widget) is not self.window:
            return self.window
        return widget

    def step(self) -> None:
        if QWidget.window(QApplication.focusWidget() or self.window) is not self.window:
            self.window.activateWindow()  # a dock floated or a tooltip took focus: back to the window
        self.rng.choice(self.moves)()


def usual_state(window) -> None:
    """Back to how the window starts: no presentation, no side panel or dialog open, text at the
    system's size, light theme, deep space, commonest sciatic type, patient level, overview lesson.
    Memory depends on what is on screen (a full-screen diagram, a body chart at 250% text: tens of
    MB), so it is always read in this one state."""
    if window.chairside.presenting:
        window.chairside.leave_action.trigger()
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()
    for dock in window.findChildren(QDockWidget):
        dock.close()
    window.text_size.set_step(DEFAULT_STEP, remember=False)
    window.themes.set_theme(LIGHT.key, remember=False)
    window.depth_control.reset()
    window.variant_control.reset()
    window.set_level("patient")
    if not window.labels_action.isChecked():
        window.labels_action.trigger()
    window.go_home()


def settled_rss(window, qtbot) -> float:
    """Resident memory, in the usual state, without the diagram's bounded picture caches (tiles up to 128 MB, Qt's
    pixmap cache), which fill as the user zooms: what is left growing would be a leak. The diagram
    is fitted first, so the one picture that is redrawn at once is the same size each time."""
    usual_state(window)
    window.view.fit()
    for item in window.scene.items():
        if hasattr(item, "invalidate") and hasattr(item, "pending_tiles"):
            item.invalidate()
        if hasattr(item, "region_id"):  # a region's highlight pictures: at most PICTURES_PER_ITEM each, and
            item.__dict__.pop("_pictures", None)  # with every labelled structure a region (28) they add up
    qtbot.wait(20)
    gc.collect()
    QPixmapCache.clear()
    ctypes.CDLL("libc.so.6").malloc_trim(0)  # hand freed memory back, so RSS shows what is in use
    return rss_mb()


def memory_growth(readings: list[float]) -> float:
    """How much the last readings lie above the first: the median of the last three less that of
    the first three. A leak climbs steadily through the readings; one reading taken while some
    bounded picture cache happened to be full moves a median of three very little (one reading on
    its own swung by 9 MB, and on a busy CI worker by more)."""
    return statistics.median(readings[-3:]) - statistics.median(readings[:3])


def warm_up(window, qtbot) -> None:
    """What a user does in the first minutes: every feature opened and closed, twice (docks, dialogs
    and panels are built on first use and then kept)."""
    trigger_everything(window, qtbot)
    trigger_everything(window, qtbot)


@pytest.mark.qt_log_ignore("grabbing the keyboard", "grabbing the mouse")  # offscreen platform limits
def test_ten_thousand_random_events(repo, open_window, qtbot, monkeypatch):
    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: errors.append(info))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))  # a click on a web link
    window = open_window(repo, size=(1200, 800))
    window.quit_action.setEnabled(False)  # everything else is fair game
    monkey = Monkey(window, random.Random(SEED))
    readings: list[float] = []
    start = time.perf_counter()
    with dialogs_cancelled(monkeypatch) as dialogs:
        warm_up(window, qtbot)
        for number in range(EVENTS):
            monkey.step()
            if number % 50 == 0:
                qtbot.wait(1)  # let it paint, as the user would see it
            if number >= WARM_UP and number % READ_EVERY == 0:
                readings.append(settled_rss(window, qtbot))
        readings.append(settled_rss(window, qtbot))
        growth = memory_growth(readings)
    elapsed = time.perf_counter() - start
    print(f"\nmonkey: {EVENTS} events in {elapsed:.1f} s; RSS growth after warm-up {growth:.1f} MB "
          f"(readings {', '.join(f'{mb:.0f}' for mb in readings)} MB); {len(dialogs)} dialogs closed")
    assert not errors, errors[0]
    assert window.isVisible()
    assert growth < MAX_GROWTH_MB, f"memory grew {growth:.1f} MB after warm-up"
