"""One data folder, one owner: the first copy of the app holds a lock file in the data folder.

A second copy started on the same folder still opens, and says so. Its answers, bookmarks and
notes are merged with the first copy's whenever either saves (viewer/model/study/user_data.py), so
none are lost; the window's own settings (size, splitter, level, text size) stay the first copy's.
A copy that crashed leaves a lock that Qt finds stale (its process is gone) and takes over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "dgs-viewer.lock"


class DataLock:
    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # held for the whole session: only a dead owner makes it stale

    def claim(self) -> bool:
        """True when this copy now owns the folder (or no lock can be made there: a read-only folder)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self._lock.tryLock(0):
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError  # no permission: nothing to share

    def owner(self) -> str:
        """The other copy, for the user: "process 1234"."""
        info = self._lock.getLockInfo()  # PySide6: (pid, host name, app name), or False when unreadable
        pid = info[0] if isinstance(info, tuple) and info else 0
        return f"process {pid}" if pid else "another process"

    def release(self) -> None:
        self._lock.unlock()


def second_copy_notice(data_dir: Path, owner: str) -> str:
    return (f"Another copy of DGS Viewer is already open on this data folder ({owner}). This copy works normally "
            f"and your answers, bookmarks and notes from both are kept, but it does not change the saved "
            f"settings. Close one of the two when you can. Data folder: {data_dir}")
