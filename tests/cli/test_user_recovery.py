"""`batchtrace user unlock ADMIN --database-owner` (ACC-7, INT-2): the documented recovery of a locked-out last
administrator, by whoever holds the database, audited with who and why."""

from __future__ import annotations

import pytest

from app import users
from tests.cli.support import assert_one_line_error, audit_count, sql
from tests.conftest import ADMIN_PASSWORD

OWNER_PASSWORD = "owner-pass"  # asked on PostgreSQL (the test server trusts it), not on SQLite


def _lock_admin(cli, url):
    for _ in range(5):
        assert assert_one_line_error(cli("--db", url, "user", "list", "--user", "admin",
                                         stdin=["Wrong-pass-01"])) == users.LOGIN_REFUSED


def _recover(cli, url, *args, more=()):
    stdin = [OWNER_PASSWORD] if url.startswith("postgresql") else []
    return cli("--db", url, "user", "unlock", "admin", "--database-owner", *args, stdin=[*stdin, *more])


@pytest.mark.req("ACC-7", "INT-2")
def test_the_database_owner_recovers_the_locked_out_last_administrator(cli, seeded):
    _lock_admin(cli, seeded)
    refused = cli("--db", seeded, "user", "unlock", "admin", "--reason", "x", "--user", "admin",
                  stdin=[ADMIN_PASSWORD])
    assert assert_one_line_error(refused) == users.LOGIN_REFUSED  # nobody else can: the dead end of issue 9

    result = _recover(cli, seeded, "--name", "Olga Owner", "--reason", "locked out; identity checked by QA head",
                      "--new-password", more=["Temp-recover-01", "Temp-recover-01"])
    assert result.code == 0, result
    assert "unlocked the administrator admin (Ada Admin) as the database owner" in result.out
    rows = sql(seeded, "SELECT user_id, user_name, action, reason FROM audit_log "
                       "WHERE action = 'ADMIN_RECOVERED'")
    assert len(rows) == 1
    user_id, user_name, _action, reason = rows[0]
    assert user_id == "@db-owner" and user_name.startswith("Olga Owner (OS user ")
    assert reason.startswith("locked out; identity checked by QA head [OS user ")
    changed = cli("--db", seeded, "user", "change-password", "--user", "admin",
                  stdin=["Temp-recover-01", "Admin-new-pass-27", "Admin-new-pass-27"])
    assert changed.code == 0, changed


@pytest.mark.req("ACC-7", "INT-2")
@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--reason", "x"], 2, "--database-owner needs --name"),
        (["--reason", "x", "--name", "O", "--user", "admin"], 2, "leave out --user"),
        (["--reason", " ", "--name", "Olga Owner"], 1, "a reason is required"),
        (["--reason", "x", "--name", "Olga\x1b[2JOwner"], 2, "U+001B (control character)"),
    ],
)
def test_bad_recovery_commands_change_nothing(cli, seeded, args, code, message):
    _lock_admin(cli, seeded)
    before = audit_count(seeded)
    assert message in assert_one_line_error(_recover(cli, seeded, *args), code)
    assert audit_count(seeded) == before
    assert bool(sql(seeded, "SELECT locked FROM users WHERE user_id = 'admin'")[0][0])


@pytest.mark.req("ACC-7")
def test_the_recovery_refuses_when_another_administrator_can_unlock(cli, seeded):
    result = _recover(cli, seeded, "--name", "Olga Owner", "--reason", "x")
    assert "account 'admin' is not locked" in assert_one_line_error(result)
    unlock = cli("--db", seeded, "user", "unlock", "qc", "--reason", "x", "--name", "O", "--user", "admin",
                 stdin=[ADMIN_PASSWORD])
    assert "--name and --new-password go with --database-owner" in assert_one_line_error(unlock, 2)
