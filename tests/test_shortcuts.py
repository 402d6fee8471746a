"""The one table of shortcuts (viewer/qt/app/shortcuts.py): the window's actions are bound from it,
Help ▸ Keyboard shortcuts lists it, and the README's table is made from it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from viewer import __version__
from viewer.qt.app.shortcuts import BY_ID, SHORTCUTS, keys_text, markdown_table
from walk_helpers import actions_of, plain

BEGIN, END = "<!-- shortcuts: begin (python -m viewer.qt.app.shortcuts) -->", "<!-- shortcuts: end -->"


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def test_the_readme_table_is_the_shortcut_table(repo):
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert BEGIN in readme and END in readme
    table = readme.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert table == markdown_table(), "README out of date: paste the output of python -m viewer.qt.app.shortcuts"


def test_every_key_the_readme_names_is_in_the_table(repo):
    """The README's task tables name keys in bold; each one is a key of the table (no stale key)."""
    readme = (repo / "README.md").read_text(encoding="utf-8").split(BEGIN, 1)[0]
    known = {key for item in SHORTCUTS for key in item.keys}
    named = set(re.findall(r"\*\*((?:Ctrl|Alt|Shift)\+[^*]+|F\d+|Esc|Tab|Enter|Space|[A-Z0-9]|\+|-)\*\*", readme))
    assert named, "the README names no keys?"
    assert named <= known, f"keys in the README that are not in viewer/qt/app/shortcuts.py: {named - known}"


def test_every_action_key_comes_from_the_table(repo, open_window):
    window = open_window(repo)
    window.study_actions.session()  # the quiz's answer keys are made with the Study panel
    table = {portable(QKeySequence(key)) for item in SHORTCUTS for key in item.keys}
    standard = {portable(QKeySequence(getattr(QKeySequence.StandardKey, item.standard)))
                for item in SHORTCUTS if item.standard}
    bound = {}
    for action in actions_of(window):
        for sequence in action.shortcuts():
            bound.setdefault(portable(sequence), []).append(plain(action.text()))
    stray = {key: names for key, names in bound.items() if key not in table | standard}
    assert not stray, f"keys bound outside viewer/qt/app/shortcuts.py: {stray}"
    unbound = [item.id for item in SHORTCUTS if not item.handled_by
               and not all(portable(QKeySequence(key)) in bound for key in item.keys)]
    assert not unbound, f"rows of the table no action uses: {unbound}"


def test_f1_lists_every_shortcut(repo, open_window, qtbot):
    window = open_window(repo)
    window.panel.setFocus()
    qtbot.keyClick(window.panel, Qt.Key.Key_F1)
    dialog = window.help.dialogs["shortcuts"]
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    for item in SHORTCUTS:
        assert item.text in text and keys_text(item) in text, item.id
    dialog.close()


def test_about_names_version_review_date_licence_and_sources(repo, open_window, qtbot):
    window = open_window(repo)
    window.help.about_action.trigger()
    dialog = window.help.dialogs["about"]
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    assert __version__ in text
    assert re.search(r"Content last reviewed: \d{4}-\d{2}-\d{2}", text)
    assert "Licence: Proprietary" in text and "Sources:" in text
    assert f"{len(window.content.bibliography)} sources" in text
    dialog.close()


def test_the_medical_disclaimer_says_it_does_not_diagnose(repo, open_window, qtbot):
    window = open_window(repo)
    window.help.disclaimer_action.trigger()
    dialog = window.help.dialogs["disclaimer"]
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    assert "does not diagnose" in text and "Urgent help" in text
    dialog.close()
    names = [plain(a.text()) for a in window.help_menu.actions() if not a.isSeparator()]
    assert names == ["Keyboard shortcuts", "Medical disclaimer", "Content problems", "About DGS Viewer"]


def test_the_version_is_written_in_one_place(repo):
    pyproject = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r'(?m)^version\s*=', pyproject) and 'path = "viewer/__init__.py"' in pyproject


def test_the_licence_in_about_is_the_package_licence(repo):
    import tomllib

    package = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]["text"]
    about = tomllib.loads((repo / "lessons" / "about.toml").read_text(encoding="utf-8"))
    assert about["licence"].startswith(package)


def test_ids_are_unique_and_named_by_feature():
    assert len(BY_ID) == len(SHORTCUTS)
    assert all(re.fullmatch(r"[a-z]+\.[a-z_0-9]+", item.id) for item in SHORTCUTS)


def test_the_widgets_own_key_handlers_read_their_keys_from_the_table(open_window, mini_dir, qtbot, monkeypatch):
    """The diagram's Enter and Esc are the table's: give "clear the selection" another key in the table
    and Esc no longer clears, that key does."""
    from PySide6.QtTest import QTest

    window = open_window(mini_dir)
    view = window.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    first = view.focused_id
    assert first
    QTest.keyClick(view, Qt.Key.Key_Return)  # the main Enter key opens it (the table says "Enter")
    assert window.current_lesson() == window.content.region(first).lesson
    monkeypatch.setitem(BY_ID, "diagram.clear", BY_ID["diagram.clear"]._replace(keys=("Backspace",)))
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.focused_id == first  # Esc is not in the table any more
    QTest.keyClick(view, Qt.Key.Key_Backspace)
    assert view.focused_id is None
