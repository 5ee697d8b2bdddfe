"""The environment chart of a batch and the parameter trend across batches (PRC-5): plot items' data, limit
lines, step shading and excursion marks, the control limits and rule breaks, and the PNG export."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app import batches, process_steps, readings
from app.bootstrap import AppContext
from app.process_charts import EnvironmentChart, SensorSeries
from domain.batches import BatchStatus
from domain.users import Actor
from tests.app.lots_support import Site, build_site
from tests.app.test_process_steps import process_site
from tests.app.test_readings import rooms
from tests.ui.layout_check import layout_problems
from ui.process.environment_chart_widget import EnvironmentChartWidget
from ui.process.parameter_trend_widget import ParameterTrendWidget
from ui.shell.task_runner import SyncTaskRunner

SHOTS = Path("/tmp/h11")


def limit_values(plot: pg.PlotItem) -> list[float]:
    return sorted(item.value() for item in plot.items if isinstance(item, pg.InfiniteLine))


def regions(plot: pg.PlotItem) -> list[tuple[float, float]]:
    return [tuple(item.getRegion()) for item in plot.items if isinstance(item, pg.LinearRegionItem)]


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor, ui_db_url: str) -> Site:
    return build_site(ui_ctx, admin, ui_db_url)


@pytest.mark.req("PRC-5", "PRC-3")
def test_environment_chart_shows_each_sensor_with_limits_steps_and_excursions(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner) -> None:
    rooms(site)
    batch = process_site(site)
    state = process_steps.start_step(ui_ctx.uow(), site.production, batch, 1, "DRY-1", "CR-1")
    start = state.steps[0].started_at
    assert start is not None
    lines = ["timestamp,sensor,value,unit\n"]
    for i in range(-60, 60):
        at = (start + timedelta(minutes=i)).isoformat()
        lines += [f"{at},T1,{26.5 if i in (5, 6) else 21},°C\n", f"{at},H1,45,%RH\n"]
    assert len(readings.import_readings(ui_ctx.uow(), site.production, lines, "cr1.csv").excursions) == 1

    widget = EnvironmentChartWidget(ui_ctx, runner, site.production)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.load(batch)
    assert sorted(widget.plots) == ["H1", "T1"]
    x, y = widget.curves["T1"].getOriginalDataset()
    assert len(x) == 120 and max(y) == 26.5 and x[0] == pytest.approx((start - timedelta(hours=1)).timestamp())
    assert limit_values(widget.plots["T1"]) == [18, 25]
    assert limit_values(widget.plots["H1"]) == [30, 60]
    t1 = regions(widget.plots["T1"])
    assert t1[0][0] == pytest.approx(start.timestamp())  # the running step, shaded from its start
    assert t1[1] == pytest.approx(((start + timedelta(minutes=5)).timestamp(),
                                   (start + timedelta(minutes=6)).timestamp() + 1))  # the excursion
    assert len(regions(widget.plots["H1"])) == 1  # H1 has no excursion
    widget.show()
    assert layout_problems(widget) == []
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / "environment_chart.png"))
    exported = widget.export_png(SHOTS / "environment_export.png")
    assert QImage(str(exported)).width() == 1600


@pytest.mark.req("PRC-5")
def test_a_hundred_thousand_points_are_downsampled_and_clipped(qtbot: QtBot, ui_ctx: AppContext, admin: Actor,
                                                             runner: SyncTaskRunner) -> None:
    t0 = datetime(2026, 12, 1, tzinfo=UTC).timestamp()
    times = tuple(t0 + 10 * i for i in range(100_000))
    values = tuple(float(v) for v in 21 + np.sin(np.arange(100_000) / 500))
    data = EnvironmentChart("B-1", (SensorSeries("T1", "Temperature", "°C", 18, 25, times, values),),
                            ((1, t0, t0 + 500_000),), (("T1", t0 + 1000, t0 + 1200),))
    widget = EnvironmentChartWidget(ui_ctx, runner, admin)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show_chart(data)
    curve = widget.curves["T1"]
    assert len(curve.getOriginalDataset()[0]) == 100_000
    assert curve.opts["autoDownsample"] and curve.opts["clipToView"] and curve.opts["downsampleMethod"] == "peak"
    widget.show()
    qtbot.waitExposed(widget)
    widget.plots["T1"].setXRange(t0, t0 + 100_000, padding=0)  # zoomed in to a tenth: clipped to the view
    qtbot.wait(50)
    shown = curve.getData()[0]
    assert shown is not None and len(shown) < 100_000  # what is drawn is reduced to the pixels


@pytest.mark.req("PRC-5")
def test_parameter_trend_with_control_limits_and_rule_breaks(qtbot: QtBot, ui_ctx: AppContext, site: Site,
                                                           runner: SyncTaskRunner) -> None:
    last = process_site(site)
    u = ui_ctx.uow
    numbers = []
    for value in ["120", "121", "119", "120", "120.5", "119.5", "120", "124.9"]:
        planned = batches.plan_batch(u(), site.production, "SYR", "10")
        batches.change_batch_status(u(), site.production, planned.batch_number, BatchStatus.IN_PRODUCTION, None)
        process_steps.record_value(u(), site.production, planned.batch_number, 1, "Drying temperature", value,
                                   "DRY-1")
        numbers.append(planned.batch_number)
    widget = ParameterTrendWidget(ui_ctx, runner, site.production)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.load(last, 1, "Drying temperature", 25)
    x, y = widget.values.getData()
    assert list(y) == [120, 121, 119, 120, 120.5, 119.5, 120, 124.9] and list(x) == list(range(8))
    mean = sum(y) / 8
    sigma = sum(abs(b - a) for a, b in pairwise(y)) / 7 / 1.128
    assert limit_values(widget.plot) == pytest.approx(sorted([115, 125, mean, mean - 3 * sigma, mean + 3 * sigma]))
    flagged = widget.breaks.getData()
    assert list(flagged[0]) == [7] and list(flagged[1]) == [124.9]  # beyond 3 sigma: rule 1
    assert "rule 1: one point beyond 3 sigma" in widget.status.text()
    widget.show()
    assert layout_problems(widget) == []
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / "parameter_trend.png"))
    assert QImage(str(widget.export_png(SHOTS / "trend_export.png"))).width() == 1600
