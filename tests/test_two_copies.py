"""Two copies of the app on one data folder, as two real processes: no answer is lost, and the
second copy says plainly that another is open."""

from __future__ import annotations

import json
import os
import subprocess
import sys

COPY = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(["dgs-viewer"])
from viewer.model.content.loader import load_content
from viewer.qt.app.start import open_main_window
content = load_content(Path(sys.argv[1]))
window, lock = open_main_window(content, Path(sys.argv[2]))
window.show()
app.processEvents()
notice = window.findChild(QLabel, "", ) and [l.text() for l in window.findChildren(QLabel) if l.accessibleName() == "Notice"]
print("ready", window.settings.shared, repr(window.windowTitle()), repr(" ".join(notice or [])), flush=True)
regions = [r.id for r in content.regions]
answered = 0
for line in sys.stdin:
    command, *rest = line.split()
    if command == "answer":  # what a quiz does with each answer: record it, save
        data = window.context.user_data
        for _ in range(int(rest[0])):
            region = regions[answered % len(regions)]
            data.progress.record(f"find:{region}:{sys.argv[3]}", True, region=region, topic="anatomy")
            answered += 1
            assert data.save()
        print("done", flush=True)
    elif command == "quit":
        window.close()
        break
print("closed", flush=True)
"""


def _start(repo, data_dir, name):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(repo))
    process = subprocess.Popen([sys.executable, "-c", COPY, str(repo), str(data_dir), name], cwd=repo, env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process


def _say(process, line: str) -> str:
    process.stdin.write(line + "\n")
    process.stdin.flush()
    return process.stdout.readline()


def test_second_copy_on_one_folder_loses_no_answer(repo, tmp_path):
    data = tmp_path / "data"
    first = _start(repo, data, "first")
    second = None
    try:
        ready = first.stdout.readline()
        assert ready.startswith("ready False"), first.stderr.read() if not ready else ready
        second = _start(repo, data, "second")
        ready_second = second.stdout.readline()
        assert ready_second.startswith("ready True"), second.stderr.read() if not ready_second else ready_second
        assert "second copy" in ready_second and "Another copy of DGS Viewer is already open" in ready_second
        assert f"process {first.pid}" in ready_second
        # interleaved, each copy reading the file before the other's saves: 3 + 3 + 2 answers
        assert _say(first, "answer 3").strip() == "done"
        assert _say(second, "answer 3").strip() == "done"
        assert _say(first, "answer 2").strip() == "done"
        settings_before = (data / "settings.ini").read_bytes() if (data / "settings.ini").exists() else b""
        assert _say(second, "quit").strip() == "closed"
        assert second.wait(60) == 0
        assert ((data / "settings.ini").read_bytes() if (data / "settings.ini").exists() else b"") == settings_before
        assert _say(first, "quit").strip() == "closed"
        assert first.wait(60) == 0
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
    attempts = json.loads((data / "progress.json").read_text())["attempts"]
    assert len(attempts) == 8
    assert sum(a["card"].endswith(":first") for a in attempts) == 5
    assert not (data / "dgs-viewer.lock").exists()  # the owner let go when it closed


def test_a_crashed_copy_does_not_lock_the_folder_forever(repo, tmp_path):
    data = tmp_path / "data"
    first = _start(repo, data, "first")
    try:
        assert first.stdout.readline().startswith("ready False")
    finally:
        first.kill()  # no clean shut-down: the lock file stays behind
        first.wait()
    assert (data / "dgs-viewer.lock").exists()
    again = _start(repo, data, "again")
    try:
        assert again.stdout.readline().startswith("ready False")  # the dead owner's lock is stale: taken over
        assert _say(again, "quit").strip() == "closed"
        assert again.wait(60) == 0
    finally:
        if again.poll() is None:
            again.kill()
            again.wait()
