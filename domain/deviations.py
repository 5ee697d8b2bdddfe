"""Deviations (DEV-1): classification, linked records, investigation, root cause, disposition and closure.

The links say what a deviation touches: an open deviation blocks the release of every lot and batch linked to
it. Other modules link their own records by kind (a process step, an excursion) without changing this one.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum

from domain.errors import ValidationError
from domain.i18n import N_, _, names, one_of
from domain.users import Permission
from domain.workflow import StateMachine, Transition


class Classification(Enum):
    MINOR = N_("Minor")
    MAJOR = N_("Major")
    CRITICAL = N_("Critical")

    @classmethod
    def parse(cls, text: str) -> Classification:
        for c in cls:
            if c.value.casefold() == text.strip().casefold():
                return c
        raise ValidationError(_("unknown classification '{text}': use Minor, Major or Critical", text=text))


class DeviationStatus(Enum):
    OPEN = N_("Open")
    INVESTIGATION = N_("Investigation")
    CLOSED = N_("Closed")


class RootCause(Enum):
    MATERIAL = N_("Material")
    METHOD = N_("Method")
    MACHINE = N_("Machine")
    PERSONNEL = N_("Personnel")
    ENVIRONMENT = N_("Environment")
    MEASUREMENT = N_("Measurement")
    UNKNOWN = N_("Unknown")

    @classmethod
    def parse(cls, text: str) -> RootCause:
        for c in cls:
            if names(text, c.value):
                return c
        raise ValidationError(_("unknown root cause category '{text}': use {choices}",
                                text=text, choices=one_of(c.value for c in cls)))


OPEN, INV, CL = DeviationStatus.OPEN, DeviationStatus.INVESTIGATION, DeviationStatus.CLOSED
DEVIATION_WORKFLOW: StateMachine[DeviationStatus] = StateMachine(
    "deviation",
    [
        Transition(OPEN, INV, "start the investigation of", Permission.INVESTIGATE_DEVIATION, reason_required=False),
        Transition(INV, CL, "close", Permission.CLOSE_DEVIATION),
    ],
)

# Kinds whose links block release: the record the link names is a lot or a batch.
RELEASE_KINDS = ("lot", "batch")
_KIND = re.compile(r"[a-z][a-z_]{1,19}")


class DeviationLink:
    id: int | None
    deviation_id: int
    kind: str  # lot, batch, result, alert, or another module's record kind
    ref: str  # the number or ID people know

    def __init__(self, deviation_id: int, kind: str, ref: str) -> None:
        self.id = None
        self.deviation_id = deviation_id
        self.kind, self.ref = check_link(kind, ref)


def check_link(kind: str, ref: str) -> tuple[str, str]:
    kind, ref = kind.strip().lower(), ref.strip()
    if not _KIND.fullmatch(kind):
        raise ValidationError(_("'{kind}' is not a record kind (e.g. lot, batch, result, alert)", kind=kind))
    if not ref or len(ref) > 120:
        raise ValidationError(_("a linked {kind} needs its number (1 to 120 characters)", kind=kind))
    return kind, ref


class Deviation:
    id: int | None
    number: str
    title: str
    description: str
    classification: Classification
    status: DeviationStatus
    opened_by: str
    opened_at: datetime
    investigation: str | None
    root_cause_category: RootCause | None
    root_cause: str | None
    disposition: str | None
    closed_at: datetime | None
    version: int

    def __init__(self, number: str, title: str, description: str, classification: Classification,
                 opened_by: str, opened_at: datetime) -> None:
        title = " ".join(title.split())
        if not title or len(title) > 200:
            raise ValidationError(_("a deviation needs a title of 1 to 200 characters"))
        if not description.strip():
            raise ValidationError(_("a deviation needs a description of what happened"))
        self.id = None
        self.number, self.title, self.description = number, title, description.strip()
        self.classification = classification
        self.status = DeviationStatus.OPEN
        self.opened_by, self.opened_at = opened_by, opened_at
        self.investigation = self.root_cause = self.disposition = None
        self.root_cause_category = None
        self.closed_at = None

    @property
    def is_open(self) -> bool:
        return self.status is not DeviationStatus.CLOSED

    def record_investigation(self, investigation: str | None, category: RootCause | None, root_cause: str | None,
                             disposition: str | None) -> None:
        if self.status is not DeviationStatus.INVESTIGATION:
            raise ValidationError(_("deviation {number} is {status}: findings are recorded during its investigation",
                                    number=self.number, status=_(self.status.value)))
        if investigation is not None:
            self.investigation = investigation.strip() or None
        if category is not None:
            self.root_cause_category = category
        if root_cause is not None:
            self.root_cause = root_cause.strip() or None
        if disposition is not None:
            self.disposition = disposition.strip() or None

    def check_closable(self) -> None:
        missing = [name for name, value in (("the investigation", self.investigation),
                                            ("the root cause category", self.root_cause_category),
                                            ("the root cause", self.root_cause),
                                            ("the disposition", self.disposition)) if not value]
        if missing:
            raise ValidationError(_("deviation {number} cannot close: record {missing} first",
                                    number=self.number, missing=', '.join(missing)))
