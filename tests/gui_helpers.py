"""Small helpers to drive the real window the way a user does."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest


def view_point(window, x: float, y: float) -> QPoint:
    return window.view.mapFromScene(QPointF(x, y))


def click_scene(window, x: float, y: float) -> None:
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view_point(window, x, y))


def move_to_scene(window, x: float, y: float) -> None:
    QTest.mouseMove(window.view.viewport(), view_point(window, x, y))


def lesson_text(window) -> str:
    return window.panel.toPlainText()


def point_just_outside(shape, inside, gap: float = 4.0):
    """Walk from an inside point until the shape is left, then a few units further."""
    x0, y0 = inside
    for angle in range(0, 360, 15):
        dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        distance = 0.0
        while shape.contains(x0 + dx * distance, y0 + dy * distance) and distance < 3000:
            distance += 0.5
        x, y = x0 + dx * (distance + gap), y0 + dy * (distance + gap)
        if not shape.contains(x, y):
            return x, y
    raise AssertionError("no point outside the shape found")
