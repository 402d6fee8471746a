"""The desktop bundle against the source install: size on disk and start-up to the first frame.

    python benchmarks/bundle.py dist/dgs-viewer [--runs 15]

Runs the bundle's program and ``python -m viewer`` alternately, each with --exit-after-paint and a
data folder of its own (warmed once), and the bare-Qt floor with them, so the figures of one run
can be compared. Build the bundle first with scripts/build-app.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import REPO, child_env, run_process  # noqa: E402


def folder_size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder (dist/dgs-viewer)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    program = args.bundle / "dgs-viewer"
    with tempfile.TemporaryDirectory() as temp:
        temp_path = Path(temp)
        env = child_env(temp_path / "pycache")
        commands = {
            "bundle": [str(program), "--exit-after-paint", "--data-dir", str(temp_path / "bundle-data")],
            "source": [sys.executable, "-m", "viewer", "--exit-after-paint", "--data-dir", str(temp_path / "src")],
            "floor": [sys.executable, str(REPO / "benchmarks" / "floor.py")],
        }
        for command in commands.values():
            run_process(command, env)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                samples[name].append(run_process(command, env))
    result = {name: {"ms": round(statistics.median(v[0] for v in values), 1),
                     "mib": round(max(v[1] for v in values), 1)} for name, values in samples.items()}
    result["bundle_over_source"] = round(result["bundle"]["ms"] / result["source"]["ms"], 2)
    result["bundle_size_mib"] = round(folder_size_mib(args.bundle), 1)
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
