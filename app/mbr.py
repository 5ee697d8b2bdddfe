"""Use cases for master batch records, minimal (LOT-6, CHG-3): draft and bill of materials. A version becomes
effective through an implemented change request only (app.change_control, CHG-1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.ports import UnitOfWork
from domain.errors import NotFound
from domain.i18n import N_, _
from domain.inputs import parse_percentage_text, parse_quantity_text
from domain.items import validate_code
from domain.mbr import MasterBatchRecord
from domain.users import Actor, Permission


@dataclass(frozen=True)
class BomLineView:
    line_no: int
    item_code: str
    quantity_per_unit: Decimal
    tolerance_pct: Decimal


@dataclass(frozen=True)
class MbrView:
    id: int
    product_code: str
    version: int
    status: str
    title: str
    lines: tuple[BomLineView, ...]
    effective_at: datetime | None

    @classmethod
    def of(cls, mbr: MasterBatchRecord) -> MbrView:
        assert mbr.id is not None
        lines = tuple(BomLineView(ln.line_no, ln.item_code, ln.quantity_per_unit, ln.tolerance_pct) for ln in mbr.lines)
        return cls(mbr.id, mbr.product_code, mbr.version, mbr.status.value, mbr.title, lines, mbr.effective_at)


@dataclass(frozen=True)
class BomInput:
    item_code: str
    quantity_per_unit: str | Decimal
    tolerance_pct: str | Decimal = "0"


def create_draft(
    uow: UnitOfWork, actor: Actor, product_code: str, title: str, lines: Sequence[BomInput]
) -> MbrView:
    """A new draft version with its bill of materials (the next version number for the product)."""
    code = validate_code(product_code, N_("item"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.EDIT_MBR)
        product = tx.master_data.item(code)
        if product is None:
            raise NotFound(_("no item {code}", code=code))
        mbr = MasterBatchRecord(product, tx.mbrs.latest_version(code) + 1, title, tx.now())
        for line in lines:
            component = tx.master_data.item(validate_code(line.item_code, N_("item")))
            if component is None:
                raise NotFound(_("no item {item_code}", item_code=line.item_code))
            mbr.add_line(component, parse_quantity_text(line.quantity_per_unit, what=N_("quantity per unit")),
                         parse_percentage_text(line.tolerance_pct))
        tx.mbrs.add(mbr)
        tx.commit()
        return MbrView.of(mbr)


def list_mbrs(uow: UnitOfWork, actor: Actor, product_code: str | None = None) -> list[MbrView]:
    with uow.acting_as(actor) as tx:
        return [MbrView.of(m) for m in tx.mbrs.list(product_code)]
