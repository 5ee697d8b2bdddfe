"""The names of statuses, kinds and types as users read them, translatable (GEN-6).

The domain's enum values are English; these lists let lupdate find each one for the translators.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from domain.i18n import _
from domain.workflow import Transition

_KNOWN = (
    # lots
    QT_TRANSLATE_NOOP("Status", "Quarantine"), QT_TRANSLATE_NOOP("Status", "Released"),
    QT_TRANSLATE_NOOP("Status", "Rejected"), QT_TRANSLATE_NOOP("Status", "On hold"),
    QT_TRANSLATE_NOOP("Status", "Expired"), QT_TRANSLATE_NOOP("Status", "Consumed"),
    QT_TRANSLATE_NOOP("Status", "Received"), QT_TRANSLATE_NOOP("Status", "Produced"),
    # batches
    QT_TRANSLATE_NOOP("Status", "Planned"), QT_TRANSLATE_NOOP("Status", "In production"),
    QT_TRANSLATE_NOOP("Status", "Completed"), QT_TRANSLATE_NOOP("Status", "QC testing"),
    QT_TRANSLATE_NOOP("Status", "QA review"), QT_TRANSLATE_NOOP("Status", "Recalled"),
    QT_TRANSLATE_NOOP("Status", "Issue"), QT_TRANSLATE_NOOP("Status", "Return"),
    # master batch records, approvals, recalls
    QT_TRANSLATE_NOOP("Status", "Draft"), QT_TRANSLATE_NOOP("Status", "Effective"),
    QT_TRANSLATE_NOOP("Status", "Superseded"), QT_TRANSLATE_NOOP("Status", "Approved"),
    QT_TRANSLATE_NOOP("Status", "Suspended"), QT_TRANSLATE_NOOP("Status", "Disqualified"),
    QT_TRANSLATE_NOOP("Status", "Open"), QT_TRANSLATE_NOOP("Status", "Closed"),
    QT_TRANSLATE_NOOP("Status", "Pending"), QT_TRANSLATE_NOOP("Status", "Notified"),
    QT_TRANSLATE_NOOP("Status", "Confirmed"),
    # QC plans and results, deviations
    QT_TRANSLATE_NOOP("Status", "Done"), QT_TRANSLATE_NOOP("Status", "Entered"),
    QT_TRANSLATE_NOOP("Status", "Investigation"),
    # deviation classes and root cause categories
    QT_TRANSLATE_NOOP("Status", "Minor"), QT_TRANSLATE_NOOP("Status", "Major"),
    QT_TRANSLATE_NOOP("Status", "Critical"), QT_TRANSLATE_NOOP("Status", "Material"),
    QT_TRANSLATE_NOOP("Status", "Method"), QT_TRANSLATE_NOOP("Status", "Machine"),
    QT_TRANSLATE_NOOP("Status", "Personnel"), QT_TRANSLATE_NOOP("Status", "Environment"),
    QT_TRANSLATE_NOOP("Status", "Measurement"), QT_TRANSLATE_NOOP("Status", "Unknown"),
    # print jobs (DEVC-6)
    QT_TRANSLATE_NOOP("Status", "queued"), QT_TRANSLATE_NOOP("Status", "printing"),
    QT_TRANSLATE_NOOP("Status", "printed"), QT_TRANSLATE_NOOP("Status", "waiting for printer"),
    QT_TRANSLATE_NOOP("Status", "failed"), QT_TRANSLATE_NOOP("Status", "cancelled"),
    # sensor kinds and equipment statuses (domain/process.py)
    QT_TRANSLATE_NOOP("Status", "Temperature"), QT_TRANSLATE_NOOP("Status", "Humidity"),
    QT_TRANSLATE_NOOP("Status", "Differential pressure"), QT_TRANSLATE_NOOP("Status", "In service"),
    QT_TRANSLATE_NOOP("Status", "Out of service"),
    # item types
    QT_TRANSLATE_NOOP("Status", "Raw material"), QT_TRANSLATE_NOOP("Status", "Component"),
    QT_TRANSLATE_NOOP("Status", "Packaging"), QT_TRANSLATE_NOOP("Status", "Intermediate"),
    QT_TRANSLATE_NOOP("Status", "Finished device"),
)

# The record types of the audit trail (persistence/mapping.py AUDITED and the events of app/), as users read them.
_RECORD_TYPES = {
    "lot": QT_TRANSLATE_NOOP("RecordType", "lot"), "batch": QT_TRANSLATE_NOOP("RecordType", "batch"),
    "shipment": QT_TRANSLATE_NOOP("RecordType", "shipment"),
    "shipment_line": QT_TRANSLATE_NOOP("RecordType", "shipment line"),
    "material_issue": QT_TRANSLATE_NOOP("RecordType", "material issue"),
    "recall": QT_TRANSLATE_NOOP("RecordType", "recall"),
    "recall_scope": QT_TRANSLATE_NOOP("RecordType", "recall scope"),
    "recall_customer": QT_TRANSLATE_NOOP("RecordType", "recall customer"),
    "item": QT_TRANSLATE_NOOP("RecordType", "item"), "supplier": QT_TRANSLATE_NOOP("RecordType", "supplier"),
    "supplier_approval": QT_TRANSLATE_NOOP("RecordType", "supplier approval"),
    "customer": QT_TRANSLATE_NOOP("RecordType", "customer"),
    "number_rule": QT_TRANSLATE_NOOP("RecordType", "number rule"),
    "mbr": QT_TRANSLATE_NOOP("RecordType", "master batch record"),
    "mbr_line": QT_TRANSLATE_NOOP("RecordType", "BOM line"),
    "mbr_step": QT_TRANSLATE_NOOP("RecordType", "process step"),
    "mbr_parameter": QT_TRANSLATE_NOOP("RecordType", "process parameter"),
    "batch_step": QT_TRANSLATE_NOOP("RecordType", "batch step"),
    "parameter_value": QT_TRANSLATE_NOOP("RecordType", "parameter value"),
    "room": QT_TRANSLATE_NOOP("RecordType", "room"), "sensor": QT_TRANSLATE_NOOP("RecordType", "sensor"),
    "equipment": QT_TRANSLATE_NOOP("RecordType", "equipment"),
    "reading_import": QT_TRANSLATE_NOOP("RecordType", "readings import"),
    "excursion": QT_TRANSLATE_NOOP("RecordType", "excursion"),
    "specification": QT_TRANSLATE_NOOP("RecordType", "specification"),
    "spec_test": QT_TRANSLATE_NOOP("RecordType", "specification test"),
    "qc_plan": QT_TRANSLATE_NOOP("RecordType", "QC plan"), "qc_result": QT_TRANSLATE_NOOP("RecordType", "QC result"),
    "deviation": QT_TRANSLATE_NOOP("RecordType", "deviation"),
    "deviation_link": QT_TRANSLATE_NOOP("RecordType", "deviation link"),
    "user": QT_TRANSLATE_NOOP("RecordType", "user"),
    "site_security": QT_TRANSLATE_NOOP("RecordType", "site security settings"),
    "alert": QT_TRANSLATE_NOOP("RecordType", "alert"),
    "signature_rule": QT_TRANSLATE_NOOP("RecordType", "signature rule"),
    "print_job": QT_TRANSLATE_NOOP("RecordType", "print job"),
    "document": QT_TRANSLATE_NOOP("RecordType", "document"),
    "schema": QT_TRANSLATE_NOOP("RecordType", "database schema"),
    "audit_log": QT_TRANSLATE_NOOP("RecordType", "audit trail"),
    "permission": QT_TRANSLATE_NOOP("RecordType", "permission"),
    "change": QT_TRANSLATE_NOOP("RecordType", "change request"),
    "change_item": QT_TRANSLATE_NOOP("RecordType", "change request line"),
}

# What the signature dialog shows of the record it signs (app/signed_records.py): stored in English in the signed
# content, shown in the reader's language.
_SIGNED_FIELDS = (
    QT_TRANSLATE_NOOP("SignedRecord", "Lot"), QT_TRANSLATE_NOOP("SignedRecord", "Item"),
    QT_TRANSLATE_NOOP("SignedRecord", "Quantity"), QT_TRANSLATE_NOOP("SignedRecord", "Source"),
    QT_TRANSLATE_NOOP("SignedRecord", "Manufactured"), QT_TRANSLATE_NOOP("SignedRecord", "Expires"),
    QT_TRANSLATE_NOOP("SignedRecord", "Status"), QT_TRANSLATE_NOOP("SignedRecord", "Batch"),
    QT_TRANSLATE_NOOP("SignedRecord", "Product"), QT_TRANSLATE_NOOP("SignedRecord", "Master batch record"),
    QT_TRANSLATE_NOOP("SignedRecord", "Planned"), QT_TRANSLATE_NOOP("SignedRecord", "Produced"),
    QT_TRANSLATE_NOOP("SignedRecord", "Finished lots"),
    QT_TRANSLATE_NOOP("SignedRecord", "Change request"), QT_TRANSLATE_NOOP("SignedRecord", "Title"),
    QT_TRANSLATE_NOOP("SignedRecord", "Classification"), QT_TRANSLATE_NOOP("SignedRecord", "Requested by"),
    QT_TRANSLATE_NOOP("SignedRecord", "Effective on"), QT_TRANSLATE_NOOP("SignedRecord", "Versions"),
)

_KINDS = {"L": QT_TRANSLATE_NOOP("Kind", "Lot"), "B": QT_TRANSLATE_NOOP("Kind", "Batch"),
          "S": QT_TRANSLATE_NOOP("Kind", "Shipment")}


def stored_name(context: str, value: str) -> str:
    """A name the domain stores in English (a status, role, signature meaning or workflow step) in the user's
    language: from the widgets' translations, else from the catalogue of the names the domain marks with N_()."""
    shown = QCoreApplication.translate(context, value)
    return shown if shown != value else _(value)


