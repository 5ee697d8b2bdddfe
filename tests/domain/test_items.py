"""Items and the approved supplier list (domain/items.py, LOT-1, LOT-2): unit, shelf life, storage, a GTIN for
devices; an approval changes only to a different status."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import ValidationError
from domain.items import ApprovalStatus, Customer, Item, ItemType, Supplier, validate_code
from domain.quantities import Unit
from tests.domain.factories import NOW, approved, resin, syringe


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




@pytest.mark.req("LOT-2")
def test_an_approval_changes_status_only_to_a_different_one() -> None:
    approval = approved()
    assert approval.status is ApprovalStatus.APPROVED
    with pytest.raises(ValidationError, match="already Approved"):
        approval.set_status(ApprovalStatus.APPROVED, NOW)
    later = NOW + timedelta(days=1)
    approval.set_status(ApprovalStatus.SUSPENDED, later)
    assert (approval.status, approval.since) == (ApprovalStatus.SUSPENDED, later)
