"""Where content and user data live. Decided once, overridable from the command line."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_content_dir() -> Path:
    """The lessons/ and resources/ shipped with the app.

    An installed wheel carries them inside the package (viewer/_content);
    a source checkout has them at the top of the repository.
    """
    installed = PACKAGE_DIR / "_content"
    if (installed / "lessons").is_dir():
        return installed
    return PACKAGE_DIR.parent


def default_data_dir() -> Path:
    """The per-user folder for settings and progress (the platform's app data location)."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location) / "dgs-viewer"


def cache_dir_of(data_dir: Path) -> Path:
    """The one folder for every cache (content, diagram layout, pictures), inside the data folder."""
    return Path(data_dir) / "cache"
