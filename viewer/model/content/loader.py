"""Loads a content folder (lessons/ and resources/) into one object.

Every problem is collected, not raised: a broken lesson or region is left out
and reported, and the rest still loads. Only a missing or unreadable folder
stops everything (ContentFolderError).
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from viewer.model.diagram.svg import Diagram, document_order, load_diagram
from viewer.model.content.glossary import Glossary, load_glossary
from viewer.model.diagram.hittest import RegionIndex
from viewer.model.content.lessons import Lesson, load_lesson
from viewer.model.content.positions import Position, load_positions
from viewer.model.core.problems import ContentError, Problem, line_of
from viewer.model.core.record import record
from viewer.model.content.references import Reference, load_bibliography
from viewer.model.diagram.regions import Region, load_regions
from viewer.model.core.textfile import read_text
from viewer.model.core.tomlfile import parse_toml


ENTRY_FOLDER = "structures"  # lessons/structures/: short entries for the diagram's smaller structures


class ContentFolderError(Exception):
    """The content folder itself is missing or unreadable."""


@record
class Content:
    """Everything loaded from a content folder, and the problems found while loading it."""

    root: Path
    regions: list[Region] = field(default_factory=list)
    diagram: Diagram | None = None
    lessons: dict[str, Lesson] = field(default_factory=dict)
    bibliography: dict[str, Reference] = field(default_factory=dict)
    _problems: list[Problem] = field(default_factory=list, repr=False)
    _unread_bodies: list[Lesson] = field(default_factory=list, repr=False)  # lessons whose body is unread
    glossary: Glossary = field(default_factory=lambda: Glossary([]))
    positions: list[Position] = field(default_factory=list)
    _questions: list | None = field(default=None, repr=False)
    handout: dict = field(default_factory=dict)
    home: str | None = None
    urgent: str | None = None
    order: list[str] = field(default_factory=list)
    _index: RegionIndex | None = field(default=None, repr=False)
    layers: list = field(default_factory=list)  # viewer.model.layers.spec.Layer, outermost first
    variants: list = field(default_factory=list)  # viewer.model.variants.spec.Variant, A-F

    @property
    def problems(self) -> list[Problem]:
        """Every problem found. Lesson bodies are read on first use (start-up reads front matter
        only); asking for the problems reads the rest, so none is ever missed."""
        while self._unread_bodies:
            self._problems.extend(self._unread_bodies.pop(0).body_problems)
        return self._problems

    @problems.setter
    def problems(self, value: list[Problem]) -> None:
        self._problems = list(value)

    @property
    def lessons_dir(self) -> Path:
        return self.root / "lessons"

    @property
    def resources_dir(self) -> Path:
        return self.root / "resources"

    @property
    def regions_path(self) -> Path:
        return self.resources_dir / "regions.toml"

    def lesson_order(self) -> list[str]:
        """Lesson ids as the table of contents lists them; unlisted lessons follow by title, and the
        structure entries (lessons/structures/) come last, in the diagram's order."""
        listed = [i for i in self.order if i in self.lessons]
        rest = sorted((i for i in self.lessons if i not in listed and not self.is_entry(i)),
                      key=lambda i: self.lessons[i].title.lower())
        return listed + rest + [i for i in self.entry_ids() if i not in listed]

    def is_entry(self, lesson_id: str) -> bool:
        """Whether the lesson is a short structure entry (a file in lessons/structures/)."""
        lesson = self.lessons.get(lesson_id)
        return lesson is not None and lesson.path.parent.name == ENTRY_FOLDER

    def entry_ids(self) -> list[str]:
        """The structure entries: those a region opens in keyboard order, then any others by title."""
        by_region = [r.lesson for r in self.regions if r.lesson and self.is_entry(r.lesson)]
        others = sorted((i for i in self.lessons if self.is_entry(i) and i not in by_region),
                        key=lambda i: self.lessons[i].title.lower())
        return list(dict.fromkeys(by_region)) + others

    @property
    def questions(self) -> list:
        """The question banks (lessons/questions/, a list of Question), loaded on first use: start-up
        does not need them. Their problems join ``problems`` then."""
        if self._questions is None:
            from viewer.model.content.questions import load_questions

            self._questions, problems = load_questions(self.lessons_dir / "questions")
            self.problems.extend(problems)
        return self._questions

    @questions.setter
    def questions(self, value: list) -> None:
        self._questions = list(value)

    def home_lesson(self) -> str | None:
        if self.home in self.lessons:
            return self.home
        order = self.lesson_order()
        return order[0] if order else None

    def region(self, region_id: str) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def region_for_lesson(self, lesson_id: str) -> Region | None:
        lesson = self.lessons.get(lesson_id)
        if lesson and lesson.region:
            return self.region(lesson.region)
        return next((r for r in self.regions if r.lesson == lesson_id), None)

    def index(self) -> RegionIndex:
        """Region shapes and the picking index, built on first use (parses the SVG geometry)."""
        if self._index is None:
            z_order = {}
            if self.diagram is not None:
                z_order = document_order(self.diagram)
                for region in self.regions:
                    if region.shape is None and region.element in self.diagram.element_ids:
                        region.shape = self.diagram.shape_of(region.element)
            base = self.layers[-1].id if self.layers else ""
            layers = {r.id: r.layer or base for r in self.regions}
            self._index = RegionIndex(self.regions, z_order, layers, base)
        return self._index


