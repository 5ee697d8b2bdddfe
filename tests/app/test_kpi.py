"""The dashboard (app/kpi.py, KPI-1) on a small site built through the use cases, on both engines: batches by
status, release lead time from known completion times, right first time with one released batch that has a
deviation, open deviations and CAPA by age, lots near expiry and expired in stock, the trace timed on the last
released finished lot, and recalls open and closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app import batches, capa, deviations, kpi, recalls
from domain.batches import BatchStatus
from persistence import tables as t
from tests.app.genealogy import release_batch
from tests.app.lots_support import (
    Site,
    effective_mbr,
    plain_connection,
    receive,
    release,
    released_lot,
    running_batch,
    site_fixture,  # noqa: F401  (the site fixture)
)
from tests.app.signing import reject


@dataclass(frozen=True)
class KpiSite:
    released: tuple[str, str, str]  # batches released; the third has a deviation opened after its release
    rejected: str
    finished_lot: str  # the first released batch's output lot, released last
    near: str  # a received lot expiring in 10 days
    later: str  # expiring in 45 days
    deviation: str


def made_batch(site: Site, tube: str) -> str:
    number = running_batch(site, "SYR", "100").batch_number
    batches.issue_material(site.ctx.uow(), site.warehouse, number, tube, "5")
    batches.complete_batch(site.ctx.uow(), site.production, number, "100")
    return number


def backdate_completion(site: Site, hours: dict[str, float]) -> None:
    """Completion `hours` before each batch's release (the status history itself is append-only)."""
    sc, b = t.status_changes.c, t.batches.c
    with plain_connection(site.db_url) as c:
        released = dict(c.execute(select(sc.record_id, func.min(sc.at)).where(
            sc.record_type == "batch", sc.to_status == "Released").group_by(sc.record_id)).all())
        for number, before in hours.items():
            c.execute(t.batches.update().where(b.batch_number == number)
                      .values(completed_at=released[number] - timedelta(hours=before)))


@pytest.fixture
def kpi_site(site: Site) -> KpiSite:
    u, today = site.ctx.uow, site.today()
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    tube = released_lot(site, "TUBE", "6000", unit="cm", supplier_lot="T-1").lot_number
    made = [made_batch(site, tube) for _ in range(4)]
    for number in made[:3]:
        release_batch(site, number)
    batches.change_batch_status(u(), site.production, made[3], BatchStatus.QC_TESTING, None)
    batches.change_batch_status(u(), site.qc, made[3], BatchStatus.QA_REVIEW, None)
    reject(site.ctx, site.qa, "batch", made[3], "particles in the barrel")
    batches.plan_batch(u(), site.production, "SYR", "100")
    backdate_completion(site, {made[0]: 2, made[1]: 4, made[2]: 10})
    deviation = deviations.open_deviation(u(), site.production, "Complaint", "a customer found a loose cap",
                                          "Minor", [("batch", made[2])]).number
    capa.open_capa(u(), site.qa, "Cap torque", "check the capper", today + timedelta(days=60), deviation)
    finished = batches.get_batch(site.ctx.read_uow(), site.admin, made[0]).output_lots[0].lot_number
    release(site, finished)
    near = receive(site, "GEL", "10", supplier="BETA", expires_on=today + timedelta(days=10)).lot_number
    later = receive(site, "GEL", "10", supplier="BETA", expires_on=today + timedelta(days=45)).lot_number
    receive(site, "GEL", "10", supplier="BETA", expires_on=today + timedelta(days=200))
    refused = receive(site, "GEL", "10", supplier="BETA", expires_on=today + timedelta(days=5)).lot_number
    reject(site.ctx, site.qa, "lot", refused, "torn bag")  # rejected stock is not counted
    return KpiSite((made[0], made[1], made[2]), made[3], finished, near, later, deviation)


