"""Use cases for CAPA (DEV-2): open one from a deviation or on its own, plan actions with an owner and a due
date, close each with its evidence, record the effectiveness check, and close the CAPA with a QA signature;
overdue actions listed for QA and counted for their owner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.clock import local_today
from app.numbering import next_number
from app.ports import UnitOfWork
from app.process_steps import NO_TRANSITION
from app.signatures import SigningSession, _reauthenticate
from app.users import AuthConfig
from domain.capa import CAPA_CLOSURE, CAPA_WORKFLOW, ActionKind, Capa, CapaAction, CapaStatus
from domain.errors import AccessDenied, NotFound
from domain.i18n import _
from domain.signatures import Signature, content_hash
from domain.users import Actor, Permission

RECORD_TYPE = "capa"


@dataclass(frozen=True)
class ActionView:
    action_no: int
    kind: str
    description: str
    owner: str
    due_on: date
    overdue: bool
    evidence: str | None
    done_by: str | None
    done_at: datetime | None
    change_request: str | None = None  # the change request it needs (CHG-1)

    @classmethod
    def of(cls, a: CapaAction, today: date) -> ActionView:
        return cls(a.action_no, a.kind.value, a.description, a.owner, a.due_on, a.overdue(today), a.evidence,
                   a.done_by, a.done_at, a.change_request)


@dataclass(frozen=True)
class CapaView:
    number: str
    title: str
    description: str
    deviation: str | None
    status: str
    opened_by: str
    opened_at: datetime
    effectiveness_due: date
    effectiveness: str | None
    effective: bool | None
    checked_by: str | None
    closed_at: datetime | None
    closed_by: str | None  # "Printed Name (user)" of the QA closure signature
    actions: tuple[ActionView, ...]
    effectiveness_overdue: bool

    @property
    def stage(self) -> str:
        """Where the CAPA stands, for lists: what comes next."""
        if self.status == CapaStatus.CLOSED.value:
            return _("closed")
        open_actions = sum(1 for a in self.actions if a.done_at is None)
        if not self.actions:
            return _("no action planned")
        if open_actions:
            return _("{n} of {total} actions open", n=open_actions, total=len(self.actions))
        if self.effective is None:
            return _("effectiveness check due {due}", due=self.effectiveness_due)
        return _("ready for QA closure") if self.effective else _("not effective: plan further actions")


@dataclass(frozen=True)
class OverdueAction:
    capa: str
    title: str
    action_no: int
    description: str
    owner: str
    due_on: date
    days_overdue: int


def _view(tx: UnitOfWork, capa: Capa, actions: Sequence[CapaAction] | None = None) -> CapaView:
    assert capa.id is not None
    today = local_today(tx)
    if actions is None:
        actions = tx.capas.actions([capa.id])[capa.id]
    closure = [s for s in tx.signatures.for_records(RECORD_TYPE, [capa.number])[capa.number]
               if s.requirement == CAPA_CLOSURE.key]
    closed_by = f"{closure[-1].printed_name} ({closure[-1].user_id})" if closure else None
    return CapaView(capa.number, capa.title, capa.description, capa.deviation, capa.status.value, capa.opened_by,
                    capa.opened_at, capa.effectiveness_due, capa.effectiveness, capa.effective, capa.checked_by,
                    capa.closed_at, closed_by, tuple(ActionView.of(a, today) for a in actions),
                    capa.status is CapaStatus.OPEN and capa.effective is None and capa.effectiveness_due < today)


def _capa(tx: UnitOfWork, number: str, *, for_update: bool = False) -> Capa:
    found = tx.capas.get(number.strip(), for_update=for_update)
    if found is None:
        raise NotFound(_("no CAPA {number}", number=number))
    return found


def open_capa(uow: UnitOfWork, actor: Actor, title: str, description: str, effectiveness_due: date,
              deviation: str | None = None) -> CapaView:
    """A CAPA on its own or from a deviation (DEV-2), with the date its effectiveness is to be checked."""
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_CAPA)
        source = deviation.strip() if deviation and deviation.strip() else None
        if source is not None and tx.quality.deviation(source) is None:
            raise NotFound(_("no deviation {number}", number=source))
        today = local_today(tx)
        capa = Capa(next_number(tx, "capa", today), title, description, source, actor.user_id, tx.now(),
                    effectiveness_due, today)
        tx.capas.add(capa)
        tx.commit(reason=f"opened from deviation {source}" if source else None)
        return _view(tx, capa, [])


def add_action(uow: UnitOfWork, actor: Actor, number: str, kind: str, description: str, owner: str, due_on: date,
               *, change_request: str | None = None) -> CapaView:
    """Plan an action: corrective or preventive, whose (an active user), by when; it may need a change request,
    and then closes only once that change is implemented (CHG-1)."""
    action_kind = ActionKind.parse(kind)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_CAPA)
        capa = _capa(tx, number, for_update=True)
        capa.check_open()
        person = tx.users.get(owner.strip())
        if person is None or not person.active:
            raise NotFound(_("no active user {user_id} to own the action", user_id=owner.strip()))
        assert capa.id is not None
        actions = tx.capas.actions([capa.id], for_update=True)[capa.id]
        change = change_request.strip() if change_request and change_request.strip() else None
        if change is not None and tx.changes.get(change) is None:
            raise NotFound(_("no change request {number}", number=change))
        action = CapaAction(capa.id, len(actions) + 1, action_kind, description, person.user_id, due_on,
                            local_today(tx), change)
        tx.capas.add(action)
        capa.effective = None  # a new action is checked again
        tx.commit(reason=f"action {action.action_no} planned, due {due_on}, owner {person.user_id}")
        return _view(tx, capa, [*actions, action])


def close_action(uow: UnitOfWork, actor: Actor, number: str, action_no: int, evidence: str) -> CapaView:
    """The action's owner (or QA) closes it with the evidence that it was done."""
    with uow.acting_as(actor) as tx:
        capa = _capa(tx, number, for_update=True)
        capa.check_open()
        assert capa.id is not None
        actions = tx.capas.actions([capa.id], for_update=True)[capa.id]
        action = next((a for a in actions if a.action_no == action_no), None)
        if action is None:
            raise NotFound(_("CAPA {number} has no action {action_no}", number=capa.number, action_no=action_no))
        if action.owner != actor.user_id and not actor.can(Permission.MANAGE_CAPA):
            raise AccessDenied(_("action {action_no} of CAPA {number} is {owner}'s to close", action_no=action_no,
                                 number=capa.number, owner=action.owner),
                               permission=Permission.MANAGE_CAPA.name, user_id=actor.user_id)
        change = tx.changes.get(action.change_request) if action.change_request else None
        action.close(evidence, actor.user_id, tx.now(), change.status.value if change else None)
        tx.commit(reason=f"action {action_no} done")
        return _view(tx, capa, actions)


