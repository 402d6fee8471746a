"""Generates a content pack about 50 times the bundled one, for the scale benchmark.

    python benchmarks/scale_pack.py OUT_DIR [--regions 256] [--lessons 500] [--questions 5000]

The pack is synthetic (placeholder words, never clinical text) and is written to a
temporary folder by the benchmark; it is never committed. It follows the same formats
as the bundled content: a layered SVG (art, labels), regions.toml, lessons with TOML
front matter, level blocks, citations and glossary terms, and question banks.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CELL = 260          # SVG units per grid cell
WORDS = ("band", "layer", "groove", "ridge", "sheath", "canal", "notch", "fold", "edge", "bundle",
         "arch", "tract", "pad", "root", "branch", "gap", "sling", "hood", "wall", "floor")
TOPICS = ("anatomy", "mechanisms", "positions", "tests", "red-flags", "management")
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "de", "pa", "xu", "bri", "sto", "gla", "fen", "mor")


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Made-up words, so the text has a realistic spread of words rather than a few repeated ones."""
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, vocab: list[str], length: int) -> str:
    # a few words are common, most are rare, as in real prose (roughly Zipf)
    return " ".join(vocab[min(len(vocab) - 1, int(rng.paretovariate(1.1)) - 1 + rng.randrange(3))]
                    if rng.random() < 0.5 else rng.choice(vocab) for _ in range(length))


def region_id(i: int) -> str:
    return f"part-{i:03d}"


def blob_path(cx: float, cy: float, r: float, rng: random.Random) -> str:
    """A closed wobbly outline of cubic curves, so picking and drawing meet real curves."""
    points = []
    for k in range(8):
        angle = k / 8 * math.tau
        radius = r * rng.uniform(0.75, 1.0)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    d = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for k in range(8):
        (x0, y0), (x1, y1) = points[k], points[(k + 1) % 8]
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        d.append(f"C{x0 + (mx - cx) * 0.25:.1f},{y0 + (my - cy) * 0.25:.1f} "
                 f"{x1 + (mx - cx) * 0.25:.1f},{y1 + (my - cy) * 0.25:.1f} {x1:.1f},{y1:.1f}")
    return " ".join(d) + " Z"


def diagram_svg(regions: int, rng: random.Random) -> str:
    columns = math.ceil(math.sqrt(regions))
    rows = math.ceil(regions / columns)
    width, height = columns * CELL + 200, rows * CELL + 200
    art, labels = [], []
    art.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f4ecd8"/>')
    for i in range(regions):
        col, row = i % columns, i // columns
        cx, cy = 100 + col * CELL + CELL / 2, 100 + row * CELL + CELL / 2
        hue = ("#a8433a", "#c99a4b", "#d8c399", "#6d8fb3", "#8a6f9e")[i % 5]
        art.append(f'<g id="region-{region_id(i)}"><path d="{blob_path(cx, cy, CELL * 0.38, rng)}" '
                   f'fill="{hue}" stroke="#3b2720" stroke-width="2"/></g>')
        for s in range(3):  # texture strokes, as the bundled art has fibres
            y = cy - 30 + s * 30
            art.append(f'<path d="M{cx - 50:.0f},{y:.0f} Q{cx:.0f},{y - 12:.0f} {cx + 50:.0f},{y:.0f}" '
                       f'fill="none" stroke="#000" stroke-width="1.2" opacity="0.25"/>')
        labels.append(f'<g id="label-{region_id(i)}"><text x="{cx - 60:.0f}" y="{cy + CELL * 0.47:.0f}" '
                      f'font-family="sans-serif" font-size="22" fill="#1a1a1a">Part {i:03d}</text></g>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.2" '
            f'baseProfile="tiny" width="{width}" height="{height}" viewBox="0 0 {width} {height}">\n'
            f'<g id="art">\n' + "\n".join(art) + '\n</g>\n<g id="labels">\n' + "\n".join(labels) + "\n</g>\n</svg>\n")


def regions_toml(regions: int) -> str:
    out = ['diagram = "diagram.svg"', ""]
    for i in range(regions):
        out += ["[[region]]", f'id = "{region_id(i)}"', f'name = "Part {i:03d}"',
                f'element = "region-{region_id(i)}"', f'lesson = "lesson-{i:03d}"',
                f'description = "Generated structure number {i} of the scale test."', ""]
    return "\n".join(out)


def glossary_toml(terms: int) -> str:
    out = []
    for i in range(terms):
        out += ["[[term]]", f'term = "{WORDS[i % len(WORDS)]} {i:04d}"',
                f'aliases = ["{WORDS[(i + 3) % len(WORDS)]}-{i:04d}"]',
                f'definition = "A generated definition for glossary entry {i}."', ""]
    return "\n".join(out)


