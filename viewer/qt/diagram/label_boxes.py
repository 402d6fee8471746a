"""Where the diagram's label words are drawn: for covering them (the label quiz) and for keeping
callouts off them (the keyboard-focus name tag)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

PAD = 4.0


def text_rect(label) -> QRectF:
    """Where the label's words are drawn, in scene (SVG) units, from the same font the SVG asks for."""
    font = QFont(label.font_family) if label.font_family else QFont()
    font.setPixelSize(max(1, round(label.font_size)))
    metrics = QFontMetricsF(font)
    rect = QRectF()
    for line in label.lines:
        width = metrics.horizontalAdvance(line.text)
        left = {"end": line.x - width, "middle": line.x - width / 2}.get(label.anchor, line.x)
        rect = rect.united(QRectF(left, line.y - metrics.ascent(), width, metrics.ascent() + metrics.descent()))
    return rect.adjusted(-PAD, -PAD, PAD, PAD)


def label_text_rects(content) -> dict[str, QRectF]:
    """Every label's words, by label id, in scene units."""
    from viewer.model.study.label_quiz import diagram_labels

    return {label.id: text_rect(label) for label in diagram_labels(content.diagram, content.regions)}
