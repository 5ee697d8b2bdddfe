"""Receiving, lot numbers and the lot workflow as use cases, on both engines (LOT-2..LOT-5)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app import batches, lots, numbering
from domain.batches import IssueRefused
from domain.errors import AccessDenied, NotFound, ReasonRequired, ValidationError
from domain.lots import LotStatus
from domain.signatures import SignaturesRequired, SigningRefused
from domain.workflow import TransitionRefused
from tests.app.lots_support import (  # noqa: F401
    Site,
    chain,
    effective_mbr,
    lot,
    plain_connection,
    receive,
    release,
    released_lot,
    running_batch,
    site_fixture,
    snapshot,
    station_days_later,
    trail,
)
from tests.app.signing import reject, sign

WRITES = ("lots", "audit_log", "number_sequences")


def day_code(on: date) -> str:
    return f"{on.year % 100:02d}{on.timetuple().tm_yday:03d}"


# --- LOT-4: a receipt creates a quarantined lot -------------------------------------------------------------


@pytest.mark.req("LOT-4", "LOT-3", "AUD-1")
def test_a_receipt_creates_a_quarantined_lot_with_everything_received(site: Site) -> None:
    today = site.today()
    made = today - timedelta(days=10)
    view = receive(site, "RES", "25", "kg", supplier_lot=" ACM   778 ", manufactured_on=made)
    assert view.lot_number == f"R{day_code(today)}-0001"  # the default rule for raw materials
    assert (view.status, view.origin, view.item_code) == ("Quarantine", "Received", "RES")
    assert (view.quantity, view.on_hand, view.unit) == (Decimal(25), Decimal(25), "kg")
    assert (view.supplier_code, view.supplier_lot) == ("ACME", "ACM 778")
    assert (view.manufactured_on, view.expires_on) == (made, made + timedelta(days=730))  # from the shelf life
    assert lot(site, view.lot_number) == view

    entry = trail(site, record_type="lot", record_id=view.lot_number)[-1]
    assert (entry.action, entry.user_id, entry.user_name) == ("CREATE", "wes", "Wes Warehouse")
    changes = entry.change_map()
    assert changes["status"] == [None, "Quarantine"]
    assert changes["supplier_lot"] == [None, "ACM 778"]
    assert changes["expires_on"] == [None, str(made + timedelta(days=730))]
    assert chain(site).intact


@pytest.mark.req("LOT-4")
def test_units_are_converted_into_the_item_unit_and_other_dimensions_refused(site: Site) -> None:
    tube = receive(site, "TUBE", "5000", "cm")
    assert (tube.quantity, tube.unit) == (Decimal(50), "m")
    assert tube.lot_number.startswith("C")  # components have their own rule
    resin = receive(site, "RES", "2500", "g")
    assert (resin.quantity, resin.unit) == (Decimal("2.5"), "kg")
    before = snapshot(site.db_url, *WRITES)
    with pytest.raises(ValidationError, match=r"unit pcs does not fit an item kept in kg \(count is not mass\)"):
        receive(site, "RES", "1", "pcs")
    with pytest.raises(ValidationError, match="unknown unit 'lb'"):
        receive(site, "RES", "1", "lb")
    with pytest.raises(ValidationError, match="quantity must be greater than zero"):
        receive(site, "RES", "0")
    assert snapshot(site.db_url, *WRITES) == before


@pytest.mark.req("LOT-4")
def test_dates_are_checked_against_the_receipt_date(site: Site) -> None:
    today = site.today()
    before = snapshot(site.db_url, *WRITES)
    with pytest.raises(ValidationError, match=f"expiry {today - timedelta(days=1)} is before the receipt date"):
        receive(site, "TUBE", "1", expires_on=today - timedelta(days=1))
    with pytest.raises(ValidationError, match="is before the receipt date"):  # 730 days of shelf life used up
        receive(site, "RES", "1", manufactured_on=today - timedelta(days=731))
    with pytest.raises(ValidationError, match="is after the receipt date"):
        receive(site, "RES", "1", manufactured_on=today + timedelta(days=1))
    with pytest.raises(ValidationError, match="RES has a shelf life: give the expiry or the manufacture date"):
        lots.receive_lot(site.ctx.uow(), site.warehouse, lots.Receipt("RES", "ACME", "SL", "1", "kg"))
    with pytest.raises(ValidationError, match="supplier's lot number is required"):
        lots.receive_lot(site.ctx.uow(), site.warehouse, lots.Receipt("TUBE", "ACME", "  ", "1", "m"))
    with pytest.raises(ValidationError, match="MIX is a intermediate: it is produced, not received"):
        lots.receive_lot(site.ctx.uow(), site.warehouse, lots.Receipt("MIX", "ACME", "X", "1", "kg"))
    assert snapshot(site.db_url, *WRITES) == before
    on_the_day = receive(site, "TUBE", "1", expires_on=today)  # usable through its expiry date
    assert on_the_day.expires_on == today


# --- LOT-2: only from approved suppliers; a refusal leaves no trace, not even a used number ---------------------


@pytest.mark.req("LOT-2", "LOT-3")
def test_receipts_from_unapproved_suppliers_are_refused_and_use_no_lot_number(site: Site) -> None:
    before = snapshot(site.db_url, *WRITES)
    refusals = [
        ("NEWCO", "supplier NEWCO is not on the approved supplier list for item RES: receipt refused"),
        ("SUSP", "supplier SUSP is suspended for item RES: receipt refused"),
        ("DISQ", "supplier DISQ is disqualified for item RES: receipt refused"),
        ("BETA", "supplier BETA is not on the approved supplier list for item RES"),  # approved for GEL only
    ]
    for supplier, message in refusals:
        with pytest.raises(ValidationError, match=message):
            receive(site, "RES", "10", supplier=supplier)
    with pytest.raises(NotFound, match="no active supplier NOBODY"):
        receive(site, "RES", "10", supplier="NOBODY")
    with pytest.raises(NotFound, match="no item NOPE"):
        lots.receive_lot(site.ctx.uow(), site.warehouse, lots.Receipt("NOPE", "ACME", "X", "1", "kg"))
    assert snapshot(site.db_url, *WRITES) == before

    accepted = receive(site, "RES", "10", supplier="ACME")
    assert accepted.lot_number.endswith("-0001")  # no refused receipt consumed a number


@pytest.mark.req("LOT-2", "ACC-4")
def test_only_the_warehouse_receives(site: Site) -> None:
    receipt = lots.Receipt("TUBE", "ACME", "T-1", "10", "m")
    for person in (site.production, site.qc, site.admin):
        with pytest.raises(AccessDenied, match="may not receive material lots"):
            lots.receive_lot(site.ctx.uow(), person, receipt)
    denied = trail(site, action="ACCESS_DENIED")
    assert [(e.user_id, e.record_id) for e in denied] == [
        ("pat", "RECEIVE_LOT"), ("cleo", "RECEIVE_LOT"), ("admin", "RECEIVE_LOT")]


@pytest.mark.req("LOT-4")
def test_the_label_printer_gets_the_received_lot(site: Site) -> None:
    printed: list[tuple[str, str]] = []

    class Printer:
        def lot_received(self, view: lots.LotView, actor: object) -> None:
            printed.append((view.lot_number, view.supplier_lot or ""))

    view = lots.receive_lot(site.ctx.uow(), site.warehouse, lots.Receipt("TUBE", "ACME", "T-9", "10", "m"),
                            labels=Printer())
    assert printed == [(view.lot_number, "T-9")]


# --- LOT-3: configurable rules, restarting per prefix ---------------------------------------------------------


@pytest.mark.req("LOT-3", "AUD-1")
def test_lot_numbers_follow_the_configured_rule_and_restart_per_item_and_day(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = numbering.set_rule(site.ctx.uow(), site.admin, "lot.RAW_MATERIAL", "{item}-{yyyy}{mm}{dd}-{seq:03}",
                              "CC-7 item codes in lot numbers")
    assert rule.example == f"ITEM-{site.today():%Y%m%d}-001"
    entry = trail(site, record_type="number_rule", record_id="lot.RAW_MATERIAL")[-1]
    assert (entry.action, entry.reason) == ("CREATE", "CC-7 item codes in lot numbers")
    assert entry.change_map()["pattern"] == [None, "{item}-{yyyy}{mm}{dd}-{seq:03}"]

    day1 = f"{site.today():%Y%m%d}"
    first = [receive(site, "RES").lot_number, receive(site, "RES").lot_number,
             receive(site, "GEL", supplier="BETA").lot_number, receive(site, "RES").lot_number]
    assert first == [f"RES-{day1}-001", f"RES-{day1}-002", f"GEL-{day1}-001", f"RES-{day1}-003"]
    assert receive(site, "TUBE").lot_number == f"C{day_code(site.today())}-0001"  # components keep their rule

    station_days_later(monkeypatch, 1)
    day2 = f"{site.today():%Y%m%d}"
    assert day2 != day1
    assert receive(site, "RES").lot_number == f"RES-{day2}-001"

    numbering.set_rule(site.ctx.uow(), site.admin, "lot.RAW_MATERIAL", "RM{yy}-{seq:05}", "CC-8 yearly")
    assert receive(site, "RES").lot_number == f"RM{site.today():%y}-00001"
    assert receive(site, "GEL", supplier="BETA").lot_number == f"RM{site.today():%y}-00002"
    change = trail(site, record_type="number_rule", record_id="lot.RAW_MATERIAL")[-1]
    assert (change.action, change.change_map()) == (
        "UPDATE", {"pattern": ["{item}-{yyyy}{mm}{dd}-{seq:03}", "RM{yy}-{seq:05}"]})

    numbers = [v.lot_number for v in lots.list_lots(site.ctx.read_uow(), site.admin)]
    assert len(numbers) == len(set(numbers)) == 8
    listed = {r.scope: r.pattern for r in numbering.list_rules(site.ctx.read_uow(), site.admin)}
    assert listed["lot.RAW_MATERIAL"] == "RM{yy}-{seq:05}"
    assert listed["batch"] == "B{yy}{mm}-{seq:04}"
    assert chain(site).intact


@pytest.mark.req("LOT-3")
def test_rules_are_changed_only_by_administrators_with_a_reason_and_a_valid_pattern(site: Site) -> None:
    before = snapshot(site.db_url, "number_rules", "audit_log")
    with pytest.raises(ReasonRequired):
        numbering.set_rule(site.ctx.uow(), site.admin, "batch", "B{seq:04}", "  ")
    with pytest.raises(NotFound, match=r"unknown number scope 'lot\.GADGET'"):
        numbering.set_rule(site.ctx.uow(), site.admin, "lot.GADGET", "G{seq}", "x")
    with pytest.raises(ValidationError, match=r"needs exactly one \{seq\}"):
        numbering.set_rule(site.ctx.uow(), site.admin, "batch", "B-{yy}", "x")
    with pytest.raises(ValidationError, match="character ' ' is not allowed"):
        numbering.set_rule(site.ctx.uow(), site.admin, "batch", "B {seq}", "x")
    # Found while testing: these were stored, then every shipment (no item) or every number (no site) failed.
    with pytest.raises(ValidationError, match=r"needs a value for \{item\}"):
        numbering.set_rule(site.ctx.uow(), site.admin, "shipment", "{item}-{seq:05}", "x")
    with pytest.raises(ValidationError, match=r"needs a value for \{site\}"):
        numbering.set_rule(site.ctx.uow(), site.admin, "lot.RAW_MATERIAL", "{site}-{seq:05}", "x")
    assert snapshot(site.db_url, "number_rules", "audit_log") == before
    with pytest.raises(AccessDenied, match="may not change number rules"):
        numbering.set_rule(site.ctx.uow(), site.qa, "batch", "B{seq:04}", "x")
    assert receive(site, "RES").lot_number.startswith("R")  # still numbering with the default rule


@pytest.mark.req("LOT-3")
def test_a_rule_that_ran_out_of_numbers_refuses_the_receipt(site: Site) -> None:
    numbering.set_rule(site.ctx.uow(), site.admin, "lot.COMPONENT", "T{yy}-{seq:01}", "tiny for the test")
    numbers = [receive(site, "TUBE").lot_number for _ in range(9)]
    assert numbers[-1] == f"T{site.today():%y}-9"
    before = snapshot(site.db_url, "lots", "audit_log")
    with pytest.raises(ValidationError, match="ran out of numbers: sequence 10 needs more than 1 digits"):
        receive(site, "TUBE")
    assert snapshot(site.db_url, "lots", "audit_log") == before


@pytest.mark.req("LOT-3")
def test_the_database_refuses_a_duplicate_lot_number(site: Site) -> None:
    view = receive(site, "RES")
    with pytest.raises(IntegrityError, match=r"(?i)unique|duplicate"), plain_connection(site.db_url) as c:
        c.execute(text(
            "INSERT INTO lots (lot_number, item_code, origin, status, quantity, on_hand, unit, created_at, version) "
            "SELECT lot_number, item_code, origin, status, quantity, on_hand, unit, created_at, 1 FROM lots "
            "WHERE lot_number = :n"), {"n": view.lot_number})


# --- LOT-5: the lot workflow through the use cases ---------------------------------------------------------------


@pytest.mark.req("LOT-5", "ACC-4", "AUD-1", "SIG-5")
def test_release_needs_signatures_of_the_right_roles_and_a_hold_a_reason(site: Site) -> None:
    view = receive(site, "RES")
    with pytest.raises(SignaturesRequired, match="releasing a lot needs signatures: QC review"):
        lots.change_lot_status(site.ctx.uow(), site.qa, view.lot_number, LotStatus.RELEASED, "looks fine")
    with pytest.raises(SigningRefused, match=r"Wes Warehouse \(wes\) does not have that role"):
        sign(site.ctx, site.warehouse, "lot", view.lot_number, LotStatus.RELEASED)
    denied = trail(site)[-1]
    assert (denied.action, denied.record_type, denied.record_id, denied.user_id) == (
        "ACCESS_DENIED", "permission", "sign lot:Quarantine->Released", "wes")
    with pytest.raises(TransitionRefused, match="a reason is required to put on hold a lot"):
        lots.change_lot_status(site.ctx.uow(), site.qa, view.lot_number, LotStatus.ON_HOLD, None)
    assert lot(site, view.lot_number).status == "Quarantine"

    released = release(site, view.lot_number)
    assert released.status == "Released"
    entry = [e for e in trail(site, record_type="lot", record_id=view.lot_number) if e.action == "UPDATE"][-1]
    assert (entry.user_id, entry.change_map()) == ("quinn", {"status": ["Quarantine", "Released"]})
    assert entry.reason is not None and entry.reason.startswith("release: all required signatures applied")
    assert lots.allowed_lot_actions(site.warehouse, LotStatus.QUARANTINE) == []
    assert set(lots.allowed_lot_actions(site.qa, LotStatus.QUARANTINE)) == {
        LotStatus.RELEASED, LotStatus.REJECTED, LotStatus.ON_HOLD}


@pytest.mark.req("LOT-5")
def test_only_declared_transitions_pass_through_the_use_case(site: Site) -> None:
    view = receive(site, "RES")
    n = view.lot_number
    path = [(LotStatus.ON_HOLD, "OOS investigation"), (LotStatus.QUARANTINE, "retest"),
            (LotStatus.RELEASED, "retest passed"), (LotStatus.ON_HOLD, "complaint"), (LotStatus.REJECTED, "confirmed")]
    for target, reason in path:
        if target is LotStatus.RELEASED:  # release and rejection are signed (SIG-5)
            assert release(site, n).status == target.value
        elif target is LotStatus.REJECTED:
            assert reject(site.ctx, site.qa, "lot", n, reason).status == target.value
        else:
            assert lots.change_lot_status(site.ctx.uow(), site.qa, n, target, reason).status == target.value
    for target in LotStatus:
        with pytest.raises(TransitionRefused):
            lots.change_lot_status(site.ctx.uow(), site.qa, n, target, "undo")
    assert lot(site, n).status == "Rejected"
    other = receive(site, "RES").lot_number
    with pytest.raises(TransitionRefused, match="Quarantine -> Expired is done by the system only, not by hand"):
        lots.change_lot_status(site.ctx.uow(), site.qa, other, LotStatus.EXPIRED, "by hand")
    release(site, other)
    with pytest.raises(TransitionRefused, match="Released -> Consumed is done by the system only, not by hand"):
        lots.change_lot_status(site.ctx.uow(), site.qa, other, LotStatus.CONSUMED, "by hand")
    assert lot(site, other).status == "Released"
    with pytest.raises(NotFound, match="no lot NOPE"):
        lots.change_lot_status(site.ctx.uow(), site.qa, "NOPE", LotStatus.RELEASED, "x")
    statuses = [e.change_map()["status"] for e in trail(site, record_type="lot", record_id=n)[1:]
                if "status" in e.change_map()]  # signing adds SIGN entries
    assert statuses == [["Quarantine", "On hold"], ["On hold", "Quarantine"], ["Quarantine", "Released"],
                        ["Released", "On hold"], ["On hold", "Rejected"]]
    assert chain(site).intact


@pytest.mark.req("LOT-5", "LOT-7")
def test_expired_lots_are_blocked_automatically_and_never_released_or_issued(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lots are received with an honest expiry of today; then the station's calendar moves on a day."""
    today = site.today()
    swept = released_lot(site, "TUBE", "50", expires_on=today).lot_number
    quarantined = receive(site, "TUBE", "50", expires_on=today).lot_number
    in_use = released_lot(site, "TUBE", "50", expires_on=today).lot_number
    fresh = released_lot(site, "TUBE", "50", expires_on=today + timedelta(days=30)).lot_number
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    batch = running_batch(site, "SYR", "1000").batch_number
    assert lots.expire_due_lots(site.ctx.uow()) == []  # nothing is expired on its expiry date

    station_days_later(monkeypatch, 1)
    # The issue check sees the expiry even before the sweep has blocked the lot.
    with pytest.raises(IssueRefused, match=f"lot {in_use} expired on {today}"):
        batches.issue_material(site.ctx.uow(), site.warehouse, batch, in_use, "10")
    # A person acting on an expired lot gets it blocked (the sweep may not have run yet).
    with pytest.raises(ValidationError, match=f"lot {quarantined} expired on {today} and is now blocked"):
        lots.change_lot_status(site.ctx.uow(), site.qa, quarantined, LotStatus.RELEASED, "CoA ok")
    assert lot(site, quarantined).status == "Expired"
    blocked = trail(site, record_type="lot", record_id=quarantined)[-1]
    assert (blocked.user_id, blocked.reason, blocked.change_map()) == (  # found while testing: was "quinn"
        "system", f"expired on {today}: blocked automatically", {"status": ["Quarantine", "Expired"]})

    assert sorted(lots.expire_due_lots(site.ctx.uow())) == sorted([swept, in_use])
    assert lots.expire_due_lots(site.ctx.uow()) == []
    assert {n: lot(site, n).status for n in (swept, quarantined, in_use, fresh)} == {
        swept: "Expired", quarantined: "Expired", in_use: "Expired", fresh: "Released"}
    entry = trail(site, record_type="lot", record_id=swept)[-1]
    assert (entry.user_id, entry.reason, entry.change_map()) == (
        "system", "past expiry date: blocked automatically", {"status": ["Released", "Expired"]})

    with pytest.raises(TransitionRefused, match=f"lot {swept} expired on {today}: it cannot be released"):
        lots.change_lot_status(site.ctx.uow(), site.qa, swept, LotStatus.RELEASED, "extend shelf life")
    with pytest.raises(IssueRefused, match=f"lot {swept} expired on {today}"):
        batches.issue_material(site.ctx.uow(), site.warehouse, batch, swept, "10")
    assert lot(site, swept).on_hand == Decimal(50)
    batches.issue_material(site.ctx.uow(), site.warehouse, batch, fresh, "10")
    assert chain(site).intact


@pytest.mark.req("LOT-4")
def test_lots_are_listed_and_searched(site: Site) -> None:
    a = receive(site, "RES", supplier_lot="ACM-778")
    b = released_lot(site, "TUBE", supplier_lot="T-1")
    listed = lots.list_lots(site.ctx.read_uow(), site.admin)
    assert [v.lot_number for v in listed] == [b.lot_number, a.lot_number]  # newest first
    assert [v.lot_number for v in lots.list_lots(site.ctx.read_uow(), site.admin, text="acm-7")] == [a.lot_number]
    assert [v.lot_number for v in lots.list_lots(site.ctx.read_uow(), site.admin,
                                                 statuses=(LotStatus.RELEASED,))] == [b.lot_number]
    assert [v.lot_number for v in lots.list_lots(site.ctx.read_uow(), site.admin, item_code="RES")] == [a.lot_number]
    assert re.fullmatch(r"R\d{5}-0001", a.lot_number)
    with pytest.raises(NotFound):
        lots.get_lot(site.ctx.read_uow(), site.admin, "NOPE")
