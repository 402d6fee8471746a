"""Per-user settings in the data folder (an INI file written atomically by QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # read-only or full: the app still runs; sync() then reports the failure
        self._qs = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)

    def value(self, key: str, default=None):
        value = self._qs.value(key, default)
        return default if value is None else value

    def flag(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        return value in (True, "true", "1", 1) if value is not None else default

    def bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set(self, key: str, value) -> None:
        self._qs.setValue(key, value)

    def sync(self) -> bool:
        """Write to disk; False when the folder is read-only or full."""
        self._qs.sync()
        return self._qs.status() == QSettings.Status.NoError
