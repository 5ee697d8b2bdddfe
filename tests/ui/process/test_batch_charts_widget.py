"""The Charts tab of a batch (PRC-5): the parameter over the batch (corrections included, out of limits marked,
limits and target drawn), the control chart across batches and the environment, loaded only when the tab is
shown, and exported as PNG. The plot items' data and lines are checked, not pixels."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from app import batches, process_steps, readings
from app.bootstrap import AppContext
from domain.batches import BatchStatus
from domain.users import Actor
from tests.app.lots_support import Site, build_site
from tests.app.test_process_steps import process_site
from tests.app.test_readings import rooms
from tests.ui.layout_check import layout_problems
from tests.ui.process.test_process_charts import limit_values, regions
from ui.batches.batch_detail_widget import BatchDetailWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner

SHOTS = Path("/tmp/h11")


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor, ui_db_url: str) -> Site:
    return build_site(ui_ctx, admin, ui_db_url)


def earlier_batches(site: Site, values: list[str]) -> None:
    u = site.ctx.uow
    for value in values:
        planned = batches.plan_batch(u(), site.production, "SYR", "10")
        batches.change_batch_status(u(), site.production, planned.batch_number, BatchStatus.IN_PRODUCTION, None)
        process_steps.record_value(u(), site.production, planned.batch_number, 1, "Drying temperature", value,
                                   "DRY-1")


@pytest.mark.req("PRC-5", "PRC-4")
def test_the_charts_tab_shows_the_parameter_the_trend_and_the_environment(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, tmp_path: Path) -> None:
    rooms(site)
    batch = process_site(site)
    u = ui_ctx.uow
    state = process_steps.start_step(u(), site.production, batch, 1, "DRY-1", "CR-1")
    first = process_steps.record_value(u(), site.production, batch, 1, "Drying temperature", "126")
    process_steps.correct_value(u(), site.production, first.id, "121", "misread the display")
    start = state.steps[0].started_at
    assert start is not None
    lines = ["timestamp,sensor,value,unit\n"]
    for i in range(-30, 90):
        at = (start + timedelta(minutes=i)).isoformat()
        lines += [f"{at},T1,{26 if i in (10, 11, 12) else 21},°C\n", f"{at},H1,45,%RH\n"]
    assert len(readings.import_readings(u(), site.production, lines, "cr1.csv").excursions) == 1
    earlier_batches(site, ["120", "119.5", "120.5", "120"])

    detail = BatchDetailWidget(ui_ctx, runner, site.production, ChangeHub())
    qtbot.addWidget(detail)
    detail.resize(1280, 800)
    detail.show()
    detail.show_record(batch)
    charts = detail.charts_tab
    assert charts.process is None  # nothing loaded for a tab nobody looks at
    tabs = detail.findChild(QTabWidget, "batchTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentWidget(charts)
    assert [charts.parameter.itemText(i) for i in range(charts.parameter.count())] == [
        "Step 1: Drying temperature", "Step 1: Drying time", "Step 2: Melt temperature"]

    # the parameter over this batch: the value entered and its correction, the first out of limits
    chart = charts.batch_chart
    x, y = chart.values.getData()
    assert list(y) == [126, 121] and x[0] <= x[1]
    out_x, out_y = chart.out.getData()
    assert list(out_x) == [x[0]]
    assert list(out_y) == [126]
    assert limit_values(chart.plot) == [115, 120, 125]
    assert "1 value(s) out of limits, marked in red." in chart.status.text()

    # across batches: this batch's value in force (121) after the earlier ones, with control limits
    trend = charts.trend
    _x, values = trend.values.getData()
    assert sorted(values) == sorted([121, 120, 119.5, 120.5, 120])
    assert len(limit_values(trend.plot)) == 5  # specification limits, mean, LCL, UCL
    charts.last.setValue(3)
    charts.last.editingFinished.emit()
    assert len(trend.values.getData()[1]) == 3

    # the environment: both sensors of CR-1, the running step shaded, the excursion marked
    environment = charts.environment
    assert sorted(environment.plots) == ["H1", "T1"]
    assert limit_values(environment.plots["T1"]) == [18, 25]
    t1 = regions(environment.plots["T1"])
    assert len(t1) == 2 and t1[1][0] == pytest.approx((start + timedelta(minutes=10)).timestamp())

    charts.parameter.setCurrentIndex(1)
    charts.parameter.activated.emit(1)
    assert "No value recorded yet." in chart.status.text() and chart.values.getData()[1] is None

    for index, name in enumerate(("parameter", "trend", "environment")):
        charts.charts.setCurrentIndex(index)
        written = charts.export_to(tmp_path / f"{name}.png")
        assert QImage(str(written)).width() == 1600
    charts.parameter.setCurrentIndex(0)
    charts.parameter.activated.emit(0)
    charts.charts.setCurrentIndex(0)
    qtbot.wait(20)
    assert layout_problems(detail) == []
    SHOTS.mkdir(exist_ok=True)
    detail.grab().save(str(SHOTS / "charts_parameter.png"))
    charts.charts.setCurrentIndex(2)
    qtbot.wait(20)
    detail.grab().save(str(SHOTS / "charts_environment.png"))
    charts.charts.setCurrentIndex(1)
    qtbot.wait(200)
    detail.grab().save(str(SHOTS / "charts_trend.png"))
