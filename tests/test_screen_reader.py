"""Through a real screen reader's eyes: the app on a virtual X display with the AT-SPI bus, read
by Debian's pyatspi (tests/atspi/probe.py, run with the system Python) as Orca reads it.

Marked "atspi": the README's test command leaves it out; .ci/run installs what it needs
(at-spi2-core, python3-pyatspi, dbus-x11, xdotool, Xvfb) and runs it. Where any of that is
missing the test is skipped and says what is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.atspi
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = next((p for p in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
                     if Path(p).exists()), None)


def missing() -> str:
    needs = {"Xvfb": shutil.which("Xvfb"), "dbus-launch (dbus-x11)": shutil.which("dbus-launch"),
             "xdotool": shutil.which("xdotool"), "at-spi-bus-launcher (at-spi2-core)": BUS_LAUNCHER}
    absent = [name for name, found in needs.items() if not found]
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"],
                                                          capture_output=True).returncode != 0:
        absent.append("python3-pyatspi")
    return ", ".join(absent)


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    absent = missing()
    if absent:
        pytest.skip(f"no AT-SPI bus here: missing {absent}")
    work = tmp_path_factory.mktemp("atspi")
    display = f":{150 + os.getpid() % 80}"
    processes = []
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS")}
    env.update(DISPLAY=display, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", PYTHONPATH=str(REPO))
    try:
        processes.append(subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, timeout=30)
        for line in bus.stdout.splitlines():
            if "=" in line and line.split("=", 1)[0] in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID"):
                key, value = line.rstrip(";").split("=", 1)
                env[key] = value.strip("'")
        # the accessibility bus is started by D-Bus when the app first asks for it (at-spi2-core's service file)
        processes.append(subprocess.Popen([sys.executable, "-m", "viewer", "--data-dir", str(work / "data")],
                                          cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
        probe = subprocess.run([SYSTEM_PYTHON, str(REPO / "tests" / "atspi" / "probe.py"), "Piriformis", "3"],
                               env=env, capture_output=True, text=True, timeout=180)
        assert probe.returncode == 0, probe.stderr
        yield json.loads(probe.stdout)
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if "DBUS_SESSION_BUS_PID" in env:
            os.kill(int(env["DBUS_SESSION_BUS_PID"]), signal.SIGTERM)


def structures(seen) -> list[dict]:
    diagram = next(n for n in seen["tree"] if n["name"] == "Diagram of the deep gluteal space")
    prefix = diagram["path"] + "/"
    return [n for n in seen["tree"] if n["path"].startswith(prefix) and "/" not in n["path"][len(prefix):]]


def test_every_structure_is_on_the_bus_with_name_description_place_and_action(seen):
    from viewer.model.content.loader import load_content

    content = load_content(REPO)
    found = structures(seen)
    deep = [r for r in content.regions if not r.layer]  # the app opens at the deep layer: what it shows
    assert [n["name"] for n in found] == [r.name for r in deep]
    for node, region in zip(found, deep):
        assert node["description"] == region.description
        assert node["extents"] and node["extents"][2] > 0 and node["extents"][3] > 0
        assert "focusable" in node["states"] and "showing" in node["states"]
        assert node["actions"]  # "Press": open the lesson


def test_invoking_a_structures_action_opens_its_lesson(seen):
    assert seen["lesson_after_action"].startswith("Piriformis")
    assert seen["document"]["name"] == "Piriformis"


def test_the_lesson_is_a_document_with_headings(seen):
    assert seen["document"]["role"] == "document frame"
    assert seen["headings"][0] == "Piriformis" and len(seen["headings"]) >= 4


def test_tab_moves_the_screen_readers_focus_from_structure_to_structure(seen):
    """The README: Tab / Shift+Tab move between structures, top to bottom."""
    from viewer.model.content.loader import load_content

    names = [r.name for r in load_content(REPO).regions if not r.layer]
    focused = [event["name"] for event in seen["focus_events"]]
    assert focused[-3:] == names[:3]


def test_nothing_focusable_or_visible_is_unnamed_on_the_bus(seen):
    unnamed = [f"{n['role']} at {n['path']}" for n in seen["tree"]
               if not n["name"].strip() and n["role"] not in ("filler", "separator", "panel")
               and ({"focusable", "showing"} & set(n["states"]))]
    assert unnamed == []


def test_the_axial_views_structures_and_gauge_are_on_the_bus(seen):
    """Hip in motion (Ctrl+M): three structures with place and action, the gauge's rows in words."""
    axial = seen["axial"]
    assert axial, "Ctrl+M did not bring the axial view onto the bus"
    parts = [n for n in axial if n["path"].count("/") == 1]
    assert [n["name"] for n in parts] == ["Ischiofemoral tunnel (quadratus femoris)", "Hamstring origin", "Sciatic nerve"]
    for node in parts:
        assert node["description"] and node["actions"] and "focusable" in node["states"]
        assert node["extents"] and node["extents"][2] > 0 and node["extents"][3] > 0
    assert "ischiofemoral space" in parts[0]["description"]
    rows = [n for n in seen["gauge"] if n["path"].count("/") == 1]
    assert [n["name"].split(":")[0] for n in rows] == ["Ischiofemoral space (IFS)", "Quadratus femoris space (QFS)"]
    assert all(" mm" in n["name"] and "hips without ischiofemoral impingement" in n["description"] for n in rows)
    assert seen["lesson_after_axial_action"].startswith("Sciatic nerve")
