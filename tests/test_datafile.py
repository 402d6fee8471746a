"""Crash-safe user data files: atomic writes, damaged or newer files set aside with a notice."""

from __future__ import annotations

import errno
import json
import os
import random
import re
import subprocess
import sys
import time

import pytest

from viewer.model.core import datafile
from viewer.model.core.datafile import load_json, save_json, write_atomic

ASIDE = re.compile(r"progress\.(corrupt|newer)-\d{8}-\d{6}(-\d+)?\.json")


def test_write_atomic_replaces_the_file_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "sub" / "progress.json"
    write_atomic(path, "first")
    write_atomic(path, "second é")
    assert path.read_text(encoding="utf-8") == "second é"
    assert [p.name for p in path.parent.iterdir()] == ["progress.json"]


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    save_json(path, {"kind": "progress", "version": 1, "n": 1})

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(datafile.os, "replace", disk_full)
    with pytest.raises(OSError):
        save_json(path, {"kind": "progress", "version": 1, "n": 2})
    assert json.loads(path.read_text())["n"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["progress.json"]
    assert "full" in datafile.describe_save_error(OSError(errno.ENOSPC, "x"), tmp_path)
    assert "read-only" in datafile.describe_save_error(OSError(errno.EROFS, "x"), tmp_path)


def test_a_missing_file_loads_as_nothing_without_a_notice(tmp_path):
    result = load_json(tmp_path / "progress.json", "progress", 1)
    assert result.data is None and result.notice is None and result.writable


def test_a_good_file_loads(tmp_path):
    save_json(tmp_path / "progress.json", {"kind": "progress", "version": 1, "cards": {}})
    result = load_json(tmp_path / "progress.json", "progress", 1)
    assert result.data == {"kind": "progress", "version": 1, "cards": {}} and result.notice is None


@pytest.mark.parametrize("text", ['{"kind": "progress", "version": 1, "cards": {', "\x00\x01\x02", "[1, 2]",
                                  '{"kind": "notes", "version": 1}', '{"kind": "progress"}', "\udcff"])
def test_a_damaged_file_is_set_aside_with_a_timestamp_and_a_notice(tmp_path, text):
    path = tmp_path / "progress.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    result = load_json(path, "progress", 1)
    assert result.data is None
    assert not path.exists()
    assert ASIDE.fullmatch(result.set_aside.name) and "corrupt" in result.set_aside.name
    assert result.set_aside.read_bytes() == text.encode("utf-8", "surrogateescape")  # nothing of it lost
    assert result.set_aside.name in result.notice and "could not be read" in result.notice


def test_a_file_from_a_newer_version_is_set_aside_not_overwritten(tmp_path):
    path = tmp_path / "progress.json"
    save_json(path, {"kind": "progress", "version": 7, "cards": {}})
    result = load_json(path, "progress", 1)
    assert result.data is None and "newer" in result.set_aside.name and ASIDE.fullmatch(result.set_aside.name)
    assert "newer version" in result.notice and "format 7" in result.notice
    assert json.loads(result.set_aside.read_text())["version"] == 7


def test_two_damaged_files_in_one_second_get_different_names(tmp_path):
    path = tmp_path / "progress.json"
    names = set()
    for _ in range(3):
        path.write_text("{")
        names.add(load_json(path, "progress", 1).set_aside.name)
    assert len(names) == 3


def test_old_leftovers_of_a_killed_save_are_removed_on_load(tmp_path):
    stale = tmp_path / ".progress.json.abc123.tmp"
    fresh = tmp_path / ".progress.json.def456.tmp"
    stale.write_text("half")
    fresh.write_text("being written now")
    old = time.time() - datafile.STALE_TEMP_SECONDS - 5
    os.utime(stale, (old, old))
    load_json(tmp_path / "progress.json", "progress", 1)
    assert not stale.exists() and fresh.exists()


CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from viewer.model.core.datafile import save_json
path, n = sys.argv[2], int(sys.argv[3])
while True:
    n += 1
    save_json(path, {"kind": "progress", "version": 1, "n": n, "items": ["answer %d" % i for i in range(min(40 * n, 60000))]})
    print(n, flush=True)
"""


def test_a_save_killed_at_random_moments_never_leaves_an_unreadable_file(tmp_path, repo):
    """SIGKILL a process that keeps saving growing data, ~80 times: the file always loads and holds
    either the last save the process finished or the one it was in the middle of."""
    path = tmp_path / "progress.json"
    rng = random.Random(20261121)
    confirmed = 0
    for _ in range(80):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(repo), str(path), str(confirmed)],
                                 stdout=subprocess.PIPE, text=True)
        first = child.stdout.readline()  # it is in its save loop now
        assert first.strip(), "the saving process did not start"
        # let a random number of saves finish; the kill then lands somewhere inside the next one
        seen = [first] + [child.stdout.readline() for _ in range(rng.randrange(4))]
        first = "".join(seen)
        child.kill()
        child.wait()
        printed = [int(line) for line in (first + child.stdout.read()).split()]
        child.stdout.close()
        result = load_json(path, "progress", 1)
        assert result.notice is None and result.data is not None, result.notice
        assert result.data["n"] in (printed[-1], printed[-1] + 1)  # at most the interrupted save is lost
        assert len(result.data["items"]) == min(40 * result.data["n"], 60000)
        confirmed = result.data["n"]
    assert not list(tmp_path.glob("progress.corrupt-*"))
    assert confirmed > 80
