"""Reading content files as text, turning every failure into a Problem."""

from __future__ import annotations

from pathlib import Path

from viewer.model.core.problems import ContentError, Problem

MAX_TEXT_BYTES = 2 * 1024 * 1024  # a lesson larger than this is a mistake, not a lesson


def read_text(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ContentError(Problem(path, 1, f"the file is {size / 2**20:.1f} MB, too large to be content; "
                                                f"the limit is {max_bytes / 2**20:.0f} MB"))
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(Problem(path, 1, f"cannot read file: {exc.strerror or exc}")) from exc
    if b"\x00" in data:
        raise ContentError(Problem(path, 1, "this is a binary file, not text"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ContentError(Problem(path, line, "text is not UTF-8; save the file as UTF-8")) from exc
