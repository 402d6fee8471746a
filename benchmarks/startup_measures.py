"""What each start-up measure saves: whole warm starts (``--exit-after-paint``) with the measure on and
off (DGS_STARTUP_OFF, see viewer/bootstrap.py), interleaved, N pairs each. Reports the median of the
paired differences of wall time and of CPU time (user + system of the child: less disturbed than
wall time when other processes share the machine).

    python benchmarks/startup_measures.py [--pairs 15] [measure ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from viewer.bootstrap import MEASURES  # noqa: E402


def one_start(data_dir: Path, off: str, pycache: Path) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(pycache), "DGS_STARTUP_OFF": off}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "viewer", "--exit-after-paint", "--data-dir", str(data_dir)],
                               cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"start with DGS_STARTUP_OFF={off!r} failed")
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def measure(name: str, pairs: int, folder: Path) -> dict:
    pycache = folder / "pycache"
    data = folder / f"data-{name}"
    for off in ("", name, ""):  # warm-up: bytecode and caches written
        one_start(data, off, pycache)
    wall, cpu = [], []
    for number in range(pairs):
        order = ("", name) if number % 2 == 0 else (name, "")
        results = {off: one_start(data, off, pycache) for off in order}
        wall.append(results[name][0] - results[""][0])
        cpu.append(results[name][1] - results[""][1])
    return {"measure": name, "pairs": pairs, "saves_wall_ms": statistics.median(wall),
            "saves_cpu_ms": statistics.median(cpu),
            "cpu_spread_ms": (round(min(cpu), 1), round(max(cpu), 1))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("measures", nargs="*", default=list(MEASURES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name in args.measures:
            result = measure(name, args.pairs, Path(folder))
            print(f"{name:10} saves {result['saves_wall_ms']:6.1f} ms wall, {result['saves_cpu_ms']:6.1f} ms CPU "
                  f"(median of {args.pairs} pairs; CPU differences {result['cpu_spread_ms']})", flush=True)


if __name__ == "__main__":
    main()
