"""A window of help text (keyboard shortcuts, About, the disclaimer): readable, selectable, closed with Esc."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    def __init__(self, title: str, text: str, parent: QWidget | None = None, markdown: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.text = QTextBrowser()
        self.text.setAccessibleName(title)
        self.text.setOpenExternalLinks(False)  # offline: nothing here opens the web
        if markdown:
            self.text.setMarkdown(text)
        else:
            self.text.setHtml(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 380 if markdown else 560)  # the disclaimer is short
