"""The one way a version becomes effective in tests (CHG-1): a change request opened, submitted, approved with two
real signatures (QA approval, then a second person) and implemented, as `app.change_control` does it."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from app import change_control
from app.bootstrap import AppContext
from app.clock import local_today
from app.signatures import SigningSession
from domain.users import SYSTEM_ACTOR, Actor

SITE_PASSWORD = "Site-pass-2026"  # tests/app/lots_support.py's people


def make_effective_via_change(ctx: AppContext, requester: Actor, qa: Actor, second: Actor, record_type: str,
                              key: str, version: int, *, password: str = SITE_PASSWORD,
                              title: str | None = None) -> change_control.ChangeView:
    """`requester` opens and submits; `qa` (QA Reviewer or QA Release) signs the QA approval and implements;
    `second` (QA, Production or QC, not the requester) signs the second approval."""
    opened = change_control.open_change(
        ctx.uow(), requester, title or f"{key} v{version} into use", f"{key} v{version} replaces the current version",
        "Minor", _today(ctx), [change_control.ItemInput(record_type, key, version)])
    change_control.submit(ctx.uow(), requester, opened.number)
    approve(ctx, qa, opened.number, password)
    result = approve(ctx, second, opened.number, password)
    assert result.completed, result.progress.summary()
    return change_control.implement(ctx.uow(), qa, opened.number)


def approve(ctx: AppContext, signer: Actor, number: str, password: str = SITE_PASSWORD
            ) -> change_control.SigningResult:
    return change_control.approve(ctx.uow(), ctx.auth, SigningSession(signer), number, password,
                                  user_id_typed=signer.user_id)


def _today(ctx: AppContext) -> date:
    with ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
        return local_today(tx)


class _People(Protocol):
    production: Actor
    qa: Actor  # QA Reviewer
    release: Actor  # QA Release
    qc: Actor


def effective_via_change(ctx: AppContext, site: _People, record_type: str, key: str, version: int, *,
                         password: str = SITE_PASSWORD) -> change_control.ChangeView:
    """A test site's people (tests/app/lots_support.py, tests/ui/lot_site.py): Production raises a master batch
    record change, QA Release approves and implements, the QA Reviewer gives the second approval; QC raises a
    specification change, the QA Reviewer approves and implements, QA Release gives the second approval."""
    if record_type == "mbr":
        return make_effective_via_change(ctx, site.production, site.release, site.qa, "mbr", key, version,
                                         password=password)
    return make_effective_via_change(ctx, site.qc, site.qa, site.release, "spec", key, version, password=password)
