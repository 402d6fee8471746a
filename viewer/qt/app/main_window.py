"""The main window: the diagram beside the lesson, a toolbar, menus and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSizePolicy, QSplitter, QToolButton, QWidget

from viewer import APP_NAME
from viewer.model.content.loader import Content
from viewer.model.content.history import History
from viewer.model.content.lessons import LEVELS
from viewer.model.content.render import render_lesson
from viewer.qt.chairside.tools import Chairside
from viewer.qt.diagram.scene import DiagramScene
from viewer.qt.diagram.view import ZOOM_STEP, DiagramView
from viewer.qt.lesson.panel import LessonPanel
from viewer.qt.app.settings import Settings

LEVEL_NAMES = {"patient": "Patient", "clinical": "Clinical"}


class MainWindow(QMainWindow):
    def __init__(self, content: Content, settings: Settings):
        super().__init__()
        self.content = content
        self.settings = settings
        self.history = History()
        self._splitter_restored = False
        self.level = settings.value("lesson/level", "patient")
        if self.level not in LEVELS:
            self.level = "patient"
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)

        self.scene = DiagramScene(content, self)
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

        self._build_actions()
        self._build_menus_and_toolbar()
        self.view.regionActivated.connect(self.open_region)
        self.view.cleared.connect(self.clear_selection)
        self.view.hoverChanged.connect(self._show_hover)
        self.panel.lessonLinkClicked.connect(lambda lesson_id, anchor: self.open_lesson(lesson_id, anchor))
        self.chairside = Chairside(self)
        from viewer.qt.layers.control import LayerControl

        self.depth_control = LayerControl(self)  # peels skin and gluteus maximus away
        from viewer.qt.variants.control import VariantControl

        self.variant_control = VariantControl(self)  # Beaton & Anson types A-F on the diagram
        self._install_features()
        self.statusBar().showMessage("Click a structure, or press Tab to move between structures.")

    def _install_features(self) -> None:
        """Each feature module adds its own actions and menus here; its widgets are built on first use."""
        # features: one line each, e.g. study.install(self)
        from viewer.qt.study import user_menus; user_menus.install(self)  # noqa: E702 -- progress, bookmarks, notes
        from viewer.qt.app import text_size, theme; theme.install(self); text_size.install(self)  # noqa: E702
        from viewer.qt.study import menu as study_menu; study_menu.install(self)  # noqa: E702 -- quizzes, review, teach-back
        from viewer.qt.search import menu as search_menu; search_menu.install(self)  # noqa: E702 -- Ctrl+K search
        from viewer.qt.evidence import posttest_menu; posttest_menu.install(self)  # noqa: E702 -- Tools: post-test
        from viewer.qt.motion.dock import Motion; self.motion = Motion(self)  # noqa: E702 -- View: hip in motion (Ctrl+M)

    # ----- actions -------------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcuts=(), tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(self)  # QAction(text, parent) would make PySide6 build QIcon's enums: slower start
        action.setText(text)
        sequences = []
        for shortcut in map(QKeySequence, shortcuts):  # platform defaults may repeat an explicit one
            if not shortcut.isEmpty() and shortcut not in sequences:
                sequences.append(shortcut)
        action.setShortcuts(sequences)
        action.setToolTip(f"{tip or text.replace('&', '')}"
                          + (f" ({QKeySequence(shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
                             if shortcuts else ""))
        action.setStatusTip(tip or text.replace("&", ""))
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.back_action = self._action("&Back", self.go_back, [QKeySequence.StandardKey.Back, "Alt+Left"],
                                        "Previous lesson")
        self.forward_action = self._action("&Forward", self.go_forward,
                                           [QKeySequence.StandardKey.Forward, "Alt+Right"], "Next lesson")
        self.home_action = self._action("&Overview", self.go_home, ["Alt+Home"], "What is deep gluteal syndrome?")
        self.urgent_action = self._action("&Urgent help", self.go_urgent, ["Ctrl+U"],
                                          "When to seek help urgently")
        self.zoom_in_action = self._action("Zoom &in", lambda: self.view.zoom_by(ZOOM_STEP), ["+", "="],
                                           "Zoom in on the diagram")
        self.zoom_out_action = self._action("Zoom &out", lambda: self.view.zoom_by(1 / ZOOM_STEP), ["-"],
                                            "Zoom out of the diagram")
        self.fit_action = self._action("&Fit diagram", self.view.fit, ["Ctrl+0"], "Fit the diagram to the window")
        self.labels_action = self._action("&Labels", self._set_labels_visible, ["L"], "Show or hide labels",
                                          checkable=True)
        self.problems_action = self._action("&Content problems…", self.show_problems, [],
                                            "List problems found in the lessons and diagram")
        self.quit_action = self._action("&Quit", self.close, [QKeySequence.StandardKey.Quit])
        self.level_group = QActionGroup(self)
        self.level_actions = {}
        for number, level in enumerate(LEVELS, start=1):
            action = QAction(self, text=LEVEL_NAMES[level], checkable=True)
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])  # setShortcut() would build Qt's enums
            action.setToolTip(f"{LEVEL_NAMES[level]} reading level (Ctrl+{number})")
            action.setChecked(level == self.level)
            action.triggered.connect(lambda _checked, lv=level: self.set_level(lv))
            self.level_group.addAction(action)
            self.addAction(action)
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
        self.lessons_menu = QMenu("&Lessons", self)
        self.lessons_menu.aboutToShow.connect(self._fill_lessons_menu)  # filled after the first frame
        menus.addMenu(self.lessons_menu)
        self.study_menu = menus.addMenu("&Study")
        self.tools_menu = menus.addMenu("&Tools")
        self.help_menu = help_menu = menus.addMenu("&Help")
        help_menu.addAction(self.problems_action)

        self.toolbar = toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextOnly")  # by name: see DiagramView.__init__
        for action in (self.back_action, self.forward_action, self.home_action):
            toolbar.addAction(action)
        lessons_button = QToolButton()
        lessons_button.setText("Lessons")
        lessons_button.setAccessibleName("Lessons")
        lessons_button.setToolTip("Every lesson, in teaching order")
        lessons_button.setMenu(self.lessons_menu)
        lessons_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        toolbar.addWidget(lessons_button)
        toolbar.addSeparator()
        for action in self.level_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_action, self.labels_action):
            toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.urgent_action)
        urgent_button = toolbar.widgetForAction(self.urgent_action)
        urgent_button.setObjectName("urgent")
        urgent_button.setStyleSheet("QToolButton#urgent { color: #ffffff; background: #b3261e; font-weight: bold;"
                                    " border-radius: 4px; padding: 3px 10px; }"
                                    "QToolButton#urgent:focus { outline: 2px solid #000000; }")

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
        self.setWindowTitle(f"{lesson.title} — {APP_NAME}")
        self._update_history_actions()
        return True

    def _rendered(self, lesson):
        """The lesson's Markdown at the current level, rendered once (clicking back and forth is common)."""
        cache = self.__dict__.setdefault("_rendered_lessons", {})
        lesson_object, rendered = cache.get((lesson.id, self.level), (None, None))
        if lesson_object is not lesson:
            rendered = render_lesson(lesson, self.level, self.content.bibliography, self.content.glossary)
            cache[(lesson.id, self.level)] = (lesson, rendered)
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

    def show_problems(self) -> None:
        from viewer.qt.app.problems_dialog import ProblemsDialog  # loads the content checker: not at start-up

        dialog = ProblemsDialog(self.content, self)
        dialog.exec()
        dialog.deleteLater()  # not kept as a child of the window after it closes

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

    def _fill_lessons_menu(self) -> None:
        """One entry per lesson, above anything features added; built once, when first needed."""
        if getattr(self, "_lessons_menu_filled", False):
            return
        self._lessons_menu_filled = True
        first = self.lessons_menu.actions()[0] if self.lessons_menu.actions() else None
        for lesson_id in self.content.lesson_order():
            if self.content.is_entry(lesson_id):
                continue  # the short structure entries have their own submenu, below
            action = QAction(self.content.lessons[lesson_id].title, self.lessons_menu)
            action.triggered.connect(lambda _checked=False, i=lesson_id: self.open_lesson(i))
            self.lessons_menu.insertAction(first, action)
        entries = self.content.entry_ids()
        if entries:
            structures = QMenu("&Structures on the diagram", self.lessons_menu)
            for lesson_id in entries:
                action = structures.addAction(self.content.lessons[lesson_id].title)
                action.triggered.connect(lambda _checked=False, i=lesson_id: self.open_lesson(i))
            self.lessons_menu.insertMenu(first, structures)

    def finish_loading(self) -> None:
        """Work deferred until the first frame is on screen: region shapes for picking, the Lessons menu,
        the parsed SVG."""
        self._fill_lessons_menu()
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
        self.settings.set("window/splitter", self.splitter.saveState())
        self.settings.set("diagram/labels", self.labels_action.isChecked())
        self.settings.set("lesson/last", self.history.current or "")
        return self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_state()
        super().closeEvent(event)


