"""Draws resources/bodychart.svg: a front and a back outline of the whole body, and the overlays
(typical DGS distribution, L5 and S1 dermatomes) as separate groups the app shows on request.

Tooling for the illustrator, not part of the app (`--out FILE` writes elsewhere;
tests/test_exercise_drawings.py checks that the committed file is what this script draws). The
outline is the posable figure of scripts/figure.py in the anatomical position, drawn as one
silhouette (every part stroked, then every part filled over the strokes). Overlay shapes follow the figure's joints:
- DGS: buttock and posterior thigh, with the calf dashed for "sometimes below the knee"
  (Martin 2015; Hopayian 2010; lessons/dgs-vs-back.md).
- L5 and S1: after the evidence-based dermatome map of Lee, McPhee & Stringer 2008 (L5: lateral
  leg and dorsum of the foot to the big toe; S1: lateral foot, heel and sole, posterior calf),
  simplified; the app states that dermatomes vary and overlap.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from figure import Camera, Pose, parts, path_of, skeleton

OUT = Path(__file__).resolve().parent.parent / "resources" / "bodychart.svg"
WIDTH, HEIGHT = 200.0, 118.0
FRONT_X, BACK_X, FLOOR = 50.0, 150.0, 112.0
POSE = Pose(shoulders={"L": {"abd": 14}, "R": {"abd": 14}}, elbows={"L": 4, "R": 4},
            hips={"L": {"abd": 4}, "R": {"abd": 4}}, ankles={"L": -8, "R": -8})


def placed(camera, x):
    shapes = parts(POSE, camera, (0, 0))
    bottom = min(y - r for p in shapes for _x, y, r in p.circles)
    return x, -(FLOOR) - bottom  # drawing y is up; the SVG flips it in path_of


def silhouette(camera, x, group_id):
    offset = placed(camera, x)
    shapes = parts(POSE, camera, offset)
    strokes = "".join(f'<path d="{path_of(p)}"/>' for p in shapes)
    fills = "".join(f'<path d="{path_of(p)}"/>' for p in shapes)
    return (f'<g id="{group_id}">'
            f'<g fill="#1a1a1a" stroke="#1a1a1a" stroke-width="1.4" stroke-linejoin="round">{strokes}</g>'
            f'<g fill="#ffffff" stroke="none">{fills}</g></g>')


def joints(camera, x):
    offset = placed(camera, x)
    out = {}
    for name, v in skeleton(POSE).items():
        px, py, _ = camera.project(v)
        out[name] = (px + offset[0], -(py + offset[1]))  # SVG coordinates
    return out


def poly(points, **attrs):
    extra = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return '<path d="M' + " L".join(f"{x:.1f},{y:.1f}" for x, y in points) + f' Z" {extra}/>'


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def band(j, top, bottom, side, inner, outer, t0=0.0, t1=1.0):
    """A strip along a limb segment; ``inner``/``outer`` are offsets from its axis (+ = lateral)."""
    sign = side
    a, b = lerp(j[top], j[bottom], t0), lerp(j[top], j[bottom], t1)
    return [(a[0] + sign * inner, a[1]), (a[0] + sign * outer, a[1]), (b[0] + sign * outer * 0.8, b[1]),
            (b[0] + sign * inner * 0.8, b[1])]


def overlays():
    front, back = Camera(0, 0), Camera(180, 0)
    jf, jb = joints(front, FRONT_X), joints(back, BACK_X)
    # in the back view the figure's left leg is on the viewer's left; the overlays are drawn on the
    # figure's LEFT leg in both views (front view: viewer's right)
    lf = 1 if jf["hipL"][0] > jf["pelvis"][0] else -1
    lb = 1 if jb["hipL"][0] > jb["pelvis"][0] else -1
    dgs = [
        poly([(jb["pelvis"][0] + lb * 0.5, jb["pelvis"][1] - 6), (jb["hipL"][0] + lb * 6.5, jb["hipL"][1] - 4),
              (jb["hipL"][0] + lb * 6.0, jb["hipL"][1] + 6), (jb["pelvis"][0] + lb * 0.8, jb["pelvis"][1] + 7)],
             fill="#3b3b3b", fill_opacity="0.30", stroke="#1a1a1a", stroke_width="0.8"),
        poly(band(jb, "hipL", "kneeL", lb, -3.2, 3.6, 0.28, 0.95), fill="#3b3b3b", fill_opacity="0.22",
             stroke="#1a1a1a", stroke_width="0.8"),
        poly(band(jb, "kneeL", "ankleL", lb, -2.6, 2.6, 0.05, 0.8), fill="#3b3b3b", fill_opacity="0.08",
             stroke="#1a1a1a", stroke_width="0.8", stroke_dasharray="2 1.5"),
    ]
    l5 = [
        poly(band(jf, "kneeL", "ankleL", lf, 0.2, 3.3, 0.2, 1.0), fill="#3b3b3b", fill_opacity="0.18",
             stroke="#1a1a1a", stroke_width="0.8", stroke_dasharray="3 1.2"),
        poly([(jf["ankleL"][0] + lf * 2.6, jf["ankleL"][1]), (jf["ankleL"][0] - lf * 1.8, jf["ankleL"][1]),
              (jf["toeL"][0] - lf * 1.6, jf["toeL"][1] + 0.6), (jf["toeL"][0] + lf * 1.2, jf["toeL"][1] + 0.6)],
             fill="#3b3b3b", fill_opacity="0.18", stroke="#1a1a1a", stroke_width="0.8", stroke_dasharray="3 1.2"),
        poly(band(jb, "kneeL", "ankleL", lb, 1.0, 3.2, 0.45, 0.95), fill="#3b3b3b", fill_opacity="0.18",
             stroke="#1a1a1a", stroke_width="0.8", stroke_dasharray="3 1.2"),
    ]
    s1 = [
        poly(band(jb, "kneeL", "ankleL", lb, -1.2, 1.6, 0.3, 1.0), fill="#3b3b3b", fill_opacity="0.18",
             stroke="#1a1a1a", stroke_width="0.9", stroke_dasharray="0.8 1.2"),
        poly([(jb["ankleL"][0] - lb * 1.8, jb["ankleL"][1]), (jb["ankleL"][0] + lb * 2.4, jb["ankleL"][1]),
              (jb["heelL"][0] + lb * 2.4, jb["heelL"][1] + 2.2), (jb["heelL"][0] - lb * 1.8, jb["heelL"][1] + 2.2)],
             fill="#3b3b3b", fill_opacity="0.18", stroke="#1a1a1a", stroke_width="0.9", stroke_dasharray="0.8 1.2"),
        poly([(jf["ankleL"][0] + lf * 2.4, jf["ankleL"][1] + 0.5), (jf["ankleL"][0] + lf * 3.4, jf["ankleL"][1] + 1),
              (jf["toeL"][0] + lf * 2.6, jf["toeL"][1] + 0.8), (jf["toeL"][0] + lf * 1.4, jf["toeL"][1] + 0.6)],
             fill="#3b3b3b", fill_opacity="0.18", stroke="#1a1a1a", stroke_width="0.9", stroke_dasharray="0.8 1.2"),
    ]
    return dgs, l5, s1


def text(x, y, words, size=5.0, anchor="middle", weight="normal"):
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-family="DejaVu Sans, Arial, sans-serif" '
            f'font-size="{size}" font-weight="{weight}" fill="#1a1a1a">{words}</text>')


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Draw the body chart.")
    parser.add_argument("--out", type=Path, default=OUT, help=f"file to write (default {OUT})")
    out = parser.parse_args(argv).out
    front, back = Camera(0, 0), Camera(180, 0)
    dgs, l5, s1 = overlays()
    jf, jb = joints(front, FRONT_X), joints(back, BACK_X)
    labels = [text(FRONT_X, 6, "Front", 5.5, weight="bold"), text(BACK_X, 6, "Back", 5.5, weight="bold")]
    # the patient's right and left, as a clinician reads a chart
    for j, x0 in ((jf, FRONT_X), (jb, BACK_X)):
        right = j["handR"][0]
        left = j["handL"][0]
        labels.append(text(right + (4 if right > x0 else -4), j["handR"][1] + 2, "R", 4.5, weight="bold"))
        labels.append(text(left + (4 if left > x0 else -4), j["handL"][1] + 2, "L", 4.5, weight="bold"))
    svg = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH * 4:.0f}" height="{HEIGHT * 4:.0f}" '
           f'viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}">\n'
           '<title>Body chart: front and back</title>\n'
           '<!-- Drawn by scripts/draw_bodychart.py. Groups: outline (both views), overlay-dgs, overlay-l5,\n'
           '     overlay-s1 (hidden in the app until the overlay is switched on). -->\n'
           f'<g id="outline"><rect x="0" y="0" width="{WIDTH:.0f}" height="{HEIGHT:.0f}" fill="#ffffff"/>'
           f'{silhouette(front, FRONT_X, "outline-front")}{silhouette(back, BACK_X, "outline-back")}'
           f'<line x1="{WIDTH / 2:.0f}" y1="4" x2="{WIDTH / 2:.0f}" y2="{HEIGHT - 4:.0f}" stroke="#bdbdbd" '
           f'stroke-width="0.5"/>{"".join(labels)}</g>\n'
           f'<g id="overlay-dgs">{"".join(dgs)}</g>\n'
           f'<g id="overlay-l5">{"".join(l5)}</g>\n'
           f'<g id="overlay-s1">{"".join(s1)}</g>\n'
           '</svg>\n')
    out.write_text(svg, encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
