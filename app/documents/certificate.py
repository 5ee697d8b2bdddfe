"""The certificate of analysis of a released lot (DOC-2): the lot, its item and GTIN, where it was made, the
QC results against the specification as far as BatchTrace holds them, and the release signatures."""

from __future__ import annotations

from app.documents.frame import Issue, PrintedNames, signature_table
from app.documents.quality_record import qc_results_section
from app.ports import UnitOfWork
from app.signatures import signature_views
from domain.documents import Document, Fields, Paragraph, Section
from domain.errors import NotFound, ValidationError
from domain.i18n import _
from domain.lots import LotStatus


def build_certificate(tx: UnitOfWork, issue: Issue) -> Document:
    w = issue.words
    lot = tx.lots.by_number(issue.subject)
    if lot is None:
        raise NotFound(f"no lot {issue.subject}")
    if lot.status is not LotStatus.RELEASED:
        raise ValidationError(_("lot {lot_number} is {status}: a certificate of analysis is issued for a released lot",
                                lot_number=lot.lot_number, status=_(lot.status.value)))
    item = tx.master_data.item(lot.item_code)
    batch = tx.batches.by_id(lot.batch_id) if lot.batch_id is not None else None
    rows = [
        (w("lot"), lot.lot_number),
        (w("product"), f"{lot.item_code} {item.name}" if item else lot.item_code),
        (w("gtin"), (item.gtin or w("none")) if item else ""),
        (w("quantity"), w.amount(lot.quantity, lot.unit.value)),
        (w("manufactured"), str(lot.manufactured_on or "")),
        (w("expires"), str(lot.expires_on or "")),
        (w("status"), w.status(lot.status.value)),
    ]
    if batch is not None:
        rows.append((w("batch_number"), batch.batch_number))
        rows.append((w("mbr"), f"{batch.product_code} v{batch.mbr_version}"))
    if lot.supplier_code:
        rows.append((w("supplier"), lot.supplier_code))
        rows.append((w("supplier_lot"), lot.supplier_lot or ""))
    sections = [
        Section(w("coa_lot"), (Fields(tuple(rows)),)),
        # a lot made here is tested as its batch (the release rule does the same)
        qc_results_section(tx, w, tx.quality.plan("lot", lot.lot_number) or (
            tx.quality.plan("batch", batch.batch_number) if batch is not None else None), PrintedNames(tx)),
        Section(w("release"), (Paragraph(w("coa_statement", lot=lot.lot_number), emphasis=True),
                               signature_table(w, signature_views(tx, "lot", lot.lot_number)))),
    ]
    if batch is not None:
        views = signature_views(tx, "batch", batch.batch_number)
        if views:
            sections.append(Section(w("batch_release", batch=batch.batch_number), (signature_table(w, views),)))
    sections.append(issue.identity_section())
    return issue.document(w("coa_of", lot=lot.lot_number), sections)
