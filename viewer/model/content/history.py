"""Back and Forward through visited lessons, as in a web browser."""

from __future__ import annotations


class History:
    def __init__(self) -> None:
        self._entries: list[str] = []
        self._position = -1

    @property
    def current(self) -> str | None:
        return self._entries[self._position] if self._position >= 0 else None

    def visit(self, entry: str) -> None:
        """Record a new page; anything ahead of the current page is dropped."""
        if entry == self.current:
            return
        del self._entries[self._position + 1:]
        self._entries.append(entry)
        self._position += 1

    def can_go_back(self) -> bool:
        return self._position > 0

    def can_go_forward(self) -> bool:
        return self._position < len(self._entries) - 1

    def back(self) -> str | None:
        if self.can_go_back():
            self._position -= 1
        return self.current

    def forward(self) -> str | None:
        if self.can_go_forward():
            self._position += 1
        return self.current

    def clear(self) -> None:
        """Forget every page (a new patient starts afresh)."""
        self._entries.clear()
        self._position = -1
