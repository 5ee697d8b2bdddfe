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
    # print jobs (DEVC-6)
    QT_TRANSLATE_NOOP("Status", "queued"), QT_TRANSLATE_NOOP("Status", "printing"),
    QT_TRANSLATE_NOOP("Status", "printed"), QT_TRANSLATE_NOOP("Status", "waiting for printer"),
    QT_TRANSLATE_NOOP("Status", "failed"), QT_TRANSLATE_NOOP("Status", "cancelled"),
    # item types
    QT_TRANSLATE_NOOP("Status", "Raw material"), QT_TRANSLATE_NOOP("Status", "Component"),
    QT_TRANSLATE_NOOP("Status", "Packaging"), QT_TRANSLATE_NOOP("Status", "Intermediate"),
    QT_TRANSLATE_NOOP("Status", "Finished device"),
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


def transition_name(transition: Transition[Any] | str) -> str:
    """A workflow step ("release", "put on hold") in the user's language."""
    return stored_name("Transition", transition if isinstance(transition, str) else transition.name)


def kind_name(kind: str) -> str:
    """A trace node kind ("L", "B", "S") in the user's language."""
    return QCoreApplication.translate("Kind", _KINDS.get(kind, kind))
