"""Content problems reported to authors as ``path:line: message``."""

from __future__ import annotations

from pathlib import Path

from viewer.model.core.record import record


@record(frozen=True, order=True)
class Problem:
    """Something wrong in a content file, at a line, as --check prints it."""

    path: Path
    line: int
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else "warning: "
        return f"{display_path(self.path)}:{self.line}: {tag}{self.message}"


class ContentError(Exception):
    """A content file that cannot be used at all; carries the problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies inside it, as authors type it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def line_of(text: str, needle: str, default: int = 1) -> int:
    """1-based line of the first occurrence of ``needle`` in ``text``."""
    index = text.find(needle)
    if index < 0:
        return default
    return text.count("\n", 0, index) + 1
