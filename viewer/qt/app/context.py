"""The application context: what the window's features share, built once at start and passed explicitly.

``MainWindow`` holds one (``window.context``); features read the content, settings, folders, the
user's data and today's study state from it rather than from attributes added to the window.
Everything costly (the user's data, the search index) is made on first use, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from viewer.model.content.loader import Content
from viewer.model.core.cache_store import CacheStore
from viewer.model.study.teachback import TeachbackState
from viewer.paths import cache_dir_of
from viewer.qt.app.settings import Settings

if TYPE_CHECKING:
    from viewer.model.search.index import SearchIndex
    from viewer.model.study.user_data import UserData


class AppContext:
    content: Content
    settings: Settings
    data_dir: Path            # settings, progress and notes (--data-dir)
    cache: CacheStore         # every cache (content, diagram layout, pictures), in <data dir>/cache
    teachback: TeachbackState

    def __init__(self, content: Content, settings: Settings):
        self.content = content
        self.settings = settings
        self.data_dir = Path(settings.data_dir)
        self.cache = CacheStore(cache_dir_of(self.data_dir))
        self.teachback = TeachbackState()
        self.notify: Callable[[str], None] = lambda text: None  # the window shows notices (set by MainWindow)
        self._user_data: UserData | None = None
        self._search_index: SearchIndex | None = None

    @property
    def user_data(self) -> UserData:
        """Progress, bookmarks and notes, read on first use (after the first frame, never at start-up)."""
        if self._user_data is None:
            from viewer.model.study.user_data import UserData  # the scheduler's model: not on the start-up path

            self._user_data = UserData(self.data_dir, lambda text: self.notify(text))
        return self._user_data

    @property
    def user_data_loaded(self) -> bool:
        return self._user_data is not None

    @property
    def search_index(self) -> SearchIndex:
        """The search index of the content, made on first search."""
        if self._search_index is None:
            from viewer.model.search.index import SearchIndex  # the first search pays for it, not start-up

            self._search_index = SearchIndex(self.content)
        return self._search_index
