"""The "Charts" tab of a batch (PRC-5): a parameter over the batch with its limits and the values out of limits
marked; the same parameter across the last N batches (control chart with the Western Electric rules); the
environment of the batch's rooms over its window with the steps shaded and the excursions marked. Everything
is loaded on the task runner, and only while the tab is shown; each chart exports as PNG for documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from app import process_steps
from app.process_steps import BatchProcess, ParameterState
from domain.users import Actor
from ui.process.batch_parameter_chart_widget import BatchParameterChartWidget
from ui.process.environment_chart_widget import EnvironmentChartWidget
from ui.process.parameter_trend_widget import ParameterTrendWidget
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.widget_parts import choose_save_path, push_button

if TYPE_CHECKING:
    from app.services import Services


class BatchChartsWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchCharts")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.process: BatchProcess | None = None
        self._number: str | None = None
        self._stale = False
        self.parameter = QComboBox()
        self.parameter.setObjectName("chartParameter")
        self.parameter.setMinimumContentsLength(30)
        self.parameter.activated.connect(lambda _i: self._parameter_chosen())
        self.last = QSpinBox()
        self.last.setObjectName("trendBatches")
        self.last.setRange(2, 500)
        self.last.setValue(25)
        self.last.editingFinished.connect(self._parameter_chosen)
        self.export_button = push_button(self.tr("Export PNG..."), "exportChart", self.export)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Parameter")))
        row.addWidget(self.parameter, 1)
        row.addWidget(QLabel(self.tr("Batches in the trend")))
        row.addWidget(self.last)
        row.addWidget(self.export_button)
        self.batch_chart = BatchParameterChartWidget()
        self.trend = ParameterTrendWidget(ctx, runner, actor)
        self.environment = EnvironmentChartWidget(ctx, runner, actor)
        self.charts = QTabWidget()
        self.charts.setObjectName("chartTabs")
        self.charts.addTab(self.batch_chart, self.tr("Parameter in this batch"))
        self.charts.addTab(self.trend, self.tr("Parameter across batches"))
        self.charts.addTab(self.environment, self.tr("Environment"))
        self.message = MessageLabel(self, object_name="chartsMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.charts, 1)
        layout.addWidget(self.message)

    # --- loading: only while shown ------------------------------------------------------------------
    def show_batch(self, number: str | None) -> None:
        self._number, self._stale = number, True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        number = self._number
        self.message.clear_message()
        if number is None:
            self.process = None
            self.parameter.clear()
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: process_steps.batch_process(ctx.read_uow(), actor, number),
                        on_done=self._process_loaded, on_error=self.message.show_error)
        self.environment.load(number)

    def _process_loaded(self, process: BatchProcess) -> None:
        if process.batch_number != self._number:
            return
        kept = self.parameter.currentData()
        self.process = process
        self.parameter.clear()
        for step in process.steps:
            for p in step.parameters:
                self.parameter.addItem(self.tr("Step {n}: {parameter}").format(n=step.step_no, parameter=p.name),
                                       (step.step_no, p.name))
        index = self.parameter.findData(kept) if kept is not None else -1
        self.parameter.setCurrentIndex(max(index, 0) if self.parameter.count() else -1)
        self._parameter_chosen()

    def _chosen(self) -> tuple[int, ParameterState] | None:
        data = self.parameter.currentData()
        if self.process is None or data is None:
            return None
        step_no, name = data
        step = next(s for s in self.process.steps if s.step_no == step_no)
        return step_no, next(p for p in step.parameters if p.name == name)

    def _parameter_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is None or self.process is None:
            self.batch_chart.clear_chart(self.tr("The master batch record of this batch has no parameters."))
            return
        step_no, p = chosen
        self.batch_chart.show_parameter(self.process.batch_number, step_no, p)
        self.trend.load(self.process.batch_number, step_no, p.name, self.last.value())

    # --- export -------------------------------------------------------------------------------------
    def export(self) -> None:
        current = self.charts.currentWidget()
        path = choose_save_path(self, self.tr("Export chart"), f"{self._number or 'chart'}.png",
                                file_filter=self.tr("PNG images (*.png)"), suffix="png")
        if path is not None:
            self.export_to(path, current)

    def export_to(self, path: Path, chart: QWidget | None = None) -> Path:
        shown = chart or self.charts.currentWidget()
        assert isinstance(shown, BatchParameterChartWidget | ParameterTrendWidget | EnvironmentChartWidget)
        written = shown.export_png(path)
        self.message.show_info(self.tr("Chart saved as {path}.").format(path=str(written)))
        return written
