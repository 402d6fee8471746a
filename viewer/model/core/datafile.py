"""Crash-safe user data files.

``write_atomic`` never leaves a half-written file: the text goes to a temporary file in the same
folder, is flushed to the disk, then renamed over the old file in one step. A crash (even SIGKILL)
mid-save keeps either the old file or the new one.

``load_json`` reads such a file. A file that cannot be understood, or one written by a newer
version of the app, is never overwritten: it is set aside under a timestamped name and the caller
gets a plain-words notice to show the user.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from datetime import datetime
from pathlib import Path

from viewer.model.core.record import record

STALE_TEMP_SECONDS = 600  # older leftovers of a killed save are removed on the next load


@record
class LoadResult:
    data: dict | None            # None: start fresh (missing, corrupt or newer file)
    notice: str | None = None    # tell the user, once
    set_aside: Path | None = None
    writable: bool = True        # False: the file is there but unusable and could not be moved; don't save over it


def write_atomic(path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) all at once. Raises OSError (read-only, disk full...)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open folders this way."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def dump_json(data: dict) -> str:
    """Human-readable JSON: one line per record (an answer, a card, a note), stable key order.

    Much faster than ``json.dumps(indent=...)``, which cannot use the C encoder.
    """
    return _dump(data, "") + "\n"


_compact = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(", ", ": ")).encode


def _dump(value, indent: str) -> str:
    inner = indent + " "
    if isinstance(value, dict) and any(isinstance(v, (dict, list)) for v in value.values()):
        body = ",\n".join(f"{inner}{_compact(str(k))}: {_dump(v, inner)}" for k, v in sorted(value.items()))
        return "{\n" + body + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        body = ",\n".join(f"{inner}{_dump(v, inner)}" for v in value)
        return "[\n" + body + "\n" + indent + "]"
    return _compact(value)


def save_json(path, data: dict) -> None:
    write_atomic(path, dump_json(data))


def load_json(path, kind: str, current_version: int) -> LoadResult:
    """Read a ``{"kind": kind, "version": N, ...}`` file; set it aside if corrupt or too new."""
    path = Path(path)
    _remove_stale_temps(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadResult(None)
    except OSError as exc:
        return LoadResult(None, f"Your {kind} file {path} could not be read ({_reason(exc)}). "
                                f"Changes this session will not be saved to it.", writable=False)
    try:
        data = _parse(raw, kind)
    except _Unusable as problem:
        return _set_aside(path, "corrupt", kind, f"could not be read ({problem})", "")
    version = data["version"]
    if version <= current_version:
        return LoadResult(data)
    return _set_aside(path, "newer", kind,
                      f"was written by a newer version of the app (format {version}; this version "
                      f"understands up to {current_version})", "Update the app to use it again.")


class _Unusable(Exception):
    """A data file that cannot be used; the message says why, for the user."""


def _parse(raw: bytes, kind: str) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Unusable("it is not text") from None
    except ValueError as exc:
        raise _Unusable(f"damaged at line {getattr(exc, 'lineno', '?')}") from None
    if not isinstance(data, dict):
        raise _Unusable("unexpected contents")
    if data.get("kind", kind) != kind:
        raise _Unusable(f"it holds {data.get('kind')!r}, not {kind}")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Unusable("no format version")
    return data


def aside_name(path: Path, tag: str, when: datetime | None = None) -> Path:
    """``progress.json`` -> ``progress.corrupt-20261121-123456.json`` (a free name)."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.{tag}-{stamp}{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.{tag}-{stamp}-{number}{path.suffix}")
        number += 1
    return candidate


def _set_aside(path: Path, tag: str, kind: str, why: str, advice: str) -> LoadResult:
    target = aside_name(path, tag)
    try:
        os.replace(path, target)
    except OSError as exc:
        return LoadResult(None, f"Your {kind} file {path.name} {why}, and it could not be moved aside "
                                f"({_reason(exc)}). It is left untouched; changes this session will not "
                                f"be saved.", writable=False)
    notice = (f"Your {kind} file {path.name} {why}. It was kept aside as {target.name} in {path.parent}; "
              f"the app started a fresh one.")
    return LoadResult(None, f"{notice} {advice}".strip(), set_aside=target)


def _remove_stale_temps(path: Path) -> None:
    try:
        leftovers = list(path.parent.glob(f".{path.name}.*.tmp"))
    except OSError:
        return
    now = time.time()
    for leftover in leftovers:
        try:
            if now - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                leftover.unlink()
        except OSError:
            pass


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def describe_save_error(exc: OSError, folder) -> str:
    """Plain words for a failed save: read-only folder, full disk, or other."""
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the data folder {folder} is read-only"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk holding {folder} is full"
    return f"{_reason(exc)} in {folder}"
