"""Frame times of an animated pose change in the hip-in-motion view (issue 18).

A real main window at 1920x1080 and 3840x2160 with the motion view given most of the width
(as `--view axial`), animated between presets. Each frame is what one animation tick does:
the model's measures for the eased pose, the axial view, the gauge, the words, the sliders and the
posterior view's hatching; timed from the tick until the axial view has painted (events processed
meanwhile, so any other repaint the tick causes is included). Two floors, measured in the same run
between the frames: an empty frame (one pixel of the view repainted: the event loop, a paint and the
flush to the screen, with nothing to draw) and a full repaint of the view (every pixel, nothing moved).
Wall-clock includes waiting for a core on a shared machine; CPU is this process's own time.

    python benchmarks/motion.py [--frames 400] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import os
import time

from interaction import PaintCounter, open_window, percentile, until_painted


def timed(counter, action) -> tuple[float, float]:
    """(wall ms, this process's CPU ms) until the view has painted: on a shared machine the wall
    time includes waiting for a core, the CPU time is the work the frame itself costs."""
    cpu = time.process_time()
    wall = until_painted(counter, action)
    return wall, (time.process_time() - cpu) * 1000

SIZES = ((1920, 1080), (3840, 2160))
ROUTE = ("neutral", "long-stride", "sitting", "crossed-legs", "fair", "seated-piriformis-stretch", "standing")
STEPS = 24  # ticks per 400 ms change at 60 Hz


def frames(window, count: int) -> dict:
    from viewer.model.motion.presets import presets_from

    panel = window.motion.show()
    window.motion.make_main()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    poses = {p.id: p.pose for p in presets_from(window.content.positions)}
    route = [poses[name] for name in ROUTE]
    counter = PaintCounter(panel.view)
    first = timed(counter, lambda: panel._frame(1.0))[0]  # the first frame after the view opens
    # One untimed pass of the route first: after start-up the window draws its highlight pictures while
    # idle (54 of them; none on later passes), and that would otherwise land in the first frames timed.
    for start, end in zip(route, route[1:] + route[:1]):
        panel._start, panel.target = start, end
        for step in range(1, STEPS + 1):
            until_painted(counter, lambda s=step: panel._frame(s / STEPS))
    ticks, floor, cpu_ticks, cpu_floor, empty, cpu_empty = [], [], [], [], [], []
    index = 0
    while len(ticks) < count:
        start, end = route[index % len(route)], route[(index + 1) % len(route)]
        index += 1
        panel._start, panel.target = start, end
        for step in range(1, STEPS + 1):
            elapsed, cpu = timed(counter, lambda s=step: panel._frame(s / STEPS))
            ticks.append(elapsed)
            cpu_ticks.append(cpu)
            wall, cpu = timed(counter, panel.view.update)
            floor.append(wall)
            cpu_floor.append(cpu)
            wall, cpu = timed(counter, lambda: panel.view.update(0, 0, 1, 1))
            empty.append(wall)
            cpu_empty.append(cpu)
    return {"frames": len(ticks), "first_ms": round(first, 2), "p50_ms": round(statistics.median(ticks), 2),
            "p95_ms": round(percentile(ticks, 95), 2), "max_ms": round(max(ticks), 2),
            "floor_p95_ms": round(percentile(floor, 95), 2), "empty_p95_ms": round(percentile(empty, 95), 2),
            "cpu_empty_p95_ms": round(percentile(cpu_empty, 95), 2), "cpu_p50_ms": round(statistics.median(cpu_ticks), 2),
            "cpu_p95_ms": round(percentile(cpu_ticks, 95), 2), "cpu_floor_p95_ms": round(percentile(cpu_floor, 95), 2),
            "view_px": [panel.view.width(), panel.view.height()]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=400)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from viewer.model.content.loader import load_content

    QApplication.instance() or QApplication([])
    content = load_content(REPO)
    results = {}
    with tempfile.TemporaryDirectory() as data:
        for size in SIZES:
            window = open_window(content, Path(data), size)
            results[f"{size[0]}x{size[1]}"] = frames(window, args.frames)
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    for name, figures in results.items():
        print(f"{name}: view {figures['view_px'][0]}x{figures['view_px'][1]}, {figures['frames']} frames, "
              f"p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms, "
              f"first {figures['first_ms']} ms; floors p95: empty frame {figures['empty_p95_ms']} ms, full repaint "
              f"{figures['floor_p95_ms']} ms | CPU p50 {figures['cpu_p50_ms']} ms, p95 {figures['cpu_p95_ms']} ms, "
              f"floors p95 {figures['cpu_empty_p95_ms']} / {figures['cpu_floor_p95_ms']} ms")
    import PySide6.QtGui as gui

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; Qt platform "
          f"{gui.QGuiApplication.platformName()}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
