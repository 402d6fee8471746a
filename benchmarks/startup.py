"""Start-up timing: whole processes, the app against the bare-Qt floor, run alternately.

Children get a private bytecode cache (PYTHONPYCACHEPREFIX) and may write to it, so after
the warm-up run they start from compiled bytecode as an installed app does, even when the
calling shell sets PYTHONDONTWRITEBYTECODE.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# imported lazily by the features that need them; none of them may load before the first frame
HEAVY_MODULES = ("pyqtgraph", "numpy", "fsrs", "markdown_it", "svgelements", "PIL", "PySide6.QtPrintSupport",
                 "PySide6.QtCharts", "viewer.qt.chairside.handout", "viewer.qt.chairside.docks", "viewer.model.content.questions",
                 "viewer.model.search.index", "viewer.qt.motion.panel", "viewer.model.motion.kinematics",
                 "viewer.qt.diagram.label_scale", "viewer.model.diagram.label_layout")


def child_env(pycache: Path) -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run_process(command: list[str], env: dict) -> tuple[float, float]:
    """Wall time (ms) and peak memory (MiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return elapsed, usage.ru_maxrss / 1024


def time_to_paint(command: list[str], env: dict) -> float:
    """Milliseconds from spawning ``command`` (a paint_probe.py run) to its "painted" line."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    process.wait()
    if line.strip() != "painted":
        raise SystemExit(f"{' '.join(command)} did not report its first frame")
    return elapsed


def app_command(data: Path, content: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "viewer", "--exit-after-paint", "--data-dir", str(data)]
    return command + (["--content", str(content)] if content else [])


def startup(runs: int, data: Path, pycache: Path, scale_content: Path | None = None) -> dict:
    """Median start-up time and peak memory of the app, the floor and (if given) the scale pack."""
    env = child_env(pycache)
    commands = {"app": app_command(data), "floor": [sys.executable, str(REPO / "benchmarks" / "floor.py")]}
    if scale_content is not None:
        commands["scale"] = app_command(data, scale_content)
    for command in commands.values():  # warm-up: disk cache, bytecode, the app's own caches
        run_process(command, env)
    samples: dict[str, list] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so drift on the machine hits all alike
        for name, command in commands.items():
            samples[name].append(run_process(command, env))
    result = {}
    for name, values in samples.items():
        result[name] = {"ms": statistics.median(v[0] for v in values), "mib": max(v[1] for v in values),
                        "runs_ms": [round(v[0], 1) for v in values]}
    probe = str(REPO / "benchmarks" / "paint_probe.py")
    painted = {"app": [], "floor": []}  # the same, up to the first frame only (without quitting)
    for _ in range(runs):
        painted["app"].append(time_to_paint([sys.executable, probe, "app", "--data-dir", str(data)], env))
        painted["floor"].append(time_to_paint([sys.executable, probe, "floor"], env))
    for name, values in painted.items():
        result[name]["to_paint_ms"] = statistics.median(values)
    result["ratio_to_paint"] = result["app"]["to_paint_ms"] / result["floor"]["to_paint_ms"]
    result["ratio_to_paint_paired"] = paired_ratio(painted["app"], painted["floor"])
    cold = []  # a first start: no settings, no picture of the diagram kept from an earlier run
    for run in range(max(1, min(runs, 3))):
        fresh = data.parent / f"fresh-{run}"
        cold.append(run_process(app_command(fresh), env)[0])
    result["app_cold_ms"] = statistics.median(cold)
    result["ratio_time"] = result["app"]["ms"] / result["floor"]["ms"]
    result["ratio_time_paired"] = paired_ratio([v[0] for v in samples["app"]], [v[0] for v in samples["floor"]])
    result["ratio_memory"] = result["app"]["mib"] / result["floor"]["mib"]
    if "scale" in result:
        result["scale_ratio_time"] = result["scale"]["ms"] / result["app"]["ms"]
    result["heavy_modules_at_startup"] = heavy_imports(data, env)
    return result


def paired_ratio(app: list[float], floor: list[float]) -> float:
    """The median of each app run over the floor run made right after it. The machine's speed drifts
    (the floor alone moves by 1.5x within a run here); a pair shares the machine's state of the moment,
    so this ratio is steadier than the ratio of the two medians, which is reported beside it."""
    return statistics.median(a / f for a, f in zip(app, floor))


def heavy_imports(data: Path, env: dict) -> list[str]:
    """Which of HEAVY_MODULES a start-up to the first frame imported (from -X importtime)."""
    command = [sys.executable, "-X", "importtime"] + app_command(data)[1:]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    return sorted(name for name in HEAVY_MODULES if name in imported)
