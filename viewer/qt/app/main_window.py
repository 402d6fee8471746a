"""The main window: the diagram beside the lesson, a toolbar, menus and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QToolBar

from viewer import APP_NAME
from viewer.model.content.history import History
from viewer.model.content.lessons import LEVELS
from viewer.model.content.loader import Content
from viewer.model.content.render import RenderedLesson, render_lesson
from viewer.qt.app import text_size, theme
from viewer.qt.app.context import AppContext
from viewer.qt.app.dock_room import DockRoom
from viewer.qt.app.help_menu import HelpMenu
from viewer.qt.app.lessons_menu import LessonsMenu
from viewer.qt.app.settings import Settings
from viewer.qt.app.key_sequences import key_sequences
from viewer.qt.app.urgent_button import UrgentButton
from viewer.qt.chairside.tools import Chairside
from viewer.qt.diagram.scene import DiagramScene
from viewer.qt.diagram.view import ZOOM_STEP, DiagramView
from viewer.qt.evidence.posttest_menu import PostTestMenu
from viewer.qt.layers.control import LayerControl
from viewer.qt.motion.dock import Motion
from viewer.qt.variants.control import VariantControl
from viewer.qt.lesson.panel import LessonPanel
from viewer.qt.search.menu import SearchMenu
from viewer.qt.study.menu import StudyActions
from viewer.qt.study.user_menus import UserMenus

if TYPE_CHECKING:
    from viewer.qt.app.notice import NoticeBar

LEVEL_NAMES = {"patient": "Patient", "clinical": "Clinical"}
MIN_WINDOW_SIZE = (760, 520)  # a small laptop's window with room for the diagram, the lesson and the toolbars


class MainWindow(QMainWindow):
    """Every attribute is declared here; features are objects the window holds, each adding its own
    actions and menus through ``add_action`` and building its widgets on first use."""

    context: AppContext
    content: Content
    settings: Settings
    history: History
    level: str
    scene: DiagramScene
    view: DiagramView
    panel: LessonPanel
    splitter: QSplitter
    dock_room: DockRoom
    urgent_button: UrgentButton
    toolbar: QToolBar
    file_menu: QMenu
    view_menu: QMenu
    go_menu: QMenu
    lessons_menu: LessonsMenu
    study_menu: QMenu
    tools_menu: QMenu
    help_menu: QMenu
    level_actions: dict[str, QAction]
    # features (viewer/qt/<feature>/), made in this order
    chairside: Chairside
    depth_control: LayerControl    # peels skin and gluteus maximus away (viewer/qt/layers/)
    variant_control: VariantControl  # Beaton & Anson types A-F on the diagram (viewer/qt/variants/)
    motion: Motion                 # View ▸ Hip in motion: the axial MRI-level model (viewer/qt/motion/)
    user_menus: UserMenus          # progress, export/import, bookmarks, lesson notes
    themes: theme.ThemeMenu
    text_size: text_size.TextSize
    study_actions: StudyActions    # quizzes, review, teach-back, the Study panel
    search: SearchMenu             # Ctrl+K
    posttest: PostTestMenu         # Tools ▸ Post-test probability
    help: HelpMenu                 # keyboard shortcuts, about, disclaimer, content problems

    def __init__(self, context: AppContext):
        super().__init__()
        self.context = context
        self.content = content = context.content
        self.settings = settings = context.settings
        context.notify = self.show_notice
        self.history = History()
        self._splitter_restored = False
        self.save_on_close = True  # False for a scripted run (--screenshot): the user's saved window stays as it was
        self._rendered_lessons: dict[tuple[str, str], tuple[object, RenderedLesson]] = {}
        self._notice_bar: NoticeBar | None = None
        self.level = settings.value("lesson/level", "patient")
        if self.level not in LEVELS:
            self.level = "patient"
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setMinimumSize(*MIN_WINDOW_SIZE)

        self.scene = DiagramScene(content, self, cache=context.cache)
        self.view = DiagramView(self.scene)
        self.panel = LessonPanel(content.lessons_dir, content.glossary)
        self.splitter = QSplitter()  # side by side
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.dock_room = DockRoom(self)  # side panels take their room from the lesson, never the diagram

        self._build_actions()
        self._build_menus_and_toolbar()
        self.view.regionActivated.connect(self.open_region)
        self.view.cleared.connect(self.clear_selection)
        self.view.hoverChanged.connect(self._show_hover)
        self.panel.lessonLinkClicked.connect(lambda lesson_id, anchor: self.open_lesson(lesson_id, anchor))
        self.chairside = Chairside(self)
        self.depth_control = LayerControl(self)
        self.variant_control = VariantControl(self)
        self.motion = Motion(self)
        self.user_menus = UserMenus(self)
        self.themes = theme.ThemeMenu(self)
        self.text_size = text_size.TextSize(self)
        self.study_actions = StudyActions(self)
        self.search = SearchMenu(self)
        self.posttest = PostTestMenu(self)
        self.help = HelpMenu(self)
        self.statusBar().showMessage("Click a structure, or press Tab to move between structures.")

    # ----- actions -------------------------------------------------------------------------------------
    def add_action(self, text: str, slot, shortcut: str = "", tip: str = "", checkable: bool = False,
                   key: int | None = None) -> QAction:
        """A window-wide action. ``shortcut`` is an id in viewer/qt/app/shortcuts.py (its keys; with ``key``,
        only that one of them, for a row that makes one action per key). A checkable action calls ``slot``
        on every toggle; for one that should answer only the user's click, setCheckable() afterwards."""
        action = QAction(self)  # QAction(text, parent) would make PySide6 build QIcon's enums: slower start
        action.setText(text)
        sequences = key_sequences(shortcut, key) if shortcut else []
        action.setShortcuts(sequences)
        plain = tip or text.replace("&", "")
        shown = f" ({sequences[0].toString(QKeySequence.SequenceFormat.NativeText)})" if sequences else ""
        action.setToolTip(plain + shown)
        action.setStatusTip(plain)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.back_action = self.add_action("&Back", self.go_back, "go.back", "Previous lesson")
        self.forward_action = self.add_action("&Forward", self.go_forward, "go.forward", "Next lesson")
        self.home_action = self.add_action("&Overview", self.go_home, "go.home", "What is deep gluteal syndrome?")
        self.urgent_action = self.add_action("&Urgent help", self.go_urgent, "go.urgent", "When to seek help urgently")
        self.zoom_in_action = self.add_action("Zoom &in", lambda: self.view.zoom_by(ZOOM_STEP), "view.zoom_in",
                                              "Zoom in on the diagram")
        self.zoom_out_action = self.add_action("Zoom &out", lambda: self.view.zoom_by(1 / ZOOM_STEP),
                                               "view.zoom_out", "Zoom out of the diagram")
        self.fit_action = self.add_action("&Fit diagram", self.view.fit, "view.fit", "Fit the diagram to the window")
        self.labels_action = self.add_action("&Labels", self._set_labels_visible, "view.labels",
                                             "Show or hide labels", checkable=True)
        self.quit_action = self.add_action("&Quit", self.close, "app.quit")
        self.level_group = QActionGroup(self)
        self.level_actions = {}
        for level in LEVELS:
            # connected to triggered: only the user's choice runs set_level, not the initial check
            action = self.add_action(LEVEL_NAMES[level], lambda _checked=False, lv=level: self.set_level(lv),
                                     f"level.{level}", f"{LEVEL_NAMES[level]} reading level")
            action.setCheckable(True)
            action.setChecked(level == self.level)
            self.level_group.addAction(action)
            self.level_actions[level] = action
        self._update_history_actions()

    def _build_menus_and_toolbar(self) -> None:
        menus = self.menuBar()
        self.file_menu = file_menu = menus.addMenu("&File")
        file_menu.addAction(self.quit_action)
        self.view_menu = view_menu = menus.addMenu("&View")
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action, self.labels_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for action in self.level_actions.values():
            view_menu.addAction(action)
        self.go_menu = go_menu = menus.addMenu("&Go")
        for action in (self.back_action, self.forward_action, self.home_action, self.urgent_action):
            go_menu.addAction(action)
        self.lessons_menu = LessonsMenu(self)  # filled after the first frame
        menus.addMenu(self.lessons_menu)
        self.study_menu = menus.addMenu("&Study")
        self.tools_menu = menus.addMenu("&Tools")
        self.help_menu = menus.addMenu("&Help")

        self.toolbar = toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextOnly")  # by name: see DiagramView.__init__
        for action in (self.back_action, self.forward_action, self.home_action):
            toolbar.addAction(action)
        toolbar.addWidget(self.lessons_menu.toolbar_button())
        toolbar.addSeparator()
        for action in self.level_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action, self.labels_action):
            toolbar.addAction(action)
        self.urgent_button = UrgentButton(self.urgent_action, self.menuBar())  # never in the toolbar's overflow

    # ----- lessons and regions -------------------------------------------------------------------------
    def open_region(self, region_id: str) -> None:
        region = self.content.region(region_id)
        if region and region.lesson in self.content.lessons:
            self.open_lesson(region.lesson)
        else:
            self.view.select_region(region_id)
            self.statusBar().showMessage(f"{region.name if region else region_id}: no lesson yet.")

    def open_lesson(self, lesson_id: str, anchor: str = "", record: bool = True) -> bool:
        lesson = self.content.lessons.get(lesson_id)
        if lesson is None:
            self.statusBar().showMessage(f"There is no lesson '{lesson_id}'.")
            return False
        rendered = self._rendered(lesson)
        self.panel.show_lesson(rendered, anchor)
        if record:
            self.history.visit(f"{lesson_id}#{anchor}" if anchor else lesson_id)
        region = self.content.region_for_lesson(lesson_id)
        self.view.select_region(region.id if region else None)
        self.setWindowTitle(f"{lesson.title} — {APP_NAME}" + (" (second copy)" if self.settings.shared else ""))
        self._update_history_actions()
        return True

    def _rendered(self, lesson) -> RenderedLesson:
        """The lesson's Markdown at the current level, rendered once (clicking back and forth is common)."""
        cached = self._rendered_lessons.get((lesson.id, self.level))
        if cached is not None and cached[0] is lesson:
            return cached[1]
        rendered = render_lesson(lesson, self.level, self.content.bibliography, self.content.glossary)
        self._rendered_lessons[(lesson.id, self.level)] = (lesson, rendered)
        return rendered

    def current_lesson(self) -> str | None:
        entry = self.history.current
        return entry.partition("#")[0] if entry else None

    def clear_selection(self) -> None:
        self.view.select_region(None)
        home = self.content.home_lesson()
        if home and self.current_lesson() != home and self.content.region_for_lesson(self.current_lesson() or ""):
            self.open_lesson(home)

    def go_back(self) -> None:
        self._open_entry(self.history.back())

    def go_forward(self) -> None:
        self._open_entry(self.history.forward())

    def go_home(self) -> None:
        home = self.content.home_lesson()
        if home:
            self.open_lesson(home)

    def go_urgent(self) -> None:
        if self.content.urgent:
            self.open_lesson(self.content.urgent)

    def _open_entry(self, entry: str | None) -> None:
        if entry:
            lesson_id, _, anchor = entry.partition("#")
            self.open_lesson(lesson_id, anchor, record=False)

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def set_level(self, level: str) -> None:
        self.level = level
        self.level_actions[level].setChecked(True)
        self.settings.set("lesson/level", level)
        entry = self.history.current
        if entry:
            position = self.panel.verticalScrollBar().value()
            self._open_entry(entry)
            self.panel.verticalScrollBar().setValue(min(position, self.panel.verticalScrollBar().maximum()))

    def _set_labels_visible(self, visible: bool) -> None:
        self.scene.set_labels_visible(visible)

    def _show_hover(self, region_id: str) -> None:
        region = self.content.region(region_id) if region_id else None
        if region:
            self.statusBar().showMessage(f"{region.name} — {region.description}")
        else:
            self.statusBar().clearMessage()

    # ----- notices -------------------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        """A notice that stays in the status bar until dismissed (a damaged file, a folder that is read-only)."""
        if self._notice_bar is None:
            from viewer.qt.app.notice import NoticeBar  # names Qt's enums: only once a notice is due

            self._notice_bar = NoticeBar()
            self.statusBar().addPermanentWidget(self._notice_bar, 1)
        self._notice_bar.add(text)
        self.statusBar().clearMessage()

    @property
    def notice_bar(self) -> NoticeBar | None:
        return self._notice_bar

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the application's font reached the window
            self.urgent_button.follow_application_font()

    # ----- start-up and shut-down ----------------------------------------------------------------------
    def restore(self, select: str | None = None) -> None:
        geometry = self.settings.bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        self.labels_action.setChecked(self.settings.flag("diagram/labels", True))
        self.scene.set_labels_visible(self.labels_action.isChecked())
        last = self.settings.value("lesson/last", "")
        lesson_id, _, anchor = str(last).partition("#")
        if select:
            self.open_region(select)
        elif not (lesson_id and self.open_lesson(lesson_id, anchor)):
            self.go_home()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._splitter_restored:  # once the window has its final size, or the split would be rescaled
            self._splitter_restored = True
            splitter = self.settings.bytes("window/splitter")
            if splitter is None or not self.splitter.restoreState(splitter):
                self.splitter.setSizes([self.width() * 3 // 5, self.width() * 2 // 5])

    def finish_loading(self) -> None:
        """Work deferred until the first frame is on screen: region shapes for picking, the Lessons menu,
        the parsed SVG."""
        self.lessons_menu.fill()
        self.view.enable_gestures()
        self.scene.build_regions()
        current = self.current_lesson()
        region = self.content.region_for_lesson(current) if current else None
        self.view.select_region(region.id if region else None)
        from viewer.model.content.check import check_content  # cross-references too, so no problem goes unmentioned

        errors = sum(p.severity == "error" for p in check_content(self.content))
        if errors:
            self.statusBar().showMessage(f"{errors} content problem(s) were found: Help ▸ Content problems.")
        QTimer.singleShot(0, self.scene, self.scene.prepare_renderer)  # next idle turn: ready for the first zoom

    def save_state(self) -> bool:
        if self.chairside.presenting:  # remember the normal window, not the full-screen one
            self.chairside.present_action.setChecked(False)
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/splitter", self.dock_room.normal_splitter_state())  # not squeezed by a panel
        self.settings.set("diagram/labels", self.labels_action.isChecked())
        self.settings.set("lesson/last", self.history.current or "")
        saved = self.settings.sync()
        if self.context.user_data_loaded:
            saved = self.context.user_data.save() and saved
        return saved

    def closeEvent(self, event) -> None:
        if self.save_on_close:
            self.save_state()
        super().closeEvent(event)
