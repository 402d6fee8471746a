"""Tools ▸ Post-test probability… (Ctrl+Shift+L). Only the menu entry is made at start-up; the
calculator (viewer/qt/evidence/posttest_dialog.py, with its many widget classes) loads on first use."""

from __future__ import annotations

SHORTCUT = "Ctrl+Shift+L"  # L for likelihood ratio


def install(window) -> None:
    window.posttest_action = window._action("&Post-test probability…", lambda: _show(window), [SHORTCUT],
                                            "Post-test probability from a test's likelihood ratios")
    window.tools_menu.addAction(window.posttest_action)


def _show(window):
    from viewer.qt.evidence.posttest_dialog import show_dialog

    return show_dialog(window)
