"""Opening a deviation by hand (DEV-1): from the deviations page, from a lot's Quality tab (linked to the lot
from the start) and from a batch's refused-issue alert (LOT-7: escalated, the alert acknowledged with its number).
An unknown lot or batch number is refused inline and nothing is stored."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from app import batches, deviations, release
from app.bootstrap import AppContext
from domain.batches import BatchStatus
from domain.errors import DomainError
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site, effective_mbr, lot_page, released_lot, select_row
from tests.ui.quality.qc_site import resin_in_testing
from tests.ui.quality.test_deviation_list_widget import deviation_page
from ui.batches.batch_list_widget import BatchListWidget
from ui.quality.open_deviation_dialog import numbers_in
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def snap(widget: object, name: str) -> None:
    out = Path("/tmp/h10")
    out.mkdir(exist_ok=True)
    widget.grab().save(str(out / name))  # type: ignore[attr-defined]


def stored_deviations(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return int(c.execute(text("SELECT count(*) FROM deviations")).scalar_one())
    finally:
        engine.dispose()


def describe(qtbot: QtBot, dialog: QDialog, title: str, what: str, grade: str) -> None:
    type_into(qtbot, dialog, "deviationTitle", title)
    child(dialog, QPlainTextEdit, "deviationDescription").setPlainText(what)  # type: ignore[attr-defined]
    combo = child(dialog, QComboBox, "deviationClassification")
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["Minor", "Major", "Critical"]
    combo.setCurrentIndex(combo.findData(grade))


def test_numbers_are_read_whatever_separates_them() -> None:
    assert numbers_in(" R1, R2;R3  R1 ,") == ["R1", "R2", "R3"]
    assert numbers_in("  ") == []


@pytest.mark.req("DEV-1")
def test_a_deviation_opened_on_the_deviations_page_checks_its_linked_numbers(
        qtbot: QtBot, ui_ctx: AppContext, ui_db_url: str, site: Site, runner: SyncTaskRunner,
        modals: ModalDriver) -> None:
    lot = resin_in_testing(ui_ctx, site)
    page = deviation_page(qtbot, ui_ctx, runner, site.qc, ChangeHub())
    assert child(page, QPushButton, "newDeviation").isVisible()

    def fill(dialog: QDialog) -> None:
        assert dialog.objectName() == "openDeviationDialog"
        describe(qtbot, dialog, "Torn bag at receipt", "One bag of 25 torn; resin spilled on the pallet.", "Major")
        type_into(qtbot, dialog, "deviationLots", f"{lot}, R-NONE")
        click(qtbot, dialog, "openDeviationOk")
        assert message_text(dialog, "openDeviationMessage") == "no lot R-NONE"
        assert stored_deviations(ui_db_url) == 0  # nothing half-written
        type_into(qtbot, dialog, "deviationLots", lot)
        type_into(qtbot, dialog, "deviationBatches", "B-NONE")
        click(qtbot, dialog, "openDeviationOk")
        assert message_text(dialog, "openDeviationMessage") == "no batch B-NONE"
        type_into(qtbot, dialog, "deviationBatches", "")
        assert layout_problems(dialog) == []
        snap(dialog, "new_deviation.png")
        click(qtbot, dialog, "openDeviationOk")

    modals.answer(fill)
    click(qtbot, page, "newDeviation")
    modals.check()
    [dev] = deviations.list_deviations(ui_ctx.read_uow(), site.qa)
    assert (dev.title, dev.classification, dev.status, dev.opened_by, dev.links) == (
        "Torn bag at receipt", "Major", "Open", site.qc.user_id, (("lot", lot),))
    assert message_text(page, "deviationListMessage") == f"Deviation {dev.number} opened."
    assert page.selected() is not None and page.selected().number == dev.number  # shown beside the list
    assert page.detail.links.records[0] == ("lot", lot)
    assert "no_open_deviation" in [r.key for r in release.evaluate_release(ui_ctx.read_uow(), site.qa, lot).rules
                                   if not r.passed]
    snap(page, "deviations_page_new.png")

    warehouse_page = deviation_page(qtbot, ui_ctx, runner, site.warehouse, ChangeHub())
    assert not child(warehouse_page, QPushButton, "newDeviation").isVisibleTo(warehouse_page)


@pytest.mark.req("DEV-1")
def test_a_deviation_opened_from_a_lots_quality_tab_is_linked_to_the_lot(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver) -> None:
    lot = resin_in_testing(ui_ctx, site)
    page = lot_page(qtbot, ui_ctx, runner, site.qc, ChangeHub())
    page.resize(1280, 800)
    page.show_record(lot)
    tabs = child(page, QTabWidget, "lotTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentIndex(1)  # Quality
    pane = page.quality_tab.pane
    assert pane.deviations.rowCount() == 0

    def fill(dialog: QDialog) -> None:
        assert child(dialog, QLineEdit, "deviationLots").text() == lot  # type: ignore[attr-defined]
        assert child(dialog, QLineEdit, "deviationBatches").text() == ""  # type: ignore[attr-defined]
        describe(qtbot, dialog, "Label smudged", "The lot label is hard to read at the scanner.", "Minor")
        click(qtbot, dialog, "openDeviationOk")

    modals.answer(fill)
    click(qtbot, pane, "qualityNewDeviation")
    modals.check()
    [dev] = deviations.deviations_touching(ui_ctx.read_uow(), site.qa, "lot", lot)
    assert message_text(pane, "qualityMessage") == f"Deviation {dev.number} opened."
    assert [pane.deviations.index(r, 0).data() for r in range(pane.deviations.rowCount())] == [dev.number]
    assert layout_problems(pane) == []
    snap(page, "lot_quality_new_deviation.png")


@pytest.mark.req("DEV-1", "LOT-7")
def test_a_refused_issue_alert_is_escalated_to_a_deviation_from_the_batch(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver) -> None:
    effective_mbr(ui_ctx, site)
    resin = released_lot(ui_ctx, site, "RES-PC", "25", "kg", manufactured_on=date.today() - timedelta(days=10))
    batch = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "1000").batch_number
    batches.change_batch_status(ui_ctx.uow(), site.production, batch, BatchStatus.IN_PRODUCTION, None)
    with pytest.raises(DomainError):
        batches.issue_material(ui_ctx.uow(), site.production, batch, resin, "20")  # above tolerance: an alert
    [alert] = batches.open_alerts(ui_ctx.read_uow(), site.qa, batch_number=batch)

    production = BatchListWidget(ui_ctx, runner, site.production, ChangeHub())
    qtbot.addWidget(production)
    assert not production.detail.escalate_button.isVisibleTo(production), "QA acknowledges alerts"

    page = BatchListWidget(ui_ctx, runner, site.qa, ChangeHub())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    select_row(qtbot, page, "batchTable", 0)
    tabs = child(page, QTabWidget, "batchTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentIndex(3)
    assert not child(page, QPushButton, "escalateAlert").isEnabled(), "select the alert first"
    select_row(qtbot, page, "alertTable", 0)

    def escalate(dialog: QDialog) -> None:
        note = child(dialog, QLabel, "openDeviationAlert").text()  # type: ignore[attr-defined]
        assert note.startswith(f"Alert {alert.id}: {alert.message}") and f"to: {batch}, {resin}\n" in note
        assert dialog.findChild(QPlainTextEdit, "deviationDescription").toPlainText() == alert.message  # type: ignore[union-attr]
        assert dialog.findChild(QLineEdit, "deviationTitle") is None  # the title comes from the alert
        combo = child(dialog, QComboBox, "deviationClassification")
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("Minor"))
        assert layout_problems(dialog) == []
        snap(dialog, "escalate_alert.png")
        click(qtbot, dialog, "openDeviationOk")

    modals.answer(escalate)
    click(qtbot, page, "escalateAlert")
    modals.check()
    [dev] = deviations.deviations_touching(ui_ctx.read_uow(), site.qa, "batch", batch)
    assert set(dev.links) == {("alert", str(alert.id)), ("batch", batch), ("lot", resin)}
    assert message_text(page, "batchDetailMessage") == (
        f"Deviation {dev.number} opened from the alert; the alert is acknowledged.")
    assert tabs.tabText(3) == "Open alerts (0)"
    assert batches.open_alerts(ui_ctx.read_uow(), site.qa, batch_number=batch) == []
    snap(page, "batch_alert_escalated.png")
