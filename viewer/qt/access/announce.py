"""Saying something that changed on screen without moving focus ("Right: piriformis", "Sitting:
tensed piriformis"): an announcement event, which screen readers read out (Qt 6.8 and later)."""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

TAG = re.compile(r"<[^>]+>")


def announce(widget, message: str, assertive: bool = False) -> None:
    if not message or not QAccessible.isActive():
        return

    event = QAccessibleAnnouncementEvent(widget, message)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def strip_tags(rich_text: str) -> str:
    """A label's rich text as the words a screen reader should say."""
    return " ".join(html.unescape(TAG.sub(" ", rich_text)).split())
