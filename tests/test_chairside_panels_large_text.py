"""Issue 20: the body chart and home programme panels at 200% text in the high-contrast theme (and at
250% in dark): every control whole inside the panel, none overlapping another, the chart and the lists
tall enough to use; the chart stays a sheet of paper whose outline and hatching keep their contrast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget


def controls_of(body: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLabel, QComboBox, QLineEdit, QSpinBox)
    return [w for w in body.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(body)
            and not isinstance(w.parent(), (QComboBox, QSpinBox))]


def assert_readable(dock) -> None:
    scroll = dock.widget()
    body, viewport = scroll.widget(), scroll.viewport()
    assert body.width() <= viewport.width(), "the panel is wider than it shows: its right edge would be cut"
    boxes = []
    for widget in controls_of(body):
        box = QRect(widget.mapTo(body, widget.rect().topLeft()), widget.size())
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        assert box.left() >= 0 and box.right() <= body.width(), f"{name!r} sticks out of the panel"
        if isinstance(widget, QLabel) and widget.wordWrap():
            assert widget.height() >= widget.heightForWidth(widget.width()) - 1, f"{name!r} is cut short"
        elif not (isinstance(widget, QLabel) and widget.pixmap() and not widget.pixmap().isNull()):
            hint = widget.minimumSizeHint()
            assert widget.width() >= hint.width() and widget.height() >= hint.height(), f"{name!r} is squeezed"
        boxes.append((name, box))
    for i, (name, box) in enumerate(boxes):
        for other, other_box in boxes[i + 1:]:
            assert not box.intersects(other_box), f"{name!r} overlaps {other!r}"


@pytest.mark.parametrize("step, theme, size", [(7, "high-contrast", (1600, 1000)), (8, "dark", (1600, 1000)),
                                               (0, "light", (1100, 700))])  # 200%, 250%; 80% in a small window
def test_both_panels_readable_at_large_text_and_dark_themes(open_window, repo, step, theme, size):
    from viewer.qt.app.text_size import SCALES

    window = open_window(repo, size=size)
    window.text_size.set_step(step, remember=False)
    window.themes.actions[theme].trigger()
    assert SCALES[step] in (0.8, 2.0, 2.5)
    window.chairside.body_chart_action.trigger()
    chart = window.chairside.body_chart
    chart.overlay_box.setChecked(True)                         # the longest state: the explanation shown
    QApplication.processEvents()
    assert_readable(chart)
    assert chart.canvas.height() >= 300 and chart.canvas.width() >= 300
    line = chart.fontMetrics().lineSpacing()
    assert chart.intensity.height() >= line                      # the intensity readout: its text has room
    window.chairside.home_programme_action.trigger()
    programme = window.chairside.home_programme
    for row in range(3):
        programme.found.setCurrentRow(row)
        programme.add_button.click()
    QApplication.processEvents()
    assert_readable(programme)
    line = programme.found.fontMetrics().lineSpacing()
    assert programme.found.height() >= 5 * line and programme.chosen.height() >= 5 * line
    for row in range(programme.chosen.count()):                  # each chosen line wrapped, never cut at the side
        rect = programme.chosen.visualItemRect(programme.chosen.item(row))
        assert rect.right() <= programme.chosen.viewport().width()
        words = programme.chosen.item(row).text()
        assert rect.height() >= programme.chosen.fontMetrics().boundingRect(
            rect, 0x1000, words).height() - 2                      # 0x1000: Qt.TextWordWrap


def test_chart_is_paper_in_every_theme(open_window, repo):
    """The chart is drawn as it will print, on white, in every theme; its ink was checked against that white."""
    from viewer.qt.app.theme import PRINTED

    window = open_window(repo, size=(1600, 1000))
    window.chairside.body_chart_action.trigger()
    canvas = window.chairside.body_chart.canvas
    for key in ("light", "dark", "high-contrast"):
        window.themes.actions[key].trigger()
        image = canvas.grab().toImage()
        assert image.pixelColor(3, image.height() // 2) == QColor(PRINTED.paper), key
