"""Shipments (domain/shipments.py, LOT-9): only released, unexpired lots ship, and shipping takes stock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.errors import ValidationError
from domain.lots import LotStatus
from domain.shipments import Shipment
from tests.domain.factories import NOW, TODAY, D, released, syringe

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
