"""`batchtrace user ...`: the first administrator, administration, lock-out and refusals (INT-2, ACC-*)."""

from __future__ import annotations

import pytest

from app import users
from tests.cli.conftest import QC_PASSWORD
from tests.cli.support import assert_one_line_error, audit_actions, audit_count, user_rows
from tests.conftest import ADMIN_PASSWORD

NEW_PASSWORD = "Fresh-pass-2026"


def _as_admin(cli, url, *args, more=()):
    return cli("--db", url, *args, "--user", "admin", stdin=[ADMIN_PASSWORD, *more])


@pytest.mark.req("INT-2", "ACC-4")
def test_first_administrator_without_user_then_log_in(cli, db_url):
    result = cli("--db", db_url, "user", "add", "boss", "--name", "Bea  Boss", stdin=[ADMIN_PASSWORD])
    assert result.code == 0, result
    assert "first administrator boss (Bea Boss)" in result.out
    listing = cli("--db", db_url, "user", "list", "--user", "boss", stdin=[ADMIN_PASSWORD])
    assert listing.code == 0, listing
    header, row = listing.out.splitlines()
    assert header.split() == ["ID", "PRINTED", "NAME", "ROLES", "ACTIVE", "LOCKED", "MUST", "CHANGE"]
    assert row.split() == ["boss", "Bea", "Boss", "Administrator", "yes", "no", "no"]
    assert [(a[1], a[2]) for a in audit_actions(db_url)] == [
        ("system", "SCHEMA_UPGRADE"), ("boss", "CREATE"), ("boss", "LOGIN"),
    ]


@pytest.mark.req("INT-2", "ACC-4")
def test_first_user_must_be_administrator(cli, db_url):
    entries = audit_count(db_url)
    result = cli("--db", db_url, "user", "add", "boss", "--name", "B", "--role", "QC Analyst", stdin=[ADMIN_PASSWORD])
    assert "Administrator role only" in assert_one_line_error(result)
    result = cli("--db", db_url, "user", "add", "boss", "--name", "B", "--user", "x", stdin=[ADMIN_PASSWORD])
    assert "without --user" in assert_one_line_error(result, 2)
    assert user_rows(db_url) == []
    assert audit_count(db_url) == entries


@pytest.mark.req("INT-2", "ACC-4")
def test_administrator_adds_a_user_with_a_temporary_password(cli, seeded):
    result = _as_admin(cli, seeded, "user", "add", "wh1", "--name", "Wanda Ware", "--role", "warehouse",
                       "--role", "Production", more=["Temp-pass-7777"])
    assert result.code == 0, result
    assert "added user wh1 (Wanda Ware) with role(s) Production, Warehouse" in result.out
    assert ("wh1", True, False, 0, True) in [_norm(r) for r in user_rows(seeded)]

    # a temporary password works only to set a new one
    refused = cli("--db", seeded, "user", "list", "--user", "wh1", stdin=["Temp-pass-7777"])
    assert "change-password --user wh1" in assert_one_line_error(refused)
    changed = cli("--db", seeded, "user", "change-password", "--user", "wh1", stdin=["Temp-pass-7777", NEW_PASSWORD])
    assert changed.code == 0, changed
    assert ("wh1", True, False, 0, False) in [_norm(r) for r in user_rows(seeded)]


def _norm(row):
    return (row[0], bool(row[1]), bool(row[2]), row[3], bool(row[4]))


@pytest.mark.req("INT-2", "ACC-4")
def test_non_administrator_is_refused_and_the_refusal_is_audited(cli, seeded):
    before = audit_count(seeded)
    result = cli("--db", seeded, "user", "list", "--user", "qc", stdin=[QC_PASSWORD])
    message = assert_one_line_error(result)
    assert message == "Quinn Chem (qc) may not manage users"
    assert result.out == ""
    new = audit_actions(seeded)[before:]
    assert [(a[1], a[2], a[3]) for a in new] == [("qc", "LOGIN", "qc"), ("qc", "ACCESS_DENIED", "MANAGE_USERS")]

    result = cli("--db", seeded, "user", "add", "x2", "--name", "X", "--role", "QC Analyst", "--user", "qc",
                 stdin=[QC_PASSWORD, NEW_PASSWORD])
    assert "may not manage users" in assert_one_line_error(result)
    assert [a[0] for a in user_rows(seeded)] == ["admin", "qc"]