def record_effectiveness(uow: UnitOfWork, actor: Actor, number: str, effective: bool, finding: str) -> CapaView:
    """The effectiveness check, once every action is closed (before or after its due date)."""
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_CAPA)
        capa = _capa(tx, number, for_update=True)
        assert capa.id is not None
        actions = tx.capas.actions([capa.id])[capa.id]
        capa.record_effectiveness(actions, effective, finding, actor.user_id, tx.now())
        tx.commit(reason="effectiveness checked: " + ("effective" if effective else "not effective"))
        return _view(tx, capa, actions)


def close_capa(uow: UnitOfWork, auth: AuthConfig, session: SigningSession, number: str, password: str, *,
               user_id_typed: str | None = None, comment: str | None = None) -> CapaView:
    """QA's signed closure (DEV-2, SIG-1): re-authenticated; every action closed and the effectiveness check
    found it effective; the signature binds the CAPA's content (actions with their evidence, the check)."""
    actor = session.actor
    with uow.acting_as(actor) as tx:
        _reauthenticate(tx, auth, session, password, user_id_typed, f"closing CAPA {number}")
        capa = _capa(tx, number, for_update=True)
        transition = CAPA_WORKFLOW.check(capa.status, CapaStatus.CLOSED, actor, None)
        if not CAPA_CLOSURE.roles & actor.roles:
            raise AccessDenied(_("the {label} of a CAPA is signed by {roles}", label=_(CAPA_CLOSURE.label),
                                 roles=CAPA_CLOSURE.role_names),
                               permission=Permission.CLOSE_CAPA.name, user_id=actor.user_id)
        assert capa.id is not None
        actions = tx.capas.actions([capa.id])[capa.id]
        capa.check_closable(actions)
        now = tx.now()
        signed = content_hash(RECORD_TYPE, capa.number, capa.content(actions))
        note = comment.strip() if comment and comment.strip() else None
        tx.signatures.add(Signature(RECORD_TYPE, capa.number, CAPA_WORKFLOW.key(transition), CAPA_CLOSURE, actor,
                                    now, signed, NO_TRANSITION, note))
        tx.audit_event("SIGN", RECORD_TYPE, capa.number, reason=note, details={
            "signature": (None, f"{CAPA_CLOSURE.label}: {CAPA_CLOSURE.meaning.value}"),
            "content_hash": (None, signed)})
        capa.status, capa.closed_at = CapaStatus.CLOSED, now
        tx.commit(reason=note or transition.name)
        session.signed_once = True
        return _view(tx, capa, actions)


def get_capa(uow: UnitOfWork, actor: Actor, number: str) -> CapaView:
    with uow.acting_as(actor) as tx:
        return _view(tx, _capa(tx, number))


def list_capas(uow: UnitOfWork, actor: Actor, *, open_only: bool = False, deviation: str | None = None
               ) -> list[CapaView]:
    """CAPA, newest first."""
    with uow.acting_as(actor) as tx:
        return capa_views_in(tx, open_only=open_only, deviation=deviation)


def capa_views_in(tx: UnitOfWork, *, open_only: bool = False, deviation: str | None = None) -> list[CapaView]:
    """`list_capas` inside a transaction the caller holds (a document reads everything in one)."""
    found = tx.capas.find(open_only=open_only, deviation=deviation)
    actions = tx.capas.actions([c.id for c in found if c.id is not None])
    return [_view(tx, c, actions[c.id]) for c in found if c.id is not None]


def overdue_actions(uow: UnitOfWork, actor: Actor, *, owner: str | None = None) -> list[OverdueAction]:
    """Open actions past their due date (DEV-2), the oldest due first; `owner`: one person's (status bar)."""
    with uow.acting_as(actor) as tx:
        today = local_today(tx)
        return [OverdueAction(c.number, c.title, a.action_no, a.description, a.owner, a.due_on,
                              (today - a.due_on).days) for c, a in tx.capas.overdue_actions(today, owner)]

