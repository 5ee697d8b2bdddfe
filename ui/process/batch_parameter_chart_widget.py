"""A critical parameter over one batch (PRC-5): every value entered for it, corrections included, at the time it
was entered, with the record's target and limits, and the values out of limits marked in red. The values come
with the batch's process, already loaded off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.process_steps import ParameterState
from ui.process.chart_parts import MEAN_PEN, export_png, limit_line
from ui.process.value_verdict import limits_text
from ui.widgets.widget_parts import quantity_text

OUT_BRUSH = pg.mkBrush("#c62828")


class BatchParameterChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchParameterChart")
        self.status = QLabel(self.tr("No parameter chosen"))
        self.status.setObjectName("batchParameterStatus")
        self.status.setWordWrap(True)
        self.chart = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.plot = self.chart.getPlotItem()
        self.values = pg.PlotDataItem()
        self.out = pg.ScatterPlotItem()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.chart, 1)

    def show_parameter(self, batch_number: str, step_no: int, p: ParameterState) -> None:
        self.plot.clear()
        self.plot.setLabel("left", f"{p.name} ({p.unit})")
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        history = sorted(p.history, key=lambda v: v.entered_at)
        x = [v.entered_at.timestamp() for v in history]
        y = [float(v.value) for v in history]
        self.values = self.plot.plot(x, y, pen=pg.mkPen("#37474f"), symbol="o", symbolSize=8,
                                     symbolBrush="#37474f", name=p.name)
        out = [i for i, v in enumerate(history) if v.out_of_limits]
        self.out = pg.ScatterPlotItem([x[i] for i in out], [y[i] for i in out], size=12, brush=OUT_BRUSH,
                                      pen=pg.mkPen("#c62828"), symbol="o")
        self.plot.addItem(self.out)
        limit_line(self.plot, float(p.lower), self.tr("lower limit %1").replace("%1", quantity_text(p.lower)))
        limit_line(self.plot, float(p.upper), self.tr("upper limit %1").replace("%1", quantity_text(p.upper)))
        limit_line(self.plot, float(p.target), self.tr("target %1").replace("%1", quantity_text(p.target)),
                   MEAN_PEN)
        span = float(p.upper - p.lower) or 1.0
        low = min([float(p.lower), *y]) - span * 0.15
        high = max([float(p.upper), *y]) + span * 0.15
        self.plot.setYRange(low, high, padding=0)
        if x:
            self.plot.setXRange(min(x) - 600, max(x) + 600, padding=0)
        text = self.tr("%1 of step %2 in batch %3: %4").replace("%1", p.name).replace("%2", str(step_no)).replace(
            "%3", batch_number).replace("%4", limits_text(p))
        if not history:
            text += "\n" + self.tr("No value recorded yet.")
        elif out:
            text += "\n" + self.tr("%1 value(s) out of limits, marked in red.").replace("%1", str(len(out)))
        self.status.setText(text)

    def clear_chart(self, text: str) -> None:
        self.plot.clear()
        self.status.setText(text)

    def export_png(self, path: Path) -> Path:
        return export_png(self.plot, path)