@pytest.mark.req("INT-2", "ACC-3")
def test_five_wrong_passwords_lock_until_an_administrator_unlocks(cli, seeded):
    for _ in range(5):
        message = assert_one_line_error(cli("--db", seeded, "user", "list", "--user", "qc", stdin=["wrong-pass-1"]))
        assert message == users.LOGIN_REFUSED
    message = assert_one_line_error(cli("--db", seeded, "user", "list", "--user", "qc", stdin=[QC_PASSWORD]))
    assert message == users.LOGIN_REFUSED
    assert user_rows(seeded)[1][0] == "qc"
    assert user_rows(seeded)[1][2]  # locked
    failures = [a for a in audit_actions(seeded) if a[2] == "LOGIN_FAILED" and a[3] == "qc"]
    assert len(failures) == 6

    assert assert_one_line_error(cli("--db", seeded, "user", "unlock", "qc", "--user", "admin", "--reason", " ",
                                     stdin=[ADMIN_PASSWORD])) == "a reason is required for this change"
    result = _as_admin(cli, seeded, "user", "unlock", "qc", "--reason", "confirmed by phone")
    assert result.code == 0, result
    assert "unlocked user qc" in result.out
    assert "may not manage users" in assert_one_line_error(
        cli("--db", seeded, "user", "list", "--user", "qc", stdin=[QC_PASSWORD])
    )  # logged in again: refused for the permission, no longer for the lock


@pytest.mark.req("INT-2", "ACC-1")
def test_deactivated_id_is_never_reused(cli, seeded):
    result = _as_admin(cli, seeded, "user", "deactivate", "qc", "--reason", "left the company")
    assert result.code == 0, result
    listing = _as_admin(cli, seeded, "user", "list")
    assert listing.out.splitlines()[2].split()[-3:] == ["no", "no", "no"]
    again = _as_admin(cli, seeded, "user", "add", "qc", "--name", "Quentin", "--role", "QC Analyst",
                      more=[NEW_PASSWORD])
    assert assert_one_line_error(again) == "user ID 'qc' already exists (deactivated): user IDs are never reused"
    message = assert_one_line_error(cli("--db", seeded, "user", "list", "--user", "qc", stdin=[QC_PASSWORD]))
    assert "deactivated" in message


@pytest.mark.req("INT-2", "ACC-2")
def test_reset_password_gives_a_temporary_password(cli, seeded):
    result = _as_admin(cli, seeded, "user", "reset-password", "qc", "--reason", "forgotten", more=["Temp-reset-99"])
    assert result.code == 0, result
    assert "reset the password of qc" in result.out
    assert "change-password" in assert_one_line_error(
        cli("--db", seeded, "user", "list", "--user", "qc", stdin=["Temp-reset-99"])
    )
    old = cli("--db", seeded, "user", "change-password", "--user", "qc", stdin=["Temp-reset-99", QC_PASSWORD])
    assert "differ from the last" in assert_one_line_error(old)


@pytest.mark.req("INT-2", "ACC-4")
@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (("user", "add", "nina", "--name", "N", "--role", "Boss", "--user", "admin"), 1, "unknown role 'Boss'"),
        (("user", "add", "Nina!", "--name", "N", "--role", "QC Analyst", "--user", "admin"), 1, "invalid user ID"),
        (("user", "add", "nina", "--name", " ", "--role", "QC Analyst", "--user", "admin"), 1, "printed name"),
        (("user", "add", "nina", "--name", "N", "--user", "admin"), 2, "at least one --role"),
        (("user", "add", "nina", "--name", "N", "--role", "QC Analyst"), 2, "needs --user"),
        (("user", "deactivate", "qc", "--user", "admin"), 2, "required: --reason"),
        (("user", "unlock", "qc", "--reason", "r"), 2, "unlocking needs --user ID"),
        (("user", "list",), 2, "required: --user"),
        (("user", "rename", "qc"), 2, "invalid choice: 'rename'"),
        (("user",), 2, "required: COMMAND"),
        (("frobnicate",), 2, "invalid choice"),
        (("--debug",), 2, "give a command"),
        (("audit", "export", "--out", "/no/such/folder/a.csv", "--user", "admin"), 1, "folder /no/such/folder does"),
        (("audit", "export", "--out", "/", "--user", "admin"), 1, "is a folder"),
        (("audit", "export", "--out", "a.csv", "--since", "yesterday", "--user", "admin"), 2, "not a date"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(cli, seeded, args, code, expected):
    users_before, entries = user_rows(seeded), audit_count(seeded)
    message = assert_one_line_error(cli("--db", seeded, *args, stdin=[ADMIN_PASSWORD, NEW_PASSWORD]), code)
    assert expected in message
    assert user_rows(seeded) == users_before
    assert audit_count(seeded) == entries
