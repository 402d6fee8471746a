"""The app never opens a network connection: every action, menu, lesson and level is exercised with
the network blocked and watched; web links open in the system browser only on a click, and only
http(s) ones. (The whole suite also runs with pytest-socket's --disable-socket.)"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit

from walk_helpers import dialogs_cancelled, menus_of, safe_actions, trigger_everything

BAD = Path(__file__).resolve().parent / "data" / "bad"


def inet_sockets() -> set[str]:
    """Inodes of this process's IPv4/IPv6 sockets, wherever they were made (Python or C++)."""
    inodes = set()
    for name in ("tcp", "tcp6", "udp", "udp6"):
        try:
            rows = Path(f"/proc/net/{name}").read_text().splitlines()[1:]
        except OSError:
            continue
        inodes |= {row.split()[9] for row in rows if len(row.split()) > 9}
    mine = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in inodes:
            mine.add(target)
    return mine


@pytest.fixture
def network_watch(monkeypatch):
    """Every attempt to resolve or connect is recorded (and refused)."""
    attempts = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            attempts.append((name, args[:2]))
            raise OSError("network access attempted in an offline app")
        return _refuse

    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    monkeypatch.setattr(socket.socket, "connect", refuse("connect"), raising=False)
    before = inet_sockets()
    yield attempts
    assert inet_sockets() - before == set(), "an internet socket was opened"


@pytest.fixture
def browser(monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    return opened


@pytest.mark.filterwarnings("ignore:A test tried to use socket.socket")
def test_network_is_switched_off_for_the_suite():
    from pytest_socket import SocketBlockedError

    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_every_feature_runs_offline(repo, open_window, qtbot, network_watch, browser, monkeypatch, tmp_path):
    window = open_window(repo)
    assert len(menus_of(window)) >= 5
    with dialogs_cancelled(monkeypatch):
        for level in ("patient", "clinical"):
            window.set_level(level)
            for lesson_id in window.content.lesson_order():
                assert window.open_lesson(lesson_id)
                window.panel.viewport().grab()  # lay out and paint: pictures are requested now
        for region in window.content.regions:
            window.open_region(region.id)
        triggered = trigger_everything(window, qtbot)
        triggered += trigger_everything(window, qtbot)  # again, with docks and panels now built
        typed = 0
        for action in safe_actions(window):  # an action that opens a text box (search...): type into it
            if not action.isEnabled():
                continue
            before = {w for w in QApplication.allWidgets() if isinstance(w, QLineEdit) and w.isVisible()}
            action.trigger()
            qtbot.wait(1)
            shown = [w for w in QApplication.allWidgets() if isinstance(w, QLineEdit) and w.isVisible()
                     and w not in before]
            for field in shown[:1]:
                qtbot.keyClicks(field, "sciatic nerve")
                qtbot.keyClick(field, Qt.Key.Key_Return)
                typed += 1
            if action.isCheckable() and action.actionGroup() is None and action.isEnabled():
                action.trigger()
    assert len(triggered) >= 20
    print(f"typed into {typed} text box(es)")
    assert network_watch == []
    assert not [m for m in sys.modules if m.startswith("PySide6.QtNetwork") or m in ("urllib3", "requests")]
    assert all(url.startswith(("http://", "https://")) for url in browser), browser


def _link_point(panel, href: str) -> QPoint:
    """Where a link is on screen: the middle of its first character, scrolled into view."""
    block = panel.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(panel.document())
                cursor.setPosition(fragment.position() + 1)
                panel.setTextCursor(cursor)
                panel.ensureCursorVisible()
                rect = panel.cursorRect(cursor)
                return QPoint(rect.left() - 3, rect.center().y())
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_web_links_open_only_on_click_and_only_http(mini_dir, open_window, qtbot, network_watch, browser):
    text = (BAD / "untrusted-lesson.md").read_text(encoding="utf-8").replace("SECRET_PNG", "missing.png")
    (mini_dir / "lessons" / "untrusted.md").write_text(text, encoding="utf-8")
    shutil.copyfile(BAD / "evil-figure.svg", mini_dir / "lessons" / "evil-figure.svg")
    window = open_window(mini_dir)
    assert window.open_lesson("untrusted")
    window.panel.viewport().grab()
    assert browser == []  # showing a lesson opens nothing
    for href in ("file:///etc/passwd", "https://example.org/dgs"):
        qtbot.mouseClick(window.panel.viewport(), Qt.MouseButton.LeftButton, pos=_link_point(window.panel, href))
    assert browser == ["https://example.org/dgs"]
    assert window.current_lesson() == "untrusted"  # the app itself never navigated away
    assert network_watch == []
