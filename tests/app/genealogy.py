"""A multi-level genealogy built through the use cases, for the trace and recall tests:

    R1 (RES, ACME "ACM-778") ─┐
    G1 (GEL, BETA "BG-9") ────┴─> IB (MIX batch) ─> IL (MIX lot) ─┐
    C1 (TUBE 60 m, ACME "T-1") ───────────────────────────────────┴─> FB (SYR batch) ─> F1, F2 (SYR lots)
    F1 10 + F2 5 ─> S1 (HOSP1);   F2 20 ─> S2 (HOSP2)
"""

from __future__ import annotations

from dataclasses import dataclass

from app import batches, shipments
from domain.batches import BatchStatus
from tests.app.lots_support import Site, effective_mbr, release, released_lot, running_batch
from tests.app.signing import release_batch as signed_release_batch


@dataclass(frozen=True)
class Genealogy:
    r1: str
    g1: str
    c1: str
    ib: str
    il: str
    fb: str
    f1: str
    f2: str
    s1: str
    s2: str


def build_genealogy(site: Site) -> Genealogy:
    u, wh, prod = site.ctx.uow, site.warehouse, site.production
    r1 = released_lot(site, "RES", "100", supplier_lot="ACM-778").lot_number
    g1 = released_lot(site, "GEL", "10", supplier="BETA", supplier_lot="BG-9").lot_number
    c1 = released_lot(site, "TUBE", "6000", unit="cm", supplier_lot="T-1").lot_number
    effective_mbr(site, "MIX", [("RES", "0.5", "5"), ("GEL", "0.1", "10")])
    effective_mbr(site, "SYR", [("MIX", "0.02", "5"), ("TUBE", "0.05", "10")])

    ib = running_batch(site, "MIX", "20").batch_number
    batches.issue_material(u(), wh, ib, r1, "10")
    batches.issue_material(u(), wh, ib, g1, "2")
    il = batches.complete_batch(u(), prod, ib, "20").output_lots[0].lot_number
    release(site, il)

    fb = running_batch(site, "SYR", "1000").batch_number
    batches.issue_material(u(), wh, fb, il, "20")
    batches.issue_material(u(), wh, fb, c1, "50")
    f1, f2 = (v.lot_number for v in batches.complete_batch(u(), prod, fb, "1000", ["600", "400"]).output_lots)
    release(site, f1)
    release(site, f2)
    line = shipments.ShipmentLineInput
    s1 = shipments.ship(u(), wh, "HOSP1", None, [line(f1, "10"), line(f2, "5")]).shipment_number
    s2 = shipments.ship(u(), wh, "HOSP2", None, [line(f2, "20")]).shipment_number
    return Genealogy(r1, g1, c1, ib, il, fb, f1, f2, s1, s2)


def release_batch(site: Site, batch_number: str) -> None:
    u = site.ctx.uow
    batches.change_batch_status(u(), site.production, batch_number, BatchStatus.QC_TESTING, None)
    batches.change_batch_status(u(), site.qc, batch_number, BatchStatus.QA_REVIEW, None)
    signed_release_batch(site.ctx, site.qa, site.release, batch_number)
