"""The rules of items, receipts, lots, master batch records, batches, shipments and recalls, without a
database (LOT-1, LOT-2, LOT-4, LOT-6, LOT-7, LOT-9, TRC-4)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.batches import Batch, BatchStatus, IssueRefused
from domain.errors import AccessDenied, ValidationError
from domain.gtin import gtin_check_digit, is_valid_gtin, normalise_gtin14
from domain.items import ApprovalStatus, Customer, Item, ItemType, Supplier, SupplierApproval, validate_code
from domain.lots import Lot, LotOrigin, LotStatus, check_receipt
from domain.mbr import MasterBatchRecord, MbrStatus
from domain.quantities import Unit, convert, fmt, parse_percentage, parse_quantity
from domain.recall import NotificationStatus, Recall, RecallCustomer
from domain.shipments import Shipment
from domain.users import Actor, Role, UserId
from domain.workflow import TransitionRefused

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
PRODUCTION = Actor(UserId("pat"), "Pat Production", frozenset({Role.PRODUCTION}))
D = Decimal


def resin(**kw: object) -> Item:
    return Item("RES", "Resin", ItemType.RAW_MATERIAL, Unit.KG, **kw)  # type: ignore[arg-type]


def syringe() -> Item:
    return Item("SYR", "Syringe", ItemType.FINISHED_DEVICE, Unit.PCS, gtin="09506000134352", shelf_life_days=1095)


def approved(item: str = "RES", supplier: str = "ACME") -> SupplierApproval:
    return SupplierApproval(item, supplier, NOW)


# --- LOT-1: items and GTINs ----------------------------------------------------------------------------


@pytest.mark.req("LOT-1")
@pytest.mark.parametrize(
    ("gtin", "as14"),
    [
        ("96385074", "00000096385074"),  # GTIN-8
        ("036000291452", "00036000291452"),  # GTIN-12 (UPC-A)
        ("4006381333931", "04006381333931"),  # GTIN-13 (EAN-13)
        ("09506000134352", "09506000134352"),  # GTIN-14
        (" 4006381333931 ", "04006381333931"),
    ],
)
def test_valid_gtins_are_normalised_to_14_digits(gtin: str, as14: str) -> None:
    assert normalise_gtin14(gtin) == as14
    assert is_valid_gtin(gtin.strip())


@pytest.mark.req("LOT-1")
@pytest.mark.parametrize(
    ("gtin", "message"),
    [
        ("4006381333932", "GTIN '4006381333932' has check digit 2, expected 1"),
        ("09506000134353", "GTIN '09506000134353' has check digit 3, expected 2"),
        ("96385075", "has check digit 5, expected 4"),
        ("123456789", "has 9 digits: a GTIN has 8, 12, 13 or 14"),
        ("40063813339311", "has check digit 1, expected"),
        ("4006-381333931", "must contain digits only"),
        ("", "must contain digits only"),
    ],
)
def test_bad_gtins_are_refused_naming_the_expected_check_digit(gtin: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        normalise_gtin14(gtin)
    assert not is_valid_gtin(gtin)


@pytest.mark.req("LOT-1")
@settings(deadline=None)  # no time limit: a busy shared machine is not a failure
@given(st.text(alphabet="0123456789", min_size=7, max_size=13).filter(lambda b: len(b) + 1 in (8, 12, 13, 14)))
def test_the_computed_check_digit_is_the_only_one_accepted(body: str) -> None:
    right = gtin_check_digit(body)
    assert normalise_gtin14(f"{body}{right}") == f"{body}{right}".zfill(14)
    for wrong in set(range(10)) - {right}:
        with pytest.raises(ValidationError, match=f"expected {right}"):
            normalise_gtin14(f"{body}{wrong}")


@pytest.mark.req("LOT-1")
def test_items_carry_unit_shelf_life_storage_and_a_gtin_for_devices() -> None:
    item = Item(" syr-5 ", "  Syringe   5 mL ", ItemType.FINISHED_DEVICE, Unit.PCS, shelf_life_days=1095,
                storage_condition=" 2-8  °C ", gtin="9506000134352")
    assert (item.code, item.name, item.gtin, item.storage_condition) == (
        "SYR-5", "Syringe 5 mL", "09506000134352", "2-8 °C")
    with pytest.raises(ValidationError, match="finished device SYR needs a GTIN"):
        Item("SYR", "Syringe", ItemType.FINISHED_DEVICE, Unit.PCS)
    with pytest.raises(ValidationError, match="finished device SYR needs a GTIN"):
        syringe().edit(name="Syringe", unit=Unit.PCS, shelf_life_days=None, storage_condition="", gtin=" ")
    with pytest.raises(ValidationError, match="expected 1"):
        Item("RES", "Resin", ItemType.RAW_MATERIAL, Unit.KG, gtin="4006381333932")
    with pytest.raises(ValidationError, match="shelf life must be between 1 and 36500 days"):
        resin(shelf_life_days=0)
    with pytest.raises(ValidationError, match="invalid item code 'A B'"):
        Item("a b", "x", ItemType.COMPONENT, Unit.M)
    with pytest.raises(ValidationError, match="the item name is required"):
        Item("A", "  ", ItemType.COMPONENT, Unit.M)
    with pytest.raises(ValidationError, match="unknown item type 'gadget'"):
        ItemType.parse("gadget")
    assert ItemType.parse("finished_device") is ItemType.FINISHED_DEVICE
    assert validate_code(" acme ", "supplier") == "ACME"
    assert Supplier("acme", " Acme  Polymers ").name == "Acme Polymers"
    assert Customer("hosp1", "City Hospital", country="deu").country == "DE"


# --- units and quantities ---------------------------------------------------------------------------------


@pytest.mark.req("LOT-4")
def test_units_convert_within_a_dimension_only() -> None:
    assert convert(D(5000), Unit.CM, Unit.M) == D(50)
    assert convert(D(250), Unit.G, Unit.KG) == D("0.25")
    assert convert(D(1), Unit.L, Unit.ML) == D(1000)
    with pytest.raises(ValidationError, match=r"unit pcs does not fit an item kept in kg \(count is not mass\)"):
        convert(D(1), Unit.PCS, Unit.KG)
    assert Unit.parse("ML") is Unit.ML
    assert Unit.parse(" cm ") is Unit.CM
    with pytest.raises(ValidationError, match="unknown unit 'inch'"):
        Unit.parse("inch")


@pytest.mark.req("LOT-4")
@pytest.mark.parametrize(
    ("text", "message"),
    [("0", "greater than zero"), ("-1", "greater than zero"), ("abc", "is not a number"),
     ("NaN", "is not a number"), ("Infinity", "is not a number"), ("1.0000001", "more than 6 decimal places")],
)
def test_quantities_are_positive_decimals(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_quantity(text)


def test_quantity_and_percentage_parsing() -> None:
    assert parse_quantity(" 12.5 ") == D("12.500000")
    assert fmt(D("12.500000")) == "12.5"
    assert fmt(D("1000")) == "1000"
    assert parse_percentage("5 %") == D(5)
    assert parse_percentage("") == D(0)
    with pytest.raises(ValidationError, match="between 0 and 100"):
        parse_percentage("101")


# --- LOT-2 / LOT-4: receipts ------------------------------------------------------------------------------


@pytest.mark.req("LOT-2")
@pytest.mark.parametrize(
    ("status", "state"),
    [(None, "not on the approved supplier list"), (ApprovalStatus.SUSPENDED, "suspended"),
     (ApprovalStatus.DISQUALIFIED, "disqualified")],
)
def test_a_receipt_from_a_supplier_not_approved_for_the_item_is_refused(
    status: ApprovalStatus | None, state: str
) -> None:
    approval = None
    if status is not None:
        approval = approved()
        approval.set_status(status, NOW)
    with pytest.raises(ValidationError, match=f"supplier ACME is {state} for item RES: receipt refused"):
        check_receipt(resin(), approval, "ACME", D(1), Unit.KG, TODAY, None, None)


@pytest.mark.req("LOT-2")
def test_an_approval_changes_status_only_to_a_different_one() -> None:
    approval = approved()
    assert approval.status is ApprovalStatus.APPROVED
    with pytest.raises(ValidationError, match="already Approved"):
        approval.set_status(ApprovalStatus.APPROVED, NOW)
    later = NOW + timedelta(days=1)
    approval.set_status(ApprovalStatus.SUSPENDED, later)
    assert (approval.status, approval.since) == (ApprovalStatus.SUSPENDED, later)


@pytest.mark.req("LOT-4")
def test_receipt_rules_for_units_and_dates() -> None:
    item = resin(shelf_life_days=730)
    made = TODAY - timedelta(days=10)
    qty, expires = check_receipt(item, approved(), "ACME", D(2500), Unit.G, TODAY, made, None)
    assert (qty, expires) == (D("2.5"), made + timedelta(days=730))  # shelf life derives the expiry
    qty, expires = check_receipt(item, approved(), "ACME", D(1), Unit.KG, TODAY, made, date(2027, 1, 1))
    assert expires == date(2027, 1, 1)  # a printed expiry wins over the derived one
    assert check_receipt(item, approved(), "ACME", D(1), Unit.KG, TODAY, None, TODAY)[1] == TODAY

    with pytest.raises(ValidationError, match="unit pcs does not fit an item kept in kg"):
        check_receipt(item, approved(), "ACME", D(1), Unit.PCS, TODAY, made, None)
    with pytest.raises(ValidationError, match=f"expiry {TODAY - timedelta(days=1)} is before the receipt date"):
        check_receipt(item, approved(), "ACME", D(1), Unit.KG, TODAY, None, TODAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="is before the receipt date"):
        check_receipt(resin(shelf_life_days=5), approved(), "ACME", D(1), Unit.KG, TODAY, made, None)
    with pytest.raises(ValidationError, match="is after the receipt date"):
        check_receipt(item, approved(), "ACME", D(1), Unit.KG, TODAY, TODAY + timedelta(days=1), None)
    with pytest.raises(ValidationError, match="is not after the manufacture date"):
        check_receipt(item, approved(), "ACME", D(1), Unit.KG, TODAY, made, made)
    with pytest.raises(ValidationError, match="has a shelf life: give the expiry or the manufacture date"):
        check_receipt(item, approved(), "ACME", D(1), Unit.KG, TODAY, None, None)
    # Without a shelf life, dates are optional.
    assert check_receipt(resin(), approved(), "ACME", D(1), Unit.KG, TODAY, None, None) == (D(1), None)


@pytest.mark.req("LOT-4")
def test_produced_or_inactive_items_are_not_received() -> None:
    with pytest.raises(ValidationError, match="SYR is a finished device: it is produced, not received"):
        check_receipt(syringe(), approved("SYR"), "ACME", D(1), Unit.PCS, TODAY, TODAY, None)
    item = resin()
    item.active = False
    with pytest.raises(ValidationError, match="item RES is inactive"):
        check_receipt(item, approved(), "ACME", D(1), Unit.KG, TODAY, None, None)


@pytest.mark.req("LOT-4", "LOT-5")
def test_a_new_lot_is_in_quarantine_with_all_it_was_received_with() -> None:
    lot = Lot("R-1", resin(), LotOrigin.RECEIVED, D(25), NOW, supplier_code="ACME", supplier_lot="A-77",
              manufactured_on=TODAY, expires_on=date(2028, 1, 1))
    assert (lot.status, lot.quantity, lot.on_hand, lot.unit) == (LotStatus.QUARANTINE, D(25), D(25), Unit.KG)
    assert (lot.supplier_code, lot.supplier_lot, lot.expires_on) == ("ACME", "A-77", date(2028, 1, 1))
    with pytest.raises(ValidationError, match="lot R-1 is Quarantine, not Released"):
        lot.check_usable(TODAY)
    lot.status = LotStatus.RELEASED
    lot.check_usable(date(2028, 1, 1))
    with pytest.raises(ValidationError, match="lot R-1 expired on 2028-01-01"):
        lot.check_usable(date(2028, 1, 2))
    with pytest.raises(ValidationError, match="lot R-1 has only 25 kg available, 26 requested"):
        lot.take(D(26))
    lot.take(D(5))
    with pytest.raises(ValidationError, match="returning 6 would exceed the 25 received"):
        lot.put_back(D(6))
    assert LotStatus.parse("on_hold") is LotStatus.ON_HOLD


# --- LOT-6: master batch records ---------------------------------------------------------------------


def effective_record(*lines: tuple[Item, str, str]) -> MasterBatchRecord:
    record = MasterBatchRecord(syringe(), 1, "", NOW)
    for item, qty, tol in lines or ((resin(), "0.01", "5"),):
        record.add_line(item, D(qty), D(tol))
    record.make_effective(NOW, None)
    return record


@pytest.mark.req("LOT-6", "CHG-3")
def test_a_record_is_frozen_once_effective_and_the_next_version_supersedes_it() -> None:
    v1 = effective_record()
    assert (v1.status, v1.effective_at, v1.label) == (MbrStatus.EFFECTIVE, NOW, "SYR v1")
    with pytest.raises(ValidationError, match="master batch record SYR v1 is effective: it cannot change"):
        v1.add_line(Item("TUBE", "Tube", ItemType.COMPONENT, Unit.M), D(1), D(0))
    with pytest.raises(ValidationError, match="is effective: it cannot change"):
        v1.make_effective(NOW, None)
    v2 = MasterBatchRecord(syringe(), 2, "", NOW)
    with pytest.raises(ValidationError, match="SYR v2 has no bill of materials"):
        v2.make_effective(NOW, v1)
    v2.add_line(resin(), D("0.02"), D(5))
    v2.make_effective(NOW, v1)
    assert (v1.status, v2.status) == (MbrStatus.SUPERSEDED, MbrStatus.EFFECTIVE)


@pytest.mark.req("LOT-6")
def test_bill_of_materials_rules() -> None:
    record = MasterBatchRecord(syringe(), 1, "", NOW)
    with pytest.raises(ValidationError, match="SYR cannot be a component of itself"):
        record.add_line(syringe(), D(1), D(0))
    other_device = Item("PEN", "Pen", ItemType.FINISHED_DEVICE, Unit.PCS, gtin="4006381333931")
    with pytest.raises(ValidationError, match="PEN is a finished device: it cannot be a component"):
        record.add_line(other_device, D(1), D(0))
    record.add_line(resin(), D(1), D(0))
    with pytest.raises(ValidationError, match="RES is already in the bill of materials of SYR v1"):
        record.add_line(resin(), D(2), D(0))
    with pytest.raises(ValidationError, match="tolerance must be between 0 and 50"):
        record.add_line(Item("TUBE", "Tube", ItemType.COMPONENT, Unit.M), D(1), D(51))
    with pytest.raises(ValidationError, match="a master batch record makes a finished device or an intermediate"):
        MasterBatchRecord(resin(), 1, "", NOW)


@pytest.mark.req("LOT-6")
def test_a_batch_is_planned_only_from_the_effective_record_and_keeps_its_version() -> None:
    draft = MasterBatchRecord(syringe(), 3, "", NOW)
    draft.add_line(resin(), D(1), D(0))
    with pytest.raises(ValidationError, match="SYR v3 is draft: plan from the effective version"):
        Batch("B-1", draft, 7, D(100), Unit.PCS, NOW)
    draft.make_effective(NOW, None)
    batch = Batch("B-1", draft, 7, D(100), Unit.PCS, NOW)
    assert (batch.mbr_id, batch.mbr_version, batch.status) == (7, 3, BatchStatus.PLANNED)
    draft.status = MbrStatus.SUPERSEDED
    with pytest.raises(ValidationError, match="is superseded: plan from the effective version"):
        Batch("B-2", draft, 7, D(100), Unit.PCS, NOW)


# --- LOT-7: issue checks --------------------------------------------------------------------------------


def released(item: Item, qty: str = "100", lot_number: str = "R-1", expires_on: date | None = None) -> Lot:
    lot = Lot(lot_number, item, LotOrigin.RECEIVED, D(qty), NOW, expires_on=expires_on)
    lot.status = LotStatus.RELEASED
    lot.id = 1
    return lot


@pytest.mark.req("LOT-7")
def test_issue_checks_name_the_first_failed_rule() -> None:
    record = effective_record()  # RES 0.01 kg per piece ±5 %: 1000 pcs need 9.5..10.5 kg
    batch = Batch("B-1", record, 1, D(1000), Unit.PCS, NOW)
    lot = released(resin())
    with pytest.raises(IssueRefused, match="batch B-1 is Planned: material is issued in production"):
        batch.check_issue(record, lot, D(1), D(0), TODAY)
    batch.status = BatchStatus.IN_PRODUCTION
    tube = released(Item("TUBE", "Tube", ItemType.COMPONENT, Unit.M), lot_number="C-1")
    with pytest.raises(IssueRefused, match=r"item TUBE \(lot C-1\) is not in the bill of materials of SYR v1"):
        batch.check_issue(record, tube, D(1), D(0), TODAY)
    lot.status = LotStatus.QUARANTINE
    with pytest.raises(IssueRefused, match="lot R-1 is Quarantine, not Released"):
        batch.check_issue(record, lot, D(1), D(0), TODAY)
    old = released(resin(), expires_on=TODAY - timedelta(days=1))
    with pytest.raises(IssueRefused, match=f"lot R-1 expired on {TODAY - timedelta(days=1)}"):
        batch.check_issue(record, old, D(1), D(0), TODAY)
    small = released(resin(), qty="3")
    with pytest.raises(IssueRefused, match="lot R-1 has only 3 kg available, 4 requested"):
        batch.check_issue(record, small, D(4), D(0), TODAY)
    lot.status = LotStatus.RELEASED
    with pytest.raises(IssueRefused, match=r"brings the batch to 10.6, above the 10.5 allowed \(10 ±5%\)"):
        batch.check_issue(record, lot, D("0.6"), D(10), TODAY)
    batch.check_issue(record, lot, D("0.5"), D(10), TODAY)  # exactly the upper limit is within tolerance


@pytest.mark.req("LOT-7")
def test_returns_only_of_what_was_issued_and_only_in_production() -> None:
    batch = Batch("B-1", effective_record(), 1, D(1000), Unit.PCS, NOW)
    with pytest.raises(ValidationError, match="returns happen in production"):
        batch.check_return(D(5), D(1), "R-1")
    batch.status = BatchStatus.IN_PRODUCTION
    with pytest.raises(ValidationError, match="only 5 of lot R-1 is issued to batch B-1; cannot return 6"):
        batch.check_return(D(5), D(6), "R-1")
    batch.check_return(D(5), D(5), "R-1")


# --- LOT-9: completion ---------------------------------------------------------------------------------


@pytest.mark.req("LOT-9")
def test_completion_needs_every_bom_line_within_tolerance() -> None:
    tube = Item("TUBE", "Tube", ItemType.COMPONENT, Unit.M)
    record = effective_record((resin(), "0.01", "5"), (tube, "0.05", "10"))
    batch = Batch("B-1", record, 1, D(1000), Unit.PCS, NOW)
    batch.status = BatchStatus.IN_PRODUCTION
    with pytest.raises(ValidationError, match=(
        r"batch B-1 cannot complete: material outside tolerance: RES: 9 issued, 9.5..10.5 required; "
        r"TUBE: 0 issued, 45..55 required"
    )):
        batch.complete(record, {"RES": D(9)}, D(990), PRODUCTION, NOW)
    assert batch.status is BatchStatus.IN_PRODUCTION
    with pytest.raises(ValidationError, match="the produced quantity must be greater than zero"):
        batch.complete(record, {"RES": D(10), "TUBE": D(50)}, D(0), PRODUCTION, NOW)
    batch.complete(record, {"RES": D("9.5"), "TUBE": D(55)}, D(990), PRODUCTION, NOW)
    assert (batch.status, batch.produced_quantity, batch.completed_at) == (BatchStatus.COMPLETED, D(990), NOW)


@pytest.mark.req("LOT-9", "ACC-4")
def test_completion_checks_who_and_from_where_before_the_materials() -> None:
    """Found while testing: the shortfall check ran first, so a user without the permission (or a batch not
    in production) got a material message instead of the refusal the unit of work audits."""
    record = effective_record()
    batch = Batch("B-1", record, 1, D(1000), Unit.PCS, NOW)
    with pytest.raises(TransitionRefused, match="cannot go from Planned to Completed"):
        batch.complete(record, {}, D(990), PRODUCTION, NOW)
    batch.status = BatchStatus.IN_PRODUCTION
    qc = Actor(UserId("cleo"), "Cleo QC", frozenset({Role.QC_ANALYST}))
    with pytest.raises(AccessDenied, match="may not start and complete batches"):
        batch.complete(record, {}, D(990), qc, NOW)


# --- LOT-9: shipments ------------------------------------------------------------------------------------


@pytest.mark.req("LOT-9")
def test_only_released_unexpired_lots_ship_and_shipping_takes_stock() -> None:
    shipment = Shipment("S-1", "HOSP1", TODAY, NOW)
    lot = released(syringe(), qty="100", lot_number="SYR-001", expires_on=date(2029, 1, 1))
    line = shipment.add(lot, D(40), TODAY)
    assert (line.lot_id, line.quantity, lot.on_hand) == (1, D(40), D(60))
    with pytest.raises(ValidationError, match="lot SYR-001 is already on shipment S-1"):
        shipment.add(lot, D(1), TODAY)
    for status in (LotStatus.QUARANTINE, LotStatus.ON_HOLD, LotStatus.REJECTED, LotStatus.EXPIRED):
        other = released(syringe(), lot_number="SYR-002")
        other.status = status
        with pytest.raises(ValidationError, match=f"lot SYR-002 is {status.value}: only Released lots are shipped"):
            Shipment("S-2", "HOSP1", TODAY, NOW).add(other, D(1), TODAY)
    stale = released(syringe(), lot_number="SYR-003", expires_on=TODAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="lot SYR-003 expired on"):
        Shipment("S-3", "HOSP1", TODAY, NOW).add(stale, D(1), TODAY)
    with pytest.raises(ValidationError, match="is in the future"):
        Shipment("S-4", "HOSP1", TODAY + timedelta(days=1), NOW)


# --- TRC-4: recall progress --------------------------------------------------------------------------------


@pytest.mark.req("TRC-4")
def test_recall_customers_advance_one_step_at_a_time_and_the_recall_closes_when_all_are_done() -> None:
    with pytest.raises(ValidationError, match="a recall needs its reason"):
        Recall("RC-1", 1, "R-1", "  ", NOW)
    recall = Recall("RC-1", 1, "R-1", " resin   contamination ", NOW)
    assert recall.reason == "resin contamination"
    a = RecallCustomer(1, "HOSP1", "City Hospital", "S-1", D(15), NOW)
    b = RecallCustomer(1, "HOSP2", "County Clinic", "S-2", D(20), NOW)
    with pytest.raises(ValidationError, match="customer HOSP1: cannot go from Pending to Confirmed"):
        a.advance(NotificationStatus.CONFIRMED, None, NOW)
    for step in (NotificationStatus.NOTIFIED, NotificationStatus.CONFIRMED):
        a.advance(step, None, NOW)
    with pytest.raises(ValidationError, match="returned quantity must be between 0 and 15"):
        a.advance(NotificationStatus.COMPLETED, D(16), NOW)
    a.advance(NotificationStatus.COMPLETED, D(12), NOW)
    assert (a.status, a.returned_quantity) == (NotificationStatus.COMPLETED, D(12))
    with pytest.raises(ValidationError, match="cannot go from Completed to Pending"):
        a.advance(NotificationStatus.PENDING, None, NOW)
    with pytest.raises(ValidationError, match="recall RC-1 cannot close: customers not completed: HOSP2"):
        recall.close([a, b], NOW)
    for step in (NotificationStatus.NOTIFIED, NotificationStatus.CONFIRMED, NotificationStatus.COMPLETED):
        b.advance(step, None, NOW)
    recall.close([a, b], NOW)
    with pytest.raises(ValidationError, match="already closed"):
        recall.close([a, b], NOW)
