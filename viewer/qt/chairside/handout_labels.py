"""The diagram's labels on paper: only the selected structure's and the nerve's, large enough to read.

Printed at the handout's size, the SVG's labels come out at about 5 pt, thirty of them. So the picture
is drawn with only the kept labels (their leader lines point at the structure), and their words are
written again over it at LABEL_PT on paper, on a white ground, anchored where the SVG anchors them:
a label left of the art grows to the left, one right of it to the right, so the leader still meets it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from viewer.qt.app.theme import LIGHT

LABEL_PT = 9.5      # at least 9 pt on paper, like the labels of presentation mode on a screen
NERVE = "sciatic-nerve"


def kept_label_ids(content, selected: str | None) -> set[str]:
    """The labels a handout keeps: the selected structure's and the nerve's."""
    keep: set[str] = set()
    for region_id in {selected, NERVE} - {None}:
        region = content.region(region_id)
        keep |= set(region.labels) if region else set()
    return keep


def paper_labels(content, keep: set[str], source: QRectF, width_px: int) -> list[tuple]:
    """(anchor, [(text, x, y baseline)]) in the picture's pixels, for each kept label inside ``source``."""
    from viewer.model.study.label_quiz import diagram_labels

    scale = width_px / source.width()
    labels = []
    for label in diagram_labels(content.diagram, content.regions):
        if label.id not in keep:
            continue
        lines = [(line.text, (line.x - source.left()) * scale, (line.y - source.top()) * scale) for line in label.lines]
        if any(0 <= x <= width_px and 0 <= y <= source.height() * scale for _t, x, y in lines):
            labels.append((label.anchor, lines))
    return labels


def with_labels(picture: QImage, labels: list[tuple], px_per_pt: float) -> tuple[QImage, list[QRectF]]:
    """A copy of ``picture`` with ``labels`` written at LABEL_PT on paper; also the rectangles drawn."""
    image = picture.copy()
    font = QFont(QFont().family())
    font.setPixelSize(max(1, round(LABEL_PT * px_per_pt)))
    metrics = QFontMetricsF(font)
    pad = metrics.height() * 0.15
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    drawn = []
    for anchor, lines in labels:
        # lines spaced for the larger text, around the same middle (the SVG spaces them for its small text)
        middle = sum(baseline for _t, _x, baseline in lines) / len(lines)
        step = metrics.height() + pad * 2
        lines = [(text, x, middle + (n - (len(lines) - 1) / 2) * step) for n, (text, x, _b) in enumerate(lines)]
        for text, x, baseline in lines:
            width = metrics.horizontalAdvance(text)
            left = {"end": x - width, "middle": x - width / 2}.get(anchor, x)
            left = max(0.0, min(left, image.width() - width))
            rect = QRectF(left, baseline - metrics.ascent(), width, metrics.ascent() + metrics.descent())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(LIGHT.canvas))
            painter.drawRoundedRect(rect.adjusted(-pad, -pad, pad, pad), pad, pad)
            painter.setPen(QPen(QColor(LIGHT.text)))
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            drawn.append(rect)
    painter.end()
    return image, drawn