def references_toml(count: int) -> str:
    out = []
    for i in range(count):
        out += [f"[ref{i:03d}]", f'authors = "Author {i}"', f'title = "Generated study {i}"',
                'journal = "J Scale Tests"', f"year = {1990 + i % 35}", f'volume = "{i % 40}"',
                f'pages = "{i}-{i + 9}"', ""]
    return "\n".join(out)


def lesson_md(i: int, regions: int, terms: int, refs: int, rng: random.Random, vocab: list[str]) -> str:
    region = f'region = "{region_id(i)}"\n' if i < regions else ""
    cited = sorted({f"ref{rng.randrange(refs):03d}" for _ in range(4)})
    lines = ["+++", f'id = "lesson-{i:03d}"', f'title = "Lesson {i:03d}"', region.rstrip("\n"),
             'summary = "A generated lesson for the scale benchmark."',
             f"references = [{', '.join(repr(c).replace(chr(39), chr(34)) for c in cited)}]",
             'reviewed = "2026-11-21"', "+++", ""]
    lines = [line for line in lines if line != ""] + [""]
    for level in ("patient", "clinical"):
        lines += [f"::: {level}", f"## {level.title()} overview", ""]
        for p in range(6):
            term = rng.randrange(terms)
            words = sentence(rng, vocab, 40)
            lines.append(f"Paragraph {p} mentions {WORDS[term % len(WORDS)]} {term:04d} and {words} "
                         f"[@{rng.choice(cited)}].")
            lines.append("")
        lines += ["- first point about the " + rng.choice(WORDS), "- second point about the " + rng.choice(WORDS),
                  "", "| Item | Value |", "|---|---|", "| one | first |", "| two | second |", "", ":::", ""]
    return "\n".join(lines)


def questions_toml(first: int, count: int, regions: int, lessons: int, rng: random.Random,
                   vocab: list[str]) -> str:
    out = []
    for q in range(first, first + count):
        region = region_id(q % regions)
        out += ["[[question]]", f'id = "gen-{q:05d}"', f'topic = "{TOPICS[q % len(TOPICS)]}"',
                f'region = "{region}"', f'level = "{("patient", "clinical")[q % 2]}"']
        if q % 10 == 0:
            out += ['kind = "find"', f'prompt = "Click Part {q % regions:03d}."', f'regions = ["{region}"]']
        else:
            out += [f'prompt = "Generated question {q}: {sentence(rng, vocab, 8)}?"',
                    f'choices = ["{WORDS[q % 20]}", "{WORDS[(q + 1) % 20]}", "{WORDS[(q + 2) % 20]}"]',
                    f"answer = {q % 3}"]
        out += [f'explanation = "Generated explanation {q}."', f'lesson = "lesson-{q % lessons:03d}"', ""]
    return "\n".join(out)


def generate(out: Path, regions: int = 256, lessons: int = 500, questions: int = 5000,
             terms: int = 1000, refs: int = 300, seed: int = 7) -> Path:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    (out / "lessons" / "questions").mkdir(parents=True, exist_ok=True)
    (out / "resources").mkdir(parents=True, exist_ok=True)
    (out / "resources" / "diagram.svg").write_text(diagram_svg(regions, rng), encoding="utf-8")
    (out / "resources" / "regions.toml").write_text(regions_toml(regions), encoding="utf-8")
    lessons_dir = out / "lessons"
    (lessons_dir / "glossary.toml").write_text(glossary_toml(terms), encoding="utf-8")
    (lessons_dir / "references.toml").write_text(references_toml(refs), encoding="utf-8")
    for i in range(lessons):
        text = lesson_md(i, regions, terms, refs, rng, vocab)
        (lessons_dir / f"lesson-{i:03d}.md").write_text(text, encoding="utf-8")
    order = ", ".join(f'"lesson-{i:03d}"' for i in range(min(lessons, 20)))
    (lessons_dir / "contents.toml").write_text(f'home = "lesson-000"\nurgent = "lesson-001"\norder = [{order}]\n',
                                               encoding="utf-8")
    bundled_handout = REPO / "lessons" / "handout.toml"
    if bundled_handout.exists():
        shutil.copy(bundled_handout, lessons_dir / "handout.toml")
    per_file = 100
    for start in range(0, questions, per_file):
        text = questions_toml(start, min(per_file, questions - start), regions, lessons, rng, vocab)
        (lessons_dir / "questions" / f"bank-{start // per_file:03d}.toml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--regions", type=int, default=256)
    parser.add_argument("--lessons", type=int, default=500)
    parser.add_argument("--questions", type=int, default=5000)
    args = parser.parse_args()
    generate(args.out, args.regions, args.lessons, args.questions)
    print(args.out)


if __name__ == "__main__":
    main()
