"""Peeling benchmark: each frame of the depth control's fade, at 1080p and 4K (issue 19).

A frame = set the depth one animation step on, then process events until the diagram has
painted (what Qt repaints: the whole view, as every layer changes opacity). The floor, in the
same run: a repaint of the whole diagram with nothing changed. Usage:
    PYTHONPATH=$PWD python benchmarks/peel.py [frames]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo, when run from a clone
sys.path.insert(0, str(Path(__file__).resolve().parent))
from interaction import PaintCounter, open_window, percentile, until_painted

from viewer.qt.layers.fade import view_key


def settle(window, seconds: float = 3.0) -> None:
    """Process events until the art's sharp tiles, the labels' and highlights' pictures and the layers'
    pictures are made (or ``seconds``)."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        if (window.scene.art.pending_tiles() == 0 and window.depth_control._warmed == view_key(window.view)
                and not window.scene._to_warm):
            break
        time.sleep(0.01)


def peel_frames(size, frames: int) -> dict:
    from viewer.model.content.loader import load_content

    content = load_content(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory() as data:
        window = open_window(content, Path(data), size)
        window.splitter.setSizes([size[0], 0])  # the diagram fills the window: the worst case
        QApplication.processEvents()
        control, viewport = window.depth_control, window.view.viewport()
        counter = PaintCounter(viewport)
        settle(window)  # as a user would find it: the view still a moment after it opened at this size
        first = until_painted(counter, lambda: control.set_position(1.99))  # the first peel makes the layers' pictures
        times, floor = [], []
        for _ in range(3):  # deep -> skin -> deep, 60 Hz steps of a 450 ms fade per layer
            for step in range(frames + 1):
                times.append(until_painted(counter, lambda s=step: control.set_position(2 - 2 * s / frames)))
            for step in range(frames + 1):
                times.append(until_painted(counter, lambda s=step: control.set_position(2 * s / frames)))
            for _ in range(frames):
                floor.append(until_painted(counter, viewport.update))
        window.close()
        return {"size": f"{size[0]}x{size[1]}", "viewport": f"{viewport.width()}x{viewport.height()}",
                "first": first, "p50": percentile(times, 50), "p95": percentile(times, 95),
                "max": max(times), "floor_p95": percentile(floor, 95), "frames": len(times)}


def main() -> int:
    frames = int(sys.argv[1]) if len(sys.argv) > 1 else 54  # 2 layers x 27 frames = 450 ms at 60 Hz
    QApplication.instance() or QApplication([])
    for size in ((1920, 1080), (3840, 2160)):
        r = peel_frames(size, frames)
        print(f"{r['size']} (diagram {r['viewport']}): peel frame p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms, "
              f"max {r['max']:.1f} ms over {r['frames']} frames; first peel {r['first']:.1f} ms; "
              f"floor (unchanged repaint) p95 {r['floor_p95']:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
