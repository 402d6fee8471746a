"""The command line as authors and scripts use it, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from viewer.model.content.loader import load_content


def run(repo, *args, data_dir=None, **kwargs):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(repo))
    command = [sys.executable, "-m", "viewer", *args]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=120, **kwargs)


def test_regions_json(repo, mini_dir):
    result = run(repo, "--content", str(mini_dir), "--regions")
    assert result.returncode == 0, result.stderr
    regions = json.loads(result.stdout)
    assert [r["id"] for r in regions] == ["upper", "band", "lower", "round"]
    upper = regions[0]
    assert upper["name"] == "Upper muscle" and upper["lesson"] == "upper"
    x, y, w, h = upper["bbox"]
    px, py = upper["point"]
    assert x <= px <= x + w and y <= py <= y + h
    index = load_content(mini_dir).index()
    assert all(index.region_at(*r["point"]).id == r["id"] for r in regions)


def test_lessons_json(repo, mini_dir):
    result = run(repo, "--content", str(mini_dir), "--lessons")
    assert result.returncode == 0, result.stderr
    lessons = {item["id"]: item for item in json.loads(result.stdout)}
    assert lessons["upper"] == {"id": "upper", "title": "Upper muscle", "region": "upper"}
    assert lessons["overview"]["region"] is None


def test_unknown_region_is_one_line_error_exit_2(repo, mini_dir):
    result = run(repo, "--content", str(mini_dir), "--select", "gluteus-minimus")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "unknown region id 'gluteus-minimus'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_content_folder_is_one_line_error_exit_2(repo, tmp_path):
    result = run(repo, "--content", str(tmp_path / "nowhere"), "--check")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "content folder not found" in result.stderr


def test_unreadable_content_folder_exit_2(mini_dir, monkeypatch, capsys):
    from pathlib import Path

    from viewer import cli

    def refuse(self, pattern):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "glob", refuse)  # as an unreadable folder behaves, even for root
    assert cli.main(["--content", str(mini_dir), "--lessons"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot read content folder" in err and "Permission denied" in err


def test_screenshot_of_selected_region(repo, mini_dir, tmp_path):
    from PIL import Image

    shot = tmp_path / "shot.png"
    result = run(repo, "--content", str(mini_dir), "--select", "lower", "--screenshot", str(shot),
                 "--size", "1200x800", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 800)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # not blank
    # the selection outline colour is on screen
    assert any(abs(r - 0x0b) < 24 and abs(g - 0x3d) < 24 and abs(b - 0x91) < 24 for _n, (r, g, b) in colours)


def test_exit_after_paint(repo, mini_dir, tmp_path):
    result = run(repo, "--content", str(mini_dir), "--exit-after-paint", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr


def test_bad_size_is_rejected(repo, mini_dir):
    result = run(repo, "--content", str(mini_dir), "--screenshot", "x.png", "--size", "big")
    assert result.returncode == 2 and "size must look like 1600x1000" in result.stderr


def test_collection_is_on_again_when_the_window_cannot_start(mini_dir, tmp_path):
    """viewer/launch.py turns the cycle collector off while the window loads; a run that ends early turns it back on."""
    import gc

    from viewer import cli

    gc.disable()
    try:
        assert cli.main(["--content", str(mini_dir), "--data-dir", str(tmp_path), "--select", "no-such-region"]) == 2
        assert gc.isenabled()
        gc.disable()
        assert cli.main(["--content", str(mini_dir), "--regions"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()


def test_a_bad_option_or_choice_is_one_line_and_exit_2(repo, tmp_path):
    """argparse's own errors too (an unknown option, a value outside --view's choices): one line, no usage block."""
    import subprocess
    import sys

    for args in (["--view", "sideways"], ["--frobnicate"]):
        result = subprocess.run([sys.executable, "main.py", *args, "--data-dir", str(tmp_path)], cwd=repo,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("dgs-viewer: error: ")
