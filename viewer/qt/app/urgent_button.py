"""The red Urgent help button, pinned in the menu bar's right-hand corner, outside the toolbar: a
toolbar that runs out of room (a small window, large text) hides its last buttons behind », never
this one. It stays there while presenting, when the menus make way."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenuBar, QToolButton

from viewer.qt.app import theme


class UrgentButton(QToolButton):
    """Bold, at the application's text size. Qt does not pass a new application font on to a widget
    with a style sheet, so the window does (see MainWindow.changeEvent)."""

    def __init__(self, action: QAction, menu_bar: QMenuBar):
        super().__init__()
        self.follow_application_font()
        self.setDefaultAction(action)
        self.setObjectName("urgent")
        self.setAccessibleName("Urgent help")
        self.setProperty("toolButtonStyle", "ToolButtonTextOnly")  # by name: see DiagramView.__init__
        self.setStyleSheet(theme.urgent_style())
        menu_bar.setCornerWidget(self)  # top right

    def follow_application_font(self) -> None:
        font = QApplication.font()
        font.setBold(True)
        self.setFont(font)
