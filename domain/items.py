"""Master data (LOT-1, LOT-2): items, suppliers with their approval per item, customers."""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum

from domain.errors import ValidationError
from domain.gtin import normalise_gtin14
from domain.i18n import N_, _, names, one_of
from domain.inputs import clean_text, shown
from domain.quantities import Unit

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9._-]{0,31}$")


class ItemType(Enum):
    RAW_MATERIAL = N_("Raw material")
    COMPONENT = N_("Component")
    PACKAGING = N_("Packaging")
    INTERMEDIATE = N_("Intermediate")
    FINISHED_DEVICE = N_("Finished device")

    @classmethod
    def parse(cls, text: str) -> ItemType:
        for t in cls:
            if names(text, t.value):
                return t
        raise ValidationError(_("unknown item type '{text}': use one of {choices}",
                                text=text, choices=one_of(t.value for t in cls)))

    @property
    def produced(self) -> bool:
        """Made in our own batches (rather than received from a supplier)."""
        return self in (ItemType.INTERMEDIATE, ItemType.FINISHED_DEVICE)


def validate_code(code: str, what: str) -> str:
    code = code.strip().upper()
    if not CODE_PATTERN.fullmatch(code):
        raise ValidationError(
            _("invalid {what} code '{shown}': 1-32 letters, digits, '.', '_' or '-', starting with a letter or digit",
              what=_(what), shown=shown(code))
        )
    return code


def _name(name: str, what: str) -> str:
    return clean_text(name, _("{what} name", what=_(what)), max_length=200)


class Item:
    code: str
    name: str
    item_type: ItemType
    unit: Unit
    shelf_life_days: int | None
    storage_condition: str
    gtin: str | None
    active: bool

    def __init__(
        self, code: str, name: str, item_type: ItemType, unit: Unit, *, shelf_life_days: int | None = None,
        storage_condition: str = "", gtin: str | None = None,
    ) -> None:
        self.code = validate_code(code, N_("item"))
        self.active = True
        self.item_type = item_type
        self._apply(name, unit, shelf_life_days, storage_condition, gtin)

    def _apply(
        self, name: str, unit: Unit, shelf_life_days: int | None, storage_condition: str, gtin: str | None
    ) -> None:
        if shelf_life_days is not None and not 1 <= shelf_life_days <= 36500:
            raise ValidationError(_("shelf life must be between 1 and 36500 days"))
        gtin = gtin.strip() if gtin else None
        if self.item_type is ItemType.FINISHED_DEVICE and not gtin:
            raise ValidationError(_("finished device {code} needs a GTIN (UDI device identifier)", code=self.code))
        self.name = _name(name, N_("item"))
        self.unit = unit
        self.shelf_life_days = shelf_life_days
        self.storage_condition = " ".join(storage_condition.split())
        self.gtin = normalise_gtin14(gtin) if gtin else None

    def edit(
        self, *, name: str, unit: Unit, shelf_life_days: int | None, storage_condition: str, gtin: str | None
    ) -> None:
        self._apply(name, unit, shelf_life_days, storage_condition, gtin)


class Supplier:
    code: str
    name: str
    active: bool

    def __init__(self, code: str, name: str) -> None:
        self.code = validate_code(code, N_("supplier"))
        self.name = _name(name, N_("supplier"))
        self.active = True

    def rename(self, name: str) -> None:
        self.name = _name(name, N_("supplier"))


class ApprovalStatus(Enum):
    APPROVED = N_("Approved")
    SUSPENDED = N_("Suspended")
    DISQUALIFIED = N_("Disqualified")


class SupplierApproval:
    """One line of the approved supplier list: this supplier may deliver this item (LOT-2)."""

    id: int | None
    item_code: str
    supplier_code: str
    status: ApprovalStatus
    since: datetime

    def __init__(self, item_code: str, supplier_code: str, since: datetime) -> None:
        self.id = None
        self.item_code = item_code
        self.supplier_code = supplier_code
        self.status = ApprovalStatus.APPROVED
        self.since = since

    def set_status(self, status: ApprovalStatus, now: datetime) -> None:
        if status == self.status:
            raise ValidationError(_("the approval is already {status}", status=_(status.value)))
        self.status = status
        self.since = now


class Customer:
    code: str
    name: str
    country: str
    address: str
    active: bool

    def __init__(self, code: str, name: str, *, country: str = "", address: str = "") -> None:
        self.code = validate_code(code, N_("customer"))
        self.active = True
        self.edit(name=name, country=country, address=address)

    def edit(self, *, name: str, country: str, address: str) -> None:
        self.name = _name(name, N_("customer"))
        self.country = country.strip().upper()[:2]
        self.address = " ".join(address.split())
