"""In-process timings on a real main window: click, hover, hit-test, repaint, handout, search.

Each timing runs until the result is on screen: a click until the lesson panel has been laid
out and painted, a hover until the diagram has painted the highlight (only what Qt repaints
after a real mouse move, as in use), a repaint of the whole window synchronously.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

SEARCH_TYPED = ("piriformis", "sciatic nerve", "hamstring", "sitting pain", "deep gluteal syndrome", "part 012",
                "lesson 4", "groove")


MAX_EVENTS = 1500  # clicks or hovers per content pack: enough for a stable p95 on 256 regions


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class PaintCounter(QObject):
    def __init__(self, widget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def until_painted(counter: PaintCounter, action, limit: int = 50) -> float:
    """Milliseconds from ``action`` until ``counter``'s widget has painted (events processed meanwhile)."""
    before = counter.count
    start = time.perf_counter()
    action()
    for _ in range(limit):
        if counter.count > before:
            break
        QApplication.processEvents()
    return (time.perf_counter() - start) * 1000


def open_window(content, data: Path, size=(1600, 1000)):
    from viewer.qt.app.start import create_window

    QApplication.instance() or QApplication([])
    window = create_window(content, data)
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    window.finish_loading()
    QApplication.processEvents()
    return window


def clicks_and_hovers(window, iterations: int) -> dict:
    view, index = window.view, window.content.index()
    points = {r.id: index.interior_point(r) for r in index.regions}
    points = {rid: p for rid, p in points.items() if p is not None}
    panel = PaintCounter(window.panel.viewport())
    diagram = PaintCounter(view.viewport())

    def click(point) -> None:
        pos = view.mapFromScene(QPointF(*point))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)

    clicks, first_clicks = [], []
    rounds = max(1, min(iterations, MAX_EVENTS // len(points)))  # every region x iterations, within reason
    for round_number in range(rounds):
        for point in points.values():
            clicks.append(until_painted(panel, lambda: click(point)))
            if round_number == 0:
                first_clicks.append(clicks[-1])  # the lesson's first showing: nothing cached yet
            click((view.diagram.diagram_rect.left() + 2, view.diagram.diagram_rect.top() + 2))  # clear
            QApplication.processEvents()
    hovers = []
    ids = list(points)
    for i in range(min(max(iterations * len(ids), 20), MAX_EVENTS)):
        pos = view.mapFromScene(QPointF(*points[ids[i % len(ids)]]))
        hovers.append(until_painted(diagram, lambda: QTest.mouseMove(view.viewport(), pos)))
    return {"click_to_lesson_p95_ms": percentile(clicks, 95), "click_to_lesson_median_ms": statistics.median(clicks),
            "first_click_p95_ms": percentile(first_clicks, 95), "clicks": len(clicks),
            "hover_p95_ms": percentile(hovers, 95), "hovers": len(hovers)}


def hit_test_us(content, probes: int = 20000) -> float:
    index = content.index()
    rng = random.Random(1)
    box = content.diagram.view_box
    points = [(rng.uniform(box.left, box.right), rng.uniform(box.top, box.bottom)) for _ in range(probes)]
    start = time.perf_counter()
    for x, y in points:
        index.region_at(x, y)
    return (time.perf_counter() - start) / probes * 1e6


def repaints(window, iterations: int, sizes=((1920, 1080), (3840, 2160))) -> dict:
    """Zoomed 4x and panned: p95 of a whole-window repaint; of a pan frame as Qt paints it (the
    pan until the diagram has painted, only what changed); and of the time until the diagram
    is sharp again (its tiles rendered) after each pan step."""
    view, out = window.view, {}
    diagram = PaintCounter(view.viewport())
    art = getattr(window.scene, "art", None)
    for width, height in sizes:
        window.resize(width, height)
        QApplication.processEvents()
        view.fit()
        view.zoom_by(4)
        QApplication.processEvents()
        repaint, frames, sharp = [], [], []
        steps = max(iterations, 6)
        for step in range(steps):
            direction = 1 if step < steps // 2 else -1  # along a path and back: new tiles, then cached ones
            start = time.perf_counter()
            frames.append(until_painted(diagram, lambda: view.pan_by(direction * 41, direction * 27)))
            painted = time.perf_counter()
            window.repaint()
            repaint.append((time.perf_counter() - painted) * 1000)
            while art is not None and art.pending_tiles():
                QApplication.processEvents()
            sharp.append((time.perf_counter() - start) * 1000)
        out[f"{width}x{height}"] = {"repaint_p95_ms": percentile(repaint, 95), "pan_frame_p95_ms": percentile(frames, 95),
                                    "sharp_p95_ms": percentile(sharp, 95)}
    window.resize(1600, 1000)
    view.fit()
    QApplication.processEvents()
    return out


def handout_ms(content, runs: int = 3) -> dict:
    from viewer.qt.chairside.handout_cli import write_region_handout

    region = next((r for r in content.regions if r.lesson in content.lessons), content.regions[0])
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs + 1):
            start = time.perf_counter()
            if not write_region_handout(content, region, Path(folder) / f"h{run}.pdf", "a4"):
                raise SystemExit("handout failed")
            times.append((time.perf_counter() - start) * 1000)
    return {"first_ms": times[0], "median_ms": statistics.median(times[1:])}


def search_ms(content) -> dict | None:
    try:
        from viewer.model.search.index import SearchIndex
    except ImportError:
        return None
    index = SearchIndex(content)
    start = time.perf_counter()
    index.search("a")  # builds the index: the first keystroke's extra cost
    first = (time.perf_counter() - start) * 1000
    keystrokes = []
    for text in SEARCH_TYPED:
        for size in range(1, len(text) + 1):
            started = time.perf_counter()
            index.search(text[:size])
            keystrokes.append((time.perf_counter() - started) * 1000)
    return {"keystroke_p95_ms": percentile(keystrokes, 95), "keystroke_max_ms": max(keystrokes),
            "first_search_ms": first, "keystrokes": len(keystrokes)}


def measure(content_dir: Path, iterations: int, full: bool = True) -> dict:
    """All in-process figures for one content folder (``full``: also repaint and handout)."""
    from viewer.model.content.loader import load_content

    content = load_content(content_dir)
    result = {"regions": len(content.regions), "lessons": len(content.lessons)}
    with tempfile.TemporaryDirectory() as data:
        window = open_window(content, Path(data))
        result.update(clicks_and_hovers(window, iterations))
        result["hit_test_us"] = hit_test_us(content)
        if full:
            result["repaint_zoom4"] = repaints(window, iterations)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    result["search"] = search_ms(content)
    if full:
        result["handout"] = handout_ms(content)
    return result
