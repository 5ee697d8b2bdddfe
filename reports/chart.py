"""A trend chart (`domain.documents.Chart`) as PNG, drawn with QtGui's QPainter on a QImage: the value line,
the lower and upper limits dashed in red, points outside the limits marked, time and value axes labelled.
The same PNG goes into the DOCX and the PDF."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from domain.documents import Chart

WIDTH, HEIGHT = 1600, 560  # pixels at 254 dpi: 160 x 56 mm


def chart_png(chart: Chart, font_families: list[str]) -> bytes:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(10000)
    image.setDotsPerMeterY(10000)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw(painter, chart, font_families)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, the binding a str
    buffer.close()
    return bytes(data.data())


def _draw(painter: QPainter, chart: Chart, families: list[str]) -> None:
    font = QFont()
    font.setFamilies(families)
    font.setPixelSize(26)
    painter.setFont(font)
    plot = QRectF(150, 60, WIDTH - 190, HEIGHT - 140)
    painter.setPen(QColor("#1f3a5f"))
    painter.drawText(QRectF(0, 8, WIDTH, 44), int(Qt.AlignmentFlag.AlignCenter), f"{chart.title} [{chart.unit}]")
    values = [v for _, v in chart.points]
    bounds = [*values, *(b for b in (chart.lower, chart.upper) if b is not None)]
    low, high = min(bounds), max(bounds)
    pad = (high - low) * 0.1 or 1.0
    low, high = low - pad, high + pad
    start, end = chart.points[0][0], chart.points[-1][0]
    span = (end - start).total_seconds() or 1.0

    def at(when: object, value: float) -> QPointF:
        seconds = (when - start).total_seconds()  # type: ignore[operator]
        return QPointF(plot.left() + plot.width() * seconds / span,
                       plot.bottom() - plot.height() * (value - low) / (high - low))

    painter.setPen(QPen(QColor("#8a96a3"), 2))
    painter.drawRect(plot)
    for bound in (chart.lower, chart.upper):
        if bound is not None:
            painter.setPen(QPen(QColor("#c62828"), 3, Qt.PenStyle.DashLine))
            y = at(start, bound).y()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(QRectF(0, y - 16, plot.left() - 10, 32),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{bound:g}")
    path = QPainterPath(at(*chart.points[0]))
    for when, value in chart.points[1:]:
        path.lineTo(at(when, value))
    painter.setPen(QPen(QColor("#1565c0"), 3))
    painter.drawPath(path)
    painter.setPen(QPen(QColor("#c62828"), 3))
    for when, value in chart.points:
        if (chart.lower is not None and value < chart.lower) or (chart.upper is not None and value > chart.upper):
            painter.drawEllipse(at(when, value), 6, 6)
    painter.setPen(QColor("#44505c"))
    first, last = start.astimezone(), end.astimezone()
    bottom = QRectF(plot.left(), plot.bottom() + 8, plot.width(), 40)
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft), f"{first:%Y-%m-%d %H:%M %Z}")
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight), f"{last:%Y-%m-%d %H:%M %Z}")
    painter.drawText(QRectF(plot.left(), plot.bottom() + 44, plot.width(), 36), int(Qt.AlignmentFlag.AlignCenter),
                     f"n = {len(values)}, min {min(values):g}, max {max(values):g}")
