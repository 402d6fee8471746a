"""A corpus of broken content (tests/data/bad): each case is named by --check at its path and line
in words an author understands, exits 1, and the app still opens everything else and lists the
problem in Help > Content problems."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BAD = Path(__file__).resolve().parent / "data" / "bad"
GOOD_LESSONS = {"overview", "upper", "band", "lower"}
PYTHON_ERROR = re.compile(r"Traceback|\b[A-Z]\w*(Error|Exception)\b|Errno")


def huge_lesson(path: Path) -> None:
    """A 10 MB lesson: valid front matter, then far too much text."""
    head = '+++\nid = "huge"\ntitle = "Huge"\nsummary = "Ten megabytes."\n+++\n'
    line = "The sciatic nerve runs below the piriformis muscle. " * 4 + "\n"
    path.write_text(head + line * (10 * 2**20 // len(line) + 1), encoding="utf-8")


def bomb_png(path: Path) -> None:
    """A PNG whose header claims 30000 x 30000 pixels: tiny on disk, gigabytes when decoded."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (30000 * 3 + 1) * 4)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


@dataclass
class Case:
    name: str
    files: dict  # destination (relative to the content folder) -> corpus file name, or a function(path)
    where: str   # "path:line" expected in the report
    says: str    # words of the expected message
    delete: list = field(default_factory=list)
    left_out: set = field(default_factory=set)  # good lessons that this break hides on purpose


VARIANT_FILES = {"resources/regions.toml": "variant-without-words.toml", "resources/diagram.svg": "variants.svg"}
CASES = [
    Case("bad-toml", {"lessons/bad-toml.md": "bad-toml.md"}, "lessons/bad-toml.md:3", "invalid TOML"),
    Case("missing-id", {"lessons/missing-id.md": "missing-id.md"}, "lessons/missing-id.md:1", "needs 'id'"),
    Case("duplicate-id", {"lessons/duplicate-id.md": "duplicate-id.md"}, "lessons/duplicate-id.md:2",
         "lesson id 'band' is already used by band.md"),
    Case("unknown-region", {"lessons/unknown-region.md": "unknown-region.md"}, "lessons/unknown-region.md:2",
         "region 'elbow' is not a region of the diagram"),
    Case("unknown-reference", {"lessons/unknown-reference.md": "unknown-reference.md"},
         "lessons/unknown-reference.md:10", "citation [@ghost1999] is not in lessons/references.toml"),
    Case("broken-link", {"lessons/broken-link.md": "broken-link.md"}, "lessons/broken-link.md:9",
         "link to lesson 'nowhere', which does not exist"),
    Case("empty", {"lessons/empty.md": "empty.md"}, "lessons/empty.md:1", "the lesson file is empty"),
    Case("binary", {"lessons/binary.md": "binary.md"}, "lessons/binary.md:1", "binary file, not text"),
    Case("latin1", {"lessons/latin1.md": "latin1.md"}, "lessons/latin1.md:3", "not UTF-8"),
    Case("huge", {"lessons/huge.md": huge_lesson}, "lessons/huge.md:1", "too large"),
    Case("missing-diagram", {}, "resources/diagram.svg:1", "cannot read file", delete=["resources/diagram.svg"]),
    Case("diagram-not-xml", {"resources/diagram.svg": "not-xml.svg"}, "resources/diagram.svg:4",
         "the diagram is not valid SVG/XML"),
    Case("diagram-ids", {"resources/diagram.svg": "mismatched-ids.svg"}, "resources/regions.toml:3",
         "region 'upper' names SVG element 'region-upper', which is not in diagram.svg"),
    Case("duplicate-region", {"resources/regions.toml": "duplicate-region.toml"}, "resources/regions.toml:9",
         "region id 'upper' is used twice"),
    Case("variant-without-words", VARIANT_FILES, "resources/regions.toml:40",
         "variant 'B' has no 'plain': the path in a patient's words, printed on the handout"),
    Case("variant-empty-words", VARIANT_FILES, "resources/regions.toml:46",
         "variant 'B': 'how_common' is empty; it is how often the type is found"),
    Case("missing-figure", {"lessons/missing-figure.md": "missing-figure.md"}, "lessons/missing-figure.md:9",
         "'missing.png' is not in the lessons folder"),
    Case("broken-figure", {"lessons/broken-figure.md": "broken-figure.md", "lessons/not-an-image.png":
                           "not-an-image.png"}, "lessons/broken-figure.md:9",
         "figure not-an-image.png cannot be opened as a picture"),
    Case("bomb-figure", {"lessons/bomb-figure.md": "bomb-figure.md", "lessons/bomb.png": bomb_png},
         "lessons/bomb-figure.md:9", "figure bomb.png is far too large to open safely"),
]
IDS = [case.name for case in CASES]


def apply(case: Case, content_dir: Path) -> None:
    for target, source in case.files.items():
        path = content_dir / target
        if callable(source):
            source(path)
        else:
            shutil.copyfile(BAD / source, path)
    for target in case.delete:
        (content_dir / target).unlink()


def run_check(content_dir: Path, monkeypatch, capsys) -> tuple[int, str]:
    from viewer.cli import main

    monkeypatch.chdir(content_dir)
    code = main(["--content", str(content_dir), "--check"])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_check_names_file_and_line(case, mini_dir, monkeypatch, capsys):
    apply(case, mini_dir)
    code, out = run_check(mini_dir, monkeypatch, capsys)
    assert code == 1, out
    line = next((x for x in out.splitlines() if x.startswith(case.where + ":")), None)
    assert line is not None, out
    assert case.says in line, out
    assert not PYTHON_ERROR.search(out), out


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_app_opens_the_rest_and_lists_the_problem(case, mini_dir, open_window):
    from viewer.qt.app.problems_dialog import ProblemsDialog

    apply(case, mini_dir)
    window = open_window(mini_dir)
    assert GOOD_LESSONS - case.left_out <= set(window.content.lessons)
    titles = [a.text() for a in window.lessons_menu.actions()]
    assert len(titles) >= len(GOOD_LESSONS - case.left_out)
    for lesson_id in window.content.lessons:  # every lesson that loaded can be shown
        assert window.open_lesson(lesson_id)
        assert window.panel.toPlainText().strip()
    assert "content problem" in window.statusBar().currentMessage()
    dialog = ProblemsDialog(window.content, window)
    text = dialog.text.toPlainText()
    dialog.close()
    file_name, line = case.where.rsplit("/", 1)[1].split(":")
    assert re.search(rf"{re.escape(file_name)}:{line}: .*{re.escape(case.says)}", text), text
    assert not PYTHON_ERROR.search(text), text


def test_whole_corpus_at_once_from_the_command_line(repo, mini_dir):
    """All breaks together, through the real command: every one reported, exit status 1, no traceback."""
    for case in CASES:
        if not case.name.startswith(("diagram", "missing-diagram", "duplicate-region")):
            apply(case, mini_dir)
    env = dict(os.environ, PYTHONPATH=str(repo))
    result = subprocess.run([sys.executable, "-m", "viewer", "--content", str(mini_dir), "--check"],
                            cwd=mini_dir, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for case in CASES:
        if not case.name.startswith(("diagram", "missing-diagram", "duplicate-region")):
            assert case.where + ":" in result.stdout, (case.name, result.stdout)
    assert "4 lessons" not in result.stderr  # the good lessons plus those broken only in their links
