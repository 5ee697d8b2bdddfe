"""The demo's change requests (CHG-1): every demo master batch record and specification becomes effective the one
way there is, through a change request opened, submitted, approved with two signatures and implemented."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from app import change_control, mbr, process_steps
from app.clock import local_today
from app.demo.process_data import steps_for
from app.demo.site_data import MBRS
from app.ports import UnitOfWork
from app.process_steps import StepInput
from app.signatures import SigningSession
from app.users import AuthConfig
from domain.users import Actor, Role

Uows = Callable[[], UnitOfWork]


def approve(uow: Uows, auth: AuthConfig, password: str, signer: Actor, number: str) -> None:
    change_control.approve(uow(), auth, SigningSession(signer), number, password, user_id_typed=signer.user_id)


def implemented_change(uow: Uows, auth: AuthConfig, password: str, people: tuple[Actor, Actor, Actor], title: str,
                       reason: str, items: Sequence[change_control.ItemInput]) -> str:
    """`people`: the requester, the QA approver (who implements) and the second approver. The change number."""
    requester, qa, second = people
    with uow().acting_as(requester) as tx:
        today = local_today(tx)
    number = change_control.open_change(uow(), requester, title, reason, "Minor", today, items).number
    change_control.submit(uow(), requester, number)
    approve(uow, auth, password, qa, number)
    approve(uow, auth, password, second, number)
    change_control.implement(uow(), qa, number)
    return number


# The demo's change control (CHG-1): IM-BRL-05 v2 narrows the melt temperature limits, implemented after the site's
# batches were made (they keep v1); IM-PLG-05 v2 is waiting for its second approval.
LIMIT_CHANGE = "Melt temperature 285-295 °C on the 5 mL barrel"
PENDING_CHANGE = "Wider masterbatch tolerance on the 5 mL plunger rod"
SUMMARY = "2 change requests: one implemented (IM-BRL-05 v2), one waiting for its second approval (IM-PLG-05 v2)"


def is_loaded(tx: UnitOfWork) -> bool:
    return any(c.title == PENDING_CHANGE for c in tx.changes.find(limit=50))


def _narrowed(steps: Sequence[StepInput]) -> list[StepInput]:
    return [replace(step, parameters=[replace(p, lower="285", upper="295") if p.name == "Melt temperature" else p
                                      for p in step.parameters]) for step in steps]


def load(uow: Uows, auth: AuthConfig, password: str, actors: dict[Role, Actor]) -> list[str]:
    prod, qa, rel = actors[Role.PRODUCTION], actors[Role.QA_REVIEWER], actors[Role.QA_RELEASE]
    products = {product: (title, lines) for product, title, _change, lines in MBRS}
    drafts = {}
    for product, tolerance in (("IM-BRL-05", None), ("IM-PLG-05", "15")):
        title, lines = products[product]
        draft = mbr.create_draft(uow(), prod, product, title, [
            mbr.BomInput(item, qty, tolerance if tolerance and item == "RM-MB-01" else tol)
            for item, qty, tol in lines])
        steps = _narrowed(steps_for(product)) if tolerance is None else steps_for(product)
        process_steps.add_steps(uow(), prod, product, draft.version, steps)
        drafts[product] = draft.version
    implemented_change(uow, auth, password, (prod, rel, qa), LIMIT_CHANGE,
                       "process validation showed short shots below 285 °C",
                       [change_control.ItemInput("mbr", "IM-BRL-05", drafts["IM-BRL-05"])])
    with uow().acting_as(prod) as tx:
        today = local_today(tx)
    pending = change_control.open_change(
        uow(), prod, PENDING_CHANGE, "masterbatch dosing varies by more than 10 % between deliveries", "Minor", today,
        [change_control.ItemInput("mbr", "IM-PLG-05", drafts["IM-PLG-05"])]).number
    change_control.submit(uow(), prod, pending)
    approve(uow, auth, password, rel, pending)
    return [SUMMARY]
