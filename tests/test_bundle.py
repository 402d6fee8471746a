"""The desktop bundle (PyInstaller, one folder): built from packaging/dgs-viewer.spec by
scripts/build-app and run from outside the source tree, as a clinician's computer would run it.
Marked "bundle": the README's test command leaves it out (about 30-60 s); .ci/run runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import REPO

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, PYTHON=sys.executable, DIST=str(work / "dist"), BUILD=str(work / "build"))
    result = subprocess.run(["bash", str(REPO / "scripts" / "build-app")], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    program = work / "dist" / "dgs-viewer" / ("dgs-viewer.exe" if sys.platform == "win32" else "dgs-viewer")
    assert program.is_file()
    return program


def run(program, *args, tmp_path):
    """From an empty folder with no source tree on the path: only what the bundle carries."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(program), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=180)


def test_the_bundle_checks_its_content_and_prints_a_lesson(bundle, tmp_path):
    check = run(bundle, "--check", tmp_path=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert " 0 error(s)" in check.stderr
    text = run(bundle, "--lesson-text", "piriformis", tmp_path=tmp_path)
    assert text.returncode == 0 and text.stdout.startswith("Piriformis")


def test_the_bundle_writes_a_handout_and_an_anki_deck(bundle, tmp_path):
    from pypdf import PdfReader

    handout = run(bundle, "--handout", "piriformis", "--output", str(tmp_path / "h.pdf"), tmp_path=tmp_path)
    assert handout.returncode == 0, handout.stderr
    assert "Piriformis" in PdfReader(tmp_path / "h.pdf").pages[0].extract_text()
    deck = run(bundle, "--export-anki", str(tmp_path / "d.apkg"), "--level", "patient", tmp_path=tmp_path)
    assert deck.returncode == 0, deck.stderr
    assert "media" in zipfile.ZipFile(tmp_path / "d.apkg").namelist()


def test_the_bundle_draws_the_window(bundle, tmp_path):
    from PIL import Image

    shot = tmp_path / "shot.png"
    result = run(bundle, "--screenshot", str(shot), "--size", "1200x800", "--data-dir", str(tmp_path / "data"),
                 tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 800)
    low, high = image.convert("L").getextrema()
    assert high - low > 150  # drawn: dark text and pale paper, not one flat colour
    assert len(image.getcolors(1 << 20) or []) > 2000  # the art's shading, not an empty window


def test_the_bundle_leaves_out_what_the_app_never_loads(bundle):
    internal = bundle.parent / "_internal"
    qt = internal / "PySide6" / "Qt"
    assert not (qt / "translations").exists()
    assert not list(qt.glob("plugins/sqldrivers/*")) and not list(qt.glob("plugins/tls/*"))
    assert (internal / "viewer" / "_content" / "lessons" / "piriformis.md").is_file()
    assert (internal / "viewer" / "icons" / "dgs-viewer-256.png").is_file()
    assert not shutil.which("dgs-viewer", path=str(REPO))  # nothing was left in the source tree
