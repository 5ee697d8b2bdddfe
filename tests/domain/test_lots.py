"""Receipts and new lots (domain/lots.py, LOT-2, LOT-4, LOT-5): an unapproved supplier, units and dates, produced or
inactive items refused; a new lot is in quarantine with all it was received with."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.errors import ValidationError
from domain.items import ApprovalStatus
from domain.lots import Lot, LotOrigin, LotStatus, check_receipt
from domain.quantities import Unit
from tests.domain.factories import NOW, TODAY, D, approved, resin, syringe

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
