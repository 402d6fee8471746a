"""Qt objects made without building PySide6's ``Qt`` namespace, for code that runs before the first frame.

PySide6 makes the Python classes of ``QtCore.Qt`` (over 90 enums, about 27 ms here) the first time
anything needs one: naming ``Qt.X``, but also calling a method with an overload that takes a ``Qt``
enum, such as ``QBrush(QColor)`` or ``setBackgroundBrush(QColor)``. Start-up code uses these helpers,
or sets enum properties by name (``widget.setProperty("focusPolicy", "StrongFocus")``, as a ``.ui``
file would), so the namespace is built after the first frame. tests/test_project.py checks that.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QImage, QPalette


def solid_brush(color: str | QColor) -> QBrush:
    """A solid brush of ``color`` (a palette's brush: QBrush(QColor) would build the namespace)."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(color))
    return palette.window()


def transparent_image(width: int, height: int, image_format: QImage.Format) -> QImage:
    """A fully transparent image (QImage.fill() would build the namespace: it has a Qt.GlobalColor overload).

    ``image_format`` must use 4 bytes a pixel, as the diagram's premultiplied ARGB does."""
    return QImage(bytes(width * height * 4), width, height, width * 4, image_format).copy()
