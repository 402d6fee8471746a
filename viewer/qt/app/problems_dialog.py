"""Lists content problems (path:line: message) so an author can fix them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from viewer.model.content.check import check_content
from viewer.model.content.loader import Content


class ProblemsDialog(QDialog):
    def __init__(self, content: Content, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Content problems")
        problems = check_content(content)
        layout = QVBoxLayout(self)
        errors = sum(p.severity == "error" for p in problems)
        summary = QLabel(f"{errors} error(s) and {len(problems) - errors} warning(s) in {content.root}. "
                         "Errors leave something out of the app; each line names the file and line to fix."
                         if problems else f"No problems found in {content.root}.")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.text = QPlainTextEdit("\n".join(str(p) for p in problems))
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("Problems")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 420)
