"""What the window does before its first frame, counted (not timed: speed is the benchmark's job).
The narrow-column change once filled the first lesson four times before the first frame, once per
step of the window giving the lesson panel its size, and start-up grew by 80-90 ms."""

from __future__ import annotations

from viewer.model.content.loader import load_content
from viewer.qt.app.paint_watch import FirstPaint
from viewer.qt.app.start import create_window
from viewer.qt.lesson.panel import LessonPanel


def test_the_first_lesson_is_filled_once_before_the_first_frame(repo, qtbot, tmp_path, monkeypatch):
    fills: list[str] = []
    fill = LessonPanel._filled_document

    def counted(self, markdown, *args):
        fills.append(markdown[:40])
        return fill(self, markdown, *args)

    monkeypatch.setattr(LessonPanel, "_filled_document", counted)
    window = create_window(load_content(repo), tmp_path / "data")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    painted: list[int] = []
    FirstPaint(window.view.viewport(), lambda: painted.append(len(fills)))
    window.show()
    qtbot.waitUntil(lambda: bool(painted))
    assert painted == [1], f"the first lesson was filled {painted[0]} times before the first frame"
    assert window.panel.toPlainText().strip()  # and it is there


def test_a_lesson_opened_at_start_in_a_narrow_panel_starts_at_its_top(repo, open_window, qtbot, tmp_path):
    """At 250% text in an 800x600 window the lesson panel is narrow: the lesson is filled wide while
    the window is built, then again in its narrow form once the panel has its size. The reader's
    place was taken from the wide form before it was laid out, and the lesson opened at its reference
    list."""
    data = tmp_path / "narrow"
    data.mkdir()
    (data / "settings.ini").write_text("[view]\ntext_step=8\n", encoding="utf-8")  # 250% text
    window = open_window(repo, data_dir=data, select="ischiofemoral-tunnel", size=(800, 600))
    panel = window.panel
    qtbot.waitUntil(lambda: "\u00ad" in panel.document().firstBlock().text())  # the narrow form: its title hyphenated
    assert panel.verticalScrollBar().value() == 0
    assert panel.document().firstBlock().text().replace("\u00ad", "") == "Ischiofemoral tunnel"
