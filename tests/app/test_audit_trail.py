"""The audit trail through the use cases and behind the application's back (AUD-1..5, GEN-4)."""

from __future__ import annotations

import csv
import itertools
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import audit, bootstrap, users
from app.audit import CSV_COLUMNS
from app.bootstrap import AppContext
from app.ports import AuditFilter
from app.settings import Settings
from domain.audit import AuditEntry, entry_hash, format_time
from domain.errors import ReasonRequired, ValidationError
from domain.users import SYSTEM_ACTOR, Actor, Role, UserId
from persistence.audit_trail import REDACTED
from tests.app.support import CLERK_PASSWORD, add_and_activate, plain_connection, raw_user, trail
from tests.conftest import ADMIN_PASSWORD, FAST_HASHER


def verify(ctx: AppContext) -> Any:
    return audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR)


# --- AUD-1: who, when, what, old and new values, the reason; never a password hash -------------------------


@pytest.mark.req("AUD-1")
def test_a_create_records_every_field_as_new_value_and_who_did_it(ctx: AppContext, admin: Actor) -> None:
    before = datetime.now(UTC)
    users.add_user(ctx.uow(), admin, ctx.auth, "wes", "Wes Warehouse", {Role.WAREHOUSE, Role.PRODUCTION},
                   "Temp-pass-0001")
    entry = trail(ctx, record_type="user", record_id="wes")[-1]
    assert (entry.action, entry.user_id, entry.user_name, entry.reason) == ("CREATE", "admin", "Ada Admin", None)
    assert entry.at.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=5) <= entry.at <= datetime.now(UTC) + timedelta(seconds=5)
    changes = entry.change_map()
    assert changes["user_id"] == [None, "wes"]
    assert changes["printed_name"] == [None, "Wes Warehouse"]
    assert changes["roles"] == [None, ["Production", "Warehouse"]]
    assert changes["active"] == [None, True]
    assert changes["locked"] == [None, False]
    assert changes["must_change_password"] == [None, True]
    assert changes["password_hash"] == [None, REDACTED]
    assert changes["password_history"] == [None, REDACTED]
    assert datetime.fromisoformat(changes["created_at"][1]) <= entry.at  # taken at commit, after the change
    assert set(changes) == {
        "user_id", "printed_name", "roles", "active", "locked", "failed_logins", "password_hash",
        "password_history", "password_changed_at", "must_change_password", "created_at", "language",
    }


@pytest.mark.req("AUD-1")
def test_an_update_records_old_and_new_values_of_the_changed_fields_only(ctx: AppContext, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE}, printed_name="Wes Warehouse")
    users.rename_user(ctx.uow(), admin, "wes", "Wesley Warehouse", "name changed after marriage")
    # a role that signs would wait for a second person's approval (ACC-6): Production applies at once
    users.change_roles(ctx.uow(), admin, "wes", {Role.WAREHOUSE, Role.PRODUCTION}, "cross-trained for QC")
    rename, roles = trail(ctx, record_id="wes", action="UPDATE")[-2:]
    assert (rename.user_id, rename.user_name, rename.reason) == ("admin", "Ada Admin", "name changed after marriage")
    assert rename.change_map() == {"printed_name": ["Wes Warehouse", "Wesley Warehouse"]}
    assert roles.change_map() == {"roles": [["Warehouse"], ["Production", "Warehouse"]]}
    assert roles.reason == "cross-trained for QC"


