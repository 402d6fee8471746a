"""TOML parsing with errors reported as path:line."""

from __future__ import annotations

import re
from pathlib import Path

from viewer.model.core.problems import ContentError, Problem


def parse_toml(text: str, path: Path, first_line: int = 1) -> dict:
    """Parse TOML; ``first_line`` is the file line on which ``text`` starts."""
    import tomllib  # here, not at the top: a start-up from the content cache parses no TOML

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        if match:
            line = first_line + int(match.group(1)) - 1
        else:  # "at end of document": the last line
            line = first_line + text.rstrip("\n").count("\n")
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        if message == "Illegal character '\\n'":
            message = "the line ends inside a quoted value (a closing \" is missing?)"
        raise ContentError(Problem(path, line, f"invalid TOML: {message}")) from exc


def table_array_lines(text: str, name: str) -> list[int]:
    """1-based line of each ``[[name]]`` header (not in comments), in order."""
    return [text.count("\n", 0, m.start()) + 1 for m in re.finditer(rf"(?m)^[ \t]*\[\[{re.escape(name)}\]\]", text)]


def table_entries(text: str, entries: list, name: str) -> list[tuple[int, dict]]:
    """Each ``[[name]]`` entry with the 1-based line of its header (1 where none is found)."""
    headers = table_array_lines(text, name)
    return [(headers[n] if n < len(headers) else 1, entry) for n, entry in enumerate(entries)]


def key_lines(text: str, header_line: int, first_line: int = 1) -> dict[str, int]:
    """File line of each ``key =`` in the table whose header is on ``header_line`` (for precise problems);
    ``first_line`` is the file line on which ``text`` starts."""
    found: dict[str, int] = {}
    body = text.splitlines()
    for offset in range(header_line - first_line + 1, len(body)):
        stripped = body[offset].strip()
        if stripped.startswith("["):
            break
        key = stripped.split("=", 1)[0].strip()
        if "=" in stripped and key not in found:
            found[key] = first_line + offset
    return found


class UniqueIds:
    """The ids met so far in one file of ``[[kind]]`` entries: a repeated one is a problem at its line."""

    def __init__(self, path: Path, kind: str):
        self.path, self.kind = path, kind
        self.seen: set[str] = set()

    def repeated(self, item_id: str, line: int) -> Problem | None:
        if item_id in self.seen:
            return Problem(self.path, line, f"{self.kind} id '{item_id}' is used twice")
        self.seen.add(item_id)
        return None
