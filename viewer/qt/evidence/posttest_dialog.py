"""Tools ▸ Post-test probability: choose a test, set a pre-test probability, read the
post-test probability for a positive and a negative result, as numbers and on a Fagan
nomogram. Built on first use; the menu entry is made by viewer/qt/evidence/posttest_menu.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QApplication, QBoxLayout, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QFrame, QHBoxLayout, QLabel, QScrollArea, QSlider, QVBoxLayout, QWidget)

from viewer.model.evidence.charts import proportion_text
from viewer.model.evidence.posttest import post_test, calculator_tests

CAVEAT = ("The pre-test probability is your own estimate for this patient. The result assumes the test performs "
          "as it did in the study group, for that study's target condition. Tests are not chained: a combination "
          "is offered only where the study reported it.")
SIDE_BY_SIDE_WIDTH = 1000  # from this much screen width the nomogram sits beside the words, not under them


class PostTestDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        from viewer.qt.evidence.chart_fagan import FaganNomogram  # pyqtgraph, on first use

        self.setWindowTitle("Post-test probability")
        self.setAccessibleName("Post-test probability calculator")
        self.bibliography = window.content.bibliography
        lessons = [window.content.lessons[i] for i in window.content.lesson_order()]
        self.options, left_out = calculator_tests(lessons)
        words = QVBoxLayout()
        form = QFormLayout()
        self.test_box = QComboBox()
        self.test_box.setAccessibleName("Test")
        self.test_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.test_box.setMinimumContentsLength(24)  # long test names are cut in the box, never the dialog
        for option in self.options:
            self.test_box.addItem(f"{option.label} — {option.target}" + (" (LR derived)" if option.derived else ""))
        form.addRow("&Test:", self.test_box)
        self.test_info = QLabel()
        self.test_info.setWordWrap(True)
        self.test_info.setObjectName("test-info")
        self.test_info.setAccessibleName("About the chosen test")
        form.addRow("", self.test_info)
        pre_row = QHBoxLayout()
        self.pre_slider = QSlider(Qt.Orientation.Horizontal)
        self.pre_slider.setRange(1, 99)
        self.pre_slider.setValue(30)
        self.pre_slider.setAccessibleName("Pre-test probability, percent (slider)")
        self.pre_box = QDoubleSpinBox()
        self.pre_box.setRange(0.1, 99.9)
        self.pre_box.setDecimals(1)
        self.pre_box.setSuffix(" %")
        self.pre_box.setValue(30)
        self.pre_box.setAccessibleName("Pre-test probability, percent")
        pre_row.addWidget(self.pre_slider, 1)
        pre_row.addWidget(self.pre_box)
        pre_label = QLabel("P&re-test probability:")
        pre_label.setBuddy(self.pre_box)
        form.addRow(pre_label, pre_row)
        words.addLayout(form)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName("Post-test probabilities")
        self.result_label.setStyleSheet(f"font-size: {QApplication.font().pointSizeF() * 1.5:.1f}pt;")  # follows text size
        words.addWidget(self.result_label)
        from viewer.qt.app.text_size import current_scale

        self.nomogram = FaganNomogram(current_scale())
        self.source = QLabel()
        self.source.setObjectName("source")
        self.source.setWordWrap(True)
        words.addWidget(self.source)
        caveat = QLabel(CAVEAT + (" Left out: " + "; ".join(left_out) + "." if left_out else ""))
        caveat.setWordWrap(True)
        words.addWidget(caveat)
        words.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self._lay_out(words, buttons)
        self.test_box.currentIndexChanged.connect(self.update_result)
        self.pre_slider.valueChanged.connect(lambda v: self.pre_box.setValue(v) if round(self.pre_box.value()) != v
                                             else None)
        self.pre_box.valueChanged.connect(self._pre_box_changed)
        self.update_result()

    def _lay_out(self, words: QVBoxLayout, buttons: QDialogButtonBox) -> None:
        """Fit the screen: the nomogram beside the words on a wide screen, under them on a narrow one;
        the whole body scrolls if the screen is shorter still (the Close button always shows)."""
        screen = self.screen().availableGeometry()
        side = screen.width() >= SIDE_BY_SIDE_WIDTH
        body = QWidget()
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom, body)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(words, 1 if side else 0)
        self.body.addWidget(self.nomogram.widget, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName("Post-test probability calculator")
        body.installEventFilter(self)
        self.scroll_area.setWidget(body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)
        wanted = (1060, 640) if side else (720, 900)
        self.resize(min(wanted[0], screen.width() - 40), min(wanted[1], screen.height() - 60))

    def eventFilter(self, watched, event) -> bool:
        """A scroll bar appearing narrows the body; make its layout follow (Qt can leave it wider)."""
        body = self.scroll_area.widget()
        if event.type() == QEvent.Type.Resize and body is not None and watched is body:
            layout = body.layout()
            if layout is not None and layout.geometry().width() != body.width():
                layout.invalidate()
                layout.activate()
        return False

    def _pre_box_changed(self, value: float) -> None:
        self.pre_slider.blockSignals(True)
        self.pre_slider.setValue(round(value))
        self.pre_slider.blockSignals(False)
        self.update_result()

    def current(self):
        index = self.test_box.currentIndex()
        return self.options[index] if 0 <= index < len(self.options) else None

    def update_result(self, *_args) -> None:
        option = self.current()
        if option is None:
            self.result_label.setText("No test with likelihood ratios is in the lessons.")
            return
        pre = self.pre_box.value() / 100
        positive, negative = post_test(pre, option.lr_pos), post_test(pre, option.lr_neg)
        self.result_label.setText(f"Pre-test {pre:.0%} → if <b>positive</b>: <b>{positive:.0%}</b>; "
                            f"if <b>negative</b>: <b>{negative:.0%}</b>")
        self.result_label.setAccessibleDescription(f"If positive {positive:.0%}, if negative {negative:.0%}")
        combined = " A combination reported by the source." if option.combined else ""
        self.test_info.setText(f"Target: {option.target}. Sensitivity {proportion_text(option.sens)}, specificity "
                               f"{proportion_text(option.spec)}; "
                               f"{option.ratio_text()}.{combined}" + (f" {option.note}" if option.note else ""))
        titles = [self.bibliography[k].citation(with_note=False) if k in self.bibliography else k for k in option.cite]
        self.source.setText(f"Source: {option.source}, {option.n}. " + " ".join(titles))
        self.nomogram.update(pre, option.lr_pos, option.lr_neg)
