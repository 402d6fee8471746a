"""The start-up caches: the loaded content (viewer/model/content/cache.py) and the diagram's label
bounds (viewer/qt/diagram/scene.py). A cache must give exactly what loading afresh gives, notice
any change to the files, survive damage, and never be used by --check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from viewer.model.content import cache as content_cache
from viewer.model.content.loader import load_content


def _summary(content) -> dict:
    index = content.index()
    return {
        "regions": [(r.id, r.name, r.lesson, r.description) for r in content.regions],
        "shapes": [(r.id, r.shape.bbox.as_list() if r.shape else None) for r in index.regions],
        "lessons": [(lesson.id, lesson.title, lesson.summary, lesson.region, lesson.markdown("patient"),
                     lesson.markdown("clinical")) for lesson in content.lessons.values()],
        "bibliography": sorted(content.bibliography),
        "glossary": sorted(content.glossary.terms),
        "diagram": (content.diagram.view_box, content.diagram.label_ids, content.diagram.layer_ids),
        "order": (content.home, content.urgent, content.order, content.handout),
        "problems": [str(p) for p in content.problems],
    }


def test_cached_content_is_what_loading_gives(repo, tmp_path):
    fresh = load_content(repo)
    first = load_content(repo, tmp_path / "cache")  # a miss: loads and writes the cache
    assert list((tmp_path / "cache").glob("content-*"))
    cached = content_cache.read_cached(repo, tmp_path / "cache")
    assert cached is not None
    assert _summary(cached) == _summary(fresh) == _summary(first)
    assert cached.diagram._root is not None  # the SVG tree is parsed again on first use


def test_a_changed_file_is_read_again(mini_dir, tmp_path):
    cache = tmp_path / "cache"
    load_content(mini_dir, cache)
    lesson = next((mini_dir / "lessons").glob("*.md"))
    text = lesson.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title"))
    lesson.write_text(text.replace(title_line, 'title = "A title changed on disk"'), encoding="utf-8")
    assert content_cache.read_cached(mini_dir, cache) is None
    assert "A title changed on disk" in [item.title for item in load_content(mini_dir, cache).lessons.values()]
    assert content_cache.read_cached(mini_dir, cache) is not None  # rewritten


def test_a_new_or_removed_file_is_a_miss(mini_dir, tmp_path):
    cache = tmp_path / "cache"
    load_content(mini_dir, cache)
    lesson = next((mini_dir / "lessons").glob("*.md"))
    shutil.copy(lesson, mini_dir / "lessons" / "zz-copy.md")
    assert content_cache.read_cached(mini_dir, cache) is None
    load_content(mini_dir, cache)
    os.remove(mini_dir / "lessons" / "zz-copy.md")
    assert content_cache.read_cached(mini_dir, cache) is None


def test_a_removed_folder_is_still_an_error(mini_dir, tmp_path):
    from viewer.model.content.loader import ContentFolderError

    cache = tmp_path / "cache"
    load_content(mini_dir, cache)
    shutil.rmtree(mini_dir / "lessons")
    with pytest.raises(ContentFolderError):
        load_content(mini_dir, cache)


def test_paths_are_as_given(mini_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.chdir(mini_dir.parent)
    load_content(mini_dir.name, cache)  # relative: the lessons' paths are relative too
    assert content_cache.read_cached(mini_dir, cache) is None  # the same folder given another way
    content = load_content(mini_dir, cache)
    assert all(lesson.path.is_absolute() for lesson in content.lessons.values())


def test_a_damaged_cache_is_ignored_and_rebuilt(mini_dir, tmp_path):
    cache = tmp_path / "cache"
    expected = _summary(load_content(mini_dir))
    load_content(mini_dir, cache)
    path = next(cache.glob("content-*"))
    for damage in (path.read_bytes()[:-40], b"not a cache", path.read_bytes().replace(b"\n", b"\nAAAA", 1), b""):
        path.write_bytes(damage)
        assert content_cache.read_cached(mini_dir, cache) is None
        assert _summary(load_content(mini_dir, cache)) == expected
        assert content_cache.read_cached(mini_dir, cache) is not None


def test_other_code_is_a_miss(mini_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    load_content(mini_dir, cache)
    monkeypatch.setattr(content_cache, "__version__", "99.0")
    assert content_cache.read_cached(mini_dir, cache) is None


def test_check_never_uses_the_cache(mini_dir, tmp_path, monkeypatch, capsys):
    from viewer.cli import main

    def refuse(*_args, **_kwargs):
        raise AssertionError("--check must read the files themselves")

    monkeypatch.setattr(content_cache, "read_cached", refuse)
    monkeypatch.setattr(content_cache, "write_cache", refuse)
    assert main(["--content", str(mini_dir), "--data-dir", str(tmp_path / "data"), "--check"]) in (0, 1)
    assert not (tmp_path / "data" / "cache").exists()


def test_the_window_starts_from_the_cache(mini_dir, tmp_path, repo):
    data = tmp_path / "data"
    command = [sys.executable, "-m", "viewer", "--content", str(mini_dir), "--data-dir", str(data),
               "--exit-after-paint"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(command, cwd=repo, env=env, check=True, timeout=120, capture_output=True)
    cache = next((data / "cache").glob("content-*"))
    assert list((data / "cache").glob("layout-*"))
    written = cache.stat().st_mtime_ns
    subprocess.run(command, cwd=repo, env=env, check=True, timeout=120, capture_output=True)
    assert cache.stat().st_mtime_ns == written  # read, not written again
    assert content_cache.read_cached(mini_dir, data / "cache") is not None


def test_label_bounds_from_the_cache_are_the_renderers(repo, open_window, tmp_path):
    data = tmp_path / "data"
    first = open_window(repo, data)
    measured = {label: first.scene.renderer.boundsOnElement(label) for label in first.scene.label_items}
    assert measured and list((data / "cache").glob("layout-*"))
    first.close()
    second = open_window(repo, data)
    assert {label: item.bounds for label, item in second.scene.label_items.items()} == measured
    assert second.scene.art.part_ids == first.scene.art.part_ids and second.scene.art.part_ids


def test_a_damaged_layout_cache_is_measured_again(repo, open_window, tmp_path):
    data = tmp_path / "data"
    open_window(repo, data).close()
    path = next((data / "cache").glob("layout-*"))
    path.write_text('{"key": 3, "bounds": [1, 2]}', encoding="utf-8")
    window = open_window(repo, data)
    label, item = next(iter(window.scene.label_items.items()))
    assert item.bounds == window.scene.renderer.boundsOnElement(label)
