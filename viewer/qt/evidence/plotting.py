"""pyqtgraph, imported on first use so that start-up never pays for it (about 180 ms here)."""

from __future__ import annotations

_pg = None


def pyqtgraph():
    """The configured pyqtgraph module. PySide6 is already imported, so pyqtgraph binds to it."""
    global _pg
    if _pg is None:
        import PySide6.QtWidgets  # noqa: F401  -- pyqtgraph picks the binding that is already loaded
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        _pg = pg
    return _pg
