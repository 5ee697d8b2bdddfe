"""Alerts: refused material issues and other mismatches someone must look at (the deviation hook, LOT-7).

An alert is written even though the action it reports was refused and rolled back, so a mismatch can
never disappear silently; the deviation module will open deviations from alerts.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from domain.errors import ValidationError
from domain.i18n import _


class AlertStatus(Enum):
    OPEN = "Open"
    ACKNOWLEDGED = "Acknowledged"


class Alert:
    id: int | None
    kind: str  # e.g. "issue_refused"
    message: str
    batch_number: str | None
    lot_number: str | None
    raised_by: str
    raised_at: datetime
    status: AlertStatus
    note: str | None

    def __init__(
        self, kind: str, message: str, raised_by: str, raised_at: datetime, *, batch_number: str | None = None,
        lot_number: str | None = None,
    ) -> None:
        self.id = None
        self.kind = kind
        self.message = message
        self.batch_number = batch_number
        self.lot_number = lot_number
        self.raised_by = raised_by
        self.raised_at = raised_at
        self.status = AlertStatus.OPEN
        self.note = None

    def acknowledge(self, note: str) -> None:
        if self.status is AlertStatus.ACKNOWLEDGED:
            raise ValidationError(_("the alert is already acknowledged"))
        if not note.strip():
            raise ValidationError(_("say what was done about the alert"))
        self.status = AlertStatus.ACKNOWLEDGED
        self.note = note.strip()
