"""QA's desk work on a deviation (DEV-1): its impact on other batches (the forward trace of every lot and batch
it touches, in one read) and the signed closure. Apart from app.deviations because signing re-authenticates
through app.signatures, which needs the lots (and app.lots needs app.deviations through app.quality)."""

from __future__ import annotations

from dataclasses import dataclass

from app.deviations import DeviationView, _deviation, _view
from app.ports import UnitOfWork
from app.signatures import SigningSession, _reauthenticate
from app.users import AuthConfig
from domain.deviations import DEVIATION_WORKFLOW, RELEASE_KINDS, DeviationStatus
from domain.errors import ReasonRequired
from domain.i18n import _
from domain.signatures import Meaning
from domain.trace import Direction, NodeKind
from domain.users import Actor

_NODE_KIND = {"lot": NodeKind.LOT, "batch": NodeKind.BATCH}


@dataclass(frozen=True)
class ImpactView:
    """Where one linked lot or batch went: what its forward trace reaches."""

    kind: str
    ref: str
    batches: int
    lots: int
    finished_lots: int
    shipments: int
    customers: tuple[str, ...]


def deviation_impact(uow: UnitOfWork, actor: Actor, number: str) -> list[ImpactView]:
    """The impact on other batches: for every lot and batch the deviation touches, its forward trace counted
    by the database (the same scope as the Trace page and a recall)."""
    with uow.acting_as(actor) as tx:
        deviation = _deviation(tx, number)
        assert deviation.id is not None
        found = []
        for link in tx.quality.links([deviation.id])[deviation.id]:
            if link.kind not in RELEASE_KINDS:
                continue
            root = next((n for n in tx.genealogy.find(link.ref, 5)
                         if n.number == link.ref and n.kind is _NODE_KIND[link.kind]), None)
            if root is None:
                continue
            scope = tx.genealogy.scope(root, Direction.FORWARD)
            found.append(ImpactView(link.kind, link.ref, scope.batches, scope.lots, scope.finished_lots,
                                    scope.shipments, tuple(scope.customer_codes)))
        return found


def sign_closure(uow: UnitOfWork, auth: AuthConfig, session: SigningSession, number: str, password: str,
                 reason: str, *, user_id_typed: str | None = None) -> DeviationView:
    """QA closes the deviation with an electronic signature (DEV-1, SIG-1): re-authenticated, meaning
    "Approved", the reason and the findings it approves kept in the audit trail."""
    if not reason or not reason.strip():
        raise ReasonRequired(_("say why the deviation can be closed (e.g. the CAPA that addresses it)"))
    actor = session.actor
    with uow.acting_as(actor) as tx:
        deviation = _deviation(tx, number, for_update=True)
        DEVIATION_WORKFLOW.check(deviation.status, DeviationStatus.CLOSED, actor, reason)
        deviation.check_closable()
        _reauthenticate(tx, auth, session, password, user_id_typed, f"closing deviation {deviation.number}")
        deviation.status = DeviationStatus.CLOSED
        deviation.closed_at = tx.now()
        tx.audit_event("SIGN", "deviation", deviation.number, reason=reason.strip(), details={
            "signature": (None, f"QA closure: {Meaning.APPROVED.value}"),
            "signer": (None, f"{actor.printed_name} ({actor.user_id})"),
            "root_cause": (None, f"{deviation.root_cause_category.value if deviation.root_cause_category else ''}: "
                                 f"{deviation.root_cause or ''}"),
            "disposition": (None, deviation.disposition or ""),
        })
        tx.commit(reason=reason.strip())
        session.signed_once = True
        return _view(tx, deviation)