@pytest.mark.req("AUD-1", "ACC-2")
def test_password_hashes_never_enter_the_trail(ctx: AppContext, db_url: str, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    users.reset_password(ctx.uow(), admin, ctx.auth, "wes", "Reset-pass-0002", "forgot the password")
    reset = trail(ctx, record_id="wes", action="UPDATE")[-1]
    assert reset.reason == "forgot the password"
    changes = reset.change_map()
    assert changes["password_hash"] == [None, REDACTED]
    assert changes["password_history"] == [None, REDACTED]
    assert changes["must_change_password"] == [False, True]
    old, new = changes["password_changed_at"]
    assert old < new
    hashes = [raw_user(db_url, u)["password_hash"] for u in ("admin", "wes")]
    for entry in trail(ctx):
        blob = "|".join(str(v) for v in vars(entry).values())
        assert "$argon2" not in blob
        for secret in (*hashes, ADMIN_PASSWORD, CLERK_PASSWORD, "Reset-pass-0002"):
            assert secret not in blob


@pytest.mark.req("AUD-4")
def test_a_change_without_a_reason_is_refused_and_nothing_is_written(ctx: AppContext, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE}, printed_name="Wes Warehouse")
    before = trail(ctx)
    for reason in (None, "", "  \t "):
        with ctx.uow().acting_as(admin) as tx:
            user = tx.users.get("wes")
            assert user is not None
            user.rename("Someone Else")
            with pytest.raises(ReasonRequired, match="a reason is required"):
                tx.commit(reason)
    assert trail(ctx) == before
    assert raw_user_name(ctx, "wes") == "Wes Warehouse"


@pytest.mark.req("AUD-4")
def test_earlier_values_stay_in_the_trail(ctx: AppContext, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE}, printed_name="Name A")
    for name in ("Name B", "Name C", "Name D"):
        users.rename_user(ctx.uow(), admin, "wes", name, f"to {name}")
    names = [e.change_map()["printed_name"] for e in trail(ctx, record_id="wes")
             if "printed_name" in e.change_map()]
    assert names == [[None, "Name A"], ["Name A", "Name B"], ["Name B", "Name C"], ["Name C", "Name D"]]


@pytest.mark.req("AUD-1")
def test_changes_in_one_transaction_are_merged_per_record_with_the_first_old_value(
    ctx: AppContext, admin: Actor
) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE}, printed_name="Name A")
    with ctx.uow().acting_as(admin) as tx:
        user = tx.users.get("wes")
        assert user is not None
        user.rename("Name B")
        tx.session.flush()
        user.rename("Name C")
        tx.commit("typo fixed twice")
    entry = trail(ctx)[-1]
    assert entry.change_map() == {"printed_name": ["Name A", "Name C"]}
    assert verify(ctx).intact


@pytest.mark.req("AUD-1")
def test_a_failed_transaction_writes_no_audit_entry(ctx: AppContext, admin: Actor) -> None:
    before = trail(ctx)

    def fail_half_way() -> None:
        with ctx.uow().acting_as(admin) as tx:
            user = tx.users.get("admin")
            assert user is not None
            user.rename("Half Done")
            tx.audit_event("EXPORT", "audit_log", "csv")
            tx.session.flush()
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        fail_half_way()
    assert trail(ctx) == before
    assert raw_user_name(ctx, "admin") == "Ada Admin"


def raw_user_name(ctx: AppContext, user_id: str) -> str:
    return str(raw_user(ctx._engine.url.render_as_string(hide_password=False), user_id)["printed_name"])


# --- AUD-2: the database itself refuses UPDATE and DELETE ----------------------------------------------------


@pytest.mark.req("AUD-2")
def test_the_database_refuses_to_change_the_trail(ctx: AppContext, db_url: str, admin: Actor) -> None:
    before = trail(ctx)
    assert len(before) >= 2
    for statement in (
        "UPDATE audit_log SET reason = 'x'",
        "UPDATE audit_log SET reason = 'x' WHERE seq = 1",
        "UPDATE audit_log SET hash = prev_hash",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE seq = 2",
    ):
        with pytest.raises(DBAPIError, match="append-only"), plain_connection(db_url) as c:
            c.execute(text(statement))
    assert trail(ctx) == before
    assert verify(ctx).intact


@pytest.mark.req("AUD-2")
@pytest.mark.parametrize("engine_name", [pytest.param("postgresql", marks=pytest.mark.pg)])
def test_postgresql_refuses_to_truncate_the_trail(engine_name: str, ctx: AppContext, db_url: str,
                                                  admin: Actor) -> None:
    before = trail(ctx)
    with pytest.raises(DBAPIError, match="append-only"), plain_connection(db_url) as c:
        c.execute(text("TRUNCATE audit_log"))
    assert trail(ctx) == before


# --- AUD-3: tampering outside the application is found and named --------------------------------------------


