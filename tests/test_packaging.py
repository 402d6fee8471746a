"""The bundled content works from a source checkout and from an installed wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile


def lessons_from(python_path, cwd, *extra):
    env = dict(os.environ, PYTHONPATH=str(python_path), QT_QPA_PLATFORM="offscreen")
    code = "import sys, viewer.paths; from viewer.cli import main; print(viewer.paths.bundled_content_dir(), " \
           "file=sys.stderr); sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *extra], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def lesson_files(repo):
    """The lessons and the short structure entries (lessons/structures/)."""
    return [*(repo / "lessons").glob("*.md"), *(repo / "lessons" / "structures").glob("*.md")]


def test_source_checkout_finds_bundled_content(repo, tmp_path):
    result = lessons_from(repo, tmp_path, "--lessons")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == str(repo)
    assert len(json.loads(result.stdout)) == len(lesson_files(repo))


def test_installed_wheel_carries_lessons_and_resources(repo, tmp_path):
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
                            "--no-index", "-q", "-w", str(tmp_path / "dist"), str(repo)],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "dist").glob("dgs_viewer-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "viewer/_content/resources/diagram.svg" in names
    assert "viewer/_content/resources/regions.toml" in names
    assert not any("__pycache__" in name or name.startswith("tests/") for name in names)

    result = lessons_from(site, tmp_path, "--lessons")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == str(site / "viewer" / "_content")
    assert {item["id"] for item in json.loads(result.stdout)} == \
        {p.stem for p in lesson_files(repo)}
    assert "viewer/_content/lessons/structures/pudendal-nerve.md" in names   # the structure entries too
    regions = lessons_from(site, tmp_path, "--regions")
    assert [r["id"] for r in json.loads(regions.stdout)][:1] == ["piriformis"]
    check = lessons_from(site, tmp_path, "--check")
    assert check.returncode == 0, check.stdout
