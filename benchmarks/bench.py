"""Speed benchmark: start-up against the bare-Qt floor, interaction timings, and a 50x content pack.

    python benchmarks/bench.py [--runs 20] [--iterations 50] [--json FILE] [--no-scale]

Prints a table and JSON. Not part of the test suite: tests/test_project.py runs it once, with
one iteration, so that it keeps working.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from interaction import measure  # noqa: E402
from scale_pack import generate  # noqa: E402
from startup import startup  # noqa: E402


def machine() -> dict:
    cpu = ""
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
        ram = next(int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        ram = 0
    import PySide6

    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "ram_mib": ram,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "pyside6": PySide6.__version__, "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def rows(results: dict) -> list[tuple[str, str, str, str]]:
    s, i = results["startup"], results["bundled"]
    out = [
        ("start-up to first paint (median)", f"{s['app']['ms']:.0f} ms", f"floor {s['floor']['ms']:.0f} ms",
         f"{s['ratio_time']:.2f}x floor (target <= 1.5x)"),
        ("  the same, each run against its own floor run", "", "", f"{s['ratio_time_paired']:.2f}x floor (median of pairs)"),
        ("  the same, until the frame (not quitting)", f"{s['app']['to_paint_ms']:.0f} ms",
         f"floor {s['floor']['to_paint_ms']:.0f} ms",
         f"{s['ratio_to_paint']:.2f}x floor ({s['ratio_to_paint_paired']:.2f}x by pairs)"),
        ("start-up, first ever (no cached diagram)", f"{s['app_cold_ms']:.0f} ms", "",
         f"{s['app_cold_ms'] / s['floor']['ms']:.2f}x floor"),
        ("peak memory of start-up", f"{s['app']['mib']:.0f} MiB", f"floor {s['floor']['mib']:.0f} MiB",
         f"{s['ratio_memory']:.2f}x floor (target <= 1.6x)"),
        ("click to lesson shown, p95", f"{i['click_to_lesson_p95_ms']:.1f} ms", f"{i['clicks']} clicks",
         "target <= 16 ms"),
        ("click to lesson, first showing, p95", f"{i['first_click_p95_ms']:.1f} ms", "", ""),
        ("hover to highlight painted, p95", f"{i['hover_p95_ms']:.1f} ms", f"{i['hovers']} moves", "target <= 8 ms"),
        ("hit-test alone (mean)", f"{i['hit_test_us']:.1f} us", "", "target <= 20 us"),
    ]
    for size, figures in i.get("repaint_zoom4", {}).items():
        out.append((f"repaint {size}, zoom 4x, panned, p95", f"{figures['repaint_p95_ms']:.1f} ms",
                    f"sharp {figures['sharp_p95_ms']:.0f} ms", "target <= 16 ms"))
        out.append((f"pan frame {size}, zoom 4x, p95", f"{figures['pan_frame_p95_ms']:.1f} ms", "", ""))
    if "handout" in i:
        out.append(("handout PDF, one region", f"{i['handout']['median_ms']:.0f} ms",
                    f"first {i['handout']['first_ms']:.0f} ms", "target <= 300 ms"))
    if i.get("search"):
        out.append(("search as you type, p95 keystroke", f"{i['search']['keystroke_p95_ms']:.2f} ms",
                    f"max {i['search']['keystroke_max_ms']:.1f} ms", "target <= 10 ms"))
    scale = results.get("scale")
    if scale:
        out.append((f"scale pack start-up ({scale['regions']} regions, {scale['lessons']} lessons)",
                    f"{s['scale']['ms']:.0f} ms", f"{s['scale']['mib']:.0f} MiB",
                    f"{s['scale_ratio_time']:.2f}x bundled (target <= 1.25x)"))
        out.append(("scale pack hit-test (mean)", f"{scale['hit_test_us']:.1f} us",
                    f"{scale['hit_test_us'] / i['hit_test_us']:.2f}x bundled", "target <= 2x"))
        if scale.get("search") and i.get("search"):
            ratio = scale["search"]["keystroke_p95_ms"] / i["search"]["keystroke_p95_ms"]
            out.append(("scale pack search keystroke, p95", f"{scale['search']['keystroke_p95_ms']:.2f} ms",
                        f"{ratio:.2f}x bundled", "target <= 2x"))
        out.append(("scale pack click to lesson, p95", f"{scale['click_to_lesson_p95_ms']:.1f} ms", "", ""))
    heavy = s.get("heavy_modules_at_startup", [])
    out.append(("heavy modules imported at start-up", ", ".join(heavy) or "none", "", "target: none"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="start-up runs of each (median is reported)")
    parser.add_argument("--iterations", type=int, default=50, help="clicks per region, hovers, repaints")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--no-scale", action="store_true", help="skip the 50x content pack")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        scale_dir = None if args.no_scale else generate(temp / "scale-pack")
        (temp / "data").mkdir()
        results = {"machine": machine(),
                   "startup": startup(args.runs, temp / "data", temp / "pycache", scale_dir),
                   "bundled": measure(REPO, args.iterations)}
        if scale_dir is not None:
            results["scale"] = measure(scale_dir, args.iterations, full=False)
    m = results["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['ram_mib']} MiB RAM, {m['os']}, Python {m['python']}, "
          f"PySide6 {m['pyside6']}, QT_QPA_PLATFORM={m['qpa']}, {m['date']}")
    for row in rows(results):
        print(f"{row[0]:<48} {row[1]:>10}  {row[2]:<18} {row[3]}")
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
