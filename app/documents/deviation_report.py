"""The deviation report (DEV-1, DEV-2, DOC-2): what happened and how it was classified, every record it is linked
to with what that record is, the investigation with root cause and disposition, its CAPA, each status change
with who made it, when and why (the closure is QA's), and the deviation's audit excerpt."""

from __future__ import annotations

from app.capa import capa_views_in
from app.deviations import DeviationView
from app.documents.frame import Issue, PrintedNames, audit_table
from app.documents.words import Words
from app.ports import AuditFilter, UnitOfWork
from domain.audit import AuditEntry
from domain.documents import Block, Document, Fields, Paragraph, Section, Table
from domain.errors import NotFound


def build_deviation_report(tx: UnitOfWork, issue: Issue) -> Document:
    w = issue.words
    d = tx.quality.deviation(issue.subject.strip())
    if d is None or d.id is None:
        raise NotFound(f"no deviation {issue.subject}")
    view = DeviationView.of(d, tx.quality.links([d.id])[d.id])
    names = PrintedNames(tx)
    entries = list(tx.audit.iter_all(AuditFilter(record_type="deviation", record_id=view.number)))
    sections = (
        Section(w("deviation"), (Fields((
            (w("deviation"), view.number), (w("title"), view.title), (w("description"), view.description),
            (w("classification"), w.term(view.classification)), (w("status"), w.status(view.status)),
            (w("opened_at"), f"{names(view.opened_by)}\n{w.time(view.opened_at)}"),
            (w("closed_at"), w.time(view.closed_at) or w("still_open")),
        )),)),
        Section(w("linked_records"), (_links(tx, w, view),)),
        Section(w("investigation"), (Fields((
            (w("investigation"), view.investigation or w("not_yet")),
            (w("root_cause"), " – ".join(p for p in (w.term(view.root_cause_category or ""), view.root_cause)
                                         if p) or w("not_yet")),
            (w("disposition"), view.disposition or w("not_yet")),
        )),)),
        Section(w("capa"), _capas(tx, w, view.number, names)),
        Section(w("status_history"), (_history(w, entries),)),
        Section(w("signatures"), (_signatures(w, entries),)),
        Section(w("audit_excerpt"), (Paragraph(w("deviation_audit_note")), audit_table(w, entries))),
        issue.identity_section(),
    )
    return issue.document(w("deviation_report_of", number=view.number), sections)


def _capas(tx: UnitOfWork, w: Words, number: str, names: PrintedNames) -> tuple[Block, ...]:
    """Each CAPA opened from the deviation (DEV-2): what it is, its actions with owner, due date and evidence
    (overdue ones highlighted), the effectiveness check and QA's signed closure."""
    blocks: list[Block] = []
    for c in capa_views_in(tx, deviation=number):
        check = ""
        if c.effective is not None:
            verdict = w("effective_yes") if c.effective else w("effective_no")
            check = f"{verdict}: {c.effectiveness or ''}\n{names(c.checked_by or '')}".strip()
        blocks.append(Fields((
            (w("capa"), f"{c.number}: {c.title}"), (w("description"), c.description),
            (w("status"), w.status(c.status)), (w("opened_at"), f"{names(c.opened_by)}\n{w.time(c.opened_at)}"),
            (w("effectiveness_due"), str(c.effectiveness_due)), (w("effectiveness"), check or w("not_yet")),
            (w("closed_by"), f"{c.closed_by}\n{w.time(c.closed_at)}" if c.closed_by else w("still_open")),
        )))
        rows = tuple((str(a.action_no), w.term(a.kind), a.description, names(a.owner),
                      f"{a.due_on}" + (f"\n{w('overdue')}" if a.overdue else ""),
                      f"{names(a.done_by)}\n{w.time(a.done_at)}" if a.done_by else "", a.evidence or "")
                     for a in c.actions)
        blocks.append(Table((w("action_no"), w("kind"), w("description"), w("owner"), w("due"), w("done_by"),
                             w("evidence")), rows, frozenset(n for n, a in enumerate(c.actions) if a.overdue),
                            widths=(6, 12, 24, 15, 12, 15, 16)) if rows else Paragraph(w("no_actions")))
    return tuple(blocks) or (Paragraph(w("capa_not_recorded")),)


def _links(tx: UnitOfWork, w: Words, view: DeviationView) -> Table | Paragraph:
    if not view.links:
        return Paragraph(w("none"))
    rows = tuple((w.get(f"link:{kind}", kind), ref, _what(tx, w, kind, ref)) for kind, ref in view.links)
    return Table((w("record"), w("reference"), w("what_it_is")), rows, widths=(18, 22, 60))


def _what(tx: UnitOfWork, w: Words, kind: str, ref: str) -> str:
    """One line saying what a linked record is, for the kinds BatchTrace holds; others are named by their ID."""
    if kind == "lot" and (lot := tx.lots.by_number(ref)) is not None:
        return f"{lot.item_code}, {w.amount(lot.quantity, lot.unit.value)}, {w.status(lot.status.value)}"
    if kind == "batch" and (batch := tx.batches.by_number(ref)) is not None:
        return f"{batch.product_code}, {w.amount(batch.planned_quantity, batch.unit.value)}, " \
               f"{w.status(batch.status.value)}"
    if kind == "result" and ref.isdigit() and (r := tx.quality.result(int(ref))) is not None:
        verdict = w("within_spec") if r.within_spec else w("oos")
        return f"{r.test_code}: {w.term(f'{r.reported} {r.unit}'.strip())} ({r.replicates}), {verdict}"
    if kind == "alert" and ref.isdigit() and (alert := tx.alerts.get(int(ref))) is not None:
        return alert.message
    return ""


def _signatures(w: Words, entries: list[AuditEntry]) -> Table | Paragraph:
    """The electronic signatures on the deviation (QA's closure), as its audit trail keeps them: printed name,
    user ID, date and time with zone, meaning and what it was for (SIG-2)."""
    rows = []
    for e in entries:
        if e.action != "SIGN":
            continue
        signed = str(e.change_map().get("signature", [None, ""])[1] or "")
        purpose, _, meaning = signed.rpartition(": ")
        rows.append((e.user_name, e.user_id, w.time(e.at), w.term(meaning), purpose, e.reason or ""))
    if not rows:
        return Paragraph(w("no_signature_yet"))
    return Table((w("printed_name"), w("user_id"), w("signed_at"), w("meaning"), w("for"), w("reason")),
                 tuple(rows), widths=(17, 10, 20, 11, 14, 28))


def _history(w: Words, entries: list[AuditEntry]) -> Table | Paragraph:
    """Opening, each status change and each signature of the deviation, from its audit trail."""
    rows = []
    for e in entries:
        status = e.change_map().get("status")
        if e.action == "SIGN":
            change = w("signed")
        elif status is not None:
            old, new = status
            change = f"{w.status(old) or '—'} → {w.status(new)}"
        else:
            continue
        rows.append((w.time(e.at), change, f"{e.user_name} ({e.user_id})", e.reason or ""))
    if not rows:
        return Paragraph(w("none"))
    return Table((w("when"), w("from_to"), w("by"), w("reason")), tuple(rows), widths=(20, 22, 22, 36))