def status_name(value: str | None) -> str:
    """A status, origin or item type in the user's language ("" for none)."""
    return stored_name("Status", value) if value else ""


def backed_status_name(value: str, problem: str | None) -> str:
    """A lot's or batch's status, or, when the application found it not backed by its status history and its
    signatures (SIG-3), that finding instead of the status the database claims."""
    if problem is None:
        return status_name(value)
    return QCoreApplication.translate("Status", "status not backed by its signatures ({problem})").format(
        problem=problem)


def transition_name(transition: Transition[Any] | str) -> str:
    """A workflow step ("release", "put on hold") in the user's language."""
    return stored_name("Transition", transition if isinstance(transition, str) else transition.name)


def kind_name(kind: str) -> str:
    """A trace node kind ("L", "B", "S") in the user's language."""
    return QCoreApplication.translate("Kind", _KINDS.get(kind, kind))


def record_type_name(record_type: str) -> str:
    """An audit trail record type ("material_issue") in the user's language; an unknown one as it is stored."""
    known = _RECORD_TYPES.get(record_type)
    return QCoreApplication.translate("RecordType", known) if known else record_type


def signed_field_name(key: str) -> str:
    """A field of a signed record's summary ("Expires") in the user's language."""
    return stored_name("SignedRecord", key)


def requirement_name(label: str) -> str:
    """A signature requirement ("QC review", stored in English) in the user's language."""
    return stored_name("Requirement", label)


def rule_title(title: str) -> str:
    """A release rule's title (stored and signed in English, domain/release_rules.py) in the user's language; its
    evidence is shown as signed."""
    return stored_name("ReleaseRule", title)
