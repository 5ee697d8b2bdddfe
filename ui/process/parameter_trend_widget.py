"""A critical parameter across the last batches of a product (PRC-5): the values, the record's limits, the mean
and 3-sigma control limits, and the points that break a Western Electric rule. Loaded on the task runner."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.process_charts import ParameterTrend, parameter_trend
from app.services import Services
from domain.users import Actor
from ui.process.chart_parts import CONTROL_PEN, MEAN_PEN, export_png, limit_line
from ui.shell.task_runner import Runner, user_message
from ui.widgets.status_names import stored_name


class ParameterTrendWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parameterTrend")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.status = QLabel(self.tr("No parameter chosen"))
        self.status.setObjectName("parameterTrendStatus")
        self.status.setWordWrap(True)
        self.chart = pg.PlotWidget()
        self.plot = self.chart.getPlotItem()
        self.values = pg.PlotDataItem()
        self.breaks = pg.ScatterPlotItem()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.chart, 1)

    def load(self, batch_number: str, step_no: int, parameter: str, last: int = 25) -> None:
        uow, actor = self.ctx.read_uow, self.actor
        self.runner.run(lambda: parameter_trend(uow(), actor, batch_number, step_no, parameter, last),
                        self.show_trend, lambda error: self.status.setText(user_message(error)))

    def show_trend(self, trend: ParameterTrend) -> None:
        self.plot.clear()
        self.plot.setLabel("left", f"{trend.parameter} ({trend.unit})")
        self.plot.showGrid(x=False, y=True, alpha=0.2)
        x = list(range(len(trend.values)))
        self.values = self.plot.plot(x, list(trend.values), pen=pg.mkPen("#37474f"), symbol="o", symbolSize=6,
                                     symbolBrush="#37474f", name=trend.parameter)
        limit_line(self.plot, trend.lower, self.tr("lower limit %1").replace("%1", f"{trend.lower:g}"))
        limit_line(self.plot, trend.upper, self.tr("upper limit %1").replace("%1", f"{trend.upper:g}"))
        if trend.control is not None:
            c = trend.control
            limit_line(self.plot, c.mean, self.tr("mean %1").replace("%1", f"{c.mean:.4g}"), MEAN_PEN)
            limit_line(self.plot, c.lower, self.tr("LCL %1").replace("%1", f"{c.lower:.4g}"), CONTROL_PEN)
            limit_line(self.plot, c.upper, self.tr("UCL %1").replace("%1", f"{c.upper:.4g}"), CONTROL_PEN)
        flagged = sorted({b.index for b in trend.breaks})
        self.breaks = pg.ScatterPlotItem([x[i] for i in flagged], [trend.values[i] for i in flagged], size=12,
                                         pen=pg.mkPen("#c62828", width=2), brush=None, symbol="o")
        self.plot.addItem(self.breaks)
        ticks = [(i, n) for i, n in enumerate(trend.batches)]
        step = max(1, len(ticks) // 10)
        self.plot.getAxis("bottom").setTicks([ticks[::step]])
        self.plot.setXRange(-0.5, len(x) - 0.5, padding=0)  # room for the first and last batch number
        rules = sorted({self.tr("rule %1: %2").replace("%1", str(b.rule)).replace(
            "%2", stored_name("ControlRule", b.text)) for b in trend.breaks})
        text = self.tr("%1 of step %2 over the last %3 batches of %4").replace("%1", trend.parameter).replace(
            "%2", str(trend.step_no)).replace("%3", str(len(trend.values))).replace("%4", trend.product_code)
        self.status.setText(text + ("\n" + "; ".join(rules) if rules else ""))

    def export_png(self, path: Path) -> Path:
        return export_png(self.plot, path)
