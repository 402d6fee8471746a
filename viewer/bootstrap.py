"""Start-up measures, in one place: each switch that makes the window's first frame come sooner,
with what it saves on this machine beside it (BENCHMARKS.md, "One house"; measured with
``benchmarks/startup_measures.py``, which switches each off in turn through DGS_STARTUP_OFF).
A measure that saves under 10 ms is not kept: importing the content model before PySide6 (its
import hook slows later imports) was measured at -12 ms CPU (it cost time; every pair agreed) on
2026-12-03 and was dropped.

Not switches, and so not here: how the code is written for start-up. Features import their
widgets, dialogs and pyqtgraph where first used; start-up code builds no ``QtCore.Qt`` enum
(viewer/qt/app/enum_free.py, about 27 ms); model classes are ``@record``s (viewer/model/core/record.py,
about 15 ms); the caches of the diagram's layout and pictures (viewer/model/core/cache_store.py).
"""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

MEASURES = {
    # name: what it does -- what it saves (CPU time of a warm start, median of 6 interleaved pairs on
    # 2026-12-03 with the machine shared by other jobs; the spread of the pairs in brackets)
    "gc": "the cycle collector is off while start-up builds objects that live as long as the app, and they "
          "are frozen out of its later passes (also at quit) -- saves 52 ms (14-98 ms)",
    "content_cache": "the loaded content is kept, pickled, in the cache folder and used while no file changed "
                     "(viewer/model/content/cache.py) -- saves 37 ms (5-55 ms)",
}
OFF = frozenset(filter(None, os.environ.get("DGS_STARTUP_OFF", "").split(",")))


def on(name: str) -> bool:
    return name not in OFF


def launching() -> None:
    """The dgs-viewer command's first step, before the app's own imports."""
    if on("gc"):
        gc.disable()


def not_a_window() -> None:
    """A text command or a usage error: an ordinary run from here."""
    gc.enable()


def content_cache_dir(data_dir: Path) -> Path | None:
    """Where the window's start keeps the loaded content (None: load it afresh every time)."""
    from viewer.paths import cache_dir_of

    return cache_dir_of(data_dir) if on("content_cache") else None


def window_built() -> None:
    """The window is made and about to show: everything so far lives as long as the app."""
    if on("gc"):
        gc.freeze()
    gc.enable()


def first_frame() -> None:
    """The first frame is on screen: what it made lives as long as the app too."""
    if on("gc"):
        gc.freeze()
