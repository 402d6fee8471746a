"""Saying something that changed on screen without moving focus ("Right: piriformis", "Sitting:
tensed piriformis"): an announcement event, which screen readers read out (Qt 6.8 and later)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible


def announce(widget, message: str, assertive: bool = False) -> None:
    if not message or not QAccessible.isActive():
        return
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, message)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