def load_content(root: Path, cache_dir: Path | None = None) -> Content:
    """``cache_dir``: keep the loaded content there and reuse it while no file has changed
    (viewer/model/content/cache.py); only the window's start-up passes it."""
    root = Path(root)
    if cache_dir is None:
        return _load_content(root)
    from viewer.model.content.cache import read_cached, source_files, write_cache

    content = read_cached(root, cache_dir)
    if content is None:
        files = source_files(root)  # before reading: an edit made meanwhile shows as a change next time
        content = _load_content(root)
        try:
            write_cache(content, cache_dir, files)
        except Exception:  # noqa: BLE001 -- the cache only saves time; it never stops the content loading
            pass
    return content


def _load_content(root: Path) -> Content:
    for needed in (root, root / "lessons", root / "resources"):
        if not needed.is_dir():
            raise ContentFolderError(f"content folder not found: {needed} (it must hold lessons/ and resources/)")
    try:
        lesson_files = sorted((root / "lessons").glob("*.md")) + sorted((root / "lessons" / ENTRY_FOLDER).glob("*.md"))
    except OSError as exc:
        raise ContentFolderError(f"cannot read content folder {root}: {exc.strerror or exc}") from exc
    content = Content(root)
    _load_regions_and_diagram(content)
    for path in lesson_files:
        try:
            lesson, problems = load_lesson(path, lazy=True)
        except ContentError as exc:
            content._problems.append(exc.problem)
            continue
        content._problems.extend(problems)
        if lesson.id in content.lessons:
            first = content.lessons[lesson.id].path.name
            content._problems.append(Problem(path, 2, f"lesson id '{lesson.id}' is already used by {first}; "
                                                     "this file is left out"))
            continue
        content.lessons[lesson.id] = lesson
        content._unread_bodies.append(lesson)
    _load_table_of_contents(content)
    _load_handout_text(content)
    try:
        content.bibliography, problems = load_bibliography(root / "lessons" / "references.toml")
        content._problems.extend(problems)
    except ContentError as exc:
        content._problems.append(exc.problem)
    try:
        content.positions, problems = load_positions(root / "resources" / "positions.toml")
        content._problems.extend(problems)
    except ContentError as exc:
        content._problems.append(exc.problem)
    try:
        content.glossary, problems = load_glossary(root / "lessons" / "glossary.toml")
        content._problems.extend(problems)
    except ContentError as exc:
        content._problems.append(exc.problem)
    return content


def _load_regions_and_diagram(content: Content) -> None:
    try:
        region_file, problems = load_regions(content.regions_path)
    except ContentError as exc:
        content._problems.append(exc.problem)
        return
    content._problems.extend(problems)
    content.regions = region_file.regions
    from viewer.model.layers.spec import load_layers

    content.layers, problems = load_layers(content.regions_path)
    content._problems.extend(problems)
    from viewer.model.variants.spec import load_variants

    content.variants, problems = load_variants(content.regions_path)
    content._problems.extend(problems)
    diagram_path = content.resources_dir / region_file.diagram
    if content.resources_dir.resolve() not in diagram_path.resolve().parents:  # never a file from elsewhere
        content._problems.append(Problem(content.regions_path, line_of(read_text(content.regions_path), "diagram"),
                                         f"diagram '{region_file.diagram}' must be a file in resources/"))
        return
    try:
        content.diagram = load_diagram(diagram_path)
    except ContentError as exc:
        content._problems.append(exc.problem)


def _load_table_of_contents(content: Content) -> None:
    """lessons/contents.toml: ``home`` (shown when nothing is selected), ``urgent`` (the
    urgent-help lesson, one click away everywhere) and ``order`` (the Lessons menu)."""
    path = content.lessons_dir / "contents.toml"
    if not path.exists():
        return
    try:
        text = read_text(path)
        data = parse_toml(text, path)
    except ContentError as exc:
        content._problems.append(exc.problem)
        return
    content.home = data.get("home")
    content.urgent = data.get("urgent")
    content.order = [str(i) for i in data.get("order", [])]
    for lesson_id in [i for i in (content.home, content.urgent) if i] + content.order:
        if lesson_id not in content.lessons:
            content._problems.append(Problem(path, line_of(text, f'"{lesson_id}"'),
                                            f"lesson '{lesson_id}' does not exist"))


def _load_handout_text(content: Content) -> None:
    """lessons/handout.toml: the fixed parts of the patient handout."""
    path = content.lessons_dir / "handout.toml"
    if path.exists():
        try:
            content.handout = parse_toml(read_text(path), path)
        except ContentError as exc:
            content._problems.append(exc.problem)
