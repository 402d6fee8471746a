"""--check: clean content passes; each kind of break is named at its path and line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def check(repo, content_dir):
    env = dict(os.environ, PYTHONPATH=str(repo))
    result = subprocess.run([sys.executable, "-m", "viewer", "--content", str(content_dir), "--check"],
                            cwd=content_dir, env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr
    return result


def test_mini_content_passes(repo, mini_dir):
    result = check(repo, mini_dir)
    assert result.returncode == 0, result.stdout


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKS = [
    # (file, old text, new text, expected "path:line: fragment")
    ("lessons/upper.md", "(lesson:overview)", "(lesson:nowhere)", "lessons/upper.md:12: link to lesson 'nowhere'"),
    ("lessons/overview.md", "(lesson:band#how-it-presses).\n:::\n\n::: clinical",
     "(lesson:band#no-such-heading).\n:::\n\n::: clinical", "lessons/overview.md:10: link to '#no-such-heading'"),
    ("lessons/upper.md", "[@smith2020; @lee2019]", "[@smith2020; @nobody1999]",
     "lessons/upper.md:17: citation [@nobody1999]"),
    ("lessons/upper.md", 'references = ["smith2020"]', 'references = ["ghost"]',
     "lessons/upper.md:2: reference key 'ghost'"),
    ("lessons/upper.md", 'title = "Upper muscle"', 'title = "Upper muscle', "lessons/upper.md:3: invalid TOML"),
    ("lessons/lower.md", 'id = "lower"', 'id = "band"', "lessons/lower.md:2: lesson id 'band' is already used"),
    ("lessons/band.md", 'region = "band"', 'region = "elsewhere"', "lessons/band.md:2: region 'elsewhere'"),
    ("resources/regions.toml", 'lesson = "band"', 'lesson = "gone"',
     "resources/regions.toml:10: region 'band' opens lesson 'gone'"),
    ("resources/regions.toml", 'element = "region-lower"', 'element = "region-missing"',
     "resources/regions.toml:17: region 'lower' names SVG element 'region-missing'"),
    ("resources/diagram.svg", '<g id="labels">', '<g id="labels"', "resources/diagram.svg:19: the diagram is not valid"),
    ("lessons/band.md", "It lies on top.", "::: patient\nIt lies on top.",
     "lessons/band.md:8: the 'patient' block is never closed"),
]


@pytest.mark.parametrize("file, old, new, expected", BREAKS, ids=[b[3].split(":")[0] + "-" + str(i)
                                                                 for i, b in enumerate(BREAKS)])
def test_break_is_reported_at_path_and_line(repo, mini_dir, file, old, new, expected):
    edit(mini_dir / file, old, new)
    result = check(repo, mini_dir)
    assert result.returncode == 1, result.stdout
    assert expected in result.stdout, result.stdout


def test_missing_diagram_is_reported_and_lessons_still_load(repo, mini_dir):
    (mini_dir / "resources" / "diagram.svg").unlink()
    result = check(repo, mini_dir)
    assert result.returncode == 1
    assert "resources/diagram.svg:1: cannot read file" in result.stdout
    assert "4 lessons" in result.stderr


def test_not_utf8_and_binary_lessons(repo, mini_dir):
    (mini_dir / "lessons" / "latin.md").write_bytes(b"+++\nid = \"latin\"\ntitle = \"Caf\xe9\"\n")
    (mini_dir / "lessons" / "blob.md").write_bytes(b"\x89PNG\x00\x00")
    result = check(repo, mini_dir)
    assert "lessons/latin.md:3: text is not UTF-8" in result.stdout
    assert "lessons/blob.md:1: this is a binary file" in result.stdout
