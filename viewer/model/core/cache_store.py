"""The app's caches, in one folder (``<data dir>/cache``, decided once in viewer/paths.py).

Every cache (the loaded content, the diagram's layout, the pictures of its art and of its labels)
is a file ``<kind>-<key><suffix>``: the key says which version of its source it was made from.
A file is written whole under a temporary name, then renamed over the old one, so a reader sees
the old file or the new one, never half of one; no fsync, as a lost cache is only rebuilt. Of
each kind only the latest few are kept (an author switching content packs starts warm in each).
Anything missing, unreadable or unwritable reads as a miss: the app then does the work again.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

KEEP = 3  # files of each kind kept: the latest used


def cache_key(data: bytes) -> str:
    """A name for what was cached from ``data``: its CRC-32, Adler-32 and length. Enough to tell
    versions of a file apart (not a defence against forgery); hashlib would load OpenSSL at start-up."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


class CacheStore:
    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None  # None: nothing is kept (a handout, a test)

    def path(self, kind: str, key: str, suffix: str) -> Path | None:
        return self.folder / f"{kind}-{key}{suffix}" if self.folder is not None else None

    def read(self, kind: str, key: str, suffix: str) -> bytes | None:
        path = self.path(kind, key, suffix)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def write(self, kind: str, key: str, suffix: str, data: bytes, keep: int = KEEP) -> bool:
        """Replace the file at once; then drop all but the ``keep`` most recent of its kind."""
        path = self.path(kind, key, suffix)
        if path is None:
            return False
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, path)
        except OSError:
            try:
                temporary.unlink()
            except OSError:
                pass
            return False
        self._prune(kind, suffix, keep)
        return True

    def _prune(self, kind: str, suffix: str, keep: int) -> None:
        if self.folder is None:
            return
        try:
            files = sorted(self.folder.glob(f"{kind}-*{suffix}"), key=lambda p: p.stat().st_mtime)
            for old in files[:-keep] if keep > 0 else files:
                old.unlink()
        except OSError:
            pass  # another process pruned first, or a read-only folder: nothing to do
