"""A start-up cache of the loaded content, kept in the data folder (``<data dir>/cache/``).

Reading the lessons' front matter, the glossary, the references and the regions (TOML) and
the diagram (XML) takes longer than the rest of start-up's own work; the result is the same
on every start until a file changes. So the loaded ``Content`` is kept, pickled, with the
path, modification time and size of every file it was read from, the app's version and a
stamp of the model code. Any difference, and any damage to the file (its checksum is checked
before it is unpickled), means the content is loaded afresh and the cache rewritten.

The cache is one of the app's caches (viewer/model/core/cache_store.py: one folder, written
atomically, the latest few kept). ``--check`` and the other text commands never use it.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import sys
import zlib
from pathlib import Path

from viewer import __version__
from viewer.model.core.cache_store import CacheStore, cache_key
from viewer.model.diagram.svg import Diagram
from viewer.model.content.lessons import Lesson

MODEL_DIR = Path(__file__).resolve().parent
FORMAT = 5  # 5: the pickle follows the header as bytes


class _LazyRootDiagram(Diagram):
    """A cached diagram: its XML tree is parsed again only when something asks for it."""

    @property
    def _root(self):
        root = self.__dict__.get("_root")
        if root is None:
            import xml.etree.ElementTree as ET

            root = self.__dict__["_root"] = ET.fromstring(self.text)
        return root

    @_root.setter
    def _root(self, value) -> None:
        self.__dict__["_root"] = value


class _LazyBodyLesson(Lesson):
    """A cached lesson: its body is kept as one string and split into lines on first use, its path
    as text (hundreds of lessons unpickle much faster so than as thousands of lines and Paths)."""

    @property
    def body(self) -> list[str]:
        body = self.__dict__.get("body")
        if body is None:
            body = self.__dict__["body"] = self.__dict__.pop("_body_text").split("\n")
        return body

    @body.setter
    def body(self, value: list[str]) -> None:
        self.__dict__.pop("_body_text", None)
        self.__dict__["body"] = value

    @property
    def path(self) -> Path:
        path = self.__dict__.get("path")
        if path is None:
            path = self.__dict__["path"] = Path(self.__dict__.pop("_path_text"))
        return path

    @path.setter
    def path(self, value: Path) -> None:
        self.__dict__.pop("_path_text", None)
        self.__dict__["path"] = value


def _cached_lesson(state: dict, body_text: str, path_text: str) -> Lesson:
    lesson = object.__new__(_LazyBodyLesson)
    lesson.__dict__.update(state)
    lesson.__dict__["_body_text"] = body_text
    lesson.__dict__["_path_text"] = path_text
    return lesson


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if type(obj) is Lesson and obj.body and not any("\n" in line for line in obj.body):
            state = {k: v for k, v in obj.__dict__.items() if k not in ("body", "path")}
            return _cached_lesson, (state, "\n".join(obj.body), str(obj.path))
        return NotImplemented


KIND, SUFFIX = "content", ".cache"


def _key(root: Path) -> str:
    """One cache file per content folder."""
    return cache_key(str(Path(root).resolve()).encode())


def code_stamp() -> list:
    """The app's version, Python's, and every file of the model's code (viewer/model/): a change to any
    of them is a miss."""
    stamp = [FORMAT, __version__, sys.version]
    try:  # the whole model: the pickle holds its records, regions, shapes and indexes, not only content's
        for folder, _dirs, names in sorted(os.walk(MODEL_DIR.parent)):
            for name in sorted(n for n in names if n.endswith(".py")):
                status = os.stat(os.path.join(folder, name))
                stamp.append([os.path.relpath(os.path.join(folder, name), MODEL_DIR.parent), status.st_mtime_ns,
                              status.st_size])
    except OSError:  # not plain files (a frozen app): the version alone tells code apart
        pass
    return stamp


def source_files(root: Path) -> list[list]:
    """[relative path, mtime_ns, size] of every file at the top of lessons/, lessons/structures/ and resources/."""
    found = []
    for folder in ("lessons", "lessons/structures", "resources"):
        try:
            entries = list(os.scandir(Path(root) / folder))
        except OSError:  # a missing folder: never matches a cache written when it was there
            found.append([f"{folder}/", -1, -1])  # (an optional folder is missing in both, so it matches)
            continue
        for entry in entries:
            if entry.is_file():
                info = entry.stat()
                found.append([f"{folder}/{entry.name}", info.st_mtime_ns, info.st_size])
    return sorted(found)


def _stat(root: Path, relative: str) -> list | None:
    try:
        info = os.stat(Path(root) / relative)
    except OSError:
        return None
    return [relative, info.st_mtime_ns, info.st_size]


def read_cached(root: Path, cache_dir: Path):
    """The cached Content for ``root`` if it is still exactly what loading would give, else None."""
    try:
        raw = CacheStore(cache_dir).read(KIND, _key(root), SUFFIX)
        if raw is None:
            return None
        header_line, _, data = raw.partition(b"\n")
        header = json.loads(header_line)
        if (header.get("code") != code_stamp() or header.get("root") != str(Path(root).resolve())
                or header.get("given") != str(root)):  # paths inside are as given: relative ones differ by folder
            return None
        files = source_files(root)
        listed = {f[0] for f in files}
        for entry in header.get("files", []):
            if entry[0] not in listed:  # a diagram in a subfolder
                stat = _stat(root, entry[0])
                if stat is None:  # gone since
                    return None
                files.append(stat)
        if files != header.get("files"):
            return None
        if zlib.crc32(data) != header.get("crc32"):
            return None
        content = pickle.loads(data)
    except Exception:  # noqa: BLE001 -- missing, damaged or from other code: load the content afresh
        return None
    if type(content).__name__ != "Content":
        return None
    if content.diagram is not None:
        content.diagram.__class__ = _LazyRootDiagram
    return content


def write_cache(content, cache_dir: Path, files: list[list]) -> bool:
    """Keep ``content`` as just loaded; ``files`` are the source files' stats taken before loading."""
    root = content.root
    diagram = content.diagram
    if diagram is not None:
        relative = os.path.relpath(diagram.path, root).replace(os.sep, "/")
        if not any(f[0] == relative for f in files):
            stat = _stat(root, relative)
            if stat is None:
                return False
            files = sorted(files + [stat])
    saved_root = diagram.__dict__.get("_root") if diagram is not None else None
    try:
        if diagram is not None:
            diagram.__dict__["_root"] = None  # parsed again on first use: cheaper than unpickling the tree
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(content)
        data = buffer.getvalue()
    except Exception:  # noqa: BLE001 -- something unpicklable: no cache, nothing else changes
        return False
    finally:
        if diagram is not None:
            diagram.__dict__["_root"] = saved_root
    header = {"code": code_stamp(), "root": str(Path(root).resolve()), "given": str(root), "files": files,
              "crc32": zlib.crc32(data)}
    return CacheStore(cache_dir).write(KIND, _key(root), SUFFIX, json.dumps(header).encode() + b"\n" + data)
