"""Per-user settings in the data folder (an INI file written atomically by QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    """``shared=True``: another copy of the app owns this data folder; values set here are kept in
    memory for this session and never written over the owner's settings."""

    def __init__(self, data_dir: Path, shared: bool = False):
        self.data_dir = data_dir = Path(data_dir)
        self.shared = shared
        self._session: dict = {}
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # read-only or full: the app still runs; sync() then reports the failure
        self.path = data_dir / "settings.ini"
        self.notice: str | None = None   # for the user: a damaged settings file was set aside
        self.error: str | None = None    # why the last sync() failed
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._qs.status() == QSettings.Status.FormatError or _damaged(self.path):
            self._set_aside()

    def _set_aside(self) -> None:
        """Keep a damaged settings.ini under a timestamped name and start from defaults."""
        from viewer.model.core.datafile import aside_name

        target = aside_name(self.path, "corrupt")
        del self._qs  # let go of Qt's cached copy of the damaged file (a new one is made below)
        try:
            self.path.replace(target)
        except OSError as exc:
            self.notice = f"Your settings file {self.path} is damaged and could not be moved aside ({exc.strerror})."
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self.notice:
            return
        self.notice = (f"Your settings file was damaged. It was kept aside as {target.name} in {self.data_dir}; "
                       f"the app started with default settings.")

    def value(self, key: str, default=None):
        value = self._session[key] if key in self._session else self._qs.value(key, default)
        return default if value is None else value

    def flag(self, key: str, default: bool) -> bool:
        value = self._session[key] if key in self._session else self._qs.value(key, default)
        return value in (True, "true", "1", 1) if value is not None else default

    def bytes(self, key: str) -> QByteArray | None:
        value = self._session[key] if key in self._session else self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set(self, key: str, value) -> None:
        if self.shared:
            self._session[key] = value
        else:
            self._qs.setValue(key, value)

    def sync(self) -> bool:
        """Write to disk; False when the folder is read-only or full."""
        if self.shared:
            return True  # nothing of this copy's goes over the owner's settings
        self._qs.sync()
        status = self._qs.status()
        self.error = None if status == QSettings.Status.NoError else (
            f"settings could not be saved in {self.data_dir} (read-only or full)"
            if status == QSettings.Status.AccessError else f"settings file {self.path} is damaged")
        return self.error is None


def _damaged(path: Path) -> bool:
    """QSettings reads almost anything; an INI it wrote is UTF-8 text without NUL bytes."""
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    if b"\0" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False
