"""Reads the running app through the AT-SPI bus, as Orca would, and prints what it found as JSON.

Run by tests/test_screen_reader.py with the system Python (Debian's python3-pyatspi), never by
pytest itself. Steps: the whole accessible tree; invoking "Open lesson" on a structure; Tab from
structure to structure (keys typed with xdotool) while listening for focus events; Ctrl+M, then
the hip-in-motion view's structures and gauge, and invoking "Open lesson" on its sciatic nerve.
"""

import json
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

APP_NAME = "DGS Viewer"
STRUCTURE_TO_OPEN = sys.argv[1] if len(sys.argv) > 1 else "Piriformis"
TABS = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def find_app(timeout=30.0):
    end = time.time() + timeout
    while time.time() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == APP_NAME:
                return app
        time.sleep(0.2)
    raise SystemExit(json.dumps({"error": "the app never appeared on the AT-SPI bus"}))


def states(node):
    return sorted(pyatspi.stateToString(s) for s in node.getState().getStates())


def walk(node, path="", out=None, depth=0):
    out = [] if out is None else out
    entry = {"path": path, "role": node.getRoleName(), "name": node.name or "", "description": node.description or "",
             "states": states(node)}
    try:
        entry["actions"] = [node.queryAction().getName(i) for i in range(node.queryAction().nActions)]
    except NotImplementedError:
        entry["actions"] = []
    try:
        extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        entry["extents"] = [extents.x, extents.y, extents.width, extents.height]
    except NotImplementedError:
        entry["extents"] = None
    out.append(entry)
    if depth < 12 and "popup menu" != entry["role"]:  # menus' contents are Qt's own and many
        for index in range(node.childCount):
            child = node.getChildAtIndex(index)
            if child is not None:
                walk(child, f"{path}/{index}", out, depth + 1)
    return out


def find(node, test, depth=0):
    if test(node):
        return node
    if depth > 12:
        return None
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            found = find(child, test, depth + 1)
            if found is not None:
                return found
    return None


def lesson_text(app):
    panel = find(app, lambda n: n.name == "Lesson" and n.getRoleName() in ("label", "text", "document text"))
    text = panel.queryText()
    return text.getText(0, min(text.characterCount, 200))


def main():
    app = find_app()
    time.sleep(1.0)  # the window's first frame and the regions built after it
    result = {"tree": walk(app)}

    diagram = find(app, lambda n: n.name == "Diagram of the deep gluteal space")
    target = find(diagram, lambda n: n.name == STRUCTURE_TO_OPEN)
    action = target.queryAction()
    action.doAction(next(i for i in range(action.nActions) if action.getName(i) in ("Press", "press", "Open lesson")))
    end = time.time() + 10
    text = ""
    while time.time() < end:
        text = lesson_text(app)
        if text.startswith(STRUCTURE_TO_OPEN):
            break
        time.sleep(0.2)
    result["lesson_after_action"] = text
    documents = [n for n in walk(app) if n["role"] == "document frame"]
    result["document"] = documents[0] if documents else None
    result["headings"] = [n["name"] for n in walk(app) if n["role"] == "heading"]

    focused = []

    def on_focus(event):
        if event.detail1 == 1:
            focused.append({"name": event.source.name, "role": event.source.getRoleName(),
                            "description": event.source.description})

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    # no window manager here: give the window the X input focus, as clicking on it would
    window = subprocess.run(["xdotool", "search", "--name", APP_NAME], capture_output=True, text=True).stdout.split()
    subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=True, timeout=10)
    diagram.queryComponent().grabFocus()
    state = {"sent": 0, "waited": 0, "seen": 0}

    def step():
        """Type the next Tab once the last one's focus event has come (or 8 s have passed)."""
        if len(focused) > state["seen"] or state["waited"] >= 80:
            state["seen"], state["waited"] = len(focused), 0
            if state["sent"] == TABS:
                pyatspi.Registry.stop()
                return False
            subprocess.run(["xdotool", "key", "Tab"], check=True, timeout=10)
            state["sent"] += 1
        else:
            state["waited"] += 1
        return True

    GLib.timeout_add(100, step)
    pyatspi.Registry.start()
    result["focus_events"] = focused
    result.update(axial_view(app))
    print(json.dumps(result))


def axial_view(app) -> dict:
    """Ctrl+M opens Hip in motion: its axial view and gauge as the bus shows them, and the nerve's action."""
    subprocess.run(["xdotool", "key", "ctrl+m"], check=True, timeout=10)
    axial = None
    end = time.time() + 15
    while axial is None and time.time() < end:
        time.sleep(0.3)
        axial = find(app, lambda n: (n.name or "").startswith("Axial view"))
    if axial is None:
        return {"axial": None, "gauge": None, "lesson_after_axial_action": ""}
    time.sleep(0.5)
    found = {"axial": walk(axial, "axial"),
             "gauge": walk(find(app, lambda n: (n.name or "").startswith("Gauge:")) or axial, "gauge")}
    nerve = find(axial, lambda n: n.name == "Sciatic nerve")
    text = ""
    if nerve is not None:
        action = nerve.queryAction()
        action.doAction(next(i for i in range(action.nActions) if action.getName(i) in ("Press", "press", "Open lesson")))
        end = time.time() + 10
        while time.time() < end and not text.startswith("Sciatic nerve"):
            time.sleep(0.2)
            text = lesson_text(app)
    found["lesson_after_axial_action"] = text
    return found


if __name__ == "__main__":
    main()
