"""Chairside tools: presentation mode, the pen, positions, notes, the handout and PNG export.

Nothing about a patient is stored: the drawing and notes live in memory until
"New patient" or until the clinician saves a handout.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QLocale, QObject, QRectF, QStandardPaths
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QToolBar

from viewer.model.chairside.drawing import Drawing
from viewer.qt.app.theme import PEN_COLOURS
from viewer.qt.chairside.pen_tool import PenTool

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray

    from viewer.qt.app.main_window import MainWindow

    # the window as presentation found it: dock layout, geometry, splitter sizes, level, labels shown, menus shown
    SavedWindow = tuple[QByteArray, QByteArray, list[int], str, bool, list[bool]]

PRESENTATION_TEXT_ZOOM = 6


class Chairside(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.pen = PenTool(window.scene, Drawing())
        window.view.pen_tool = self.pen
        self._positions = self._notes = None  # docks are built when first shown, not at start-up
        self._body_chart = self._home_programme = None
        self._saved_state: SavedWindow | None = None
        from viewer.model.chairside.handout_details import HandoutDetails

        self.details = HandoutDetails()  # typed when a handout is saved or printed; in memory only
        self.paper = window.settings.value("handout/paper", default_paper())
        self._build_actions()
        window.view.selectionChanged.connect(self._reduce_labels)
        self.pen.changed.connect(self._update_undo)
        self._update_undo()

    # ----- actions -------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.window
        self.present_action = w.add_action("&Present", self.toggle_presentation, "chairside.present",
                                           "Full-screen presentation", checkable=True)
        self.leave_action = w.add_action("Leave presentation", lambda: self.present_action.setChecked(False),
                                         "chairside.leave")
        self.leave_action.setEnabled(False)
        self.pen_action = w.add_action("&Pen", self._set_pen, "chairside.pen", "Draw on the diagram", checkable=True)
        self.arrow_action = w.add_action("&Arrow", self._set_arrow, "chairside.arrow", "Draw arrows", checkable=True)
        self.undo_action = w.add_action("&Undo drawing", self.pen.undo, "chairside.undo")
        self.redo_action = w.add_action("&Redo drawing", self.pen.redo, "chairside.redo")
        self.clear_action = w.add_action("C&lear drawing", self.pen.clear, "chairside.clear")
        self.new_patient_action = w.add_action("&New patient", self.new_patient, "chairside.new_patient",
                                               "Wipe the drawing, notes, body chart, programme and selection")
        self.save_action = w.add_action("&Save handout…", self.save_handout, "chairside.save", "Save a PDF for the patient")
        self.print_action = w.add_action("P&rint handout…", self.print_handout, "chairside.print")
        self.export_action = w.add_action("&Export view as PNG…", self.export_png, "chairside.export")
        self.colour_group = QActionGroup(self)
        self.colour_actions = {}
        for number, (name, colour) in enumerate(PEN_COLOURS.items(), start=1):
            # connected to triggered (a user's choice), so setting the initial check does not start the pen
            action = w.add_action(name, lambda _c=False, value=colour: self._set_colour(value), "chairside.colour",
                                  f"{name} ink", key=number - 1)
            action.setCheckable(True)
            action.setChecked(colour == self.pen.colour)
            self.colour_group.addAction(action)
            self.colour_actions[name] = action
        self.paper_group = QActionGroup(self)
        self.paper_actions = {}
        for paper, label in (("a4", "A4 paper"), ("letter", "Letter paper")):
            action = w.add_action(label, lambda _c=False, value=paper: self._set_paper(value))
            action.setCheckable(True)
            action.setChecked(paper == self.paper)
            self.paper_group.addAction(action)
            self.paper_actions[paper] = action

        file_menu = w.file_menu
        first = file_menu.actions()[0]
        for action in (self.new_patient_action, self.save_action, self.print_action, self.export_action):
            file_menu.insertAction(first, action)
        paper_menu = file_menu.addMenu("Handout paper")
        for action in self.paper_actions.values():
            paper_menu.addAction(action)
        file_menu.insertMenu(first, paper_menu)
        file_menu.insertSeparator(first)
        draw_menu = QMenu("&Draw", w)
        w.menuBar().insertMenu(w.help_menu.menuAction(), draw_menu)  # keep Help last
        for action in (self.pen_action, self.arrow_action, *self.colour_actions.values(), self.undo_action,
                       self.redo_action, self.clear_action):
            draw_menu.addAction(action)
        view_menu = w.view_menu
        view_menu.addSeparator()
        view_menu.addAction(self.present_action)
        self.positions_action = w.add_action("Positions", lambda on: self._show_dock(self.positions, on), "chairside.positions",
                                             "Positions: what each one tenses or narrows", checkable=True)
        self.notes_action = w.add_action("Notes for the handout", lambda on: self._show_dock(self.notes, on),
                                         "chairside.notes", checkable=True)
        self.body_chart_action = w.add_action("&Body chart", lambda on: self._show_right_dock(self.body_chart, on),
                                              "chairside.body_chart", "Paint where the patient feels pain, pins and "
                                              "needles or numbness", checkable=True)
        self.home_programme_action = w.add_action("&Home programme", lambda on: self._show_right_dock(self.home_programme, on),
                                                  "chairside.home_programme", "Choose exercises for the handout", checkable=True)
        view_menu.addAction(self.positions_action)
        view_menu.addAction(self.notes_action)
        view_menu.addAction(self.body_chart_action)
        view_menu.addAction(self.home_programme_action)
        self.screen_menu = view_menu.addMenu("Present on screen")
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)

        toolbar = QToolBar("Chairside")
        toolbar.setObjectName("chairside-toolbar")
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextOnly")  # by name: see DiagramView.__init__
        for action in (self.present_action, self.positions_action, self.notes_action, self.body_chart_action,
                       self.home_programme_action, self.pen_action, self.arrow_action,
                       *self.colour_actions.values(), self.undo_action, self.redo_action, self.clear_action,
                       self.save_action, self.new_patient_action):
            toolbar.addAction(action)
        w.addToolBarBreak()
        w.addToolBar(toolbar)
        self.toolbar = toolbar

    @property
    def positions(self):
        if self._positions is None:
            from viewer.qt.chairside.docks import PositionsDock

            self._positions = self._docked(PositionsDock(self.window), self.positions_action)
        return self._positions

    @property
    def notes(self):
        if self._notes is None:
            from viewer.qt.chairside.docks import NotesDock

            self._notes = self._docked(NotesDock(self.window), self.notes_action)
        return self._notes

    @property
    def body_chart(self):
        if self._body_chart is None:
            from viewer.qt.bodychart.panel import BodyChartDock

            self._body_chart = self._docked(BodyChartDock(self.window), self.body_chart_action)
        return self._body_chart

    @property
    def home_programme(self):
        if self._home_programme is None:
            from viewer.qt.homeprog.panel import HomeProgrammeDock

            dock = HomeProgrammeDock(self.window)
            dock.filter_region(self.window.view.selected_id)
            self._home_programme = self._docked(dock, self.home_programme_action)
        return self._home_programme

    def _docked(self, dock, action):
        """Keep the menu/toolbar toggle in step with the dock (closed with its own button, say)."""
        dock.toggleViewAction().toggled.connect(action.setChecked)
        self.window.dock_room.watch(dock)
        return dock

    def _show_dock(self, dock, on: bool) -> None:
        """Like the study panels, a chairside panel takes its room from the lesson, never the diagram."""
        if on:
            self.window.dock_room.open(dock)
        else:
            dock.hide()

    def _show_right_dock(self, dock, on: bool) -> None:
        """The body chart and the programme share the right-hand place as tabs, like the study panels."""
        from viewer.qt.app.dock_room import open_dock

        if on:
            open_dock(self.window, dock)
            if not dock.isFloating() and dock.width() < 560 <= self.window.width() // 2:
                # room to paint and to read: wider than the study panels' slim default
                self.window.resizeDocks([dock], [560], QtCore.Qt.Orientation.Horizontal)
        else:
            dock.hide()

    def notes_text(self) -> str:
        return self._notes.editor.toPlainText() if self._notes is not None else ""

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self.pen.drawing.can_undo())
        self.redo_action.setEnabled(self.pen.drawing.can_redo())
        self.clear_action.setEnabled(bool(self.pen.drawing.strokes))

    def _set_pen(self, on: bool) -> None:
        if on:
            self.arrow_action.setChecked(False)
        self._pen_mode_changed()

    def _set_arrow(self, on: bool) -> None:
        if on:
            self.pen_action.setChecked(False)
        self._pen_mode_changed()

    def _pen_mode_changed(self) -> None:
        """Pen and Arrow exclude each other; either one turns drawing on."""
        self.pen.arrow = self.arrow_action.isChecked()
        self.pen.active = self.pen.arrow or self.pen_action.isChecked()
        self.window.view.viewport().setCursor(QtCore.Qt.CursorShape.CrossCursor if self.pen.active
                                              else QtCore.Qt.CursorShape.ArrowCursor)

    def _set_colour(self, colour: str) -> None:
        self.pen.colour = colour
        if not self.pen.active:
            self.pen_action.setChecked(True)

    def _set_paper(self, paper: str) -> None:
        self.paper = paper
        self.window.settings.set("handout/paper", paper)

    # ----- presentation --------------------------------------------------------------------------------
    def toggle_presentation(self, on: bool) -> None:
        w = self.window
        if on:
            self._saved_state = (w.saveState(), w.saveGeometry(), w.splitter.sizes(), w.level,
                                 w.labels_action.isChecked(), [a.isVisible() for a in w.menuBar().actions()])
            for action in w.menuBar().actions():  # the menus go; the bar stays for its Urgent help button
                action.setVisible(False)
            self.toolbar.hide()
            for dock in (self._positions, self._notes, self._body_chart, self._home_programme):
                if dock is not None:
                    dock.hide()
            w.set_level("patient")
            w.panel.zoomIn(PRESENTATION_TEXT_ZOOM)
            w.showFullScreen()
            w.splitter.setSizes([w.width() * 62 // 100, w.width() * 38 // 100])
            self.leave_action.setEnabled(True)
            self._reduce_labels()
        elif self._saved_state is not None:
            state, geometry, sizes, level, labels, menu = self._saved_state
            self._saved_state = None
            self.leave_action.setEnabled(False)
            # the lesson's size from View > Text size, not zoomed back (a zoom-out could reach 0 pt)
            w.text_size.set_step(w.text_size.step, remember=False)
            w.showNormal()
            w.restoreGeometry(geometry)
            w.restoreState(state)
            for action, visible in zip(w.menuBar().actions(), menu):
                action.setVisible(visible)
            self.toolbar.show()
            w.splitter.setSizes(sizes)
            w.set_level(level)
            w.scene.set_labels_visible(labels)
        w.view.fit()

    @property
    def presenting(self) -> bool:
        return self._saved_state is not None

    def _reduce_labels(self, *_args) -> None:
        """While presenting, only the selected structure's labels and the nerve's are shown."""
        if not self.presenting:
            return
        content = self.window.content
        keep = set()
        for region_id in filter(None, {self.window.view.selected_id, "sciatic-nerve"}):
            region = content.region(region_id)
            keep |= set(region.labels) if region else set()
        self.window.scene.set_labels_visible(True, only=keep)

    def _fill_screen_menu(self) -> None:
        self.screen_menu.clear()
        for number, screen in enumerate(QApplication.screens(), start=1):
            size = screen.geometry()
            action = self.screen_menu.addAction(f"Screen {number}: {screen.name()} ({size.width()}x{size.height()})")
            action.triggered.connect(lambda _c=False, s=screen: self.present_on(s))

    def present_on(self, screen) -> None:
        if self.presenting:
            self.present_action.setChecked(False)
        self.window.move(screen.geometry().topLeft())
        if self.window.windowHandle() is not None:
            self.window.windowHandle().setScreen(screen)
        self.present_action.setChecked(True)

    # ----- patient -------------------------------------------------------------------------------------
    def new_patient(self) -> None:
        self.pen.forget()
        self.details = self.details.for_new_patient()
        if self._notes is not None:
            self._notes.editor.clear()
        if self._positions is not None:
            self._positions.clear_selection()
        if self._body_chart is not None:
            self._body_chart.forget()
        if self._home_programme is not None:
            self._home_programme.forget()
        self.window.view.select_region(None)
        self.window.depth_control.reset()  # the deep space and type A: no trace of the last patient's picture
        self.window.variant_control.reset()
        self.window.history.clear()
        self.window.go_home()
        self.window.statusBar().showMessage("Ready for a new patient: drawing, notes, body chart, programme and "
                                            "selection cleared; the diagram shows the deep space, nerve type A.")

    # ----- handout -------------------------------------------------------------------------------------
    def current_view(self) -> QRectF:
        view = self.window.view
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        return visible.intersected(self.window.scene.diagram_rect) or self.window.scene.diagram_rect

    def handout_document(self, paper: str):
        from viewer.qt.chairside.handout import build_document, picture_width_px  # on first use, not at start-up
        from viewer.qt.chairside.handout_labels import kept_label_ids, paper_labels
        from viewer.qt.chairside.handout_picture import picture_with_labels

        w = self.window
        source = self.current_view()
        width = picture_width_px(paper, source)
        keep = kept_label_ids(w.content, w.view.selected_id)  # on paper: the selected structure's and the nerve's
        picture = picture_with_labels(w.scene, source, width, keep)
        labels = paper_labels(w.content, keep, source, width)  # pixels of the posterior picture, at its left
        axial = w.motion.handout_picture(picture.height())  # the hip-in-motion view, while it is open
        if axial is not None:
            from viewer.qt.chairside.handout_picture import side_by_side

            picture = side_by_side(picture, axial)
        lesson_id = w.current_lesson()
        region = w.content.region(w.view.selected_id or "")
        title = region.name if region else (w.content.lessons[lesson_id].title if lesson_id else "Handout")
        teachback = w.context.teachback.handout_markdown()  # the Study menu's teach-back, if chosen
        programme = self._home_programme.programme if self._home_programme is not None else None
        chart = self._body_chart.handout_image() if self._body_chart is not None else None
        legend: list = self._body_chart.legend() if chart is not None else []
        return build_document(w.content, lesson_id, title, picture, self.notes_text(), paper,
                              teachback=teachback, labels=labels, details=self.details, programme=programme,
                              body_chart=chart, body_chart_legend=legend, caption=w.variant_control.handout_line())

    def save_handout(self) -> None:
        from viewer.qt.chairside.handout_save import ask_details, ask_path  # the dialogs load on first use

        details = ask_details(self.window, self.details)
        if details is None:
            return
        self.details = details
        path = ask_path(self.window, self.window.view.selected_id or "overview")
        if path is not None:
            self.save_handout_to(path)

    def save_handout_to(self, path: Path) -> bool:
        from viewer.qt.chairside.handout import write_pdf

        ok = write_pdf(self.handout_document(self.paper), path, self.paper)
        self.window.statusBar().showMessage(f"Handout saved to {path}" if ok else f"Could not write {path}")
        return ok

    def print_handout(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded on first print, not at start-up

        from viewer.qt.chairside.handout import page_layout, print_pages
        from viewer.qt.chairside.handout_save import ask_details

        details = ask_details(self.window, self.details)
        if details is None:
            return
        self.details = details
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper))
        dialog = QPrintDialog(printer, self.window)
        accepted = dialog.exec()
        dialog.deleteLater()  # a child of the window: without this, each print would keep its dialog
        if accepted:
            print_pages(self.handout_document(self.paper), printer)

    def export_png(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _ = QFileDialog.getSaveFileName(self.window, "Export view as PNG",
                                              str(Path(folder) / "dgs-view.png"), "PNG (*.png)")
        if path:
            self.export_png_to(Path(path))

    def export_png_to(self, path: Path) -> bool:
        from viewer.qt.chairside.handout_picture import render_picture

        view = self.window.view
        width = view.viewport().width() * 2
        picture = render_picture(self.window.scene, self.current_view(), width)
        ok = picture.save(str(path), "PNG")  # type: ignore[call-overload]  # the stub types format as bytes; PySide6 6.11 takes only str
        self.window.statusBar().showMessage(f"View saved to {path}" if ok else f"Could not write {path}")
        return ok


def default_paper() -> str:
    return "letter" if QLocale().territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada) else "a4"
