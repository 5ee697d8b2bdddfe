"""The environment of a batch (PRC-3, PRC-5): each sensor of the rooms its steps ran in, over the batch window,
with the room's limits, the steps shaded and the excursions marked. Data is loaded on the task runner."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.process_charts import EnvironmentChart, environment_chart
from app.services import Services
from domain.users import Actor
from ui.process.chart_parts import EXCURSION_BRUSH, STEP_BRUSHES, export_png, fluid_curve, limit_line
from ui.shell.task_runner import Runner, user_message
from ui.widgets.status_names import status_name


class EnvironmentChartWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environmentChart")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.status = QLabel(self.tr("No batch chosen"))
        self.status.setObjectName("environmentChartStatus")
        self.graphs = pg.GraphicsLayoutWidget()
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.graphs, 1)

    def load(self, batch_number: str) -> None:
        self.status.setText(self.tr("Loading the environment of %1 ...").replace("%1", batch_number))
        uow, actor = self.ctx.read_uow, self.actor
        self.runner.run(lambda: environment_chart(uow(), actor, batch_number), self.show_chart,
                        lambda error: self.status.setText(user_message(error)))

    def show_chart(self, data: EnvironmentChart) -> None:
        self.graphs.clear()
        self.plots.clear()
        self.curves.clear()
        if not data.series:
            self.status.setText(self.tr("Batch %1: no step has a room with sensors yet").replace(
                "%1", data.batch_number))
            return
        self.status.setText(self.tr("Environment of batch %1: steps shaded, excursions in red").replace(
            "%1", data.batch_number))
        first: pg.PlotItem | None = None
        for row, s in enumerate(data.series):
            plot = self.graphs.addPlot(row=row, col=0, axisItems={"bottom": pg.DateAxisItem()})
            plot.setLabel("left", f"{status_name(s.kind)} {s.sensor_code} ({s.unit})")
            plot.showGrid(x=True, y=True, alpha=0.2)
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            for i, (step_no, start, end) in enumerate(data.steps):
                region = pg.LinearRegionItem((start, end), movable=False, brush=STEP_BRUSHES[i % 2])
                region.setZValue(-10)
                region.setToolTip(self.tr("Step %1").replace("%1", str(step_no)))
                plot.addItem(region)
            for sensor, start, end in data.excursions:
                if sensor == s.sensor_code:
                    plot.addItem(pg.LinearRegionItem((start, end + 1), movable=False, brush=EXCURSION_BRUSH))
            limit_line(plot, s.lower, self.tr("%1 low %2").replace("%1", s.sensor_code).replace("%2", f"{s.lower:g}"))
            limit_line(plot, s.upper, self.tr("%1 high %2").replace("%1", s.sensor_code).replace("%2", f"{s.upper:g}"))
            self.curves[s.sensor_code] = fluid_curve(plot, np.asarray(s.times), np.asarray(s.values), s.sensor_code)
            self.plots[s.sensor_code] = plot

    def export_png(self, path: Path) -> Path:
        return export_png(self.graphs.ci, path)