def drop_guards(db_url: str) -> None:
    """What someone with direct database access would do first."""
    with plain_connection(db_url) as c:
        if c.dialect.name == "sqlite":
            c.execute(text("DROP TRIGGER audit_log_no_update"))
            c.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            c.execute(text("DROP TRIGGER audit_log_no_update_delete ON audit_log"))


def busy_trail(ctx: AppContext, admin: Actor) -> list[AuditEntry]:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE}, printed_name="Wes Warehouse")
    users.rename_user(ctx.uow(), admin, "wes", "Wesley Warehouse", "rename-for-tamper-test-7Q")
    for _ in range(2):
        with pytest.raises(Exception, match="wrong user ID or password"):
            users.log_in(ctx.uow(), ctx.auth, "wes", "Wrong-pass-0000")
    users.record_session_event(ctx.uow(), admin, "LOGOUT")
    entries = trail(ctx)
    assert len(entries) >= 10
    assert verify(ctx).intact
    return entries


def seq_of_reason(entries: list[AuditEntry], reason: str) -> int:
    (seq,) = [e.seq for e in entries if e.reason == reason]
    return seq


@pytest.mark.req("AUD-3")
def test_an_entry_altered_in_the_database_is_named(ctx: AppContext, db_url: str, admin: Actor) -> None:
    entries = busy_trail(ctx, admin)
    target = seq_of_reason(entries, "rename-for-tamper-test-7Q")
    drop_guards(db_url)
    with plain_connection(db_url) as c:
        c.execute(text("UPDATE audit_log SET reason = 'routine correction' WHERE seq = :s"), {"s": target})
    report = verify(ctx)
    assert report.problem is not None
    assert (report.problem.seq, report.problem.kind) == (target, "altered")
    assert report.entries == target - 1


