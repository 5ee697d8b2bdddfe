"""Four eyes on the roles that sign (ACC-6, issue 9 finding 8), on real SQLite and PostgreSQL: a granted signing
role waits for a second administrator's or QA's signed approval; nobody approves their own request or their
own roles; both halves of a four-eyes pair in one person need the site's recorded acceptance."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import role_grants, users
from app.bootstrap import AppContext
from domain.errors import AccessDenied, AccountLocked, AuthenticationFailed, ReasonRequired, ValidationError
from domain.role_grants import FourEyesConflict
from domain.users import Actor, Role
from tests.app.support import CLERK_PASSWORD, add_and_activate, plain_connection, raw_user, trail
from tests.conftest import ADMIN_PASSWORD


def _url(ctx: AppContext) -> str:
    return str(ctx._engine.url.render_as_string(hide_password=False))


def second_admin(ctx: AppContext, admin: Actor) -> Actor:
    return add_and_activate(ctx, admin, "bea", {Role.ADMINISTRATOR}, printed_name="Bea Second")


def new_user(ctx: AppContext, admin: Actor, user_id: str, roles: set[Role], **kwargs: str) -> users.UserView:
    view = users.add_user(ctx.uow(), admin, ctx.auth, user_id, user_id.title(), roles, f"Temp-{user_id}-0001",
                          **kwargs)  # type: ignore[arg-type]
    users.change_own_password(ctx.uow(), ctx.auth, user_id, f"Temp-{user_id}-0001", CLERK_PASSWORD)
    return view


@pytest.mark.req("ACC-6", "ACC-4")
def test_a_signing_role_waits_for_a_second_administrators_signed_approval(ctx: AppContext, admin: Actor) -> None:
    bea = second_admin(ctx, admin)
    view = new_user(ctx, admin, "cleo", {Role.QC_ANALYST})
    assert (view.roles, view.pending_roles) == ((), ("QC Analyst",))
    cleo = users.log_in(ctx.uow(), ctx.auth, "cleo", CLERK_PASSWORD)
    assert cleo.roles == frozenset()  # holds nothing yet: cannot sign a QC review
    with pytest.raises(AccessDenied):
        role_grants.pending_grants(ctx.read_uow(), cleo)

    [grant] = role_grants.pending_grants(ctx.read_uow(), bea)
    assert (grant.user_id, grant.roles, grant.requested_by) == ("cleo", ("QC Analyst",), "admin")
    with pytest.raises(ValidationError, match="who asked for a role grant cannot approve it"):
        role_grants.approve_grant(ctx.uow(), admin, ctx.auth, grant.id, ADMIN_PASSWORD)
    with pytest.raises(AuthenticationFailed):  # signed: the approver's own password, counted (ACC-3)
        role_grants.approve_grant(ctx.uow(), bea, ctx.auth, grant.id, "Wrong-pass-0000")
    assert raw_user(_url(ctx), "bea")["failed_logins"] == 1
    approved = role_grants.approve_grant(ctx.uow(), bea, ctx.auth, grant.id, CLERK_PASSWORD)
    assert (approved.roles, approved.pending_roles) == (("QC Analyst",), ())
    assert raw_user(_url(ctx), "bea")["failed_logins"] == 0

    with pytest.raises(AuthenticationFailed, match="log in again"):  # the old session's roles are stale
        role_grants.pending_grants(ctx.read_uow(), cleo)
    assert users.log_in(ctx.uow(), ctx.auth, "cleo", CLERK_PASSWORD).roles == frozenset({Role.QC_ANALYST})

    entries = [(e.user_id, e.record_type, e.action) for e in trail(ctx)[-5:]]
    assert ("bea", "role_grant", "UPDATE") in entries and ("bea", "role_grant", "SIGN") in entries
    assert ("bea", "user", "UPDATE") in entries
    with pytest.raises(ValidationError, match="already Approved"):
        role_grants.approve_grant(ctx.uow(), bea, ctx.auth, grant.id, CLERK_PASSWORD)


@pytest.mark.req("ACC-6")
def test_nobody_decides_their_own_roles_and_qa_may_approve(ctx: AppContext, admin: Actor) -> None:
    bea = second_admin(ctx, admin)
    # bea asks for QA Release for herself; admin approves (a second person), bea could not
    users.change_roles(ctx.uow(), bea, "bea", {Role.ADMINISTRATOR, Role.QA_RELEASE}, "also releases")
    [grant] = role_grants.pending_grants(ctx.read_uow(), admin)
    with pytest.raises(ValidationError, match="cannot decide a grant of roles to yourself"):
        role_grants.approve_grant(ctx.uow(), bea, ctx.auth, grant.id, CLERK_PASSWORD)
    role_grants.approve_grant(ctx.uow(), admin, ctx.auth, grant.id, ADMIN_PASSWORD)
    rita = users.log_in(ctx.uow(), ctx.auth, "bea", CLERK_PASSWORD)
    assert Role.QA_RELEASE in rita.roles

    # a QA person (not an administrator) approves the next grant; a warehouse clerk may not
    new_user(ctx, admin, "quinn", {Role.QA_REVIEWER})
    clerk = add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    [grant] = role_grants.pending_grants(ctx.read_uow(), admin)
    with pytest.raises(AccessDenied, match="may not decide role grants"):
        role_grants.approve_grant(ctx.uow(), clerk, ctx.auth, grant.id, CLERK_PASSWORD)
    assert trail(ctx)[-1].action == "ACCESS_DENIED"
    role_grants.approve_grant(ctx.uow(), rita, ctx.auth, grant.id, CLERK_PASSWORD)
    assert users.log_in(ctx.uow(), ctx.auth, "quinn", CLERK_PASSWORD).roles == frozenset({Role.QA_REVIEWER})


@pytest.mark.req("ACC-6", "AUD-4")
def test_a_rejected_grant_never_applies(ctx: AppContext, admin: Actor) -> None:
    bea = second_admin(ctx, admin)
    new_user(ctx, admin, "cleo", {Role.WAREHOUSE, Role.QA_RELEASE})
    [grant] = role_grants.pending_grants(ctx.read_uow(), bea)
    with pytest.raises(ReasonRequired):
        role_grants.reject_grant(ctx.uow(), bea, grant.id, " ")
    rejected = role_grants.reject_grant(ctx.uow(), bea, grant.id, "Cleo works in the warehouse only")
    assert rejected.status == "Rejected"
    assert users.log_in(ctx.uow(), ctx.auth, "cleo", CLERK_PASSWORD).roles == frozenset({Role.WAREHOUSE})
    assert role_grants.pending_grants(ctx.read_uow(), bea) == []
    with pytest.raises(ValidationError, match="already Rejected"):
        role_grants.approve_grant(ctx.uow(), admin, ctx.auth, grant.id, ADMIN_PASSWORD)


@pytest.mark.req("ACC-6")
def test_both_halves_of_a_four_eyes_pair_need_the_sites_acceptance(ctx: AppContext, admin: Actor) -> None:
    second_admin(ctx, admin)
    with pytest.raises(FourEyesConflict, match=r"QC testing and the release it supports \(QC Analyst \+ QA Release\)"):
        users.add_user(ctx.uow(), admin, ctx.auth, "solo", "Solo", {Role.QC_ANALYST, Role.QA_RELEASE},
                       "Temp-solo-0001")
    assert role_grants.pending_grants(ctx.read_uow(), admin) == []
    view = users.add_user(ctx.uow(), admin, ctx.auth, "solo", "Solo", {Role.QC_ANALYST, Role.QA_RELEASE},
                          "Temp-solo-0001", accept_conflicts="two-person site: QA head decision QA-2026-04")
    assert view.pending_roles == ("QA Release", "QC Analyst")
    accepted = [e for e in trail(ctx) if e.action == "FOUR_EYES_ACCEPTED"]
    assert [(e.user_id, e.record_id) for e in accepted] == [("admin", "solo")]
    assert accepted[0].reason == ("two-person site: QA head decision QA-2026-04 "
                                  "[accepted: QC Analyst + QA Release]")
    [grant] = role_grants.pending_grants(ctx.read_uow(), admin)
    assert grant.conflicts_accepted == accepted[0].reason

    wes = add_and_activate(ctx, admin, "wes", {Role.PRODUCTION})
    with pytest.raises(FourEyesConflict, match="making a batch and releasing it"):
        users.change_roles(ctx.uow(), admin, wes.user_id, {Role.PRODUCTION, Role.QA_RELEASE}, "cover")


@pytest.mark.req("ACC-6", "ACC-4")
def test_the_database_keeps_decided_grants_as_they_were(ctx: AppContext, admin: Actor) -> None:
    bea = second_admin(ctx, admin)
    new_user(ctx, admin, "cleo", {Role.QC_ANALYST})
    [grant] = role_grants.pending_grants(ctx.read_uow(), bea)
    role_grants.approve_grant(ctx.uow(), bea, ctx.auth, grant.id, CLERK_PASSWORD)
    for statement, refusal in (
        ("UPDATE role_grants SET decided_by = 'admin'", "decided|protected"),
        ("DELETE FROM role_grants", "append-only|protected"),
        ("INSERT INTO role_grants (user_id, roles, status, requested_by, requested_at, decided_by, decided_at) "
         "VALUES ('bea', 'QA_RELEASE', 'Approved', 'admin', CURRENT_TIMESTAMP, 'bea', CURRENT_TIMESTAMP)",
         "ck_role_grants_not_own"),
    ):
        with pytest.raises(DBAPIError, match=refusal), plain_connection(_url(ctx)) as c:
            c.execute(text(statement))


@pytest.mark.req("ACC-3", "ACC-6")
def test_wrong_passwords_at_approval_lock_the_approver(ctx: AppContext, admin: Actor) -> None:
    bea = second_admin(ctx, admin)
    new_user(ctx, admin, "cleo", {Role.QC_ANALYST})
    [grant] = role_grants.pending_grants(ctx.read_uow(), bea)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            role_grants.approve_grant(ctx.uow(), bea, ctx.auth, grant.id, "Wrong-pass-0000")
    with pytest.raises(AccountLocked):
        role_grants.approve_grant(ctx.uow(), bea, ctx.auth, grant.id, "Wrong-pass-0000")
    assert role_grants.pending_grants(ctx.read_uow(), admin)[0].status == "Pending"