@pytest.mark.req("KPI-1")
def test_the_dashboard_counts_what_the_site_did(site: Site, kpi_site: KpiSite) -> None:
    d = kpi.dashboard(site.ctx.read_uow(), site.production)
    assert d.today == site.today() and d.window_days == 90
    assert d.batches_by_status == (("Planned", 1), ("Released", 3), ("Rejected", 1))
    assert (d.lead_time.released, d.lead_time.median_hours) == (3, pytest.approx(4.0))
    assert d.lead_time.p90_hours == pytest.approx(8.8)  # between 4 h and 10 h, 80 % of the way
    rft = d.right_first_time
    assert (rft.decided, rft.released, rft.released_clean, rft.rejected) == (4, 3, 2, 1)
    assert str(rft.percent) == "50.0"
    assert d.deviations.counts == (1, 0, 0, 0) and d.capas.counts == (1, 0, 0, 0)
    assert (d.expiry.expiring, d.expiry.expired) == (1, 0)
    assert [(lot.lot_number, lot.item_code, lot.expires_on, lot.expired) for lot in d.expiry.first] == [
        (kpi_site.near, "GEL", site.today() + timedelta(days=10), False)]
    assert d.trace is not None and d.trace.lot_number == kpi_site.finished_lot
    assert d.trace.backward_records >= 3  # the lot, its batch, the tubing lot
    assert d.trace.backward_ms > 0 and d.trace.forward_ms > 0
    assert (d.open_recalls, d.closed_recalls, d.recall_median_hours) == ((), 0, None)


@pytest.mark.req("KPI-1")
def test_ages_expiry_and_the_window_move_with_the_day(site: Site, kpi_site: KpiSite) -> None:
    today = site.today()
    d = kpi.dashboard(site.ctx.read_uow(), site.qa, today=today + timedelta(days=20), time_trace=False)
    assert d.deviations.counts == (0, 1, 0, 0) and d.capas.counts == (0, 1, 0, 0)
    assert (d.expiry.expiring, d.expiry.expired) == (1, 1)
    assert [(lot.lot_number, lot.expired) for lot in d.expiry.first] == [(kpi_site.near, True),
                                                                         (kpi_site.later, False)]
    assert d.trace is None
    d = kpi.dashboard(site.ctx.read_uow(), site.qa, today=today + timedelta(days=100), time_trace=False)
    assert d.deviations.counts == (0, 0, 0, 1) and d.capas.counts == (0, 0, 0, 1)
    assert (d.lead_time.released, d.lead_time.median_hours, d.right_first_time.decided) == (0, None, 0)
    assert d.right_first_time.percent is None
    assert d.batches_by_status == (("Planned", 1), ("Released", 3), ("Rejected", 1)), "not windowed"


@pytest.mark.req("KPI-1")
def test_open_and_closed_recalls(site: Site, kpi_site: KpiSite) -> None:
    opened = recalls.open_recall(site.ctx.uow(), site.qa, kpi_site.later, "wrong viscosity")
    d = kpi.dashboard(site.ctx.read_uow(), site.warehouse, time_trace=False)
    assert [(r.recall_number, r.trigger_lot_number, r.age_days, r.completed, r.customers)
            for r in d.open_recalls] == [(opened.recall_number, kpi_site.later, 0, 0, 0)]
    recalls.close_recall(site.ctx.uow(), site.qa, opened.recall_number, "nothing had left the warehouse")
    d = kpi.dashboard(site.ctx.read_uow(), site.warehouse, time_trace=False)
    assert (d.open_recalls, d.closed_recalls) == ((), 1)
    assert d.recall_median_hours is not None and 0 <= d.recall_median_hours < 1


@pytest.mark.req("KPI-1")
def test_every_role_reads_the_dashboard_and_nothing_is_written(site: Site) -> None:
    with plain_connection(site.db_url) as c:
        before = c.execute(select(func.max(t.audit_log.c.seq))).scalar_one()
    for actor in (site.admin, site.warehouse, site.production, site.qa, site.release, site.qc):
        d = kpi.dashboard(site.ctx.read_uow(), actor)
        assert d.batches_by_status == () and d.trace is None and d.expiry.first == ()
    with plain_connection(site.db_url) as c:
        assert c.execute(select(func.max(t.audit_log.c.seq))).scalar_one() == before