@pytest.mark.req("AUD-3")
def test_any_altered_column_is_named(ctx: AppContext, db_url: str, admin: Actor) -> None:
    """One column at a time is changed, found, and put back (which makes the chain whole again)."""
    entries = busy_trail(ctx, admin)
    target = entries[len(entries) // 2].seq
    drop_guards(db_url)
    sqlite = db_url.startswith("sqlite")
    changes = {
        "user_id": "'bob'",
        "user_name": "'Bob Builder'",
        "at": "datetime(at, '-1 second')" if sqlite else "at - interval '1 second'",  # back-dated
        "record_type": "'lot'",
        "record_id": "'other'",
        "action": "'LOGOUT'",
        "changes": "'{}'",
        "reason": "'looks legitimate'",
        "prev_hash": "hash",
        "hash": "prev_hash",
    }
    for column, new_value in changes.items():
        with plain_connection(db_url) as c:
            where = {"s": target}
            original = c.execute(text(f"SELECT {column} FROM audit_log WHERE seq = :s"), where).scalar_one()
            c.execute(text(f"UPDATE audit_log SET {column} = {new_value} WHERE seq = :s"), where)
        problem = verify(ctx).problem
        assert problem is not None, column
        assert (problem.seq, problem.kind) == (target, "altered"), column
        with plain_connection(db_url) as c:
            c.execute(text(f"UPDATE audit_log SET {column} = :v WHERE seq = :s"), {"v": original, "s": target})
        assert verify(ctx).intact, column


@pytest.mark.req("AUD-3")
def test_an_entry_removed_from_the_middle_is_named(ctx: AppContext, db_url: str, admin: Actor) -> None:
    entries = busy_trail(ctx, admin)
    target = entries[len(entries) // 2].seq
    drop_guards(db_url)
    with plain_connection(db_url) as c:
        c.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": target})
    problem = verify(ctx).problem
    assert problem is not None
    assert (problem.seq, problem.kind) == (target, "removed")
    assert f"entry {target} is missing" in problem.message


@pytest.mark.req("AUD-3")
def test_a_forged_entry_with_a_recomputed_hash_is_named(ctx: AppContext, db_url: str, admin: Actor) -> None:
    """The forger knows the format: deletes entry k and writes a different one with a valid hash, seq k and
    the right link to entry k-1. Renumbering the rest is impossible without recomputing the whole chain."""
    entries = busy_trail(ctx, admin)
    genuine = next(e for e in entries if e.reason == "rename-for-tamper-test-7Q")
    k = genuine.seq
    forged_reason = "approved by QA"
    digest = entry_hash(k, format_time(genuine.at), genuine.user_id, genuine.user_name, genuine.record_type,
                        genuine.record_id, genuine.action, genuine.changes, forged_reason, genuine.prev_hash)
    drop_guards(db_url)
    with plain_connection(db_url) as c:
        at = c.execute(text("SELECT at FROM audit_log WHERE seq = :s"), {"s": k}).scalar_one()
        c.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": k})
        c.execute(
            text("INSERT INTO audit_log (seq, at, user_id, user_name, record_type, record_id, action, changes, "
                 "reason, prev_hash, hash, format) VALUES (:seq, :at, :uid, :uname, :rtype, :rid, :action, "
                 ":changes, :reason, :prev, :hash, 'v2')"),
            {"seq": k, "at": at, "uid": genuine.user_id, "uname": genuine.user_name, "rtype": genuine.record_type,
             "rid": genuine.record_id, "action": genuine.action, "changes": genuine.changes,
             "reason": forged_reason, "prev": genuine.prev_hash, "hash": digest},
        )
    forged = next(e for e in trail(ctx) if e.seq == k)
    assert forged.reason == forged_reason and forged.hash == digest  # it reads back as written
    problem = verify(ctx).problem
    assert problem is not None
    assert (problem.seq, problem.kind) == (k, "inserted")


@pytest.mark.req("AUD-3")
@pytest.mark.parametrize("engine_name", ["sqlite"])
def test_an_entry_patched_in_the_sqlite_file_is_named(engine_name: str, db_url: str, ctx: AppContext,
                                                      admin: Actor) -> None:
    """Edit the bytes of the database file itself, as someone with a hex editor would."""
    entries = busy_trail(ctx, admin)
    target = seq_of_reason(entries, "rename-for-tamper-test-7Q")
    ctx.dispose()
    path = Path(db_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = path.read_bytes()
    assert data.count(b"rename-for-tamper-test-7Q") == 1
    path.write_bytes(data.replace(b"rename-for-tamper-test-7Q", b"rename-for-tamper-test-8Q"))

    reopened = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        assert [e.reason for e in trail(reopened) if e.seq == target] == ["rename-for-tamper-test-8Q"]
        problem = verify(reopened).problem
        assert problem is not None
        assert (problem.seq, problem.kind) == (target, "altered")
    finally:
        reopened.dispose()


@pytest.mark.req("AUD-3")
def test_appending_in_the_application_keeps_the_chain_intact(ctx: AppContext, admin: Actor) -> None:
    busy_trail(ctx, admin)
    report = verify(ctx)
    entries = trail(ctx)
    assert (report.entries, report.head_seq, report.head_hash) == (len(entries), entries[-1].seq, entries[-1].hash)
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert all(a.hash == b.prev_hash for a, b in itertools.pairwise(entries))


# --- AUD-5: browse, filter, page, export --------------------------------------------------------------------


@pytest.fixture
def varied(ctx: AppContext, admin: Actor) -> list[AuditEntry]:
    """A trail with several users, record IDs and actions."""
    clerk = add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE}, printed_name="Wes Warehouse")
    add_and_activate(ctx, admin, "qa.lee", {Role.QA_REVIEWER}, printed_name="李 QA")
    users.rename_user(ctx.uow(), admin, "qa.lee", "李明", "legal name, 中文")
    with pytest.raises(Exception, match="wrong user ID"):
        users.log_in(ctx.uow(), ctx.auth, "wes", "Wrong-pass-0000")
    users.record_session_event(ctx.uow(), clerk, "SESSION_LOCKED", reason="idle")
    users.reauthenticate(ctx.uow(), ctx.auth, clerk, CLERK_PASSWORD, what="unlock")
    users.record_session_event(ctx.uow(), clerk, "LOGOUT")
    return trail(ctx)


def newest_first(entries: list[AuditEntry]) -> list[AuditEntry]:
    return sorted(entries, key=lambda e: e.seq, reverse=True)


SEARCHES: list[tuple[dict[str, Any], Any]] = [
    ({"user_id": "wes"}, lambda e: e.user_id == "wes"),
    ({"record_type": "user"}, lambda e: e.record_type == "user"),
    ({"record_type": "user", "record_id": "qa.lee"}, lambda e: e.record_type == "user" and e.record_id == "qa.lee"),
    ({"action": "LOGIN_FAILED"}, lambda e: e.action == "LOGIN_FAILED"),
    ({"action": "UPDATE", "user_id": "admin"}, lambda e: e.action == "UPDATE" and e.user_id == "admin"),
    ({"text": "中文"}, lambda e: "中文" in (e.reason or "")),
    ({"user_id": "nobody"}, lambda e: False),
]


@pytest.mark.req("AUD-5")
def test_the_trail_is_searchable(ctx: AppContext, admin: Actor, varied: list[AuditEntry]) -> None:
    for flt, keep in SEARCHES:
        expected = newest_first([e for e in varied if keep(e)])
        assert audit.audit_page(ctx.read_uow(), admin, AuditFilter(**flt), limit=1000) == expected, flt
        assert expected or flt == {"user_id": "nobody"}, flt


@pytest.mark.req("AUD-5")
def test_the_trail_is_searchable_by_time_range(ctx: AppContext, admin: Actor, varied: list[AuditEntry]) -> None:
    times = sorted({e.at for e in varied})
    assert len(times) >= 6
    since, until = times[2], times[-2]
    got = audit.audit_page(ctx.read_uow(), admin, AuditFilter(since=since, until=until), limit=1000)
    assert got == newest_first([e for e in varied if since <= e.at < until])
    assert {e.at for e in got} == set(times[2:-2])
    # The same instant given in another zone selects the same entries.
    shanghai = since.astimezone(timezone(timedelta(hours=8)))
    assert audit.audit_page(ctx.read_uow(), admin, AuditFilter(since=shanghai, until=until), limit=1000) == got


@pytest.mark.req("AUD-5")
@pytest.mark.parametrize("flt", [AuditFilter(), AuditFilter(record_type="user", record_id="wes")])
def test_keyset_pages_are_disjoint_consecutive_and_newest_first(
    ctx: AppContext, admin: Actor, varied: list[AuditEntry], flt: AuditFilter
) -> None:
    pages: list[list[AuditEntry]] = []
    before: int | None = None
    while True:
        page = audit.audit_page(ctx.read_uow(), admin, flt, before_seq=before, limit=3)
        if not page:
            break
        assert len(page) <= 3
        assert [e.seq for e in page] == sorted((e.seq for e in page), reverse=True)
        pages.append(page)
        before = page[-1].seq
    flat = [e for page in pages for e in page]
    assert len({e.seq for e in flat}) == len(flat)
    everything = audit.audit_page(ctx.read_uow(), admin, flt, limit=10_000)
    assert flat == everything
    assert len(pages) >= 3
    assert all(len(p) == 3 for p in pages[:-1])


@pytest.mark.req("AUD-5")
def test_export_writes_the_filtered_trail_and_is_audited(
    ctx: AppContext, admin: Actor, varied: list[AuditEntry], tmp_path: Path
) -> None:
    out = tmp_path / "exports" / "lee.csv"
    out.parent.mkdir()
    flt = AuditFilter(record_type="user", record_id="qa.lee")
    result = audit.export_audit_csv(ctx.uow(), admin, flt, out)
    expected = [e for e in varied if e.record_type == "user" and e.record_id == "qa.lee"]
    assert (result.path, result.entries) == (out, len(expected))
    assert sorted(p.name for p in out.parent.iterdir()) == ["lee.csv"]  # no partial file left behind

    with out.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(expected) + 1
    for row, entry in zip(rows[1:], expected, strict=True):
        record = dict(zip(CSV_COLUMNS, row, strict=True))
        assert int(record["seq"]) == entry.seq
        assert datetime.fromisoformat(record["time_utc"]) == entry.at
        assert record["time_utc"].endswith("Z")
        assert (record["user_id"], record["user_name"], record["action"]) == (entry.user_id, entry.user_name,
                                                                               entry.action)
        assert (record["record_type"], record["record_id"]) == ("user", "qa.lee")
        assert record["reason"] == (entry.reason or "")
        assert record["changes_json"] == entry.changes
        assert (record["prev_hash"], record["hash"]) == (entry.prev_hash, entry.hash)
        assert record["changes_readable"] == audit.readable_changes(entry)
    assert "printed_name: 李 QA -> 李明" in out.read_text(encoding="utf-8-sig")

    export = trail(ctx)[-1]
    assert (export.action, export.record_type, export.user_id) == ("EXPORT", "audit_log", "admin")
    assert export.reason == f"{len(expected)} entries to lee.csv"
    assert export.change_map() == {"filter": [None, "record_type=user, record_id=qa.lee"]}
    assert verify(ctx).intact


@pytest.mark.req("AUD-5")
def test_export_to_a_missing_folder_is_refused_without_a_trace(
    ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:
    before = trail(ctx)
    missing = tmp_path / "no-such-folder" / "trail.csv"
    with pytest.raises(ValidationError, match="does not exist"):
        audit.export_audit_csv(ctx.uow(), admin, AuditFilter(), missing)
    with pytest.raises(ValidationError, match="is a folder"):
        audit.export_audit_csv(ctx.uow(), admin, AuditFilter(), tmp_path)
    assert not missing.parent.exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".csv", ".partial")]
    assert trail(ctx) == before


