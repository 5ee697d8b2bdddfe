"""The scope of a trace (TRC-2, TRC-4): what a recall decision needs, counted and summed by the database.

Forward from a lot: the batches and lots it went into (finished lots among them), the shipments that took
any of them, and per customer the quantity shipped in each unit. Backward: the batches and lots it came
from and their suppliers. The same scope is shown by the Trace page, printed by `batchtrace trace` and
frozen by a recall.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.trace import Direction, NodeInfo


@dataclass(frozen=True)
class CustomerInScope:
    code: str
    name: str
    unit: str | None  # of the lots shipped
    quantity: Decimal  # shipped to this customer from the lots in scope, in `unit`
    shipments: int  # shipments that took such lots


@dataclass(frozen=True)
class SupplierInScope:
    code: str
    name: str
    lots: int  # received lots in scope from this supplier


@dataclass(frozen=True)
class TraceScope:
    """Counts leave the root out."""

    root: NodeInfo
    direction: Direction
    lots: int
    finished_lots: int
    batches: int
    shipments: int
    customers: tuple[CustomerInScope, ...]  # by code, then unit
    suppliers: tuple[SupplierInScope, ...]  # by code

    @property
    def records(self) -> int:
        return self.lots + self.batches + self.shipments

    @property
    def customer_codes(self) -> list[str]:
        return sorted({c.code for c in self.customers})

    def quantity_for(self, customer_code: str) -> Decimal:
        """All that went to one customer, over its units (a recall lists one quantity per customer)."""
        return sum((c.quantity for c in self.customers if c.code == customer_code), Decimal(0))
