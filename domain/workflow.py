"""Declarative state machines: each allowed transition is data (name, permission, reason, signatures).

Lots, batches and later deviations, CAPA and change requests declare their transitions as tables, so the
signature rules can be attached to a transition without touching the code that performs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Generic, TypeVar

from domain.errors import DomainError
from domain.i18n import _
from domain.signatures import SignatureRequirement, SigningProgress, check_complete
from domain.users import Actor, Permission

S = TypeVar("S", bound=Enum)


class TransitionRefused(DomainError):
    code = "transition_refused"


__all__ = ["SignatureRequirement", "StateMachine", "StatusChange", "Transition", "TransitionRefused"]


@dataclass(frozen=True)
class Transition(Generic[S]):
    source: S
    target: S
    name: str
    permission: Permission | None  # None: only the system performs it (expiry, consumption)
    reason_required: bool = True
    signatures: tuple[SignatureRequirement, ...] = ()

    @property
    def system_only(self) -> bool:
        return self.permission is None


class StateMachine(Generic[S]):
    def __init__(self, record_type: str, transitions: Iterable[Transition[S]]) -> None:
        self.record_type = record_type
        self._by_pair: dict[tuple[S, S], Transition[S]] = {}
        for t in transitions:
            if (t.source, t.target) in self._by_pair:
                raise ValueError(_("duplicate transition {value} -> {target}",
                                   value=t.source.name, target=t.target.name))
            self._by_pair[(t.source, t.target)] = t

    @property
    def transitions(self) -> list[Transition[S]]:
        return list(self._by_pair.values())

    def allowed_from(self, source: S) -> list[Transition[S]]:
        return [t for (s, _), t in self._by_pair.items() if s == source]

    def find(self, source: S, target: S) -> Transition[S]:
        found = self._by_pair.get((source, target))
        if found is None:
            allowed = ", ".join(_(_label(t.target)) for t in self.allowed_from(source)) or _("none")
            raise TransitionRefused(
                _("a {record_type} cannot go from {label} to {label2} (allowed from {label}: {allowed})",
                  record_type=_(self.record_type), label=_(_label(source)), label2=_(_label(target)),
                  allowed=allowed)
            )
        return found

    def key(self, transition: Transition[S]) -> str:
        """The transition's name in signatures and site rules, e.g. "lot:Quarantine->Released"."""
        return f"{self.record_type}:{_label(transition.source)}->{_label(transition.target)}"

    def check_signed(self, source: S, target: S, signed: SigningProgress) -> Transition[S]:
        """The transition, if its signatures are complete: they, not a permission, authorise it (SIG-5)."""
        transition = self.find(source, target)
        check_complete(signed, self.key(transition))
        return transition

    def check(self, source: S, target: S, actor: Actor | None, reason: str | None) -> Transition[S]:
        """The transition, if `actor` may perform it now; `actor=None` means the system itself."""
        transition = self.find(source, target)
        if actor is not None:
            if transition.system_only:
                raise TransitionRefused(
                    _("{label} -> {label2} is done by the system only, not by hand",
                      label=_(_label(source)), label2=_(_label(target)))
                )
            assert transition.permission is not None
            actor.require(transition.permission)
        if transition.reason_required and actor is not None and not (reason and reason.strip()):
            raise TransitionRefused(_("a reason is required to {transition_name} a {record_type}",
                                      transition_name=_(transition.name), record_type=_(self.record_type)))
        return transition


def _label(state: Enum) -> str:
    return str(state.value)


@dataclass(frozen=True)
class StatusChange:
    """One entry of a record's status history (kept by the unit of work with every status change)."""

    id: int
    record_type: str
    record_id: str
    from_status: str | None  # None: the record was created in `to_status`
    to_status: str
    at: datetime
    by_user: str
    reason: str | None
