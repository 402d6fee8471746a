"""The axial view for the handout: the picture at print resolution with a caption naming the pose,
the model's numbers, and that it is a model; and how it sits beside the posterior diagram."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from viewer.model.motion.pose import describe
from viewer.qt.app.theme import PAPER, PRINTED

CAPTION_LINES = 3


def captioned_axial(panel, height_px: int) -> QImage:
    view = panel.view
    box = view.view_box()
    caption_h = round(height_px * 0.22)
    picture_h = height_px - caption_h
    width_px = max(1, round(picture_h * box.width() / box.height()))
    picture = view.render_image(width_px)
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.fill(QColor(PAPER))
    image.setDotsPerMeterX(picture.dotsPerMeterX())
    image.setDotsPerMeterY(picture.dotsPerMeterY())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.drawImage(0, 0, picture)
    m = view.measures
    font = QFont()
    font.setPixelSize(max(8, caption_h // (2 * CAPTION_LINES + 2)))  # room for each line to wrap once
    painter.setFont(font)
    painter.setPen(QColor(PRINTED.ink))  # the handout is printed on white paper
    gap = "the bones touch" if m.ifs.contact else f"{m.ifs.mm:.0f} mm"
    lines = [f"Hip position: {describe(panel.pose)}.",
             f"Gap between sitting bone and thigh bone (IFS): {gap}; QFS {m.qfs.mm:.0f} mm.",
             f"{panel.words.model_label}: a drawing, not your scan."]
    painter.drawText(QRectF(width_px * 0.03, picture_h, width_px * 0.94, caption_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                     "\n".join(lines))
    painter.end()
    return image
