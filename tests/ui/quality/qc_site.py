"""A site with a specification in effect and a lot of it in Quarantine, for the QC lab screens."""

from __future__ import annotations

from datetime import date, timedelta

from app import lots, quality
from app.bootstrap import AppContext
from domain.quality import TestInput
from tests.app.change_support import effective_via_change
from tests.ui.conftest import NEW_PASSWORD
from tests.ui.lot_site import Site

RESIN_TESTS = [
    TestInput("MFI", "Melt flow index", "ISO 1133", "Numeric", "g/10min", "8", "12", 1, replicates=2),
    TestInput("ID", "Identity (FTIR)", "SOP-QC-004", "Pass/fail"),
    TestInput("COL", "Colour", "visual", "Text", expected_text="Clear", required_for_release=False),
]


def resin_in_testing(ctx: AppContext, site: Site, supplier_lot: str = "ACM-1") -> str:
    """RES-PC spec v1 effective (once), then a lot received into Quarantine: on the QC worklist."""
    if not quality.list_specs(ctx.read_uow(), site.qa, "RES-PC"):
        quality.create_spec(ctx.uow(), site.qc, "RES-PC", "Resin incoming", RESIN_TESTS)
        effective_via_change(ctx, site, "spec", "RES-PC", 1, password=NEW_PASSWORD)
    receipt = lots.Receipt("RES-PC", "ACME", supplier_lot, "25", "kg", expires_on=date.today() + timedelta(days=300))
    return lots.receive_lot(ctx.uow(), site.warehouse, receipt).lot_number
