"""The project's promises to a newcomer: README commands, CI, module sizes, the benchmark."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest


def test_readme_quick_start_comes_first_and_ci_runs_its_test_command(repo):
    readme = (repo / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    launch, test = commands[0], commands[1]
    assert readme.index(launch) < readme.index("## What it is")
    assert "pip install" in launch and "dgs-viewer" in launch
    assert "pip install" in test and "pytest" in test
    assert test in (repo / ".ci" / "run").read_text(encoding="utf-8")


def test_modules_stay_small(repo):
    for path in (repo / "viewer").rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 400, f"{path.relative_to(repo)} has {lines} lines"


def test_benchmark_runs_once(repo, tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "benchmarks/bench.py", "--runs", "1", "--iterations", "1",
                             "--json", str(out)], cwd=repo, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["startup"]["floor"]["ms"] > 0 and data["startup"]["app"]["ms"] > 0
    assert data["bundled"]["hit_test_us"] > 0 and data["bundled"]["click_to_lesson_p95_ms"] > 0
    assert data["scale"]["regions"] >= 250 and data["scale"]["lessons"] >= 500
    assert "start-up to first paint" in result.stdout


def test_starting_the_window_imports_no_heavy_module(repo, tmp_path):
    """Charts, Markdown tools and images load when first used, never before the first frame."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "viewer", "--exit-after-paint",
                             "--data-dir", str(tmp_path)], cwd=repo, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "viewer.qt.app.main_window" in imported  # the window really started
    assert not imported & {"pyqtgraph", "numpy", "markdown_it", "PIL"}
    # the labels grown with the text size: nothing of them at 100%
    assert not imported & {"viewer.qt.diagram.label_scale", "viewer.model.diagram.label_layout"}


QT_NAMESPACE_PROBE = """
import sys
import PySide6.QtCore as QtCore
import viewer.qt.app.paint_watch as paint_watch
from viewer.cli import main

built = []
original = paint_watch.FirstPaint.__init__

def watching(self, widget, callback):
    original(self, widget, lambda: (built.append("Qt" in vars(QtCore)), callback()))

paint_watch.FirstPaint.__init__ = watching
main(sys.argv[1:])
print("Qt namespace before the first frame:", built[0])
import gc
print("objects kept out of the cycle collector after the first frame:", gc.get_freeze_count())
"""


