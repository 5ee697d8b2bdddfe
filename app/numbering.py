"""Number rules (LOT-3): the configured pattern per scope, and taking the next number collision-free."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.ports import UnitOfWork
from domain.errors import NotFound, ReasonRequired
from domain.i18n import _
from domain.numbering import DEFAULT_RULES, NumberContext, NumberRule
from domain.users import Actor, Permission


@dataclass(frozen=True)
class RuleView:
    scope: str
    pattern: str
    example: str


def next_number(tx: UnitOfWork, scope: str, on: date, item: str = "") -> str:
    """Inside a caller's transaction: the number is taken and used in the same commit, so a rolled-back
    receipt gives its number back and two stations never get the same one."""
    rule = tx.numbering.rule(scope) or NumberRule(scope, DEFAULT_RULES[scope])
    ctx = NumberContext(on=on, item=item)
    return rule.render(ctx, tx.numbering.next_value(rule.prefix_key(ctx)))


# numbered without an item code (see app.shipments, app.recalls)
_NO_ITEM_SCOPES = ("shipment", "recall", "deviation", "capa", "change")


def _example(rule: NumberRule, on: date) -> str:
    """The rule's first number as its scope will render it. Rendering it before a rule is stored refuses a
    pattern its scope cannot fill ({item} for shipments and recalls; {site}, which no station sets yet)."""
    item = "" if rule.scope in _NO_ITEM_SCOPES else "ITEM"
    return rule.render(NumberContext(on, item=item), 1)


def list_rules(uow: UnitOfWork, actor: Actor) -> list[RuleView]:
    with uow.acting_as(actor) as tx:
        stored = {r.scope: r.pattern for r in tx.numbering.rules()}
        today = tx.now().date()
        views = []
        for scope, default in DEFAULT_RULES.items():
            rule = NumberRule(scope, stored.get(scope, default))
            views.append(RuleView(scope, rule.pattern, _example(rule, today)))
        return views


def set_rule(uow: UnitOfWork, actor: Actor, scope: str, pattern: str, reason: str | None) -> RuleView:
    if scope not in DEFAULT_RULES:
        raise NotFound(_("unknown number scope '{scope}': use one of {choices}",
                         scope=scope, choices=', '.join(f"'{key}'" for key in DEFAULT_RULES)))
    if not reason or not reason.strip():
        raise ReasonRequired(_("a reason is required to change a number rule"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_NUMBER_RULES)
        rule = tx.numbering.rule(scope)
        if rule is None:
            rule = NumberRule(scope, pattern)
            tx.numbering.add(rule)
        else:
            rule.change(pattern)
        example = _example(rule, tx.now().date())  # before the commit: a rule that cannot number is not stored
        tx.commit(reason=reason)
        return RuleView(scope, rule.pattern, example)
