"""Use cases for master data (LOT-1, LOT-2): items, suppliers, the approved supplier list, customers."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports import UnitOfWork
from domain.errors import AlreadyExists, NotFound, ReasonRequired
from domain.gtin import normalise_gtin14
from domain.i18n import N_, _
from domain.items import ApprovalStatus, Customer, Item, ItemType, Supplier, SupplierApproval, validate_code
from domain.quantities import Unit
from domain.users import Actor, Permission


@dataclass(frozen=True)
class ItemView:
    code: str
    name: str
    item_type: str
    unit: str
    shelf_life_days: int | None
    storage_condition: str
    gtin: str | None
    active: bool

    @classmethod
    def of(cls, i: Item) -> ItemView:
        return cls(i.code, i.name, i.item_type.value, i.unit.value, i.shelf_life_days, i.storage_condition, i.gtin,
                   i.active)


@dataclass(frozen=True)
class SupplierView:
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class ApprovalView:
    item_code: str
    supplier_code: str
    status: str


@dataclass(frozen=True)
class CustomerView:
    code: str
    name: str
    country: str
    address: str


def _reason(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise ReasonRequired(_("a reason is required to change a record"))
    return reason.strip()


def create_item(
    uow: UnitOfWork, actor: Actor, code: str, name: str, item_type: ItemType, unit: Unit, *,
    shelf_life_days: int | None = None, storage_condition: str = "", gtin: str | None = None,
) -> ItemView:
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_MASTER_DATA)
        item = Item(code, name, item_type, unit, shelf_life_days=shelf_life_days,
                    storage_condition=storage_condition, gtin=gtin)
        if tx.master_data.item(item.code) is not None:
            raise AlreadyExists(_("item {item_code} already exists", item_code=item.code))
        if item.gtin and tx.master_data.item_by_gtin(item.gtin) is not None:
            raise AlreadyExists(_("GTIN {gtin} already belongs to another item", gtin=item.gtin))
        tx.master_data.add(item)
        tx.commit()
        return ItemView.of(item)


def edit_item(
    uow: UnitOfWork, actor: Actor, code: str, reason: str | None, *, name: str, unit: Unit,
    shelf_life_days: int | None, storage_condition: str, gtin: str | None,
) -> ItemView:
    why = _reason(reason)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_MASTER_DATA)
        item = tx.master_data.item(code)
        if item is None:
            raise NotFound(_("no item {code}", code=code))
        # Look for another holder of the GTIN before changing the item: the query would flush the change
        # first and meet the unique index as a raw database error.
        wanted = normalise_gtin14(gtin) if gtin and gtin.strip() else None
        other = tx.master_data.item_by_gtin(wanted) if wanted else None
        if other is not None and other.code != item.code:
            raise AlreadyExists(_("GTIN {wanted} already belongs to item {other_code}",
                                  wanted=wanted, other_code=other.code))
        item.edit(name=name, unit=unit, shelf_life_days=shelf_life_days, storage_condition=storage_condition,
                  gtin=gtin)
        tx.commit(reason=why)
        return ItemView.of(item)


def list_items(uow: UnitOfWork, actor: Actor, *, include_inactive: bool = False) -> list[ItemView]:
    with uow.acting_as(actor) as tx:
        return [ItemView.of(i) for i in tx.master_data.items(include_inactive=include_inactive)]


def create_supplier(uow: UnitOfWork, actor: Actor, code: str, name: str) -> SupplierView:
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_MASTER_DATA)
        supplier = Supplier(code, name)
        if tx.master_data.supplier(supplier.code) is not None:
            raise AlreadyExists(_("supplier {supplier_code} already exists", supplier_code=supplier.code))
        tx.master_data.add(supplier)
        tx.commit()
        return SupplierView(supplier.code, supplier.name, supplier.active)


def list_suppliers(uow: UnitOfWork, actor: Actor) -> list[SupplierView]:
    with uow.acting_as(actor) as tx:
        return [SupplierView(s.code, s.name, s.active) for s in tx.master_data.suppliers()]


def set_supplier_approval(
    uow: UnitOfWork, actor: Actor, item_code: str, supplier_code: str, status: ApprovalStatus,
    reason: str | None,
) -> ApprovalView:
    """Put a supplier on the approved list for an item, or suspend / disqualify it (LOT-2)."""
    item_code, supplier_code = validate_code(item_code, N_("item")), validate_code(supplier_code, N_("supplier"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.APPROVE_SUPPLIERS)
        if tx.master_data.item(item_code) is None:
            raise NotFound(_("no item {item_code}", item_code=item_code))
        if tx.master_data.supplier(supplier_code) is None:
            raise NotFound(_("no supplier {supplier_code}", supplier_code=supplier_code))
        approval = tx.master_data.approval(item_code, supplier_code)
        if approval is None:
            if status is not ApprovalStatus.APPROVED:
                raise NotFound(_("supplier {supplier_code} is not on the list for {item_code}",
                                 supplier_code=supplier_code, item_code=item_code))
            approval = SupplierApproval(item_code, supplier_code, tx.now())
            tx.master_data.add(approval)
            tx.commit(reason=reason)
        else:
            approval.set_status(status, tx.now())
            tx.commit(reason=_reason(reason))
        return ApprovalView(approval.item_code, approval.supplier_code, approval.status.value)


def list_approvals(uow: UnitOfWork, actor: Actor, item_code: str | None = None) -> list[ApprovalView]:
    with uow.acting_as(actor) as tx:
        return [ApprovalView(a.item_code, a.supplier_code, a.status.value) for a in tx.master_data.approvals(item_code)]


def create_customer(uow: UnitOfWork, actor: Actor, code: str, name: str, *, country: str = "", address: str = ""
                    ) -> CustomerView:
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_MASTER_DATA)
        customer = Customer(code, name, country=country, address=address)
        if tx.master_data.customer(customer.code) is not None:
            raise AlreadyExists(_("customer {customer_code} already exists", customer_code=customer.code))
        tx.master_data.add(customer)
        tx.commit()
        return CustomerView(customer.code, customer.name, customer.country, customer.address)


def edit_customer(uow: UnitOfWork, actor: Actor, code: str, reason: str | None, *, name: str, country: str,
                  address: str) -> CustomerView:
    why = _reason(reason)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_MASTER_DATA)
        customer = tx.master_data.customer(code)
        if customer is None:
            raise NotFound(_("no customer {code}", code=code))
        customer.edit(name=name, country=country, address=address)
        tx.commit(reason=why)
        return CustomerView(customer.code, customer.name, customer.country, customer.address)


def list_customers(uow: UnitOfWork, actor: Actor) -> list[CustomerView]:
    with uow.acting_as(actor) as tx:
        return [CustomerView(c.code, c.name, c.country, c.address) for c in tx.master_data.customers()]
