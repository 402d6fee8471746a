"""How the main toolbar's own controls are drawn."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton


def test_lessons_drop_down_mark_does_not_cover_its_text(open_window, repo, qtbot):
    """The Lessons button draws exactly its text: no drop-down arrow painted over the last letter."""
    window = open_window(repo)
    [button] = [b for b in window.toolbar.findChildren(QToolButton) if b.accessibleName() == "Lessons"]
    assert button.menu() is window.lessons_menu and button.isVisible()
    plain = QToolButton(window.toolbar)  # the same text, no menu: what the button should look like
    plain.setText(button.text())
    plain.setToolButtonStyle(button.toolButtonStyle())
    plain.setFont(button.font())
    plain.setAutoRaise(button.autoRaise())
    plain.setGeometry(button.geometry().translated(0, 200))
    plain.show()
    assert button.text().startswith("Lessons")
    assert button.grab().toImage() == plain.grab().toImage()
    metrics = button.fontMetrics()
    assert button.width() >= metrics.horizontalAdvance(button.text()) + 4  # the whole text fits
