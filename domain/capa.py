"""CAPA, corrective and preventive action (DEV-2): opened from a deviation or on its own; actions with an owner and
a due date, each closed with its evidence; an effectiveness check due later; a signed QA closure.

Pure rules: the use cases in `app/capa.py` load the CAPA and its actions and hand them in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import Enum

from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.signatures import Meaning, SignatureRequirement
from domain.users import Permission, Role
from domain.workflow import StateMachine, Transition


class CapaStatus(Enum):
    OPEN = N_("Open")
    CLOSED = N_("Closed")


class ActionKind(Enum):
    CORRECTIVE = N_("Corrective")
    PREVENTIVE = N_("Preventive")

    @classmethod
    def parse(cls, text: str) -> ActionKind:
        for kind in cls:
            if kind.value.casefold() == text.strip().casefold():
                return kind
        raise ValidationError(_("unknown action kind '{text}': use Corrective or Preventive", text=text))


CAPA_CLOSURE = SignatureRequirement("qa_closure", N_("QA closure"), Meaning.APPROVED,
                                    frozenset({Role.QA_REVIEWER, Role.QA_RELEASE}))
CAPA_WORKFLOW: StateMachine[CapaStatus] = StateMachine("capa", [
    Transition(CapaStatus.OPEN, CapaStatus.CLOSED, N_("close"), Permission.CLOSE_CAPA, reason_required=False,
               signatures=(CAPA_CLOSURE,)),
])


def _text(value: str, what: str, max_length: int) -> str:
    cleaned = " ".join(value.split()) if max_length <= 200 else value.strip()
    if not cleaned or len(cleaned) > max_length:
        raise ValidationError(_("{what} is required (1 to {max_length} characters)", what=_(what),
                                max_length=max_length))
    return cleaned


class CapaAction:
    """One action of a CAPA: what, whose, by when; closed with the evidence that it was done."""

    id: int | None
    capa_id: int
    action_no: int
    kind: ActionKind
    description: str
    owner: str  # user ID
    due_on: date
    evidence: str | None
    done_by: str | None
    done_at: datetime | None
    change_request: str | None  # the change request the action needs (CHG-1); closed once it is implemented

    def __init__(self, capa_id: int, action_no: int, kind: ActionKind, description: str, owner: str, due_on: date,
                 today: date, change_request: str | None = None) -> None:
        if due_on < today:
            raise ValidationError(_("the due date {due_on} is in the past", due_on=due_on))
        self.id = None
        self.capa_id, self.action_no, self.kind = capa_id, action_no, kind
        self.description = _text(description, _("an action's description"), 2000)
        self.owner, self.due_on = owner, due_on
        self.evidence = self.done_by = None
        self.done_at = None
        self.change_request = change_request

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def overdue(self, today: date) -> bool:
        return not self.is_done and self.due_on < today

    def close(self, evidence: str, user_id: str, at: datetime, change_status: str | None = None) -> None:
        """`change_status`: the status of the change request the action needs, if it names one."""
        if self.is_done:
            raise ValidationError(_("action {action_no} is already closed", action_no=self.action_no))
        if self.change_request is not None and change_status != "Implemented":
            raise ValidationError(_("action {action_no} needs change request {change_request}, which is {status}: "
                                    "it closes once the change is implemented", action_no=self.action_no,
                                    change_request=self.change_request, status=_(change_status or "").lower()))
        self.evidence = _text(evidence, _("the evidence that the action was done"), 2000)
        self.done_by, self.done_at = user_id, at


class Capa:
    id: int | None
    number: str
    title: str
    description: str
    deviation: str | None  # the deviation it comes from, if any
    status: CapaStatus
    opened_by: str
    opened_at: datetime
    effectiveness_due: date
    effectiveness: str | None  # the check's finding
    effective: bool | None
    checked_by: str | None
    checked_at: datetime | None
    closed_at: datetime | None
    version: int

    def __init__(self, number: str, title: str, description: str, deviation: str | None, opened_by: str,
                 opened_at: datetime, effectiveness_due: date, today: date) -> None:
        if effectiveness_due <= today:
            raise ValidationError(_("the effectiveness check is due later: a date after today, not {due}",
                                    due=effectiveness_due))
        self.id = None
        self.number = number
        self.title = _text(title, _("a CAPA's title"), 200)
        self.description = _text(description, _("a CAPA's description"), 4000)
        self.deviation = deviation
        self.status = CapaStatus.OPEN
        self.opened_by, self.opened_at = opened_by, opened_at
        self.effectiveness_due = effectiveness_due
        self.effectiveness = self.checked_by = None
        self.effective = None
        self.checked_at = self.closed_at = None

    def check_open(self) -> None:
        if self.status is not CapaStatus.OPEN:
            raise ValidationError(_("CAPA {number} is closed", number=self.number))

    def record_effectiveness(self, actions: Sequence[CapaAction], effective: bool, finding: str, user_id: str,
                             at: datetime) -> None:
        """The effectiveness check, once every action is done; not effective means more actions are needed."""
        self.check_open()
        if not actions or any(not a.is_done for a in actions):
            raise ValidationError(_("CAPA {number}: the effectiveness is checked once every action is closed",
                                    number=self.number))
        self.effectiveness = _text(finding, _("the effectiveness check's finding"), 2000)
        self.effective = effective
        self.checked_by, self.checked_at = user_id, at

    def check_closable(self, actions: Sequence[CapaAction]) -> None:
        self.check_open()
        open_actions = [a.action_no for a in actions if not a.is_done]
        if not actions or open_actions:
            raise ValidationError(_("CAPA {number} cannot close: actions still open: {actions}", number=self.number,
                                    actions=", ".join(map(str, open_actions)) or _("none planned")))
        if self.effective is not True:
            raise ValidationError(_("CAPA {number} cannot close: its effectiveness check has not found it "
                                    "effective", number=self.number))

    def content(self, actions: Sequence[CapaAction]) -> Mapping[str, object]:
        """What the closure signature signs (SIG-3)."""
        return {
            "number": self.number, "title": self.title, "description": self.description,
            "deviation": self.deviation, "effectiveness_due": self.effectiveness_due,
            "effectiveness": self.effectiveness, "effective": self.effective,
            "actions": [[a.action_no, a.kind.value, a.description, a.owner, a.due_on, a.evidence, a.done_by]
                        for a in sorted(actions, key=lambda a: a.action_no)],
        }
