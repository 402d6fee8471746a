"""Speed benchmark: start-up against the bare-Qt floor, then in-process interaction timings.

    python benchmarks/bench.py [--runs 10] [--iterations 50] [--json FILE]

Prints a table and JSON. Not part of the test suite (tests/test_bench_smoke.py runs it once,
with one iteration, so that it keeps working).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run_process(command: list[str]) -> tuple[float, float]:
    """Wall time (ms) and peak memory (MiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return elapsed, usage.ru_maxrss / 1024


def startup(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as data:
        app = [sys.executable, "-m", "viewer", "--exit-after-paint", "--data-dir", data]
        floor = [sys.executable, str(REPO / "benchmarks" / "floor.py")]
        run_process(app), run_process(floor)  # warm-up: disk cache, bytecode
        samples = {"app": [], "floor": []}
        for _ in range(runs):  # interleaved, so drift on the machine hits both alike
            samples["app"].append(run_process(app))
            samples["floor"].append(run_process(floor))
    result = {}
    for name, values in samples.items():
        result[name] = {"ms": statistics.median(v[0] for v in values), "mib": max(v[1] for v in values)}
    result["ratio_time"] = result["app"]["ms"] / result["floor"]["ms"]
    result["ratio_memory"] = result["app"]["mib"] / result["floor"]["mib"]
    return result


def interaction(iterations: int) -> dict:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from viewer.model.content import load_content
    from viewer.qt.app import create_window

    QApplication.instance() or QApplication([])
    content = load_content(REPO)
    with tempfile.TemporaryDirectory() as data:
        window = create_window(content, Path(data))
        window.resize(1600, 1000)
        window.show()
        QApplication.processEvents()
        window.finish_loading()
        QApplication.processEvents()
        view = window.view
        index = content.index()
        points = {r.id: index.interior_point(r) for r in content.regions}

        def timed(action) -> float:
            start = time.perf_counter()
            action()
            return (time.perf_counter() - start) * 1000

        def click(point) -> None:
            pos = view.mapFromScene(QPointF(*point))
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
            window.repaint()  # synchronous: the lesson laid out and the window painted

        clicks = []
        for _ in range(iterations):
            for point in points.values():
                clicks.append(timed(lambda: click(point)))
                click((5, 5))  # clear, so every click opens a lesson anew

        hovers = []
        ids = list(points)
        for i in range(iterations * len(ids)):
            pos = view.mapFromScene(QPointF(*points[ids[i % len(ids)]]))
            hovers.append(timed(lambda: (QTest.mouseMove(view.viewport(), pos), view.viewport().repaint())))

        rng = random.Random(1)
        box = content.diagram.view_box
        probes = [(rng.uniform(box.left, box.right), rng.uniform(box.top, box.bottom)) for _ in range(20000)]
        start = time.perf_counter()
        for x, y in probes:
            index.region_at(x, y)
        hit_us = (time.perf_counter() - start) / len(probes) * 1e6

        repaint = {}
        for width, height in ((1920, 1080), (3840, 2160)):
            window.resize(width, height)
            QApplication.processEvents()
            view.fit()
            view.zoom_by(4)
            samples = []
            for step in range(max(iterations, 5)):
                view.pan_by(37 if step % 2 else -31, 23 if step % 3 else -19)
                samples.append(timed(window.repaint))
            repaint[f"{width}x{height}"] = percentile(samples, 95)
        window.close()
    return {
        "click_to_lesson_p95_ms": percentile(clicks, 95),
        "hover_p95_ms": percentile(hovers, 95),
        "hit_test_us": hit_us,
        "repaint_zoom4_p95_ms": repaint,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="start-up runs of each (median is reported)")
    parser.add_argument("--iterations", type=int, default=50, help="clicks per region, hovers, repaints")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
                   f"Python {platform.python_version()}",
        "startup": startup(args.runs),
        "interaction": interaction(args.iterations),
    }
    s, i = results["startup"], results["interaction"]
    rows = [
        ("start-up to first paint (median)", f"{s['app']['ms']:.0f} ms", f"floor {s['floor']['ms']:.0f} ms",
         f"{s['ratio_time']:.2f}x (target <= 1.5x)"),
        ("peak memory of start-up", f"{s['app']['mib']:.0f} MiB", f"floor {s['floor']['mib']:.0f} MiB",
         f"{s['ratio_memory']:.2f}x (target <= 1.6x)"),
        ("click to lesson shown, p95", f"{i['click_to_lesson_p95_ms']:.1f} ms", "", "target <= 16 ms"),
        ("hover to highlight painted, p95", f"{i['hover_p95_ms']:.1f} ms", "", "target <= 8 ms"),
        ("hit-test alone", f"{i['hit_test_us']:.1f} us", "", "target <= 20 us"),
    ] + [(f"repaint {size}, zoom 4x, panned, p95", f"{ms:.1f} ms", "", "target <= 16 ms")
         for size, ms in i["repaint_zoom4_p95_ms"].items()]
    print(f"machine: {results['machine']}")
    for row in rows:
        print(f"{row[0]:<40} {row[1]:>10}  {row[2]:<18} {row[3]}")
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
