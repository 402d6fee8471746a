"""Shared fixtures. Qt runs offscreen; no test touches the real user data folder."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "data" / "mini"
sys.path.insert(0, str(REPO))


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def mini_dir(tmp_path) -> Path:
    """A writable copy of the small test content pack."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def bundled_copy(tmp_path) -> Path:
    """A writable copy of the bundled lessons/ and resources/ to break on purpose."""
    target = tmp_path / "content"
    for name in ("lessons", "resources"):
        shutil.copytree(REPO / name, target / name)
    return target


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Open the main window on a content folder, with a temporary data folder."""
    from viewer.model.content.loader import load_content
    from viewer.qt.app.start import create_window

    def _open(content_dir: Path, data_dir: Path | None = None, select: str | None = None, size=(1400, 900)):
        content = load_content(content_dir)
        window = create_window(content, data_dir or tmp_path / "data", select)
        if size:
            window.resize(*size)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.finish_loading()
        return window

    return _open


@pytest.fixture
def announcements(monkeypatch):
    """What a screen reader would be told, recorded as the accessibility bridge would receive it."""
    from PySide6.QtGui import QAccessible

    from viewer.qt.access import announce as module

    said: list[str] = []

    class Bridge:
        isActive = staticmethod(lambda: True)
        AnnouncementPoliteness = QAccessible.AnnouncementPoliteness

        @staticmethod
        def updateAccessibility(event):
            said.append(event.message())

    monkeypatch.setattr(module, "QAccessible", Bridge)
    return said
