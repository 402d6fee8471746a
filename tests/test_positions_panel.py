"""The Positions panel as a clinician uses it: hatching and its key while open, nothing left once closed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from viewer.qt.app.theme import THEME
from viewer.qt.diagram.overlays import other_overlays


def _effects(window) -> dict:
    return {rid: item.effect for rid, item in window.scene.region_items.items() if item.effect}


def _colours_in(image, rect) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for x in range(rect.left(), rect.right() + 1)
            for y in range(rect.top(), rect.bottom() + 1)}


def test_closing_positions_clears_hatching_and_key(open_window, repo, qtbot):
    window = open_window(repo)
    QTest.keyClick(window, Qt.Key.Key_F6)
    dock = window.chairside.positions
    qtbot.waitUntil(dock.isVisible)
    dock.select("sitting")
    sitting = next(p for p in window.content.positions if p.id == "sitting")
    assert _effects(window) == {**{r: "narrows" for r in sitting.narrows}, **{r: "tenses" for r in sitting.tenses}}
    legend = dock.legend
    qtbot.waitUntil(legend.isVisible)
    # the key sits on the diagram, whole, and shows both hatch swatches in their colours beside their words
    area = window.view.viewport().geometry()
    assert legend.parentWidget() is window.view and area.contains(legend.geometry())
    image = legend.grab().toImage()
    words = []
    for effect, text, swatch, _label in legend.entry_rects():
        colour = THEME.tensed if effect == "tenses" else THEME.narrowed
        assert QColor(colour).name() in _colours_in(image, swatch.adjusted(3, 3, -3, -3)), effect
        words.append(text)
    assert words[0].startswith("Tensed") and words[1].startswith("Narrowed")
    assert legend.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    dock.close()  # the panel's own close button
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert _effects(window) == {} and not legend.isVisible()
    assert not window.chairside.positions_action.isChecked()
    assert not any(item.isVisible() for item in window.scene.region_items.values() if not item.highlighted)

    window.chairside.positions_action.trigger()  # reopened: the chosen position shows again
    qtbot.waitUntil(dock.isVisible)
    assert _effects(window) and legend.isVisible()
    dock.clear_selection()
    assert _effects(window) == {} and not legend.isVisible()


def test_positions_key_keeps_its_corner_when_the_window_changes(open_window, repo, qtbot):
    window = open_window(repo, size=(1024, 700))
    window.chairside.positions_action.trigger()
    dock = window.chairside.positions
    dock.select("crossed-legs")
    qtbot.waitUntil(dock.legend.isVisible)
    for size in ((800, 600), (1920, 1080)):
        window.resize(*size)
        qtbot.waitUntil(lambda: dock.legend.geometry().right() == window.view.viewport().geometry().right() - 10)
        assert window.view.viewport().geometry().contains(dock.legend.geometry())
        others = other_overlays(window.view, dock.legend)  # the depth slider, say: never covered by the key
        assert not any(other.geometry().intersects(dock.legend.geometry()) for other in others)
        assert dock.legend.geometry().bottom() >= window.view.viewport().geometry().bottom() - 10 or others
        before = dock.legend.geometry()
        window.view.pan_by(-120, -120)  # panning the diagram leaves the key where it is
        assert dock.legend.geometry() == before
