"""Declarative state machines: each allowed transition is data (name, permission, reason, signatures).

Lots, batches and later deviations, CAPA and change requests declare their transitions as tables, so the
signature rules can be attached to a transition without touching the code that performs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

from domain.errors import DomainError
from domain.users import Actor, Permission, Role

S = TypeVar("S", bound=Enum)


class TransitionRefused(DomainError):
    code = "transition_refused"


@dataclass(frozen=True)
class SignatureRequirement:
    """A signature a transition needs (filled in by the electronic-signature module)."""

    meaning: str
    role: Role
    different_from: tuple[str, ...] = ()


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
                raise ValueError(f"duplicate transition {t.source.name} -> {t.target.name}")
            self._by_pair[(t.source, t.target)] = t

    @property
    def transitions(self) -> list[Transition[S]]:
        return list(self._by_pair.values())

    def allowed_from(self, source: S) -> list[Transition[S]]:
        return [t for (s, _), t in self._by_pair.items() if s == source]

    def find(self, source: S, target: S) -> Transition[S]:
        found = self._by_pair.get((source, target))
        if found is None:
            allowed = ", ".join(_label(t.target) for t in self.allowed_from(source)) or "none"
            raise TransitionRefused(
                f"a {self.record_type} cannot go from {_label(source)} to {_label(target)} "
                f"(allowed from {_label(source)}: {allowed})"
            )
        return found

    def check(self, source: S, target: S, actor: Actor | None, reason: str | None) -> Transition[S]:
        """The transition, if `actor` may perform it now; `actor=None` means the system itself."""
        transition = self.find(source, target)
        if actor is not None:
            if transition.system_only:
                raise TransitionRefused(
                    f"{_label(source)} -> {_label(target)} is done by the system only, not by hand"
                )
            assert transition.permission is not None
            actor.require(transition.permission)
        if transition.reason_required and actor is not None and not (reason and reason.strip()):
            raise TransitionRefused(f"a reason is required to {transition.name} a {self.record_type}")
        return transition


def _label(state: Enum) -> str:
    return str(state.value)
