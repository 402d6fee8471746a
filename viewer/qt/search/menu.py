"""Go ▸ Search… (Ctrl+K) and its toolbar button. install() only creates the action; the search box
(viewer/qt/search/dialog.py) and its index are loaded the first time it is used."""

from __future__ import annotations


def install(window) -> None:
    window.search_action = window._action("&Search…", lambda: open_search(window), ["Ctrl+K"],
                                          "Search all lessons, the glossary and the questions")
    window.go_menu.addSeparator()
    window.go_menu.addAction(window.search_action)
    window.toolbar.insertAction(window.urgent_action, window.search_action)


def open_search(window):
    from viewer.qt.search.dialog import SearchDialog

    dialog = getattr(window, "search_dialog", None)
    if dialog is None:
        dialog = window.search_dialog = SearchDialog(window)
    dialog.open_box()
    return dialog
