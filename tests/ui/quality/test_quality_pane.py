"""The Quality tab of a lot (QC-1..QC-3, DEV-1): the spec version that applied, the results, the deviations that
touch the lot and the release evaluation with the failed rules first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from app import batches, quality
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import child
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site, effective_mbr
from tests.ui.quality.qc_site import resin_in_testing
from ui.batches.batch_list_widget import BatchListWidget
from ui.lots.lot_list_widget import LotListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def texts(table_model: object, column: int) -> list[str]:
    model = table_model
    return [model.index(r, column).data() for r in range(model.rowCount())]  # type: ignore[attr-defined]


@pytest.mark.req("QC-1", "QC-2", "QC-3", "DEV-1")
def test_the_quality_tab_shows_spec_results_deviations_and_the_evaluation(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner) -> None:
    number = resin_in_testing(ui_ctx, site)
    oos = quality.enter_result(ui_ctx.uow(), site.qc, "lot", number, "MFI", ["13", "13.4"], instrument="MFI-02")
    quality.enter_result(ui_ctx.uow(), site.qc, "lot", number, "ID", ["Pass"])
    page = LotListWidget(ui_ctx, runner, site.qa, ChangeHub())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.show_record(number)
    tabs = child(page, QTabWidget, "lotTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentIndex(1)  # Quality
    pane = page.quality_tab.pane
    spec = child(pane, QLabel, "qualitySpec").text()  # type: ignore[attr-defined]
    assert spec.startswith("Specification RES-PC version 1 (Resin incoming)")
    assert texts(pane.results, 0) == ["MFI", "ID"] and texts(pane.results, 2) == ["OUT OF SPEC", "yes"]
    assert texts(pane.deviations, 0) == [oos.deviation]
    outcome = child(pane, QLabel, "qualityOutcome").text()  # type: ignore[attr-defined]
    assert "fail" in outcome
    assert texts(pane.rules, 0)[0] == "FAIL" and "pass" in texts(pane.rules, 0)  # failed first
    with qtbot.waitSignal(page.open_record) as opened:
        pane.deviation_table.selectRow(0)
        pane._open_deviation()
    assert opened.args == ["deviation", oos.deviation]
    assert layout_problems(pane) == []
    out = Path("/tmp/h10b")
    out.mkdir(exist_ok=True)
    page.grab().save(str(out / "quality_tab.png"))


@pytest.mark.req("QC-3")
def test_a_batch_has_its_quality_tab_among_its_tabs(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner) -> None:
    effective_mbr(ui_ctx, site)
    batch = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "100").batch_number
    page = BatchListWidget(ui_ctx, runner, site.qa, ChangeHub())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.show_record(batch)
    tabs = child(page, QTabWidget, "batchTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentIndex(tabs.count() - 1)
    assert tabs.tabText(tabs.currentIndex()) == "Quality"
    pane = page.detail.quality_tab.pane
    assert child(pane, QLabel, "qualitySpec").text() == (  # type: ignore[attr-defined]
        "Not on the QC worklist: it has not entered testing.")
    assert pane.rules.rowCount() >= 4  # the evaluation of a planned batch: its rules listed all the same
