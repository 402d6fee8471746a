"""The Study dock's widgets: a start page (modes and options), the question page and the results page.

Only layout lives here; study_session.py runs the quiz and fills these widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDockWidget, QFormLayout, QHBoxLayout,
                               QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from viewer.model.content.questions import MAX_CHOICES, TOPICS
from viewer.qt.app.key_sequences import pressed
from viewer.qt.app.theme import answer_styles
from viewer.qt.study.modes import MODE_ACTIONS
from viewer.qt.study.widgets import Pages, WrapButton, wrapped_label as _label

# mode: (button text, what it does): the Study menu's entries, without their mnemonics
MODES = {mode: (text.replace("&", ""), tip) for mode, (text, tip) in MODE_ACTIONS.items()}
PAGE_START, PAGE_QUIZ, PAGE_RESULTS = range(3)
CHOICE_STATES = {"": "", **answer_styles()}  # after answering: never colour alone, a tick or a cross too


def _button(text: str, name: str = "", description: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name or text.replace("&", ""))
    if description:
        button.setAccessibleDescription(description)
        button.setToolTip(description)
    return button


class StudyDock(QDockWidget):
    modeChosen = Signal(str)
    stopRequested = Signal()
    closed = Signal()

    def __init__(self, window):
        super().__init__("Study", window)
        self.setObjectName("study-dock")
        self.setAccessibleName("Study")
        self.pages = Pages()
        self.pages.addWidget(self._start_page())
        self.pages.addWidget(self._quiz_page())
        self.pages.addWidget(self._results_page())
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # everything wraps instead
        scroll.setAccessibleName("Study panel")
        scroll.setWidget(self.pages)
        scroll.setMinimumWidth(300)
        self.setWidget(scroll)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)

    # ----- start -------------------------------------------------------------------------------------
    def _start_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.due_label = _label("", "Cards to study today", size=1.25, bold=True)
        layout.addWidget(self.due_label)
        self.mode_buttons: dict[str, QPushButton] = {}
        self.mode_notes: dict[str, object] = {}
        for mode, (text, description) in MODES.items():
            button = _button(text, text, description)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _c=False, m=mode: self.modeChosen.emit(m))
            layout.addWidget(button)
            note = _label(description, f"What {text} does")
            note.setContentsMargins(4, 0, 0, 6)
            layout.addWidget(note)
            self.mode_buttons[mode] = button
            self.mode_notes[mode] = note
        options = QFormLayout()
        self.size_box = QComboBox()
        for count in (5, 10, 20, 50):
            self.size_box.addItem(f"{count} cards", count)
        self.size_box.setCurrentIndex(1)
        self.size_box.setAccessibleName("Cards per session")
        self.topic_box = QComboBox()
        self.topic_box.addItem("All topics", None)
        for topic in TOPICS:
            self.topic_box.addItem(topic.replace("-", " ").capitalize(), topic)
        self.topic_box.setAccessibleName("Topic of the questions")
        self.hide_all = QCheckBox("Hide all labels")
        self.hide_all.setChecked(True)
        self.hide_all.setAccessibleName("Hide all labels")
        self.hide_all.setAccessibleDescription("Image occlusion: only the labels of what you have answered are shown")
        options.addRow("Session:", self.size_box)
        options.addRow("Questions on:", self.topic_box)
        options.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(options)
        layout.addWidget(self.hide_all)
        layout.addWidget(_label("In Find it and Name it, each label shows once its structure has been asked.",
                                "About hiding labels"))
        self.start_note = _label("", "Note")
        layout.addWidget(self.start_note)
        layout.addStretch(1)
        return page

    def session_size(self) -> int:
        return int(self.size_box.currentData())

    def topic(self) -> str | None:
        return self.topic_box.currentData()

    # ----- question ----------------------------------------------------------------------------------
    def _quiz_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.status = _label("", "Progress")
        layout.addWidget(self.status)
        self.prompt = _label("", "Question", size=1.35, bold=True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.prompt)
        self.hint = _label("", "How to answer")
        layout.addWidget(self.hint)
        self.choice_buttons: list[WrapButton] = []
        for number in range(1, MAX_CHOICES + 1):
            button = WrapButton()
            button.setAccessibleName(f"Choice {number}")
            button.setMinimumHeight(34)
            layout.addWidget(button)
            self.choice_buttons.append(button)
        row = QHBoxLayout()
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText("Type the name and press Enter")
        self.name_field.setAccessibleName("Type the name")
        self.check_button = _button("Check", "Check the typed name")
        row.addWidget(self.name_field, 1)
        row.addWidget(self.check_button)
        self.name_row = QWidget()
        self.name_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_row)
        self.show_button = _button("Show answer", "Show the answer", "Counts as not known; the card comes back sooner")
        layout.addWidget(self.show_button)
        self.feedback = _label("", "Feedback", rich=True)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.feedback.setOpenExternalLinks(False)
        layout.addWidget(self.feedback)
        buttons = QHBoxLayout()
        self.next_button = _button("Next", "Next question", "Go on to the next question (N)")
        self.next_button.setAutoDefault(True)
        self.stop_button = _button("Stop", "Stop the quiz", "End the quiz and go back to the lessons (Esc)")
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.stop_button.clicked.connect(self.stopRequested)
        return page

    def show_choices(self, choices: list[str]) -> None:
        for number, button in enumerate(self.choice_buttons):
            if number < len(choices):
                button.setText(f"{number + 1}.  {choices[number]}")
                button.setAccessibleName(f"Choice {number + 1}: {choices[number]}")
                button.setStyleSheet("")
                button.show()
            else:
                button.hide()

    def mark_choice(self, number: int, state: str, text: str) -> None:
        button = self.choice_buttons[number]
        button.setText(text)
        button.setStyleSheet(CHOICE_STATES[state])
        button.setAccessibleName(f"Choice {text}" + {"right": ", the right answer", "wrong": ", your answer"}.get(state, ""))

    def set_large(self, large: bool) -> None:
        """Bigger text for a patient reading at arm's length (teach-back)."""
        size = QApplication.font().pointSizeF() * 1.5  # half as large again as the text size in use
        self.pages.setStyleSheet(f"QLabel, QPushButton, QCheckBox {{ font-size: {size:.1f}pt; }}" if large else "")
        for button in self.choice_buttons:  # the text inside a wrapping button is a label of its own
            button.updateGeometry()

    # ----- results -----------------------------------------------------------------------------------
    def _results_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.score = _label("", "Score", size=1.35, bold=True)
        layout.addWidget(self.score)
        self.summary = _label("", "What to go over again", rich=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.handout_box = QCheckBox("Put this on today's handout")
        self.handout_box.setAccessibleName("Put the teach-back result on today's handout")
        layout.addWidget(self.handout_box)
        buttons = QHBoxLayout()
        self.again_button = _button("Again", "Study again", "Start another session of the same kind")
        self.again_button.setAutoDefault(True)
        self.done_button = _button("Done", "Back to the study menu")
        self.done_button.setAutoDefault(True)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)   # under the buttons: a long list never pushes them out of sight
        layout.addStretch(1)
        return page

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:
        if pressed(event, "study.stop") and self.pages.currentIndex() == PAGE_QUIZ:
            self.stopRequested.emit()
        else:
            super().keyPressEvent(event)
