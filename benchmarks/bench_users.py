"""People of a benchmark site, added as the application adds them: a signing role (QC Analyst, QA Reviewer,
QA Release) only applies once a second administrator approves its grant (ACC-6), so the benchmarks approve it
as one, like the tests' set-up (tests/app/support.py)."""

from __future__ import annotations

from typing import Any

from app import role_grants, users
from domain.users import SYSTEM_ACTOR, Role

APPROVER_ID = "bench-approver"
APPROVER_PASSWORD = "Approver-pass-2026"


def approve_signing_roles(ctx: Any, admin: Any, user_id: str) -> None:
    with ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
        grants = [grant.id for grant in tx.role_grants.pending(user_id)]
        exists = tx.users.get(APPROVER_ID) is not None
    if not grants:
        return
    if not exists:
        users.add_user(ctx.uow(), admin, ctx.auth, APPROVER_ID, "Second Administrator", {Role.ADMINISTRATOR},
                       "Temp-approver-0001")
        users.change_own_password(ctx.uow(), ctx.auth, APPROVER_ID, "Temp-approver-0001", APPROVER_PASSWORD)
    approver = users.log_in(ctx.uow(), ctx.auth, APPROVER_ID, APPROVER_PASSWORD)
    for grant_id in grants:
        role_grants.approve_grant(ctx.uow(), approver, ctx.auth, grant_id, APPROVER_PASSWORD)
