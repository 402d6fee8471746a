"""Tools ▸ Post-test probability… (Ctrl+Shift+L). Only the menu entry is made at start-up; the
calculator (viewer/qt/evidence/posttest_dialog.py, with its many widget classes) loads on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow
    from viewer.qt.evidence.posttest_dialog import PostTestDialog


class PostTestMenu:
    def __init__(self, window: MainWindow):
        self.window = window
        self.dialog: PostTestDialog | None = None
        self.action = window.add_action("&Post-test probability…", self.show, "tools.posttest",
                                        "Post-test probability from a test's likelihood ratios")
        window.tools_menu.addAction(self.action)

    def show(self) -> PostTestDialog:
        if self.dialog is None:
            from viewer.qt.evidence.posttest_dialog import PostTestDialog  # pyqtgraph: on first use

            self.dialog = PostTestDialog(self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog
