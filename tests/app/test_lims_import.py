"""LIMS import on both engines (QC-2, INT-1): all rows checked first, a dry run, all or nothing, the same file
twice stores nothing new, unknown lots and records not in testing named by line, OOS opens its deviation."""

from __future__ import annotations

import pytest

from app import quality
from app.lims_import import import_lims_results
from domain.errors import AccessDenied, Cancelled, ValidationError
from tests.app.lots_support import Site, receive, site_fixture, trail  # noqa: F401
from tests.app.test_quality import effective_res_spec, tables


def lims_csv(lot: str, mfi: str = "9.96;10.05", extra: str = "") -> bytes:
    return (f"record,test,values,unit,instrument\n{lot},VISC,{mfi},g/10min,MFI-02\n{lot},ID,合格,,FTIR-1\n"
            f"{lot},COL,Clear,,\n{extra}").encode("gb18030")


@pytest.mark.req("QC-2", "INT-1")
def test_a_dry_run_stores_nothing_then_the_import_stores_all_and_again_nothing(site: Site) -> None:
    effective_res_spec(site)
    lot = receive(site, "RES").lot_number
    u = site.ctx.uow
    with pytest.raises(AccessDenied):
        import_lims_results(u(), site.warehouse, lims_csv(lot), "lims.csv")
    dry = import_lims_results(u(), site.qc, lims_csv(lot), "lims.csv", dry_run=True)
    assert (dry.encoding, dry.format, dry.committed, dry.new) == ("GB18030", "CSV", False, 3)
    assert [(r.line, r.test_code, r.reported, r.within_spec, r.already_stored) for r in dry.rows] == [
        (2, "VISC", "10.0", True, False), (3, "ID", "Pass", True, False), (4, "COL", "Clear", True, False)]
    assert tables(site)["qc_results"] == 0
    stored = import_lims_results(u(), site.qc, lims_csv(lot), "lims.csv")
    assert stored.committed and stored.new == 3 and tables(site)["qc_results"] == 3
    view = quality.quality_of(site.ctx.read_uow(), site.qa, "lot", lot)
    assert {(r.test_code, r.reported, r.instrument, r.analyst) for r in view.results} == {
        ("VISC", "10.0", "MFI-02", site.qc.user_id), ("ID", "Pass", "FTIR-1", site.qc.user_id),
        ("COL", "Clear", "", site.qc.user_id)}
    assert all(r.source == "LIMS lims.csv line " + str(n) for r, n in zip(view.results, (2, 3, 4), strict=True))
    again = import_lims_results(u(), site.qc, lims_csv(lot), "lims.csv")
    assert again.committed and again.new == 0 and tables(site)["qc_results"] == 3  # the same file: nothing new
    imports = [e for e in trail(site, record_type="lims_import") if e.action == "IMPORT"]
    assert len(imports) == 2 and imports[0].user_id == site.qc.user_id


@pytest.mark.req("QC-2", "INT-1")
def test_one_bad_row_stores_nothing_and_every_bad_row_is_named(site: Site) -> None:
    effective_res_spec(site)
    lot = receive(site, "RES").lot_number
    other = receive(site, "TUBE", supplier_lot="T-1").lot_number  # TUBE has no spec
    second = receive(site, "RES", supplier_lot="SL-2").lot_number
    bad = (f"NOPE-1,VISC,9;9,,\n{lot},PH,7,,\n{other},VISC,9;9,,\n{lot},VISC,9;9,kg,\n{second},ID,maybe,,\n"
           f"{second},VISC,9;9,kg,\n{second},COL,Clear;Clear,,\n")
    report = import_lims_results(site.ctx.uow(), site.qc, lims_csv(lot, extra=bad).decode("gb18030").encode(),
                                 "lims.csv")
    assert not report.committed and tables(site)["qc_results"] == 0
    assert [(r.line, r.reason.split(":")[0]) for r in report.rejections] == [
        (5, "no lot or batch NOPE-1"), (6, "RES spec v1 has no test 'PH'"),
        (7, f"no specification applied to lot {other} when it entered testing"),
        (8, f"{lot} VISC again"), (9, "test ID"), (10, "test VISC"), (11, "test COL needs 1 replicate(s), 2 given")]
    assert "'maybe' is neither Pass nor Fail" in str(report.rejections[4])
    assert "unit 'kg' differs from the specification's 'g/10min'" in str(report.rejections[5])
    assert "nothing was stored" in report.summary()


@pytest.mark.req("QC-2", "DEV-1", "INT-1")
def test_an_out_of_spec_row_opens_its_deviation_and_a_changed_value_is_refused(site: Site) -> None:
    effective_res_spec(site)
    lot = receive(site, "RES").lot_number
    u = site.ctx.uow
    report = import_lims_results(u(), site.qc, lims_csv(lot, mfi="13;13.4"), "lims.csv")
    assert report.committed and len(report.deviations) == 1 and "1 out of spec" in report.summary()
    changed = import_lims_results(u(), site.qc, lims_csv(lot, mfi="10;10"), "lims-2.csv")
    assert not changed.committed
    assert [str(r) for r in changed.rejections] == [
        f"line 2: {lot} VISC already has the result 13.2 g/10min: a correction is made in BatchTrace with its "
        "reason, not by import"]
    assert tables(site)["deviations"] == 1


@pytest.mark.req("INT-1")
def test_a_cancelled_import_leaves_nothing(site: Site) -> None:
    effective_res_spec(site)
    lot = receive(site, "RES").lot_number

    class CancelAtCommit:
        def report(self, done: int, total: int | None = None, text: str = "") -> None:
            pass

        def check(self) -> None:
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        import_lims_results(site.ctx.uow(), site.qc, lims_csv(lot), "lims.csv", progress=CancelAtCommit())
    assert tables(site)["qc_results"] == 0
    with pytest.raises(ValidationError, match="the header must be"):
        import_lims_results(site.ctx.uow(), site.qc, b"lot;test;value\n", "lims.csv")
