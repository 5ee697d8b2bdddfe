"""`batchtrace user ...` (ACC-1..ACC-4, INT-2): the first administrator, then user administration."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from app import role_grants, users
from app.bootstrap import AppContext
from app.cli.support import (
    PROG,
    CommandTree,
    UsageError,
    acting,
    local_time,
    log_in,
    log_in_to_sign,
    open_context,
    print_table,
    read_password,
    whole_number,
)
from app.settings import load_settings, resolve_database_url
from domain.errors import ValidationError
from domain.i18n import N_, _, one_of
from domain.role_grants import FourEyesConflict
from domain.users import SYSTEM_ACTOR, Role, validate_printed_name, validate_user_id


def add_commands(tree: CommandTree) -> None:
    command = tree.command
    user = tree.nested("user", N_("user accounts"))
    add = command(user, "add", _user_add, N_("add a user; on a database without users, the first administrator"))
    add.add_argument("user_id", metavar="USER_ID")
    add.add_argument("--name", required=True, help=N_("printed name, as on signed records"))
    add.add_argument("--role", action="append", default=[], help=_("a role (repeat for several): {roles}",
                                                                  roles=one_of(r.value for r in Role)))
    add.add_argument("--accept-four-eyes", metavar="REASON",
                     help=N_("the site accepts that this person holds both halves of a four-eyes pair, because ..."))
    acting(add, required=False)
    acting(command(user, "list", _user_list, N_("list all users")))
    roles = command(user, "change-roles", _user_change_roles, N_("give a user a new set of roles; added signing "
                       "roles wait for a second administrator's or QA's approval"))
    roles.add_argument("user_id", metavar="USER_ID")
    roles.add_argument("--role", action="append", required=True, help=N_("a role (repeat for several)"))
    roles.add_argument("--reason", required=True, help=N_("why (kept in the audit trail)"))
    roles.add_argument("--accept-four-eyes", metavar="REASON",
                       help=N_("the site accepts that this person holds both halves of a four-eyes pair, because ..."))
    acting(roles)
    acting(command(user, "grants", _user_grants, N_("list the signing roles waiting for approval")))
    approve = command(user, "grant-approve", _grant_approve, N_("approve a pending grant of signing roles, signed with "
                         "your password (another administrator or QA than the one who asked)"))
    approve.add_argument("grant", type=whole_number(N_("grant number"), 1, 999_999_999), metavar="GRANT")
    acting(approve)
    reject = command(user, "grant-reject", _grant_reject, N_("reject (or, who asked, withdraw) a pending grant"))
    reject.add_argument("grant", type=whole_number(N_("grant number"), 1, 999_999_999), metavar="GRANT")
    reject.add_argument("--reason", required=True, help=N_("why (kept in the audit trail)"))
    acting(reject)
    for name, handler, text in (
        ("deactivate", _user_deactivate, N_("deactivate a user (IDs are never deleted or reused)")),
        ("reset-password", _user_reset_password, N_("give a user a new temporary password")),
    ):
        sub = command(user, name, handler, text)
        sub.add_argument("user_id", metavar="USER_ID")
        sub.add_argument("--reason", required=True, help=N_("why (kept in the audit trail)"))
        acting(sub)
    acting(command(user, "change-password", _user_change_password, N_("change your own password")))
    unlock = command(user, "unlock", _user_unlock, N_("unlock an account locked after failed log-ins; a locked-out "
                        "last administrator: with --database-owner, by whoever holds the database itself"))
    unlock.add_argument("user_id", metavar="USER_ID")
    unlock.add_argument("--reason", required=True, help=N_("why (kept in the audit trail)"))
    acting(unlock, required=False)
    unlock.add_argument("--database-owner", action="store_true",
                        help=N_("recover a locked-out last administrator as the database owner: on PostgreSQL "
                                "connect with --db as the role that owns the tables (its password is asked); on "
                                "SQLite, as the OS user who can write the file"))
    unlock.add_argument("--name", help=N_("with --database-owner: your printed name, for the audit trail"))
    unlock.add_argument("--new-password", action="store_true",
                        help=N_("with --database-owner: also give the administrator a temporary password"))


def _user_add(args: argparse.Namespace) -> int:
    uid = validate_user_id(args.user_id.strip())  # wrong input is refused before anyone logs in
    name = validate_printed_name(args.name)
    roles = frozenset(Role.parse(text) for text in args.role)
    with open_context(args) as ctx:
        if users.needs_first_administrator(ctx.read_uow(), SYSTEM_ACTOR):
            return _first_administrator(ctx, args, uid, name, roles)
        if not args.user:
            raise UsageError(_("the database has users: adding one needs --user ID of an administrator"))
        if not roles:
            raise UsageError(_("give the new user at least one --role"))
        actor = log_in(ctx, args.user)
        password = read_password(f"Temporary password for {uid}", confirm=True)
        with _four_eyes_hint():
            view = users.add_user(ctx.uow(), actor, ctx.auth, uid, name, roles, password,
                                  accept_conflicts=args.accept_four_eyes)
    print(_("added user {user_id} ({printed_name}) with role(s) {value}; the temporary "
            "password must be changed at the first log-in",
            user_id=view.user_id, printed_name=view.printed_name,
            value=', '.join(_(role) for role in view.roles) or _("none yet")))
    _say_pending(view)
    return 0


@contextmanager
def _four_eyes_hint() -> Iterator[None]:
    try:
        yield
    except FourEyesConflict as conflict:
        raise FourEyesConflict(_("{error}: give --accept-four-eyes REASON", error=conflict)) from None


def _say_pending(view: users.UserView) -> None:
    if view.pending_roles:
        print(_("waiting for approval by a second administrator or QA: {list} (see '{prog} user "
                "grants')",
                list=', '.join(_(role) for role in view.pending_roles), prog=PROG))


def _user_change_roles(args: argparse.Namespace) -> int:
    roles = frozenset(Role.parse(text) for text in args.role)
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        with _four_eyes_hint():
            view = users.change_roles(ctx.uow(), actor, args.user_id, roles, args.reason,
                                      accept_conflicts=args.accept_four_eyes)
    print(_("user {user_id} now holds: {value}",
            user_id=view.user_id, value=', '.join(_(role) for role in view.roles) or _("no role yet")))
    _say_pending(view)
    return 0


def _user_grants(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        grants = role_grants.pending_grants(ctx.read_uow(), log_in(ctx, args.user))
    print_table((N_("GRANT"), N_("USER"), N_("PRINTED NAME"), N_("ROLES"), N_("ASKED BY"), N_("ASKED AT"),
                 N_("FOUR-EYES ACCEPTED")),
                [(str(g.id), g.user_id, g.printed_name, ", ".join(g.roles), g.requested_by,
                  local_time(g.requested_at), g.conflicts_accepted or "") for g in grants])
    return 0


def _grant_approve(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        actor, password = log_in_to_sign(ctx, args.user)  # the command is one session: one password
        view = role_grants.approve_grant(ctx.uow(), actor, ctx.auth, args.grant, password)
    print(_("approved grant {grant}: {user_id} now holds {list}",
            grant=args.grant, user_id=view.user_id, list=', '.join(_(role) for role in view.roles)))
    return 0


def _grant_reject(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        grant = role_grants.reject_grant(ctx.uow(), log_in(ctx, args.user), args.grant, args.reason)
    print(_("rejected grant {id}: {user_id} does not get {list}",
            id=grant.id, user_id=grant.user_id, list=', '.join(_(role) for role in grant.roles)))
    return 0


def _first_administrator(
    ctx: AppContext, args: argparse.Namespace, uid: str, name: str, roles: frozenset[Role]
) -> int:
    if args.user:
        raise UsageError(_("the database has no users yet: create the first administrator without --user"))
    if roles - {Role.ADMINISTRATOR}:
        raise ValidationError(
            _("the first user is the administrator and gets the Administrator role only: add other users after")
        )
    password = read_password(f"Password for the first administrator {uid}", confirm=True)
    view = users.create_first_administrator(ctx.uow(), ctx.auth, uid, name, password)
    print(_("created the first administrator {user_id} ({printed_name})",
            user_id=view.user_id, printed_name=view.printed_name))
    return 0


def _user_list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        views = users.list_users(ctx.read_uow(), log_in(ctx, args.user))
    yes = {True: "yes", False: "no"}
    print_table((N_("ID"), N_("PRINTED NAME"), N_("ROLES"), N_("ACTIVE"), N_("LOCKED"), N_("MUST CHANGE")),
                [(v.user_id, v.printed_name, ", ".join(v.roles), yes[v.active], yes[v.locked],
                  yes[v.must_change_password]) for v in views])
    return 0


def _user_deactivate(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = users.deactivate_user(ctx.uow(), log_in(ctx, args.user), args.user_id, args.reason)
    print(_("deactivated user {user_id} ({printed_name}); the ID is never reused",
            user_id=view.user_id, printed_name=view.printed_name))
    return 0


def _user_unlock(args: argparse.Namespace) -> int:
    if args.database_owner:
        return _recover_administrator(args)
    if not args.user:
        raise UsageError(_("unlocking needs --user ID of an administrator (or --database-owner to recover a "
                           "locked-out last administrator)"))
    if args.name or args.new_password:
        raise UsageError(_("--name and --new-password go with --database-owner"))
    with open_context(args) as ctx:
        view = users.unlock_user(ctx.uow(), log_in(ctx, args.user), args.user_id, args.reason)
    print(_("unlocked user {user_id} ({printed_name})", user_id=view.user_id, printed_name=view.printed_name))
    return 0


def _recover_administrator(args: argparse.Namespace) -> int:
    """The documented recovery of a locked-out last administrator (ACC-7): whoever holds the database."""
    if args.user:
        raise UsageError(_("--database-owner acts as the database owner, not as a user: leave out --user"))
    if not args.name or not args.name.strip():
        raise UsageError(_("--database-owner needs --name \"Your printed name\" for the audit trail"))
    name = validate_printed_name(args.name)
    url = resolve_database_url(args.db, load_settings())
    password = None
    if url.startswith("postgresql"):  # the owner's own password, typed now: never the station's from the keyring
        password = read_password("Password of the database owner role")
    with open_context(args, password=password) as ctx:
        temporary = (read_password(f"Temporary password for {args.user_id}", confirm=True)
                     if args.new_password else None)
        view = users.recover_administrator(ctx.uow(), ctx.auth, ctx.database_owner, name, args.user_id,
                                           args.reason, temporary)
    print(f"unlocked the administrator {view.user_id} ({view.printed_name}) as the database owner"
          + ("; the temporary password must be changed at the next log-in" if temporary else ""))
    return 0


def _user_reset_password(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        password = read_password(f"Temporary password for {args.user_id}", confirm=True)
        view = users.reset_password(ctx.uow(), actor, ctx.auth, args.user_id, password, args.reason)
    print(_("reset the password of {user_id}; it must be changed at the next log-in", user_id=view.user_id))
    return 0


def _user_change_password(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        old = read_password(f"Current password for {args.user}")
        new = read_password(f"New password for {args.user}", confirm=True)
        users.change_own_password(ctx.uow(), ctx.auth, args.user, old, new)
    print(_("changed the password of {user}", user=args.user))
    return 0
