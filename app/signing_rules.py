"""Which signatures each signed transition needs (SIG-5): the defaults declared on the lot and batch workflows,
plus the signatures a site administrator has added. A site can tighten the defaults, never loosen them: the
defaults are code, and only the site's own additions can be withdrawn."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from app.ports import UnitOfWork
from domain.batches import BATCH_WORKFLOW
from domain.change_control import CHANGE_WORKFLOW
from domain.errors import NotFound, ReasonRequired, ValidationError
from domain.i18n import _
from domain.lots import LOT_WORKFLOW
from domain.signatures import Meaning, RuleExtra, SignatureRequirement, signatures_needed
from domain.users import Actor, Permission, Role
from domain.workflow import StateMachine, Transition

MACHINES: dict[str, StateMachine[Any]] = {"lot": LOT_WORKFLOW, "batch": BATCH_WORKFLOW, "change": CHANGE_WORKFLOW}


@dataclass(frozen=True)
class RequirementView:
    key: str
    label: str
    meaning: str
    roles: tuple[str, ...]
    not_performers: bool  # ACC-6: nobody who performed a production step of the record
    needs_comment: bool
    default: bool  # declared by BatchTrace (cannot be withdrawn), else added by the site

    @classmethod
    def of(cls, r: SignatureRequirement, *, default: bool) -> RequirementView:
        return cls(r.key, r.label, r.meaning.value, tuple(sorted(role.value for role in r.roles)), r.not_performers,
                   r.needs_comment, default)

    def describe(self) -> str:
        return f"{self.label} ({' or '.join(self.roles)})"


@dataclass(frozen=True)
class TransitionRules:
    key: str  # "lot:Quarantine->Released"
    record_type: str
    source: str
    target: str
    name: str  # "release"
    requirements: tuple[RequirementView, ...]  # in signing order


@dataclass(frozen=True)
class RequirementInput:
    """A signature an administrator adds to a transition."""

    label: str
    meaning: Meaning
    roles: frozenset[Role]
    not_performers: bool = False
    needs_comment: bool = False


def signed_transitions() -> list[tuple[StateMachine[Any], Transition[Any]]]:
    return [(m, t) for m in MACHINES.values() for t in m.transitions if t.signatures]


def find_signed(transition_key: str) -> tuple[StateMachine[Any], Transition[Any]]:
    for machine, transition in signed_transitions():
        if machine.key(transition) == transition_key:
            return machine, transition
    keys = ", ".join(m.key(t) for m, t in signed_transitions())
    raise NotFound(_("no signed transition '{transition_key}': choose from {keys}",
                     transition_key=transition_key, keys=keys))


def requirements_for(tx: UnitOfWork, machine: StateMachine[Any], transition: Transition[Any]
                     ) -> tuple[SignatureRequirement, ...]:
    """The defaults first, then the site's additions in the order they were added: the signing order."""
    if not transition.signatures:
        return ()
    extras = tx.signatures.rule_extras(machine.key(transition))
    return (*transition.signatures, *(e.requirement() for e in extras))


def refuse_unsigned(tx: UnitOfWork, machine: StateMachine[Any], source: Enum, target: Enum) -> None:
    """For the plain status-change use cases: a transition that needs signatures is done by signing only.
    A transition that does not exist is left to the domain to refuse, with its own message."""
    transition = next((t for t in machine.allowed_from(source) if t.target == target), None)
    if transition is not None and transition.signatures:
        raise signatures_needed(transition.name, machine.record_type, requirements_for(tx, machine, transition))


def _rules(tx: UnitOfWork, machine: StateMachine[Any], transition: Transition[Any]) -> TransitionRules:
    defaults = {r.key for r in transition.signatures}
    return TransitionRules(
        machine.key(transition), machine.record_type, str(transition.source.value), str(transition.target.value),
        transition.name,
        tuple(RequirementView.of(r, default=r.key in defaults) for r in requirements_for(tx, machine, transition)),
    )


def signing_rules(uow: UnitOfWork, actor: Actor) -> list[TransitionRules]:
    """Every signed transition with the signatures it needs at this site (for the rules page and documents)."""
    with uow.acting_as(actor) as tx:
        return [_rules(tx, m, t) for m, t in signed_transitions()]


def transition_requirements(uow: UnitOfWork, actor: Actor, transition_key: str) -> TransitionRules:
    """The signatures one transition needs at this site, e.g. for "lot:Quarantine->Released"."""
    machine, transition = find_signed(transition_key)
    with uow.acting_as(actor) as tx:
        return _rules(tx, machine, transition)


def _why(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise ReasonRequired(_("a reason is required to change the signing rules"))
    return reason.strip()


def _unique_label(label: str, taken: Iterable[SignatureRequirement], key: str) -> None:
    same = next((r for r in taken if r.label.casefold() == " ".join(label.split()).casefold()), None)
    if same is not None:
        raise ValidationError(_("{key} already needs a signature named '{label}': choose another name",
                                key=key, label=same.label))


def add_rule_extra(
    uow: UnitOfWork, actor: Actor, transition_key: str, requirement: RequirementInput, reason: str | None
) -> TransitionRules:
    """Tighten a signed transition with one more signature (audited with the reason). It is applied after the
    defaults; signatures already collected for a pending transition stay, the new one is simply missing."""
    why = _why(reason)
    machine, transition = find_signed(transition_key)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_SIGNING_RULES)
        _unique_label(requirement.label, requirements_for(tx, machine, transition), transition_key)
        candidate = SignatureRequirement("new", requirement.label, requirement.meaning, frozenset(requirement.roles),
                                         requirement.not_performers, requirement.needs_comment)
        tx.signatures.add(RuleExtra(transition_key, candidate, tx.now()))
        tx.commit(reason=why)
        return _rules(tx, machine, transition)


def remove_rule_extra(
    uow: UnitOfWork, actor: Actor, transition_key: str, requirement_key: str, reason: str | None
) -> TransitionRules:
    """Withdraw a signature the site added. The defaults cannot be withdrawn: nobody loosens the rules below
    them (SIG-5)."""
    why = _why(reason)
    machine, transition = find_signed(transition_key)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_SIGNING_RULES)
        default = next((r for r in transition.signatures if requirement_key in (r.key, r.label)), None)
        if default is not None:
            raise ValidationError(
                _("the {label} of {transition_key} is a BatchTrace default: site rules can add signatures, never "
                  "remove the defaults",
                  label=default.label, transition_key=transition_key)
            )
        extra = next((e for e in tx.signatures.rule_extras(transition_key)
                      if requirement_key in (e.key, e.label)), None)
        if extra is None:
            raise NotFound(_("{transition_key} has no site signature '{requirement_key}'",
                             transition_key=transition_key, requirement_key=requirement_key))
        extra.withdraw()
        tx.commit(reason=why)
        return _rules(tx, machine, transition)
