"""The Help menu: Keyboard shortcuts (from the one table, viewer/qt/app/shortcuts.py), About (version,
when the content was last reviewed, licence, sources), the medical disclaimer, and Content problems.
Each window is built when first opened."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from viewer import APP_NAME, __version__
from viewer.qt.app.shortcuts import groups, keys_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from viewer.model.content.about import About
    from viewer.qt.app.main_window import MainWindow

PURPOSE = "An offline teaching app for deep gluteal syndrome, for clinicians chairside and for students."


class HelpMenu:
    def __init__(self, window: MainWindow):
        self.window = window
        self.dialogs: dict[str, QDialog] = {}   # made on first use, kept for the next time
        menu = window.help_menu
        self.shortcuts_action = window.add_action("&Keyboard shortcuts", lambda: self.show("shortcuts"),
                                                  "help.shortcuts", "Every keyboard shortcut of the app")
        self.disclaimer_action = window.add_action("&Medical disclaimer", lambda: self.show("disclaimer"), "",
                                                   "What this app is for, and what it is not")
        self.problems_action = window.add_action("&Content problems…", self.show_problems, "",
                                                 "List problems found in the lessons and diagram")
        self.about_action = window.add_action(f"&About {APP_NAME}", lambda: self.show("about"), "",
                                              "Version, when the content was last reviewed, licence and sources")
        for action in (self.shortcuts_action, self.disclaimer_action, self.problems_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def about(self) -> About:
        from viewer.model.content.about import load_about

        return load_about(self.window.content.lessons_dir)[0]

    def show(self, which: str) -> QDialog:
        dialog = self.dialogs.get(which)
        if dialog is None:
            from viewer.qt.app.help_dialog import HelpDialog  # a text window, built on first use

            if which == "shortcuts":
                dialog = HelpDialog("Keyboard shortcuts", shortcuts_html(), self.window)
            elif which == "disclaimer":
                dialog = HelpDialog("Medical disclaimer", disclaimer_markdown(self.about()), self.window,
                                    markdown=True)
            else:
                dialog = HelpDialog(f"About {APP_NAME}", about_html(self.about(), self.window), self.window)
            self.dialogs[which] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_problems(self) -> None:
        from viewer.qt.app.problems_dialog import ProblemsDialog  # loads the content checker: not at start-up

        dialog = ProblemsDialog(self.window.content, self.window)
        dialog.exec()
        dialog.deleteLater()  # not kept as a child of the window after it closes


def shortcuts_html() -> str:
    """The whole shortcut table, by group: what Help ▸ Keyboard shortcuts shows (one table, so the
    columns line up)."""
    rows = []
    for group, items in groups().items():
        rows.append(f"<tr><td colspan='2'><h3>{html.escape(group)}</h3></td></tr>")
        rows += [f"<tr><td style='padding:2px 24px 2px 0'><b>{html.escape(keys_text(item))}</b></td>"
                 f"<td>{html.escape(item.text)}</td></tr>" for item in items]
    return f"<table>{''.join(rows)}</table>"


def disclaimer_markdown(about: About) -> str:
    return about.disclaimer or f"**{APP_NAME} is for learning and explaining. It does not diagnose.**\n\n{PURPOSE}"


def about_html(about: About, window: MainWindow) -> str:
    content = window.content
    lines = [f"<h2>{html.escape(APP_NAME)} {html.escape(__version__)}</h2>", f"<p>{html.escape(PURPOSE)}</p>",
             f"<p><b>Content last reviewed:</b> {html.escape(about.reviewed or 'not stated')}<br>"
             f"<b>Content:</b> {len(content.lessons)} lessons, {len(content.bibliography)} sources, "
             f"from {html.escape(str(content.root))}</p>"]
    if about.sources:
        lines.append(f"<p><b>Sources:</b> {html.escape(about.sources)}</p>")
    if about.licence:
        lines.append(f"<p><b>Licence:</b> {html.escape(about.licence)}</p>")
    lines.append("<p>It works offline and never opens a network connection. See Help ▸ Medical disclaimer.</p>")
    return "".join(lines)