@pytest.mark.req("AUD-5")
def test_record_types_are_listed_for_the_filter(ctx: AppContext, admin: Actor, varied: list[AuditEntry]) -> None:
    assert audit.audit_record_types(ctx.read_uow(), admin) == sorted({e.record_type for e in varied})


# --- GEN-4: UTC, and the server's clock on a shared store -----------------------------------------------------


def server_clock(db_url: str) -> datetime:
    with plain_connection(db_url) as c:
        value: datetime = c.execute(text("SELECT clock_timestamp()")).scalar_one()
    return value


class _SkewedClock(datetime):
    """This station's clock, ten years and a bit behind."""

    @classmethod
    def now(cls, tz: Any = None) -> Any:
        return datetime(2016, 2, 29, 12, 0, 0, tzinfo=UTC)


@pytest.mark.req("GEN-4")
def test_audit_times_come_from_the_server_on_postgresql_and_the_station_on_sqlite(
    ctx: AppContext, db_url: str, engine_name: str, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import persistence.audit_trail

    monkeypatch.setattr(persistence.audit_trail, "datetime", _SkewedClock)
    if engine_name == "postgresql":
        before = server_clock(db_url)
    users.rename_user(ctx.uow(), admin, "admin", "Ada Q. Admin", "skewed station clock")
    entry = trail(ctx)[-1]
    assert entry.at.utcoffset() == timedelta(0)
    if engine_name == "postgresql":
        after = server_clock(db_url)
        assert before <= entry.at <= after
    else:  # embedded: the station is the server, but its clock never takes the trail back in time (AUD-3)
        assert entry.at == trail(ctx)[-2].at > datetime(2016, 2, 29, 12, 0, 0, tzinfo=UTC)
    assert verify(ctx).intact


@pytest.mark.req("GEN-4")
@pytest.mark.parametrize("engine_name", [pytest.param("postgresql", marks=pytest.mark.pg)])
def test_postgresql_session_time_zone_does_not_change_stored_utc_times(
    engine_name: str, db_url: str, request: pytest.FixtureRequest
) -> None:
    pg_server = request.getfixturevalue("pg_server")
    database = db_url.rsplit("/", 1)[1]
    pg_server.admin_sql(f"ALTER DATABASE {database} SET timezone = 'Asia/Shanghai'")
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        with ctx._engine.connect() as c:
            assert c.execute(text("SHOW timezone")).scalar_one() == "Asia/Shanghai"
        start = len(trail(ctx))  # the schema upgrade
        before = server_clock(db_url)
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
        admin = users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
        users.rename_user(ctx.uow(), admin, "admin", "Ada Q. Admin", "time zone test")
        after = server_clock(db_url)
        entries = trail(ctx)
        assert len(entries) == start + 3  # create, log-in, rename
        for entry in entries[start:]:
            assert entry.at.utcoffset() == timedelta(0)
            assert before <= entry.at <= after
        # What is stored, read as UTC text by the server itself, is the same instant.
        with plain_connection(db_url) as c:
            c.execute(text("SET TIME ZONE 'America/St_Johns'"))
            stored = c.execute(text("SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') "
                                    "FROM audit_log ORDER BY seq")).all()
        assert [(e.seq, format_time(e.at)) for e in entries] == [tuple(r) for r in stored]
        assert before <= raw_created_at(db_url) <= entries[start].at
        assert verify(ctx).intact
    finally:
        ctx.dispose()


def raw_created_at(db_url: str) -> datetime:
    value: datetime = raw_user(db_url, "admin")["created_at"]
    return value


# --- one unbroken chain with several writers at once (GEN-2, AUD-3) -------------------------------------------


@pytest.mark.req("GEN-2", "AUD-3")
def test_concurrent_writers_extend_one_unbroken_chain(
    ctx: AppContext, admin: Actor, engine_name: str
) -> None:
    import threading

    threads, commits = (8, 25) if engine_name == "postgresql" else (4, 10)
    start = len(trail(ctx))
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def work(t: int) -> None:
        actor = Actor(UserId(f"station{t}"), f"Station {t}")
        try:
            barrier.wait()
            for i in range(commits):
                if i % 5 == 0:  # a record change: one CREATE entry
                    users.add_user(ctx.uow(), admin, ctx.auth, f"t{t}u{i}", f"T{t} U{i}", {Role.WAREHOUSE},
                                   "Temp-pass-0001")
                else:  # a session event: one entry
                    users.record_session_event(ctx.uow(), actor, "SESSION_LOCKED", reason=f"{t}/{i}")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert not errors, errors
    entries = trail(ctx)
    assert len(entries) == start + threads * commits
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert all(a.at <= b.at for a, b in itertools.pairwise(entries))  # times rise with seq
    report = verify(ctx)
    assert report.intact
    assert report.entries == len(entries)
    for t in range(threads):
        mine = [e.reason for e in entries if e.user_id == f"station{t}"]
        assert mine == [f"{t}/{i}" for i in range(commits) if i % 5]  # each writer's order is kept


CHILD = """
import sys, time
from pathlib import Path
from app import bootstrap, users
from app.passwords import Argon2Hasher
from app.settings import Settings
from domain.users import Actor, UserId

url, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
ctx = bootstrap.open_context(url, settings=Settings(), hasher=Argon2Hasher(time_cost=1, memory_cost=1024))
actor = Actor(UserId(name), name.title())
users.record_session_event(ctx.uow(), actor, "LOGIN")  # connected and warmed up
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
began = time.time()
for i in range(count):
    users.record_session_event(ctx.uow(), actor, "SESSION_LOCKED", reason=f"{name} {i}")
    time.sleep(0.002)  # a station's think time between commits
ctx.dispose()
print("done", began, time.time())
"""


@pytest.mark.req("GEN-1", "AUD-3")
@pytest.mark.parametrize("engine_name", ["sqlite"])
def test_two_processes_writing_one_sqlite_file_keep_one_chain(
    engine_name: str, db_url: str, ctx: AppContext, admin: Actor, tmp_path: Path
) -> None:
    import subprocess
    import sys

    count = 40
    start = len(trail(ctx))
    go = tmp_path / "go"
    root = Path(__file__).resolve().parents[2]
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, db_url, name, str(count), str(go)], cwd=root,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("alpha", "bravo")
    ]
    for child in children:  # both connected before either starts: the writes really overlap
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [child.communicate(timeout=120) for child in children]
    periods = []
    for child, (out, err) in zip(children, outputs, strict=True):
        assert "database is locked" not in err
        assert child.returncode == 0, err
        word, began, ended = out.split()
        assert word == "done"
        periods.append((float(began), float(ended)))
    (a_began, a_ended), (b_began, b_ended) = periods
    assert a_began < b_ended and b_began < a_ended, f"the two writers did not run at the same time: {periods}"
    entries = trail(ctx)
    assert len(entries) == start + 2 * (count + 1)
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    for name in ("alpha", "bravo"):
        mine = [e for e in entries if e.user_id == name and e.action == "SESSION_LOCKED"]
        assert [e.reason for e in mine] == [f"{name} {i}" for i in range(count)]
    assert verify(ctx).intact
