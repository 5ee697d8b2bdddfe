"""The QC lab as use cases on both engines: specifications, the worklist, results with corrections and review,
out of spec -> one deviation, deviations investigated and closed (QC-1, QC-2, DEV-1)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app import deviations, quality
from domain.errors import AccessDenied, NotFound, ReasonRequired, ValidationError
from domain.quality import TestInput
from tests.app.change_support import effective_via_change
from tests.app.lots_support import (  # noqa: F401
    Site,
    plain_connection,
    receive,
    site_fixture,
    snapshot,
    trail,
)
from tests.app.signing import close_deviation, review_results

RES_TESTS = [
    TestInput("VISC", "Melt flow index", "ISO 1133", "Numeric", "g/10min", "8", "12", 1, replicates=2),
    TestInput("ID", "Identity (FTIR)", "SOP-QC-004", "Pass/fail"),
    TestInput("COL", "Colour", "visual", "Text", expected_text="Clear", required_for_release=False),
]


def effective_res_spec(site: Site) -> quality.SpecView:
    quality.create_spec(site.ctx.uow(), site.qc, "RES", "Resin incoming", RES_TESTS)
    effective_via_change(site.ctx, site, "spec", "RES", 1)
    return quality.get_spec(site.ctx.read_uow(), site.qa, "RES", 1)


def tables(site: Site) -> dict[str, int]:
    return snapshot(site.db_url, "qc_results", "deviations", "deviation_links", "specifications", "spec_tests")


@pytest.mark.req("QC-1", "CHG-2")
def test_specifications_are_versioned_and_take_effect_on_approval(site: Site) -> None:
    u = site.ctx.uow
    with pytest.raises(ValidationError, match="needs at least one test"):
        quality.create_spec(u(), site.qc, "RES", "empty", [])
    with pytest.raises(ValidationError, match="lower limit 12 is above the upper limit 8"):
        quality.create_spec(u(), site.qc, "RES", "inverted", [TestInput("V", "V", "M", "Numeric", "g", "12", "8")])
    with pytest.raises(NotFound, match="no item NOPE"):
        quality.create_spec(u(), site.qc, "NOPE", "x", RES_TESTS)
    with pytest.raises(AccessDenied):
        quality.create_spec(u(), site.warehouse, "RES", "x", RES_TESTS)
    assert tables(site)["specifications"] == 0
    draft = quality.create_spec(u(), site.qc, "RES", "Resin incoming", RES_TESTS)
    assert (draft.version, draft.status, draft.tests[0].limits) == (1, "Draft", "8 – 12 g/10min")
    v1 = effective_via_change(site.ctx, site, "spec", "RES", 1).items[0]
    assert v1.status == "Effective"
    quality.create_spec(u(), site.qc, "RES", "Resin incoming, tighter", RES_TESTS[:1])
    effective_via_change(site.ctx, site, "spec", "RES", 2)
    assert [(s.version, s.status) for s in quality.list_specs(site.ctx.read_uow(), site.qa, "RES")] == [
        (1, "Superseded"), (2, "Effective")]
    assert quality.get_spec(site.ctx.read_uow(), site.qa, "RES").version == 2
    assert len(quality.get_spec(site.ctx.read_uow(), site.qa, "RES", 1).tests) == 3


@pytest.mark.req("QC-2", "DEV-1", "AUD-4", "ACC-6")
def test_results_on_the_worklist_one_out_of_spec_opens_exactly_one_deviation(site: Site) -> None:
    u = site.ctx.uow
    effective_res_spec(site)
    lot = receive(site, "RES")
    row = next(r for r in quality.worklist(site.ctx.read_uow(), site.qc) if r.record_id == lot.lot_number)
    assert (row.spec, row.tests, row.entered, row.status) == ("RES spec v1", 3, 0, "Open")

    with pytest.raises(ValidationError, match="test VISC result 'abc' is not a number"):
        quality.enter_result(u(), site.qc, "lot", lot.lot_number, "VISC", ["abc", "9"])
    with pytest.raises(ValidationError, match="unit 'kg' differs"):
        quality.enter_result(u(), site.qc, "lot", lot.lot_number, "VISC", ["9", "9"], unit="kg")
    with pytest.raises(AccessDenied):
        quality.enter_result(u(), site.warehouse, "lot", lot.lot_number, "VISC", ["9", "9"])
    assert tables(site)["qc_results"] == 0

    ok = quality.enter_result(u(), site.qc, "lot", lot.lot_number, "VISC", ["9.96", "10.05"], unit="g/10min",
                              instrument="MFI-02")
    assert (ok.reported, ok.within_spec, ok.analyst, ok.instrument, ok.deviation) == ("10.0", True, "cleo",
                                                                                     "MFI-02", None)
    oos = quality.enter_result(u(), site.qc, "lot", lot.lot_number, "ID", ["Fail"])
    assert not oos.within_spec and oos.deviation
    dev = deviations.get_deviation(site.ctx.read_uow(), site.qa, oos.deviation)
    assert (dev.status, dev.classification) == ("Open", "Major")
    assert set(dev.links) == {("lot", lot.lot_number), ("result", str(oos.id))}
    # A correction needs a reason, keeps the old value in the trail, and opens no second deviation.
    with pytest.raises(ReasonRequired, match="a correction needs a reason"):
        quality.enter_result(u(), site.qc, "lot", lot.lot_number, "ID", ["Fail"])
    again = quality.enter_result(u(), site.qc, "lot", lot.lot_number, "ID", ["fail"], reason="re-test, same")
    assert again.deviation is None and tables(site)["deviations"] == 1
    fixed = quality.enter_result(u(), site.qc, "lot", lot.lot_number, "ID", ["Pass"],
                                 reason="transcription error: the FTIR printout says conforms")
    assert fixed.within_spec and tables(site)["deviations"] == 1
    change = [e for e in trail(site, record_type="qc_result", record_id=str(oos.id)) if e.action == "UPDATE"][-1]
    assert change.reason == "transcription error: the FTIR printout says conforms"
    assert "Fail" in change.changes and "Pass" in change.changes  # old and new value both kept

    # A second person reviews (ACC-6); the record leaves the worklist once every test is reviewed.
    with pytest.raises(ValidationError, match="a second person reviews it"):
        review_results(site.ctx, site.qc, "lot", lot.lot_number)
    quality.enter_result(u(), site.qc, "lot", lot.lot_number, "COL", ["Clear"])
    reviewed = review_results(site.ctx, site.qa, "lot", lot.lot_number)
    assert {r.status for r in reviewed} == {"Reviewed"} and {r.reviewed_by for r in reviewed} == {"quinn"}
    assert not [r for r in quality.worklist(site.ctx.read_uow(), site.qc) if r.record_id == lot.lot_number]
    view = quality.quality_of(site.ctx.read_uow(), site.qa, "lot", lot.lot_number)
    assert view.spec is not None and view.spec.version == 1 and len(view.results) == 3


@pytest.mark.req("QC-2")
def test_results_only_for_a_record_in_testing_under_a_spec(site: Site) -> None:
    lot = receive(site, "RES")  # no effective spec yet: on the worklist without one
    with pytest.raises(ValidationError, match="no specification applied to lot"):
        quality.enter_result(site.ctx.uow(), site.qc, "lot", lot.lot_number, "VISC", ["9", "9"])
    with pytest.raises(NotFound, match="no lot L-NONE"):
        quality.enter_result(site.ctx.uow(), site.qc, "lot", "L-NONE", "VISC", ["9", "9"])
    with pytest.raises(ValidationError, match="not a 'shipment'"):
        quality.enter_result(site.ctx.uow(), site.qc, "shipment", "S1", "VISC", ["9", "9"])
    with plain_connection(site.db_url) as c:  # a lot that left quarantine outside the application
        c.execute(text("UPDATE lots SET status = 'Rejected' WHERE lot_number = :n"), {"n": lot.lot_number})
    with pytest.raises(ValidationError, match="is Rejected: results are entered while it is Quarantine"):
        quality.enter_result(site.ctx.uow(), site.qc, "lot", lot.lot_number, "VISC", ["9", "9"])


@pytest.mark.req("DEV-1")
def test_a_deviation_is_investigated_and_closed_by_qa(site: Site) -> None:
    u = site.ctx.uow
    lot = receive(site, "RES")
    with pytest.raises(NotFound, match="no batch B-NONE"):
        deviations.open_deviation(u(), site.qc, "Torn bag", "one bag torn", "Minor", [("batch", "B-NONE")])
    with pytest.raises(ValidationError, match="Minor, Major or Critical"):
        deviations.open_deviation(u(), site.qc, "Torn bag", "one bag torn", "Severe", [("lot", lot.lot_number)])
    with pytest.raises(AccessDenied):
        deviations.open_deviation(u(), site.warehouse, "Torn bag", "one bag torn", "Minor")
    dev = deviations.open_deviation(u(), site.qc, "Torn bag", "one bag of 25 torn at receipt", "Minor",
                                    [("lot", lot.lot_number)])
    assert dev.number.startswith("DEV") and dev.status == "Open"
    with pytest.raises(ValidationError, match="findings are recorded during its investigation"):
        deviations.record_investigation(u(), site.qc, dev.number, investigation="x")
    deviations.start_investigation(u(), site.qc, dev.number)
    deviations.record_investigation(u(), site.qc, dev.number, investigation="carrier damage",
                                    root_cause_category="Material", root_cause="pallet wrap missing")
    with pytest.raises(AccessDenied):
        close_deviation(site.ctx, site.qc, dev.number, "done")
    with pytest.raises(ValidationError, match="record the disposition first"):
        close_deviation(site.ctx, site.qa, dev.number, "done")
    deviations.record_investigation(u(), site.qa, dev.number, disposition="bag discarded, rest usable")
    closed = close_deviation(site.ctx, site.qa, dev.number, "investigation complete")
    assert (closed.status, closed.root_cause_category) == ("Closed", "Material") and closed.closed_at
    assert [d.number for d in deviations.deviations_touching(site.ctx.read_uow(), site.qa, "lot", lot.lot_number)
            ] == [dev.number]
    assert not deviations.list_deviations(site.ctx.read_uow(), site.qa, open_only=True)
    history = [e.action for e in trail(site, record_type="deviation", record_id=dev.number)]
    assert history[0] == "CREATE" and history.count("UPDATE") == 4
