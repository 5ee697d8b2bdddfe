"""The batch record (device history record, DOC-1) from what BatchTrace holds about a batch: header, materials
issued with their lots and suppliers, the bill of materials reconciliation, the lots made, the status history,
every signature with its manifestation, label reconciliation from the print journal and the audit excerpt.

Read inside one transaction the caller holds, so every section describes the same moment.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from app.documents.frame import Issue, PrintedNames, audit_table, signature_table
from app.documents.process_record import process_sections
from app.documents.quality_record import quality_sections, spec_label
from app.documents.words import Words
from app.ports import AuditFilter, UnitOfWork
from app.signatures import signature_views
from domain.batches import Batch, MaterialIssue
from domain.documents import Document, Fields, Paragraph, Section, Table
from domain.errors import NotFound
from domain.lots import Lot
from domain.printing import PrintState


def find_batch(tx: UnitOfWork, number: str) -> Batch:
    batch = tx.batches.by_number(number.strip())
    if batch is None:
        raise NotFound(f"no batch {number}")
    return batch


def build_batch_record(tx: UnitOfWork, issue: Issue) -> Document:
    w = issue.words
    batch = find_batch(tx, issue.subject)
    assert batch.id is not None
    names = PrintedNames(tx)
    issues = tx.batches.issues(batch.id)
    lots = tx.lots.by_ids(sorted({i.lot_id for i in issues}))
    outputs = list(tx.lots.of_batch(batch.id))
    sections = [
        _header(tx, w, batch),
        _materials(tx, w, issues, lots, names),
        _bom(tx, w, batch, issues),
        _genealogy(w, outputs),
        *process_sections(tx, w, batch, names),
        *quality_sections(tx, w, "batch", batch.batch_number, names),
        _status_history(tx, w, batch, names),
        _signatures(tx, w, batch),
        _labels(tx, w, outputs),
        _audit(tx, w, batch, issues, outputs),
        issue.identity_section(),
    ]
    return issue.document(w("batch_record_of", batch=batch.batch_number), sections)


def _header(tx: UnitOfWork, w: Words, batch: Batch) -> Section:
    product = tx.master_data.item(batch.product_code)
    mbr = tx.mbrs.get(batch.mbr_id)
    unit = batch.unit.value
    made = batch.produced_quantity
    yield_text = f"{(made / batch.planned_quantity * 100):.1f} %" if made is not None else ""
    effective = w.time(mbr.effective_at) if mbr is not None else ""
    rows = (
        (w("product"), f"{batch.product_code} {product.name}" if product else batch.product_code),
        (w("gtin"), (product.gtin or w("none")) if product else ""),
        (w("batch_number"), batch.batch_number),
        (w("status"), w.status(batch.status.value)),
        (w("planned_qty"), w.amount(batch.planned_quantity, unit)),
        (w("produced_qty"), w.amount(made, unit)),
        (w("rejected_qty"), w("not_recorded")),
        (w("yield"), yield_text),
        (w("planned_at"), w.time(batch.planned_at)),
        (w("started_at"), w.time(batch.started_at)),
        (w("completed_at"), w.time(batch.completed_at)),
        (w("mbr"), w("mbr_value", product=batch.product_code, version=batch.mbr_version,
                      title=mbr.title if mbr else "", effective=effective)),
        (w("spec_version"), _spec_version(tx, w, batch)),
    )
    return Section(w("header"), (Fields(rows),))


def _spec_version(tx: UnitOfWork, w: Words, batch: Batch) -> str:
    """The specification version the batch was tested against (recorded when it entered QC testing)."""
    plan = tx.quality.plan("batch", batch.batch_number)
    if plan is None:
        return w("not_tested_yet")
    return spec_label(tx.quality.spec(plan.spec_id) if plan.spec_id is not None else None, w)


def _status_at(history: Sequence[tuple[datetime, str]], moment: datetime) -> str:
    """The status a lot had at a moment, from its status history (oldest first)."""
    at = [h[0] for h in history]
    index = bisect_right(at, moment)
    return history[index - 1][1] if index else ""


def _materials(tx: UnitOfWork, w: Words, issues: Sequence[MaterialIssue], lots: dict[int, Lot], names: PrintedNames
               ) -> Section:
    if not issues:
        return Section(w("materials"), (Paragraph(w("no_materials")),))
    suppliers: dict[str, str] = {}
    histories: dict[str, list[tuple[datetime, str]]] = {}
    rows = []
    for i in issues:
        lot = lots[i.lot_id]
        code = lot.supplier_code or ""
        if code and code not in suppliers:
            found = tx.master_data.supplier(code)
            suppliers[code] = f"{code} {found.name}" if found else code
        if lot.lot_number not in histories:
            changes = tx.signatures.status_history("lot", lot.lot_number)
            histories[lot.lot_number] = [(h.at, h.to_status) for h in changes]
        rows.append((i.item_code, f"{lot.lot_number}\n{lot.supplier_lot or ''}", suppliers.get(code, ""),
                     f"{w.term(i.kind.value)}\n{w.amount(i.quantity, lot.unit.value)}",
                     w.status(_status_at(histories[lot.lot_number], i.at) or lot.status.value),
                     f"{names(i.by_user)}\n{w.time(i.at)}"))
    table = Table((w("item"), f"{w('lot')}\n{w('supplier_lot')}", w("supplier"), f"{w('movement')}\n{w('quantity')}",
                   w("status_at_issue"), f"{w('by')}\n{w('when')}"), tuple(rows), widths=(13, 21, 18, 11, 11, 20))
    return Section(w("materials"), (table,))


def _bom(tx: UnitOfWork, w: Words, batch: Batch, issues: Sequence[MaterialIssue]) -> Section:
    mbr = tx.mbrs.get(batch.mbr_id)
    issued: dict[str, Decimal] = {}
    for i in issues:
        issued[i.item_code] = issued.get(i.item_code, Decimal(0)) + i.signed_quantity
    rows, flagged = [], set()
    for n, line in enumerate(mbr.lines if mbr else []):
        low, high = line.limits_for(batch.planned_quantity)
        got = issued.get(line.item_code, Decimal(0))
        if got and not low <= got <= high:
            flagged.add(n)
        rows.append((line.item_code, w.amount(line.required_for(batch.planned_quantity)),
                     f"{w.amount(low)} – {w.amount(high)}", w.amount(got)))
    table = Table((w("item"), w("required"), w("limits"), w("issued_net")), tuple(rows), frozenset(flagged))
    return Section(w("bom"), (table,))


def _genealogy(w: Words, outputs: Sequence[Lot]) -> Section:
    if not outputs:
        return Section(w("genealogy"), (Paragraph(w("no_output")),))
    rows = tuple((lot.lot_number, lot.item_code, w.amount(lot.quantity, lot.unit.value), w.status(lot.status.value),
                  str(lot.expires_on or "")) for lot in outputs)
    return Section(w("genealogy"), (Table((w("lot"), w("item"), w("quantity"), w("status"), w("expires")), rows),))


def _status_history(tx: UnitOfWork, w: Words, batch: Batch, names: PrintedNames) -> Section:
    rows = tuple((w.time(h.at), f"{w.status(h.from_status) or '—'} → {w.status(h.to_status)}", names(h.by_user),
                  h.reason or "")
                 for h in tx.signatures.status_history("batch", batch.batch_number))
    return Section(w("status_history"), (Table((w("when"), w("from_to"), w("by"), w("reason")), rows,
                                               widths=(16, 18, 16, 30)),))


def _signatures(tx: UnitOfWork, w: Words, batch: Batch) -> Section:
    views = signature_views(tx, "batch", batch.batch_number)
    if not views:
        return Section(w("signatures"), (Paragraph(w("signature_note")), Paragraph(w("no_signatures"))))
    return Section(w("signatures"), (Paragraph(w("signature_note")), signature_table(w, views)))


def _labels(tx: UnitOfWork, w: Words, outputs: Sequence[Lot]) -> Section:
    rows = []
    for lot in outputs:
        jobs = tx.print_jobs.for_record("lot", lot.lot_number)
        if not jobs:
            continue
        printed = sum(j.copies for j in jobs if j.state is PrintState.PRINTED)
        unprinted = sum(j.copies for j in jobs if j.state is not PrintState.PRINTED)
        rows.append((lot.lot_number, str(len(jobs)), str(printed), str(unprinted), "", "", ""))
    if not rows:
        return Section(w("labels"), (Paragraph(w("labels_note")), Paragraph(w("no_labels"))))
    table = Table((w("lot"), w("jobs"), w("printed"), w("open_jobs"), w("applied"), w("destroyed"), w("returned")),
                  tuple(rows))
    return Section(w("labels"), (Paragraph(w("labels_note")), table))


def _audit(tx: UnitOfWork, w: Words, batch: Batch, issues: Sequence[MaterialIssue], outputs: Sequence[Lot]
           ) -> Section:
    entries = list(tx.audit.iter_all(AuditFilter(record_type="batch", record_id=batch.batch_number)))
    issue_ids = {str(i.id) for i in issues}
    if issue_ids:
        since = AuditFilter(record_type="material_issue", since=batch.planned_at)
        entries += [e for e in tx.audit.iter_all(since) if e.record_id in issue_ids]
    for lot in outputs:
        entries += tx.audit.iter_all(AuditFilter(record_type="lot", record_id=lot.lot_number))
    entries.sort(key=lambda e: e.seq)
    return Section(w("audit_excerpt"), (Paragraph(w("audit_note")), audit_table(w, entries)))
