"""A small site for the lot, batch, trace and recall screens, built through the app's use cases.

`build_site` gives master data and users; `produce_and_ship` adds the whole flow of /tmp/e2e.py (two released
material lots, a batch that used them, its finished lot released and shipped), for the trace and recall tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app import batches, lots, masterdata, mbr, shipments
from app.bootstrap import AppContext
from domain.batches import BatchStatus
from domain.items import ApprovalStatus, ItemType
from domain.quantities import Unit
from domain.users import Actor, Role
from tests.app.change_support import effective_via_change
from tests.app.signing import release_lot
from tests.ui.conftest import NEW_PASSWORD, child, click, make_user
from ui.lots.lot_list_widget import LotListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner

GTIN = "09506000134352"


@dataclass(frozen=True)
class Site:
    admin: Actor
    warehouse: Actor
    production: Actor
    qa: Actor  # QA reviewer: releases lots, approves suppliers, opens recalls
    release: Actor  # QA release: makes master batch records effective
    qc: Actor  # QC analyst: the QC review signature of a lot release (SIG-5)


@dataclass(frozen=True)
class Flow:
    resin_lot: str
    tubing_lot: str
    batch: str
    finished_lot: str
    shipment: str


def build_site(ctx: AppContext, admin: Actor) -> Site:
    people = {}
    for uid, role in (("ward", Role.WAREHOUSE), ("prod", Role.PRODUCTION), ("qa", Role.QA_REVIEWER),
                      ("rel", Role.QA_RELEASE), ("qc", Role.QC_ANALYST)):
        actor = make_user(ctx, admin, uid, frozenset({role}))
        assert actor is not None
        people[uid] = actor
    masterdata.create_item(ctx.uow(), admin, "RES-PC", "Polycarbonate resin", ItemType.RAW_MATERIAL, Unit.KG,
                           shelf_life_days=730, storage_condition="dry, 15-25 °C")
    masterdata.create_item(ctx.uow(), admin, "TUBE-1", "Tubing", ItemType.COMPONENT, Unit.M)
    masterdata.create_item(ctx.uow(), admin, "SYR-5", "Syringe 5 mL", ItemType.FINISHED_DEVICE, Unit.PCS, gtin=GTIN,
                           shelf_life_days=1095)
    masterdata.create_supplier(ctx.uow(), admin, "ACME", "Acme Polymers")
    masterdata.create_supplier(ctx.uow(), admin, "SHADY", "Shady Plastics")
    masterdata.create_customer(ctx.uow(), admin, "HOSP1", "City Hospital", country="de")
    for item in ("RES-PC", "TUBE-1"):
        masterdata.set_supplier_approval(ctx.uow(), people["qa"], item, "ACME", ApprovalStatus.APPROVED, "audit passed")
    return Site(admin, people["ward"], people["prod"], people["qa"], people["rel"], people["qc"])


@pytest.fixture(name="site")
def site_fixture(ui_ctx: AppContext, admin: Actor) -> Site:
    """The site as a fixture: a test module imports `site_fixture` (the fixture is `site`)."""
    return build_site(ui_ctx, admin)


def effective_mbr(ctx: AppContext, site: Site) -> None:
    draft = mbr.create_draft(ctx.uow(), site.production, "SYR-5", "Syringe",
                             [mbr.BomInput("RES-PC", "0.01", "5"), mbr.BomInput("TUBE-1", "0.05", "10")])
    effective_via_change(ctx, site, "mbr", "SYR-5", draft.version, password=NEW_PASSWORD)


def released_lot(ctx: AppContext, site: Site, item: str, quantity: str, unit: str, **dates: date) -> str:
    lot = lots.receive_lot(ctx.uow(), site.warehouse, lots.Receipt(item, "ACME", f"{item}-S1", quantity, unit, **dates))
    release_lot(ctx, site.qc, site.qa, lot.lot_number, NEW_PASSWORD)  # signed: QC review, QA approval
    return lot.lot_number


def produce_and_ship(ctx: AppContext, site: Site) -> Flow:
    today = date.today()
    resin = released_lot(ctx, site, "RES-PC", "25", "kg", manufactured_on=today - timedelta(days=10))
    tubing = released_lot(ctx, site, "TUBE-1", "5000", "cm", expires_on=today + timedelta(days=100))
    effective_mbr(ctx, site)
    batch = batches.plan_batch(ctx.uow(), site.production, "SYR-5", "1000").batch_number
    batches.change_batch_status(ctx.uow(), site.production, batch, BatchStatus.IN_PRODUCTION, None)
    batches.issue_material(ctx.uow(), site.production, batch, resin, "10")
    batches.issue_material(ctx.uow(), site.production, batch, tubing, "48")
    finished = batches.complete_batch(ctx.uow(), site.production, batch, "990").output_lots[0].lot_number
    release_lot(ctx, site.qc, site.qa, finished, NEW_PASSWORD)
    shipment = shipments.ship(ctx.uow(), site.warehouse, "HOSP1", None,
                              [shipments.ShipmentLineInput(finished, "500")]).shipment_number
    return Flow(resin, tubing, batch, finished, shipment)


# --- driving the screens --------------------------------------------------------------------------------
def select_row(qtbot: QtBot, parent: QWidget, table_name: str, row: int) -> None:
    table = child(parent, QTableView, table_name)
    assert isinstance(table, QTableView)
    assert 0 <= row < table.model().rowCount(), f"{table_name} has no row {row}"
    table.scrollTo(table.model().index(row, 0))
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.selectionModel().selectedRows()[0].row() == row


def column_texts(parent: QWidget, table_name: str, column: int) -> list[str]:
    table = child(parent, QTableView, table_name)
    assert isinstance(table, QTableView)
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def row_texts(parent: QWidget, table_name: str, row: int) -> list[str]:
    table = child(parent, QTableView, table_name)
    assert isinstance(table, QTableView)
    model = table.model()
    return [str(model.index(row, column).data()) for column in range(model.columnCount())]


def give_reason(qtbot: QtBot, reason: str):  # type: ignore[no-untyped-def]
    def handler(dialog: QDialog) -> None:
        assert dialog.objectName() == "reasonDialog"
        assert not child(dialog, QPushButton, "reasonOk").isEnabled(), "no change without a reason"
        qtbot.keyClicks(child(dialog, QPlainTextEdit, "reason"), reason)
        click(qtbot, dialog, "reasonOk")
    return handler


def lot_page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor, hub: ChangeHub) -> LotListWidget:
    page = LotListWidget(ctx, runner, actor, hub)
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    return page


def shown(qtbot: QtBot, widget: QWidget, width: int = 1100, height: int = 600) -> None:
    """A page as a user sees it: added to the test's widgets, sized and shown."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
