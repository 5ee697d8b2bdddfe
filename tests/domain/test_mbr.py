"""Master batch records (domain/mbr.py, LOT-6, CHG-3): frozen once effective, superseded by the next version, bill
of materials rules, batches planned only from the effective record."""

from __future__ import annotations

import pytest

from domain.batches import Batch, BatchStatus
from domain.errors import ValidationError
from domain.items import Item, ItemType
from domain.mbr import MasterBatchRecord, MbrStatus
from domain.quantities import Unit
from tests.domain.factories import NOW, D, effective_record, resin, syringe

# --- LOT-6: master batch records ---------------------------------------------------------------------


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