def test_start_up_builds_no_qt_namespace_and_freezes_what_it_made(repo, tmp_path):
    """Building ``QtCore.Qt`` costs about 27 ms of start-up (viewer/qt/app/enum_free.py says how to avoid it);
    the cycle collector walking everything start-up made costs about 40 ms at quit (viewer/qt/app/start.py)."""
    for start in ("first ever", "with caches", "dark theme"):
        if start == "dark theme":  # its paper behind the diagram is made at start-up too
            from viewer.qt.app.settings import Settings
            from viewer.qt.app.theme import THEME_KEY

            settings = Settings(tmp_path)
            settings.set(THEME_KEY, "dark")
            assert settings.sync()
        result = subprocess.run([sys.executable, "-c", QT_NAMESPACE_PROBE, "--exit-after-paint", "--data-dir",
                                 str(tmp_path)], cwd=repo, capture_output=True, text=True, timeout=120,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert result.returncode == 0, result.stderr[-2000:]
        assert "Qt namespace before the first frame: False" in result.stdout, start
        frozen = int(result.stdout.rsplit(":", 1)[1])
        assert frozen > 10_000, "run_app freezes what start-up made (gc.freeze), so quitting is quick"


GUI_THREAD_PROBE = """
import os
import sys
import viewer.qt.app.paint_watch as paint_watch
from viewer.cli import main

names = []
original = paint_watch.FirstPaint.__init__

def thread_names():
    return [open(f"/proc/self/task/{task}/comm").read().strip() for task in os.listdir("/proc/self/task")]

def watching(self, widget, callback):
    original(self, widget, lambda: (names.extend(thread_names()), callback()))

paint_watch.FirstPaint.__init__ = watching
if sys.argv[1] == "--control":  # as Qt does by default: the setting taken back before anything paints
    os.environ.pop("QT_NO_GUI_THREADPOOL", None)
main(sys.argv[2:])
print("Qt pool threads at the first frame:", names.count("Thread (pooled)"))
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="thread names are read from /proc")
def test_painting_stays_on_the_gui_thread(repo, tmp_path):
    """Qt's raster engine would hand large fills to a thread pool and wait: slower here (viewer/qt/__init__.py)."""
    env = {key: value for key, value in os.environ.items() if key != "QT_NO_GUI_THREADPOOL"}
    counts = {}
    for run in ("--app", "--control"):
        result = subprocess.run([sys.executable, "-c", GUI_THREAD_PROBE, run, "--exit-after-paint", "--data-dir",
                                 str(tmp_path)], cwd=repo, capture_output=True, text=True, timeout=120,
                                env={**env, "QT_QPA_PLATFORM": "offscreen"})
        assert result.returncode == 0, result.stderr[-2000:]
        counts[run] = int(result.stdout.rsplit(":", 1)[1])
    assert counts == {"--app": 0, "--control": counts["--control"]} and counts["--control"] > 0


def test_the_rules_run_before_the_tests_and_their_tools_come_with_the_test_extra(repo):
    """A fresh clone gets ruff, mypy and import-linter from the README's install and runs them first."""
    import tomllib

    test = re.findall(r"```sh\n(.+?)\n```", (repo / "README.md").read_text(encoding="utf-8"))[1]
    steps = [test.index(tool) for tool in ("ruff check", "mypy", "lint-imports", "pytest")]
    assert steps == sorted(steps)
    extra = " ".join(tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]
                     ["optional-dependencies"]["test"])
    assert all(tool in extra for tool in ("ruff", "mypy", "import-linter"))


def test_no_module_is_excused_from_a_mypy_check(repo):
    """Issue 17's typing debt is paid: no per-module overrides switch an error code off again. The one
    override allowed names third-party packages without types (see the next test), and nothing else."""
    import tomllib

    mypy = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    excused = [(o["module"], {k: v for k, v in o.items() if k != "module"}) for o in mypy.get("overrides", [])
               if set(o) != {"module", "ignore_missing_imports"}
               or any(module == "viewer" or module.startswith("viewer.") for module in o["module"])]
    assert not excused, excused


def test_every_type_ignore_says_why(repo):
    """No ``type: ignore`` without its error code and a reason beside it."""
    bare = [f"{path.relative_to(repo)}:{number}" for path in sorted((repo / "viewer").rglob("*.py"))
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if "type: ignore" in line and not re.search(r"type: ignore\[[a-z-, ]+\]\s*(#|--)\s*\w", line)]
    assert not bare, bare


def test_mypy_skips_the_types_only_of_packages_that_ship_none(repo):
    """No global ignore_missing_imports: a package that ships its types (py.typed, as fsrs has since
    6.3.1) is checked against them; only the packages without any are named as untyped."""
    import importlib.util
    import tomllib
    from pathlib import Path

    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = project["tool"]["mypy"]
    assert "ignore_missing_imports" not in mypy
    untyped = {module for override in mypy["overrides"] if override.get("ignore_missing_imports")
               for module in override["module"]}

    def ships_types(module: str) -> bool:
        spec = importlib.util.find_spec(module)
        assert spec is not None and spec.origin, module
        return (Path(spec.origin).parent / "py.typed").is_file()

    assert untyped and not [module for module in untyped if ships_types(module)]
    assert "fsrs" not in untyped and ships_types("fsrs")
    fsrs = next(dep for dep in project["project"]["dependencies"] if dep.startswith("fsrs"))
    assert fsrs.startswith("fsrs>=6.3.1"), fsrs  # the first release with py.typed
