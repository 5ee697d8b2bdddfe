"""Master batch records, minimal (LOT-6, CHG-3): product, version, bill of materials, status.

A version is immutable once effective; making a new version effective supersedes the previous one.
Batches store the id and version they were planned from, so each batch records what it used.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.items import Item, ItemType
from domain.process import ProcessStep
from domain.quantities import QUANTUM


class MbrStatus(Enum):
    """The document lifecycle (CHG-1): a draft goes into review with its change request, is approved with it,
    and becomes effective when the change is implemented; the version it replaces is superseded, and a version
    no longer wanted at all is retired. Only drafts change."""

    DRAFT = N_("Draft")
    IN_REVIEW = N_("In review")
    APPROVED = N_("Approved")
    EFFECTIVE = N_("Effective")
    SUPERSEDED = N_("Superseded")
    RETIRED = N_("Retired")


class BomLine:
    id: int | None
    mbr_id: int | None
    line_no: int
    item_code: str
    quantity_per_unit: Decimal  # in the component item's unit, per one unit of the product
    tolerance_pct: Decimal

    def __init__(self, line_no: int, item_code: str, quantity_per_unit: Decimal, tolerance_pct: Decimal) -> None:
        if quantity_per_unit <= 0:
            raise ValidationError(_("BOM line {line_no}: quantity per unit must be greater than zero",
                                    line_no=line_no))
        if not Decimal(0) <= tolerance_pct <= Decimal(50):
            raise ValidationError(_("BOM line {line_no}: tolerance must be between 0 and 50 %", line_no=line_no))
        self.id = None
        self.line_no = line_no
        self.item_code = item_code
        self.quantity_per_unit = quantity_per_unit.quantize(QUANTUM)
        self.tolerance_pct = tolerance_pct

    def required_for(self, batch_quantity: Decimal) -> Decimal:
        return (self.quantity_per_unit * batch_quantity).quantize(QUANTUM)

    def limits_for(self, batch_quantity: Decimal) -> tuple[Decimal, Decimal]:
        required = self.required_for(batch_quantity)
        margin = (required * self.tolerance_pct / 100).quantize(QUANTUM)
        return required - margin, required + margin


class MasterBatchRecord:
    id: int | None
    product_code: str
    version: int
    status: MbrStatus
    title: str
    lines: list[BomLine]
    steps: list[ProcessStep]  # PRC-1: ordered steps with their critical process parameters
    created_at: datetime
    effective_at: datetime | None

    def __init__(self, product: Item, version: int, title: str, created_at: datetime) -> None:
        if product.item_type not in (ItemType.FINISHED_DEVICE, ItemType.INTERMEDIATE):
            raise ValidationError(
                _("item {product_code} is a {lower}: a master batch record makes a finished device or an intermediate",
                  product_code=product.code, lower=_(product.item_type.value).lower())
            )
        self.id = None
        self.product_code = product.code
        self.version = version
        self.status = MbrStatus.DRAFT
        self.title = " ".join(title.split()) or f"{product.name} v{version}"
        self.lines = []
        self.steps = []
        self.created_at = created_at
        self.effective_at = None

    @property
    def label(self) -> str:
        return f"{self.product_code} v{self.version}"

    def _require_draft(self) -> None:
        if self.status is not MbrStatus.DRAFT:
            raise ValidationError(_("master batch record {label} is {lower}: it cannot change",
                                    label=self.label, lower=_(self.status.value).lower()))

    def add_line(self, component: Item, quantity_per_unit: Decimal, tolerance_pct: Decimal) -> BomLine:
        self._require_draft()
        if component.code == self.product_code:
            raise ValidationError(_("{component_code} cannot be a component of itself", component_code=component.code))
        if component.item_type is ItemType.FINISHED_DEVICE:
            raise ValidationError(_("{component_code} is a finished device: it cannot be a component",
                                    component_code=component.code))
        if any(line.item_code == component.code for line in self.lines):
            raise ValidationError(_("{component_code} is already in the bill of materials of {label}",
                                    component_code=component.code, label=self.label))
        line = BomLine(len(self.lines) + 1, component.code, quantity_per_unit, tolerance_pct)
        self.lines.append(line)
        return line

    def add_step(self, step: ProcessStep) -> ProcessStep:
        self._require_draft()
        if step.step_no != len(self.steps) + 1:
            raise ValidationError(_("{label}: the next step is number {value}",
                                    label=self.label, value=len(self.steps) + 1))
        self.steps.append(step)
        return step

    def step(self, step_no: int) -> ProcessStep:
        found = next((s for s in self.steps if s.step_no == step_no), None)
        if found is None:
            raise ValidationError(_("{label} has no step {step_no}", label=self.label, step_no=step_no))
        return found

    def line_for(self, item_code: str) -> BomLine | None:
        return next((line for line in self.lines if line.item_code == item_code), None)

    def move_in_review(self, target: MbrStatus) -> None:
        """In review with its change request, approved with it, or back to draft when it is cancelled."""
        allowed = {MbrStatus.IN_REVIEW: {MbrStatus.DRAFT}, MbrStatus.APPROVED: {MbrStatus.IN_REVIEW},
                   MbrStatus.DRAFT: {MbrStatus.IN_REVIEW, MbrStatus.APPROVED}}
        if self.status not in allowed.get(target, set()):
            raise ValidationError(_("master batch record {label} is {lower}: it cannot become {target}",
                                    label=self.label, lower=_(self.status.value).lower(),
                                    target=_(target.value).lower()))
        self.status = target

    def retire(self) -> None:
        if self.status is not MbrStatus.EFFECTIVE:
            raise ValidationError(_("master batch record {label} is {lower}: only the effective version is retired",
                                    label=self.label, lower=_(self.status.value).lower()))
        self.status = MbrStatus.RETIRED

    def make_effective(self, now: datetime, previous: MasterBatchRecord | None) -> None:
        """Through an implemented change request only (app.change_control; the database refuses any other path)."""
        if self.status not in (MbrStatus.DRAFT, MbrStatus.APPROVED):
            self._require_draft()
        if not self.lines:
            raise ValidationError(_("master batch record {label} has no bill of materials", label=self.label))
        if previous is not None:
            previous.status = MbrStatus.SUPERSEDED
        self.status = MbrStatus.EFFECTIVE
        self.effective_at = now
