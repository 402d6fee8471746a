"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 releases a reference to None on every call of a method that
returns nothing; under Python 3.11 None's count reaches zero and the
interpreter aborts ("deallocating None"). pyproject.toml keeps it out.
"""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive():
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QTextCharFormat

    obj, fmt = QObject(), QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(200):
        obj.setObjectName("x")
        fmt.setToolTip("y")
    assert sys.getrefcount(None) >= before - 5
