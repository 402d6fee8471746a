"""The diagram's SVG renderer, made when something first needs to draw from the SVG itself.

Parsing the bundled diagram takes 10-15 ms. A start with pictures kept from an earlier run (the
art's base image, the labels' pictures) paints its first frame without it, so the window makes it
just after that frame, while idle (MainWindow.finish_loading).
"""

from __future__ import annotations

from pathlib import Path
from PySide6.QtCore import QByteArray
from PySide6.QtSvg import QSvgRenderer


class SvgSource:
    def __init__(self, data: bytes | None, path: Path, parent):
        """``data``: the cleaned SVG bytes, if the file needed cleaning; else the file at ``path`` is read."""
        self._data = data
        self._path = path
        self._parent = parent
        self._renderer: QSvgRenderer | None = None

    @property
    def made(self) -> bool:
        return self._renderer is not None

    @property
    def renderer(self):
        """The QSvgRenderer (made on first use)."""
        if self._renderer is None:
            source = QByteArray(self._data) if self._data else str(self._path)
            self._renderer = QSvgRenderer(source, self._parent)
        return self._renderer
