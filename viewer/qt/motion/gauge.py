"""A small gauge: the model's IFS and QFS against the published control and patient bands."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.model.motion.comparison import SINGER, TOSUN_NORMAL_ABOVE
from viewer.model.motion.spoken import SPACES, Spoken
from viewer.qt.app.theme import THEME

SCALE_MM = 60.0


class SpaceGauge(QWidget):
    """Two scales (IFS, QFS), 0-60 mm: green band = control mean ± SD, red = patients' (Singer 2015),
    a tick at the Tosun normal threshold, and a marker at the model's value."""

    def __init__(self, spoken: Spoken, parent=None):
        super().__init__(parent)
        self.spoken = spoken
        self.values = {"ifs": 0.0, "qfs": 0.0}
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Gauge: ischiofemoral and quadratus femoris space against published values")

    def set_values(self, ifs_mm: float, qfs_mm: float) -> None:
        self.values = {"ifs": ifs_mm, "qfs": qfs_mm}
        self.update()

    def in_words(self) -> str:
        """The two rows as a screen reader hears them (the panel sets them as the description once a pose settles)."""
        return "In the model: " + "; ".join(self.row_in_words(key) for key in SPACES) + "."

    def row_in_words(self, key: str) -> str:
        return self.spoken.space_in_words(key, self.values[key], tick=True)

    def row_rect(self, key: str) -> QRectF:
        """Where a row (label, scale, bands and marker) is drawn, in the gauge's pixels."""
        row_h = (self.height() - self.fontMetrics().height()) / 2
        return QRectF(0, SPACES.index(key) * row_h + 4, self.width(), row_h)

    def sizeHint(self):
        size = super().sizeHint()
        size.setHeight(max(96, self.fontMetrics().height() * 6))
        return size

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        label_w = metrics.horizontalAdvance("QFS 00 mm ") + 6
        row_h = (self.height() - metrics.height()) / 2
        left, right = label_w, self.width() - 8

        def to_x(mm: float) -> float:
            return left + (right - left) * min(max(mm, 0.0), SCALE_MM) / SCALE_MM

        ink = QColor(THEME.window_text)
        for row, (key, name) in enumerate((("ifs", "IFS"), ("qfs", "QFS"))):
            top = row * row_h + 4
            mid = top + row_h * 0.45
            painter.setPen(ink)
            painter.drawText(QRectF(0, top, label_w, row_h * 0.9), Qt.AlignmentFlag.AlignVCenter,
                             f"{name} {self.values[key]:.0f} mm")
            painter.setPen(QPen(ink, 1))
            painter.drawLine(QPointF(left, mid), QPointF(right, mid))
            band_h = row_h * 0.22
            for group, colour, offset in (("control", THEME.gauge_control, -band_h), ("patient", THEME.gauge_patient, 0)):
                mean, sd = SINGER[key][group]
                painter.fillRect(QRectF(to_x(mean - sd), mid + offset, to_x(mean + sd) - to_x(mean - sd), band_h),
                                 QColor(colour))
                painter.fillRect(QRectF(to_x(mean) - 1, mid + offset, 2, band_h), ink)
            tick = to_x(TOSUN_NORMAL_ABOVE[key])
            painter.setPen(QPen(ink, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(tick, mid - band_h * 1.4), QPointF(tick, mid + band_h * 1.4))
            marker = to_x(self.values[key])
            painter.setPen(QPen(QColor(THEME.gauge_marker), 3))
            painter.drawLine(QPointF(marker, mid - band_h * 1.8), QPointF(marker, mid + band_h * 1.8))
        painter.setPen(ink)
        small = QFont(self.font())
        painter.setFont(small)
        y = self.height() - metrics.height()
        for mm in (0, 15, 30, 45, 60):
            painter.drawText(QRectF(to_x(mm) - 20, y, 40, metrics.height()), Qt.AlignmentFlag.AlignCenter, f"{mm}")
        painter.end()
