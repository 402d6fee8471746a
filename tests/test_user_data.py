"""The user's data in the real window: notices for damaged files, bookmarks, lesson notes,
the progress chart, export/import, a read-only or full data folder, and start-up cost."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
import time
from datetime import datetime, timezone

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from viewer.model.core import datafile
from viewer.qt.study import progress_transfer
from viewer.model.study.cards import card_info


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)


def notice_text(window) -> str:
    bar = window.notice_bar
    return bar.label.text() if bar is not None and bar.isVisible() else ""


def answer_some(window, count: int = 6) -> None:
    info = card_info(window.content)
    progress = window.context.user_data.progress
    for number, card in enumerate(list(info)[:count]):
        progress.record(card, number % 3 != 0, region=info[card][0], topic=info[card][1])


def test_a_corrupt_progress_file_is_set_aside_and_the_app_starts_with_a_clear_notice(open_window, mini_dir, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "progress.json").write_text('{"kind": "progress", "version": 1, "cards": {"find:up', encoding="utf-8")
    window = open_window(mini_dir, data_dir)
    qtbot_wait(window, lambda: "progress" in notice_text(window))
    kept = list(data_dir.glob("progress.corrupt-*.json"))
    assert len(kept) == 1 and not (data_dir / "progress.json").exists()
    assert kept[0].name in notice_text(window) and "fresh" in notice_text(window)
    assert window.context.user_data.progress.attempts == []
    answer_some(window, 2)
    assert window.context.user_data.save()
    assert json.loads((data_dir / "progress.json").read_text())["version"] == 1
    window.notice_bar.dismiss.click()
    assert not window.notice_bar.isVisible()


def test_notes_from_a_newer_version_are_kept_aside(open_window, mini_dir, tmp_path):
    data_dir = tmp_path / "data"
    datafile.save_json(data_dir / "notes.json", {"kind": "notes", "version": 5, "bookmarks": ["upper"]})
    window = open_window(mini_dir, data_dir)
    qtbot_wait(window, lambda: "newer version" in notice_text(window))
    assert len(list(data_dir.glob("notes.newer-*.json"))) == 1


def test_a_damaged_settings_file_is_set_aside_with_a_notice(open_window, mini_dir, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.ini").write_bytes(b"[window]\ngeometry=\x00\x13\xff\xfe garbage\n[broken")
    window = open_window(mini_dir, data_dir)
    qtbot_wait(window, lambda: "settings" in notice_text(window))
    kept = list(data_dir.glob("settings.corrupt-*.ini"))
    assert len(kept) == 1 and kept[0].name in notice_text(window)
    assert window.save_state() and (data_dir / "settings.ini").exists()


def test_a_data_folder_that_cannot_be_written_gives_a_clear_message_and_the_app_goes_on(open_window, mini_dir,
                                                                                         tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    window = open_window(mini_dir, blocker / "data")
    qtbot_wait(window, lambda: "Nothing will be saved" in notice_text(window))
    window.open_lesson("band")
    press(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.context.user_data.notes.bookmarks == ["band"]  # still works, in memory
    assert "not saved" in window.statusBar().currentMessage()
    assert not window.save_state()
    assert window.settings.error


def test_a_full_disk_is_reported_once_and_nothing_is_lost_in_memory(open_window, mini_dir, monkeypatch):
    window = open_window(mini_dir)
    qtbot_wait(window, lambda: window.context.user_data.notes_loaded())

    def disk_full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(datafile, "save_json", disk_full)
    answer_some(window, 3)
    assert not window.context.user_data.save()
    assert not window.context.user_data.save()
    assert notice_text(window).count("disk holding") == 1
    assert len(window.context.user_data.progress.attempts) == 3
    monkeypatch.undo()
    assert window.context.user_data.save()


def test_ctrl_d_bookmarks_the_lesson_and_the_bookmarks_menu_jumps_back(open_window, mini_dir, tmp_path):
    window = open_window(mini_dir)
    window.open_lesson("band")
    press(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "Bookmarked “The band”" in window.statusBar().currentMessage()
    stored = json.loads((window.settings.data_dir / "notes.json").read_text())
    assert stored["bookmarks"] == ["band"]
    window.open_lesson("upper")
    menu = window.user_menus.bookmarks_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if "The band" in a.text()]
    assert entries and window.user_menus.bookmark_action.text() == "&Bookmark this lesson"
    entries[0].trigger()
    assert window.current_lesson() == "band"
    press(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "removed" in window.statusBar().currentMessage() and window.context.user_data.notes.bookmarks == []


def test_f8_notes_are_kept_per_lesson_and_saved_as_you_type(open_window, mini_dir, tmp_path, qtbot):
    data_dir = tmp_path / "data"
    window = open_window(mini_dir, data_dir)
    window.open_lesson("upper")
    press(window, Qt.Key.Key_F8)
    dock = window.user_menus.notes_dock
    qtbot.waitUntil(lambda: dock.isVisible() and QApplication.focusWidget() is dock.editor)
    assert "Upper muscle" in dock.heading.text()
    QTest.keyClicks(QApplication.focusWidget(), "Tender when sitting")
    qtbot.waitUntil(lambda: "Tender when sitting" in (data_dir / "notes.json").read_text(encoding="utf-8")
                    if (data_dir / "notes.json").exists() else False)
    assert dock.status.text() == "Saved."
    window.open_lesson("band")
    assert dock.editor.toPlainText() == "" and "The band" in dock.heading.text()
    window.go_back()
    assert dock.editor.toPlainText() == "Tender when sitting"
    press(window, Qt.Key.Key_F8)
    assert not dock.isVisible() and not window.user_menus.lesson_notes_action.isChecked()
    window.close()

    again = open_window(mini_dir, data_dir)
    again.open_lesson("upper")
    again.user_menus.lesson_notes_action.trigger()
    assert again.user_menus.notes_dock.editor.toPlainText() == "Tender when sitting"


def test_progress_window_shows_table_and_charts_per_region_and_topic(open_window, mini_dir, qtbot):
    window = open_window(mini_dir)
    answer_some(window, 6)
    window.user_menus.progress_action.trigger()
    view = window.user_menus.progress_view
    qtbot.waitUntil(view.isVisible)
    due, new = window.context.user_data.due_and_new(window.content)
    assert f"Today: {due} due · {new} new" in view.summary.text() and "Answered 6" in view.summary.text()
    assert due + new == 14 and new == 8              # 6 cards answered of 14 (4 find, 4 name, 4 q, 2 labels)
    table = view.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, table.columnCount())]
            for r in range(table.rowCount())}
    assert rows["All cards"] == ["6", "4", "67%", str(due), str(new)]   # the same count as the summary
    assert "Upper muscle" in rows and table.horizontalHeaderItem(0).text() == "Region"
    assert view.rate_plot.listDataItems()  # the overall line is drawn
    table.selectRow(list(rows).index("Upper muscle"))
    assert len(view.rate_plot.listDataItems()) == 2 and "Upper muscle" in view.due_plot.plotItem.titleLabel.text
    view.group_by.setCurrentIndex(1)
    assert table.horizontalHeaderItem(0).text() == "Topic"
    assert "Anatomy" in [table.item(r, 0).text() for r in range(table.rowCount())]
    answer_some(window, 1)  # answered in the study panel while this window stays open
    qtbot.waitUntil(lambda: "Answered 7" in view.summary.text(), timeout=3000)
    view.close()


def test_progress_window_with_no_answers_says_so(open_window, mini_dir, qtbot):
    window = open_window(mini_dir)
    window.user_menus.progress_action.trigger()
    view = window.user_menus.progress_view
    assert "no answers yet" in view.summary.text()
    assert view.table.item(0, 3).text() == "—"
    view.close()


def test_export_then_import_on_another_computer_round_trips(open_window, mini_dir, tmp_path):
    first = open_window(mini_dir, tmp_path / "first")
    answer_some(first, 5)
    first.open_lesson("band")
    first.user_menus.bookmark_action.trigger()
    first.context.user_data.notes.set_note("band", "Remember the band.")
    export = tmp_path / "moving" / "mine.dgsprogress.json"
    assert progress_transfer.export_progress(first, export)
    assert "exported" in first.statusBar().currentMessage()

    second = open_window(mini_dir, tmp_path / "second")
    second.context.user_data.progress.record("find:upper", False, region="upper", topic="anatomy",
                                      now=datetime(2026, 1, 5, tzinfo=timezone.utc))
    assert progress_transfer.import_progress(second, export, "merge")
    mine, theirs = second.context.user_data, first.context.user_data
    assert len(mine.progress.attempts) == 6
    assert mine.notes.bookmarks == ["band"] and mine.notes.note("band") == "Remember the band."
    stored = json.loads((tmp_path / "second" / "progress.json").read_text())
    assert len(stored["attempts"]) == 6

    assert progress_transfer.import_progress(second, export, "replace")
    assert mine.progress.to_json() == theirs.progress.to_json()
    assert mine.notes.to_json() == theirs.notes.to_json()
    assert list((tmp_path / "second").glob("progress.before-import-*.json"))  # the replaced data is backed up

    (tmp_path / "garbage.json").write_text("[]")
    assert not progress_transfer.import_progress(second, tmp_path / "garbage.json", "merge")
    assert "not a progress export" in second.statusBar().currentMessage()
    assert not progress_transfer.export_progress(second, tmp_path / "garbage.json" / "x.json")


def test_settings_are_saved_through_a_temporary_file(tmp_path):
    """QSettings writes a temporary file and renames it over settings.ini (QSaveFile), so a kill during a
    save keeps the old file; this holds only while atomic sync stays on."""
    from viewer.qt.app.settings import Settings

    settings = Settings(tmp_path)
    assert settings._qs.isAtomicSyncRequired()
    settings.set("count/n", 1)
    assert settings.sync() and (tmp_path / "settings.ini").exists()
    assert not [p for p in tmp_path.iterdir() if p.name != "settings.ini" and "settings" in p.name]


def test_start_up_loads_no_user_data_code_before_the_first_frame(repo, tmp_path):
    script = ("import sys; sys.path.insert(0, sys.argv[1]);"
              "from viewer.model.content.loader import load_content; from viewer.qt.app.start import create_window;"
              "from pathlib import Path; w = create_window(load_content(Path(sys.argv[1])), sys.argv[2]);"
              "print(sorted(m for m in ('fsrs', 'pyqtgraph', 'viewer.model.study.progress', 'viewer.model.study.user_data',"
              " 'viewer.qt.study.progress_view', 'viewer.qt.lesson.notes') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script, str(repo), str(tmp_path / "data")], capture_output=True,
                            text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def qtbot_wait(window, condition, timeout: int = 5000) -> None:
    """Wait for the start-up check that runs just after the first frame."""
    deadline = time.monotonic() + timeout / 1000
    while not condition():
        assert time.monotonic() < deadline, f"timed out; notice: {notice_text(window)!r}"
        QTest.qWait(20)


def answer_dialog(qtbot, *button_texts) -> None:
    """Click the named buttons of the modal boxes as they open, one after another."""
    remaining = list(button_texts)

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, click)
            return
        text = remaining.pop(0)
        button = next(b for b in box.findChildren(QAbstractButton) if b.text().replace("&", "") == text)
        button.click()
        if remaining:
            QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


def test_import_asks_merge_or_replace_and_replace_needs_a_second_yes(open_window, mini_dir, tmp_path, qtbot):
    window = open_window(mini_dir)
    export = tmp_path / "mine.dgsprogress.json"
    answer_some(window, 2)
    progress_transfer.export_progress(window, export)
    answer_dialog(qtbot, "Merge")
    assert progress_transfer.ask_import_mode(window, export) == "merge"
    answer_dialog(qtbot, "Replace…", "Cancel")
    assert progress_transfer.ask_import_mode(window, export) is None
    answer_dialog(qtbot, "Replace…", "Yes")
    assert progress_transfer.ask_import_mode(window, export) == "replace"
    answer_dialog(qtbot, "Cancel")
    assert progress_transfer.ask_import_mode(window, export) is None


def test_progress_charts_have_a_day_axis_and_draw_no_fake_days(open_window, mini_dir, qtbot):
    import math
    from datetime import timedelta

    from viewer.qt.evidence.plotting import pyqtgraph

    pg = pyqtgraph()
    window = open_window(mini_dir)
    progress = window.context.user_data.progress
    now = datetime.now(timezone.utc)
    progress.record("find:upper", True, region="upper", topic="anatomy", now=now - timedelta(days=2))
    progress.record("find:lower", False, region="lower", topic="anatomy", now=now)
    window.user_menus.progress_action.trigger()
    view = window.user_menus.progress_view
    room = view.screen().availableGeometry()
    assert view.width() <= room.width() and view.height() <= room.height()
    ticks = [label for _x, label in view.rate_plot.getAxis("bottom")._tickLevels[0]]
    assert "Today" in ticks and all(":" not in label and "." not in label for label in ticks)
    low, high = view.rate_plot.getViewBox().viewRange()[0]
    assert low <= -3 and high >= 3                                  # at least three days either side
    xs, ys = view.rate_plot.listDataItems()[0].getData()
    assert list(xs) == [-2, -1, 0] and math.isnan(ys[1])            # the day between is a gap, not a zero
    assert not view.rate_legend.isVisible()                         # one line: no key
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    view.table.selectRow(names.index("Upper muscle"))
    assert view.rate_legend.isVisible() and len(view.rate_plot.listDataItems()) == 2
    bars = [i for i in view.due_plot.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    assert bars and all(height > 0 for height in bars[0].opts["height"])   # only days that have cards
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert "Not grouped" not in names
    assert view.table.wordWrap() and view.table.textElideMode() == Qt.TextElideMode.ElideNone
    view.close()


def test_progress_charts_with_no_answers_show_a_note_and_no_legend(open_window, mini_dir):
    from viewer.qt.evidence.plotting import pyqtgraph

    pg = pyqtgraph()
    window = open_window(mini_dir)
    window.user_menus.progress_action.trigger()
    view = window.user_menus.progress_view
    assert not view.rate_legend.isVisible() and view.rate_plot.listDataItems() == []
    notes = [i.textItem.toPlainText() for i in view.rate_plot.getPlotItem().items if isinstance(i, pg.TextItem)]
    assert notes and "No answers yet" in notes[0]
    assert not [i for i in view.due_plot.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    view.close()


def test_import_message_counts_in_good_english(open_window, mini_dir, tmp_path):
    first = open_window(mini_dir, tmp_path / "first")
    answer_some(first, 1)
    first.open_lesson("band")
    first.user_menus.bookmark_action.trigger()
    first.context.user_data.notes.set_note("band", "One note.")
    export = tmp_path / "one.dgsprogress.json"
    assert progress_transfer.export_progress(first, export)
    second = open_window(mini_dir, tmp_path / "second")
    assert progress_transfer.import_progress(second, export, "merge")
    assert "1 answer, 1 bookmark and 1 note merged" in second.statusBar().currentMessage()


def test_reopening_the_bookmarks_menu_leaves_nothing_behind(open_window, mini_dir):
    """The menu is rebuilt on every opening; its old entries and submenu must go with it."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMenu

    window = open_window(mini_dir)
    notes = window.context.user_data.notes
    notes.set_note("band", "Check the band.")
    notes.toggle_bookmark("band")
    menu = window.user_menus.bookmarks_menu
    counts = []
    for _ in range(5):
        menu.aboutToShow.emit()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        counts.append((len(menu.findChildren(QMenu)), len(menu.actions())))
    assert counts[0][0] == 1 and len(set(counts)) == 1, counts
    submenu = menu.findChildren(QMenu)[0]
    assert [a.text() for a in submenu.actions()] == ["The band"]
