"""The Study menu: Find it, Name it, Label quiz, Questions, Review due cards, Teach-back and the Study panel (F9).

install() only creates actions; the Study dock and everything it needs (question banks, the
scheduler, the user's progress) are loaded the first time one is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from viewer.qt.study.modes import MODE_ACTIONS

if TYPE_CHECKING:
    from viewer.qt.app.main_window import MainWindow
    from viewer.qt.study.session import StudySession



class StudyActions(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.main_window = window
        self.teachback = window.context.teachback  # the last teach-back, in memory only (never saved)
        self._session: StudySession | None = None
        self.mode_actions = {mode: window.add_action(text, lambda _c=False, m=mode: self.start(m), "", tip)
                             for mode, (text, tip) in MODE_ACTIONS.items()}
        # checkable, but connected to triggered: only the user's choice runs the slot
        self.panel_action = window.add_action("Study &panel", self._panel_chosen, "study.panel",
                                              "Show or hide the Study panel")
        self.panel_action.setCheckable(True)
        self.handout_action = window.add_action("Teach-back result on the &handout", self._handout_chosen, "",
                                                "Put today's teach-back result on the patient handout")
        self.handout_action.setCheckable(True)
        self.handout_action.setEnabled(False)
        menu = window.study_menu
        actions = [*self.mode_actions.values(), self.handout_action, self.panel_action]
        if menu.actions():  # above what the menu holds already, with a line between
            first = menu.actions()[0]
            menu.insertActions(first, actions)
            menu.insertSeparator(first)
        else:
            menu.addActions(actions)
        menu.aboutToShow.connect(self.update_due)
        window.chairside.toolbar.addAction(self.mode_actions["teachback"])
        window.chairside.new_patient_action.triggered.connect(self.forget_teachback)

    def _panel_chosen(self) -> None:
        self.show_panel(self.panel_action.isChecked())

    def _handout_chosen(self) -> None:
        self.set_on_handout(self.handout_action.isChecked())

    def session(self) -> StudySession:
        """The Study dock and its quiz runner, built on first use."""
        if self._session is None:
            from viewer.qt.study.session import StudySession

            self._session = StudySession(self.main_window)
            self._session.dock.visibilityChanged.connect(self.panel_action.setChecked)
        return self._session

    @property
    def built(self) -> bool:
        return self._session is not None

    def start(self, mode: str) -> bool:
        return self.session().start(mode)

    def show_panel(self, visible: bool) -> None:
        session = self.session()
        if visible:
            from viewer.qt.app.dock_room import open_dock

            open_dock(self.main_window, session.dock)
            session.focus_panel()
        else:
            session.dock.close()

    def update_due(self) -> None:
        from viewer.model.study.progress import due_phrase

        context = self.main_window.context
        due, new = context.user_data.due_and_new(context.content)
        self.mode_actions["review"].setText(f"&Review due cards ({due_phrase(due, new)})")
        self.mode_actions["review"].setStatusTip(f"Today: {due} card{'s' if due != 1 else ''} due for review and "
                                                 f"{new} new card{'s' if new != 1 else ''}")

    def teachback_done(self) -> None:
        """A teach-back finished: its result may now go on the handout."""
        self.handout_action.setEnabled(self.teachback.result is not None)

    def set_on_handout(self, on: bool) -> None:
        self.handout_action.setChecked(self.teachback.set_on_handout(on))
        if self._session is not None and self._session.dock.handout_box.isChecked() != on:
            self._session.dock.handout_box.setChecked(on)

    def forget_teachback(self) -> None:
        """New patient: the last patient's teach-back goes."""
        self.teachback.forget()
        self.set_on_handout(False)
        self.handout_action.setEnabled(False)
