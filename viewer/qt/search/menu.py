"""Go ▸ Search… (Ctrl+K) and its toolbar button. Only the action is made at start-up; the search box
(viewer/qt/search/dialog.py) and its index are loaded the first time it is used."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow
    from viewer.qt.search.dialog import SearchDialog


class SearchMenu:
    def __init__(self, window: MainWindow):
        self.window = window
        self.dialog: SearchDialog | None = None
        self.action = window.add_action("&Search…", self.open, "search.open",
                                        "Search all lessons, the glossary and the questions")
        window.go_menu.addSeparator()
        window.go_menu.addAction(self.action)
        window.toolbar.insertAction(window.urgent_action, self.action)

    def open(self) -> SearchDialog:
        if self.dialog is None:
            from viewer.qt.search.dialog import SearchDialog  # the search box loads on first use

            self.dialog = SearchDialog(self.window)
        self.dialog.open_box()
        return self.dialog
