"""The shortcut table (viewer/qt/app/shortcuts.py, no Qt) as Qt key sequences: for the window's
actions, and for the widgets that handle their own keys (the diagram, the Study panel), so that
every key the app answers to is the table's."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent, QKeySequence

from viewer.qt.app.shortcuts import shortcut as shortcut_of

# the key a user calls "Enter" is Return on most keyboards, Enter on the keypad: both answer
SAME_KEY = {"Enter": ("Return", "Enter")}


def key_sequences(shortcut_id: str, key: int | None = None) -> list[QKeySequence]:
    """The keys of one row of the shortcut table (the platform's standard key first), without repeats."""
    item = shortcut_of(shortcut_id)
    keys = [item.keys[key]] if key is not None else list(item.keys)
    sequences = [QKeySequence(getattr(QKeySequence.StandardKey, item.standard))] if item.standard else []
    for sequence in map(QKeySequence, keys):  # platform defaults may repeat an explicit one
        if not sequence.isEmpty() and sequence not in sequences:
            sequences.append(sequence)
    return sequences


def pressed(event: QKeyEvent, shortcut_id: str) -> bool:
    """Whether ``event`` is one of the keys the table gives ``shortcut_id`` (a widget's own handler)."""
    combination = QKeySequence(event.keyCombination())
    names = [name for key in shortcut_of(shortcut_id).keys for name in SAME_KEY.get(key, (key,))]
    return any(QKeySequence(name).matches(combination) == QKeySequence.SequenceMatch.ExactMatch for name in names)
