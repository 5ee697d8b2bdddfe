"""Versions of master batch records and specifications (CHG-2, CHG-3, LOT-6) as use cases, on both engines: list,
read one as it was, compare two, the open batches on a version, the versions a batch keeps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app import batches, mbr, process_steps, quality, versions
from app.process_steps import ParameterInput, StepInput
from domain.batches import BatchStatus
from domain.errors import NotFound, ValidationError
from domain.quality import TestInput
from domain.version_diff import ChangeKind
from tests.app.change_support import effective_via_change
from tests.app.lots_support import Site, running_batch, site_fixture  # noqa: F401
from tests.app.signing import reject

D = Decimal
MOULD = StepInput("Mould barrels", "Injection moulding machine", (
    ParameterInput("Melt temperature", "°C", "285", "275", "295", "278", "292"),
    ParameterInput("Hold pressure", "bar", "600", "550", "650")), needs_verified=True)


def _version(site: Site, title: str, lines: list[tuple[str, str, str]], steps: list[StepInput]) -> int:
    draft = mbr.create_draft(site.ctx.uow(), site.production, "SYR", title, [mbr.BomInput(*ln) for ln in lines])
    process_steps.add_steps(site.ctx.uow(), site.production, "SYR", draft.version, steps)
    return draft.version


def _effective(site: Site, version: int, reason: str) -> None:
    effective_via_change(site.ctx, site, "mbr", "SYR", version)  # `reason`: what the change is for


@pytest.mark.req("CHG-2", "CHG-3", "LOT-6")
def test_two_versions_listed_read_as_they_were_and_compared(site: Site) -> None:
    _effective(site, _version(site, "Syringe 5 mL", [("RES", "0.0100", "5"), ("TUBE", "0.05", "10")], [MOULD]),
               "CR-1")
    first = running_batch(site, "SYR", "1000")
    planned = batches.plan_batch(site.ctx.uow(), site.production, "SYR", "200")
    v2_mould = StepInput("Mould barrels", "Injection moulding machine", (
        ParameterInput("Melt temperature", "°C", "285", "278", "295", "280", "292"),
        ParameterInput("Hold pressure", "bar", "600.0", "550", "650")), needs_verified=True)
    v2 = _version(site, "Syringe 5 mL", [("RES", "0.01", "5"), ("GEL", "0.001", "10")],
                  [v2_mould, StepInput("Pack", None)])

    listed = versions.list_versions(site.ctx.read_uow(), site.admin, "mbr", "syr")
    assert [(v.label, v.status, v.effective_at is not None) for v in listed] == [
        ("SYR v1", "Effective", True), ("SYR v2", "Draft", False)]

    shown = versions.show_version(site.ctx.read_uow(), site.admin, "mbr", "SYR", 1)
    fields = {(r.section, r.key, r.field): r.value for r in shown.rows}
    assert fields[("BOM line", "RES", "Quantity per unit")] == D("0.01")
    assert fields[("Parameter", "1 · Melt temperature", "Alert lower")] == D("278")
    assert fields[("Step", "1", "Equipment class")] == "Injection moulding machine"
    assert ("BOM line", "GEL", "Line") not in fields

    compared = versions.compare_versions(site.ctx.read_uow(), site.admin, "mbr", "SYR", 1, v2)
    assert (compared.old.label, compared.new.label) == ("SYR v1", "SYR v2")
    changes = [(r.path, r.field, r.old, r.new, r.kind) for r in compared.rows
               if r.field not in ("Created", "Status", "Effective since")]
    assert changes == [
        ("BOM line TUBE", "Line", 2, None, ChangeKind.REMOVED),
        ("BOM line TUBE", "Quantity per unit", D("0.05"), None, ChangeKind.REMOVED),
        ("BOM line TUBE", "Tolerance %", D("10"), None, ChangeKind.REMOVED),
        ("BOM line GEL", "Line", None, 2, ChangeKind.ADDED),
        ("BOM line GEL", "Quantity per unit", None, D("0.001"), ChangeKind.ADDED),
        ("BOM line GEL", "Tolerance %", None, D("10"), ChangeKind.ADDED),
        ("Parameter 1 · Melt temperature", "Lower limit", D("275"), D("278"), ChangeKind.CHANGED),
        ("Parameter 1 · Melt temperature", "Alert lower", D("278"), D("280"), ChangeKind.CHANGED),
        ("Step 2", "Instruction", None, "Pack", ChangeKind.ADDED),
        ("Step 2", "Performed signature", None, True, ChangeKind.ADDED),
        ("Step 2", "Verified signature", None, False, ChangeKind.ADDED),
        ("Step 2", "Any order", None, False, ChangeKind.ADDED),
    ]

    # Version 2 becomes effective while both batches are open: they keep version 1 (CHG-3, LOT-6).
    on_v1 = versions.batches_on(site.ctx.read_uow(), site.admin, "SYR", 1)
    assert [b.batch_number for b in on_v1] == [first.batch_number, planned.batch_number]
    _effective(site, v2, "CR-2")
    kept = versions.batch_versions(site.ctx.read_uow(), site.admin, first.batch_number)
    assert (kept.mbr_version, kept.effective_version, kept.newer_effective) == (1, 2, True)
    assert kept.effective_since is not None
    assert [b.batch_number for b in versions.batches_on(site.ctx.read_uow(), site.admin, "SYR", 1)] == [
        first.batch_number, planned.batch_number]
    assert batches.get_batch(site.ctx.read_uow(), site.admin, first.batch_number).batch.mbr_version == 1
    newer = batches.plan_batch(site.ctx.uow(), site.production, "SYR", "300")
    assert versions.batch_versions(site.ctx.read_uow(), site.admin, newer.batch_number).newer_effective is False
    assert [b.batch_number for b in versions.batches_on(site.ctx.read_uow(), site.admin, "SYR", 2)] == [
        newer.batch_number]
    # A rejected batch is closed: no longer "on" its version.
    batches.change_batch_status(site.ctx.uow(), site.qa, planned.batch_number, BatchStatus.ON_HOLD, "planned twice")
    reject(site.ctx, site.qa, "batch", planned.batch_number, "planned twice")
    assert [b.batch_number for b in versions.batches_on(site.ctx.read_uow(), site.admin, "SYR", 1)] == [
        first.batch_number]
    # Reading v1 after it is superseded shows it as it was, with its status now.
    again = versions.show_version(site.ctx.read_uow(), site.admin, "mbr", "SYR", 1)
    assert again.summary.status == "Superseded"
    assert [r for r in again.rows if r.section != "Header"] == [r for r in shown.rows if r.section != "Header"]
    assert batches.get_batch(site.ctx.read_uow(), site.admin, first.batch_number).batch.status == (
        BatchStatus.IN_PRODUCTION.value)


MFI = TestInput("MFI", "Melt flow index", "ISO 1133", unit="g/10 min", lower="8", upper="12", decimals=1)


@pytest.mark.req("CHG-2")
def test_specification_versions_compared_test_by_test(site: Site) -> None:
    quality.create_spec(site.ctx.uow(), site.qc, "RES", "Resin incoming", [MFI])
    effective_via_change(site.ctx, site, "spec", "RES", 1)
    tighter = TestInput("MFI", "Melt flow index", "ISO 1133", unit="g/10 min", lower="8.5", upper="12.0", decimals=1)
    quality.create_spec(site.ctx.uow(), site.qc, "RES", "Resin incoming", [tighter])
    compared = versions.compare_versions(site.ctx.read_uow(), site.admin, "spec", "RES", 2, 1)
    assert (compared.old.label, compared.new.label) == ("RES spec v2", "RES spec v1")
    assert [(r.path, r.field, r.old, r.new) for r in compared.rows if r.section == "Test"] == [
        ("Test MFI", "Lower limit", D("8.5"), D("8"))]
    listed = versions.list_versions(site.ctx.read_uow(), site.admin, "spec", "RES")
    assert [(v.version, v.status) for v in listed] == [(1, "Effective"), (2, "Draft")]


def test_bad_requests_are_refused_with_one_clear_message(site: Site) -> None:
    read = site.ctx.read_uow
    with pytest.raises(ValidationError, match="unknown record type 'label': use mbr or spec"):
        versions.list_versions(read(), site.admin, "label", "SYR")
    with pytest.raises(NotFound, match="SYR has no versions of a master batch record"):
        versions.list_versions(read(), site.admin, "mbr", "SYR")
    _version(site, "Syringe 5 mL", [("RES", "0.01", "5")], [])
    with pytest.raises(NotFound, match="no master batch record SYR v7"):
        versions.compare_versions(read(), site.admin, "mbr", "SYR", 1, 7)
    with pytest.raises(ValidationError, match="choose two different versions"):
        versions.compare_versions(read(), site.admin, "mbr", "SYR", 1, 1)
    with pytest.raises(NotFound, match="no specification RES v1"):
        versions.show_version(read(), site.admin, "spec", "RES", 1)
    with pytest.raises(NotFound, match="no batch B-404"):
        versions.batch_versions(read(), site.admin, "B-404")
