"""`batchtrace site settings show|set` (ACC-7, INT-2): the site's security policy from the database, changed by
an administrator with a reason; bad input is one line and changes nothing."""

from __future__ import annotations

import pytest

from tests.cli.conftest import QC_PASSWORD
from tests.cli.support import assert_one_line_error, audit_count, sql
from tests.conftest import ADMIN_PASSWORD


@pytest.mark.req("ACC-7", "INT-2")
def test_an_administrator_sets_the_policy_and_every_station_shows_it(cli, seeded):
    shown = cli("--db", seeded, "site", "settings", "show")
    assert shown.code == 0, shown
    assert "max_failed_logins     5 tries" in shown.out
    assert "never changed at this site" in shown.out

    changed = cli("--db", seeded, "site", "settings", "set", "max_failed_logins=3", "idle-lock-minutes=5",
                  "--reason", "SOP-012 rev 4", "--user", "admin", stdin=[ADMIN_PASSWORD])
    assert changed.code == 0, changed
    assert "version 1, set by admin" in changed.out
    shown = cli("--db", seeded, "site", "settings", "show")
    assert "max_failed_logins     3 tries" in shown.out and "idle_lock_minutes     5 minutes" in shown.out
    assert sql(seeded, "SELECT record_id, action, user_id, reason FROM audit_log "
                       "WHERE record_type = 'site_security'") == [("v1", "CREATE", "admin", "SOP-012 rev 4")]

    for _ in range(3):  # the CLI's log-in counts to the site's threshold
        assert_one_line_error(cli("--db", seeded, "user", "list", "--user", "qc", stdin=["Wrong-pass-1"]))
    locked, failures = sql(seeded, "SELECT locked, failed_logins FROM users WHERE user_id = 'qc'")[0]
    assert (bool(locked), failures) == (True, 3)


@pytest.mark.req("ACC-7", "ACC-4")
@pytest.mark.parametrize(
    ("args", "who", "code", "message"),
    [
        (["max_failed_logins=30", "--reason", "x"], "admin", 2, "max_failed_logins must be a whole"),
        (["max_failed_logins=1e3", "--reason", "x"], "admin", 2, "whole number from 3 to 10"),
        (["max_failed_logins=٥", "--reason", "x"], "admin", 2, "whole number from 3 to 10"),
        (["colour=3", "--reason", "x"], "admin", 2, "unknown security setting 'colour'"),
        (["max_failed_logins", "--reason", "x"], "admin", 2, "NAME=VALUE"),
        (["max_failed_logins=4", "--reason", " "], "admin", 1, "a reason is required"),
        (["max_failed_logins=5", "--reason", "same"], "admin", 1, "unchanged"),
        (["max_failed_logins=10", "--reason", "easier"], "qc", 1, "may not manage users"),
    ],
)
def test_bad_settings_change_nothing(cli, seeded, args, who, code, message):
    before = audit_count(seeded)
    password = ADMIN_PASSWORD if who == "admin" else QC_PASSWORD
    result = cli("--db", seeded, "site", "settings", "set", *args, "--user", who, stdin=[password])
    assert message in assert_one_line_error(result, code)
    assert sql(seeded, "SELECT count(*) FROM site_security") == [(0,)]
    assert audit_count(seeded) - before in (0, 1, 2)  # a log-in and a refusal at most, never a setting
    assert sql(seeded, "SELECT count(*) FROM audit_log WHERE record_type = 'site_security'") == [(0,)]
