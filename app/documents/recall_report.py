"""The recall report (TRC-4, DOC-2): the trigger, the scope as it was frozen at opening, the customers to notify
with their addresses and quantities, the notification progress, and the recall's audit excerpt."""

from __future__ import annotations

from app.documents.frame import Issue, audit_table
from app.ports import AuditFilter, UnitOfWork
from domain.documents import Document, Fields, Paragraph, Section, Table
from domain.errors import NotFound
from domain.recall import NotificationStatus

_KIND = {"L": "kind_lot", "B": "kind_batch", "S": "kind_shipment"}


def build_recall_report(tx: UnitOfWork, issue: Issue) -> Document:
    w = issue.words
    recall = tx.recalls.by_number(issue.subject)
    if recall is None or recall.id is None:
        raise NotFound(f"no recall {issue.subject}")
    customers = sorted(tx.recalls.customers(recall.id), key=lambda c: c.customer_code)
    scope = tx.recalls.scope(recall.id)
    done = sum(1 for c in customers if c.status is NotificationStatus.COMPLETED)
    trigger = Section(w("recall_trigger"), (Fields((
        (w("recall_number"), recall.recall_number),
        (w("trigger_lot"), recall.trigger_lot_number),
        (w("reason"), recall.reason),
        (w("status"), w.status(recall.status.value)),
        (w("opened_at"), w.time(recall.opened_at)),
        (w("closed_at"), w.time(recall.closed_at)),
        (w("progress"), w("progress_value", done=done, total=len(customers))),
    )),))
    rows = []
    for c in customers:
        found = tx.master_data.customer(c.customer_code)
        address = ", ".join(p for p in (found.address, found.country) if p) if found else ""
        rows.append((f"{c.customer_code} {c.customer_name}", address, c.shipments, w.amount(c.quantity),
                     w.amount(c.returned_quantity), w.status(c.status.value), w.time(c.updated_at)))
    pending = frozenset(n for n, c in enumerate(customers) if c.status is NotificationStatus.PENDING)
    customer_table = Table((w("customer"), w("address"), w("shipments"), w("quantity"), w("returned"),
                            w("status"), w("updated_at")), tuple(rows), pending, widths=(16, 18, 14, 9, 9, 10, 16))
    scope_rows = tuple(
        (str(s.depth), f"{'  ' * s.depth}{w(_KIND.get(s.kind, 'kind_lot'))} {s.number}", s.item_code or "",
         w.amount(s.quantity, s.unit), w.status(s.status_at_open), s.customer_code or "", s.action)
        for s in scope)
    scope_table = Table((w("depth"), w("record"), w("item"), w("quantity"), w("status_at_open"), w("customer"),
                         w("action")), scope_rows, widths=(7, 23, 10, 10, 11, 10, 21))
    entries = list(tx.audit.iter_all(AuditFilter(record_type="recall", record_id=recall.recall_number)))
    entries += [e for e in tx.audit.iter_all(AuditFilter(record_type="recall_customer", since=recall.opened_at))
                if e.record_id.startswith(f"{recall.id}/")]
    entries.sort(key=lambda e: e.seq)
    sections = [
        trigger,
        Section(w("customers_to_notify"), (customer_table if rows else Paragraph(w("none")),)),
        Section(w("frozen_scope"), (Paragraph(w("scope_note")), scope_table)),
        Section(w("audit_excerpt"), (audit_table(w, entries),)),
        issue.identity_section(),
    ]
    return issue.document(w("recall_report_of", recall=recall.recall_number), sections)
