"""A small site for the lot, batch and trace use-case tests: people in each role, items, suppliers on the
approved list (and off it), customers; plus short-hands for the steps most tests repeat.

Test modules import the `site` fixture from here (`from tests.app.lots_support import site_fixture`), so the
other workers' tests/app/conftest.py stays theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, func, select, text

from app import audit, batches, lots, masterdata, mbr, recalls, shipments, users
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.alerts import Alert
from domain.audit import AuditEntry, ChainReport
from domain.batches import BatchStatus
from domain.items import ApprovalStatus, ItemType
from domain.quantities import Unit
from domain.users import SYSTEM_ACTOR, Actor, Role
from persistence.engine import parse_url
from tests.app.change_support import effective_via_change
from tests.app.signing import release_lot
from tests.app.support import approve_signing_roles

PASSWORD = "Site-pass-2026"
GTIN_SYR = "09506000134352"  # a valid GTIN-14 (GS1 example)


@dataclass(frozen=True)
class Site:
    ctx: AppContext
    db_url: str
    admin: Actor
    warehouse: Actor  # receives, issues, ships
    production: Actor  # master batch records, plans, starts and completes batches
    qa: Actor  # QA Reviewer: approves suppliers, releases/holds lots, recalls
    release: Actor  # QA Release: makes records effective, releases batches
    qc: Actor  # QC Analyst: completes QC testing

    def today(self) -> date:
        """The station's date as the use cases see it (the store's clock)."""
        with self.ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
            return lots.local_today(tx)


def person(ctx: AppContext, admin: Actor, user_id: str, name: str, role: Role) -> Actor:
    temporary = f"Temp-{user_id}-2026"
    users.add_user(ctx.uow(), admin, ctx.auth, user_id, name, {role}, temporary)
    approve_signing_roles(ctx, admin, user_id)  # a second administrator approves (ACC-6)
    return users.change_own_password(ctx.uow(), ctx.auth, user_id, temporary, PASSWORD)


def build_site(ctx: AppContext, admin: Actor, db_url: str) -> Site:
    site = Site(
        ctx, db_url, admin,
        warehouse=person(ctx, admin, "wes", "Wes Warehouse", Role.WAREHOUSE),
        production=person(ctx, admin, "pat", "Pat Production", Role.PRODUCTION),
        qa=person(ctx, admin, "quinn", "Quinn Reviewer", Role.QA_REVIEWER),
        release=person(ctx, admin, "rita", "Rita Release", Role.QA_RELEASE),
        qc=person(ctx, admin, "cleo", "Cleo Analyst", Role.QC_ANALYST),
    )
    u = ctx.uow
    masterdata.create_item(u(), admin, "RES", "Polycarbonate resin", ItemType.RAW_MATERIAL, Unit.KG,
                           shelf_life_days=730, storage_condition="15-25 °C")
    masterdata.create_item(u(), admin, "TUBE", "PVC tubing", ItemType.COMPONENT, Unit.M)
    masterdata.create_item(u(), admin, "GEL", "Silicone gel", ItemType.RAW_MATERIAL, Unit.KG)
    masterdata.create_item(u(), admin, "MIX", "Moulding compound", ItemType.INTERMEDIATE, Unit.KG,
                           shelf_life_days=180)
    masterdata.create_item(u(), admin, "SYR", "Syringe 5 mL", ItemType.FINISHED_DEVICE, Unit.PCS,
                           gtin=GTIN_SYR, shelf_life_days=1095)
    for code, name in [("ACME", "Acme Polymers"), ("BETA", "Beta Silicones"), ("SUSP", "Suspended Ltd"),
                       ("DISQ", "Disqualified plc"), ("NEWCO", "Not Yet Approved Inc")]:
        masterdata.create_supplier(u(), admin, code, name)
    approve = [("RES", "ACME"), ("TUBE", "ACME"), ("GEL", "BETA"), ("RES", "SUSP"), ("RES", "DISQ")]
    for item, supplier in approve:
        masterdata.set_supplier_approval(u(), site.qa, item, supplier, ApprovalStatus.APPROVED, "supplier audit")
    masterdata.set_supplier_approval(u(), site.qa, "RES", "SUSP", ApprovalStatus.SUSPENDED, "late CoAs")
    masterdata.set_supplier_approval(u(), site.qa, "RES", "DISQ", ApprovalStatus.DISQUALIFIED, "failed audit")
    masterdata.create_customer(u(), admin, "HOSP1", "City Hospital", country="de", address="1 Main St")
    masterdata.create_customer(u(), admin, "HOSP2", "County Clinic", country="fr", address="2 Side St")
    return site


@pytest.fixture(name="site")
def site_fixture(ctx: AppContext, admin: Actor, db_url: str) -> Site:
    return build_site(ctx, admin, db_url)


# --- steps ---------------------------------------------------------------------------------------------


def receive(
    site: Site, item: str = "RES", quantity: str = "100", unit: str | None = None, *, supplier: str = "ACME",
    supplier_lot: str = "SL-1", manufactured_on: date | None = None, expires_on: date | None = None,
) -> lots.LotView:
    units = {"RES": "kg", "TUBE": "m", "GEL": "kg"}
    if manufactured_on is None and expires_on is None and item == "RES":
        manufactured_on = site.today() - timedelta(days=10)
    receipt = lots.Receipt(item, supplier, supplier_lot, quantity, unit or units[item], manufactured_on, expires_on)
    return lots.receive_lot(site.ctx.uow(), site.warehouse, receipt)


def release(site: Site, lot_number: str) -> lots.LotView:
    """QC review by the QC analyst, QA approval by the QA reviewer (SIG-5): see tests/app/signing.py."""
    release_lot(site.ctx, site.qc, site.qa, lot_number, PASSWORD)
    return lot(site, lot_number)


def released_lot(site: Site, item: str = "RES", quantity: str = "100", **kw: Any) -> lots.LotView:
    return release(site, receive(site, item, quantity, **kw).lot_number)


def effective_mbr(site: Site, product: str, lines: list[tuple[str, str, str]]) -> mbr.MbrView:
    draft = mbr.create_draft(site.ctx.uow(), site.production, product, f"{product} record",
                             [mbr.BomInput(i, q, t) for i, q, t in lines])
    effective_via_change(site.ctx, site, "mbr", product, draft.version)
    return next(m for m in mbr.list_mbrs(site.ctx.uow(), site.release, product) if m.version == draft.version)


def running_batch(site: Site, product: str, quantity: str) -> batches.BatchView:
    planned = batches.plan_batch(site.ctx.uow(), site.production, product, quantity)
    return batches.change_batch_status(site.ctx.uow(), site.production, planned.batch_number,
                                       BatchStatus.IN_PRODUCTION, None)


def lot(site: Site, lot_number: str) -> lots.LotView:
    return lots.get_lot(site.ctx.read_uow(), site.admin, lot_number)


# --- reading behind the application ---------------------------------------------------------------------


def trail(site: Site, **flt: Any) -> list[AuditEntry]:
    with site.ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
        return list(tx.audit.iter_all(AuditFilter(**flt)))


def chain(site: Site) -> ChainReport:
    return audit.verify_audit(site.ctx.read_uow(), SYSTEM_ACTOR)


@dataclass(frozen=True)
class AlertRow:
    kind: str
    message: str
    batch_number: str | None
    lot_number: str | None
    raised_by: str
    status: str


def open_alerts(site: Site) -> list[AlertRow]:
    """Open alerts, newest first (read inside the transaction: ORM objects expire when it ends)."""
    with site.ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
        return [_alert_row(a) for a in tx.alerts.open()]


def _alert_row(a: Alert) -> AlertRow:
    return AlertRow(a.kind, a.message, a.batch_number, a.lot_number, a.raised_by, a.status.value)


@contextmanager
def plain_connection(db_url: str) -> Iterator[Connection]:
    """Our own connection, not the application's engine: what any SQL client could do."""
    engine = create_engine(parse_url(db_url))
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def count_rows(db_url: str, table: str) -> int:
    with plain_connection(db_url) as c:
        return int(c.execute(select(func.count()).select_from(text(table))).scalar_one())


def snapshot(db_url: str, *tables: str) -> dict[str, int]:
    return {name: count_rows(db_url, name) for name in tables}


def station_days_later(monkeypatch: pytest.MonkeyPatch, days: int) -> None:
    """Move the station's calendar `days` ahead for the lot rules (expiry). Audit times still come from the
    store's clock; only the date the rules compare expiry dates with moves, as it would overnight."""
    real = lots.local_today

    def later(tx: Any) -> date:
        return real(tx) + timedelta(days=days)

    for module in (lots, batches, shipments, recalls):
        monkeypatch.setattr(module, "local_today", later)
