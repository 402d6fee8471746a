"""Rewrites the two generated tables in docs/motion-model.md from the model (run after changing
resources/hip-landmarks.toml or the presets; tests/test_motion_model.py fails while they differ)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.model.content.loader import load_content
from viewer.model.motion.comparison import comparison_rows, markdown_table
from viewer.model.motion.pose import describe
from viewer.model.motion.presets import load_hip_model, presets_from


def presets_table(content, model) -> str:
    lines = ["| Preset | Pose (illustrative angles) | IFS mm | QFS mm | Piriformis % | Obturator internus % |",
             "|---|---|---|---|---|---|"]
    for preset in presets_from(content.positions):
        j = model.measure(preset.pose).as_json()
        lines.append(f"| {preset.name} | {describe(preset.pose)} | {j['ifs_mm']} | {j['qfs_mm']} | "
                     f"{j['piriformis_length_change_pct']:+} | {j['obturator_internus_length_change_pct']:+} |")
    return "\n".join(lines)


def main() -> None:
    content = load_content(ROOT)
    model = load_hip_model(content.resources_dir)
    doc = ROOT / "docs" / "motion-model.md"
    text = doc.read_text(encoding="utf-8")
    for name, table in (("comparison", markdown_table(comparison_rows(model))),
                        ("presets", presets_table(content, model))):
        text = re.sub(rf"(<!-- {name}:start -->\n).*?(\n<!-- {name}:end -->)",
                      lambda m, t=table: m.group(1) + t + m.group(2), text, flags=re.DOTALL)
    doc.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
