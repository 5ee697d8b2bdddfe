"""Results from a LIMS file (QC-2, INT-1): every row checked first against the lot or batch, its QC plan and
the specification that applied; a dry run reports what would be stored; otherwise all rows are stored in one
transaction or none (a rejected row, a cancel). A row whose result is already stored with the same values is
skipped, so importing a file twice stores nothing new; the same test with other values is rejected (a
correction is made in BatchTrace, with its reason). Out-of-spec results open their deviations as typed ones do."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.ports import NO_PROGRESS, Progress, UnitOfWork
from app.quality import ResultInput, enter_in, plan_in_testing
from domain.errors import DomainError, NotFound, ValidationError
from domain.i18n import _
from domain.lims_file import LimsRejection, LimsRow, parse
from domain.quality import QcPlan, QcResult, Specification
from domain.users import Actor, Permission

CHECK_EVERY = 200  # rows between looks at the Cancel button


@dataclass(frozen=True)
class LimsRowView:
    line: int
    record_type: str
    record_id: str
    test_code: str
    replicates: tuple[str, ...]
    reported: str
    unit: str
    within_spec: bool
    already_stored: bool


@dataclass(frozen=True)
class LimsImportReport:
    file_name: str
    encoding: str
    format: str
    rows: tuple[LimsRowView, ...]
    rejections: tuple[LimsRejection, ...]
    dry_run: bool
    committed: bool
    deviations: tuple[str, ...] = ()  # opened by out-of-spec results when stored

    @property
    def new(self) -> int:
        return sum(1 for r in self.rows if not r.already_stored)

    def summary(self) -> str:
        if self.rejections:
            return _("{file}: {n} of {total} rows rejected; nothing was stored", file=self.file_name,
                     n=len(self.rejections), total=len(self.rows) + len(self.rejections))
        text = (_("{file} ({format}, {encoding}): would store {new} results, {old} already stored",
                  file=self.file_name, format=self.format, encoding=self.encoding, new=self.new,
                  old=len(self.rows) - self.new) if self.dry_run else
                _("{file} ({format}, {encoding}): stored {new} results, {old} already stored",
                  file=self.file_name, format=self.format, encoding=self.encoding, new=self.new,
                  old=len(self.rows) - self.new))
        out_of_spec = sum(1 for r in self.rows if not r.within_spec and not r.already_stored)
        return text + (_("; {n} out of spec", n=out_of_spec) if out_of_spec else "")


def read_lims_file(path: Path) -> bytes:
    """The file's bytes (its encoding is found when it is parsed), or one clear message."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(_("no file {file}", file=path)) from None
    except OSError as error:
        raise ValidationError(_("cannot read {file}: {why}", file=path, why=error.strerror or error)) from None


def import_lims_results(uow: UnitOfWork, actor: Actor, data: bytes, file_name: str, *, dry_run: bool = False,
                        progress: Progress = NO_PROGRESS) -> LimsImportReport:
    parsed = parse(data, file_name)
    sha = hashlib.sha256(data).hexdigest()
    with uow.acting_as(actor) as tx:
        actor.require(Permission.ENTER_QC_RESULTS)
        checked: list[tuple[LimsRow, LimsRowView, QcPlan, Specification]] = []
        rejections = list(parsed.rejections)
        plans: dict[str, tuple[QcPlan, Specification] | DomainError] = {}  # by record number: read once
        stored: dict[int, list[QcResult]] = {}  # by plan
        for count, row in enumerate(parsed.rows, start=1):
            if count % CHECK_EVERY == 0:
                progress.check()
                progress.report(count, len(parsed.rows), _("checked {n} rows", n=count))
            try:
                checked.append(_check(tx, row, plans, stored))
            except DomainError as error:
                rejections.append(LimsRejection(row.line, str(error)))
        views = tuple(view for _row, view, _plan, _spec in checked)
        if rejections:
            return LimsImportReport(file_name, parsed.encoding, parsed.format, views,
                                    tuple(sorted(rejections, key=lambda r: r.line)), dry_run, False)
        if dry_run:
            return LimsImportReport(file_name, parsed.encoding, parsed.format, views, (), True, False)
        opened = []
        for count, (row, view, plan, spec) in enumerate(checked, start=1):
            if count % CHECK_EVERY == 0:
                progress.check()
                progress.report(count, len(checked), _("stored {n} results", n=count))
            if view.already_stored:
                continue
            _result, deviation = enter_in(tx, actor, plan, spec, ResultInput(row.test, row.values, row.unit),
                                           instrument=row.instrument, reason=None,
                                           source=f"LIMS {file_name[:80]} line {row.line}")
            opened += [deviation] if deviation else []
        tx.audit_event("IMPORT", "lims_import", sha[:16], details={
            "file": (None, file_name), "sha256": (None, sha), "results": (None, sum(1 for v in views
                                                                                   if not v.already_stored)),
            "already_stored": (None, sum(1 for v in views if v.already_stored)), "deviations": (None, len(opened))})
        progress.check()
        tx.commit(reason=f"LIMS import of {file_name}")
        return LimsImportReport(file_name, parsed.encoding, parsed.format, views, (), False, True, tuple(opened))


def _check(tx: UnitOfWork, row: LimsRow, plans: dict[str, tuple[QcPlan, Specification] | DomainError],
           stored: dict[int, list[QcResult]]) -> tuple[LimsRow, LimsRowView, QcPlan, Specification]:
    """The row against its record, plan and spec: what would be stored, or the rule's own message."""
    if row.record not in plans:
        try:
            plans[row.record] = plan_in_testing(tx, _record_type(tx, row.record), row.record)
        except DomainError as error:
            plans[row.record] = error
    found = plans[row.record]
    if isinstance(found, DomainError):
        raise found
    plan, spec = found
    assert plan.id is not None
    test = spec.test(row.test)
    judgement = test.judge(row.values, row.unit)
    existing = next((r for r in stored.setdefault(plan.id, list(tx.quality.results([plan.id])[plan.id]))
                     if r.test_code == test.code), None)
    same = existing is not None and existing.replicates == "; ".join(judgement.values)
    if existing is not None and not same:
        raise ValidationError(_("{record} {test} already has the result {reported} {unit}: a correction is made in "
                            "BatchTrace with its reason, not by import", record=row.record, test=test.code,
                            reported=existing.reported, unit=existing.unit))
    view = LimsRowView(row.line, plan.record_type, plan.record_id, test.code, judgement.values, judgement.reported,
                       test.unit, judgement.within_spec, same)
    return row, view, plan, spec


def _record_type(tx: UnitOfWork, number: str) -> str:
    if tx.lots.by_number(number) is not None:
        return "lot"
    if tx.batches.by_number(number) is not None:
        return "batch"
    raise NotFound(_("no lot or batch {number}", number=number))
