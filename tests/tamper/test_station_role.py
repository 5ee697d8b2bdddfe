"""Findings 1 and 4 of issue 9 on PostgreSQL, as an attacker holding a station's database credentials would
try them: the station role (set up by `batchtrace db upgrade`) neither owns the tables nor may insert audit or
signature rows, and the chain's hashes are HMACs the database computes with a key the station cannot read.
Every test connects as `batchtrace_station` for the attack, as the owner only where the owner is the point."""

from __future__ import annotations

import hashlib
import hmac

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app import audit, batches, shipments, trace, users
from app.bootstrap import open_context, station_access_checks
from app.settings import Settings
from domain.audit import GENESIS_HASH, canonical_changes, entry_hash, format_time, keyed_hash, keyed_text
from domain.errors import ValidationError
from domain.lots import LotStatus
from domain.signatures import content_hash
from domain.users import SYSTEM_ACTOR
from persistence import schema, station_access
from persistence.engine import make_engine, parse_url
from persistence.station_access import STATION_ROLE
from tests.app.lots_support import (
    build_site,
    effective_mbr,
    lot,
    receive,
    release,
    running_batch,
)
from tests.cli.support import as_station, sql
from tests.conftest import ADMIN_PASSWORD, FAST_HASHER, fresh_pg_database
from tests.tamper.support import without_guards

pytestmark = [pytest.mark.pg, pytest.mark.req("AUD-7")]


@pytest.fixture
def owner_url(pg_server, pg_template) -> str:  # type: ignore[no-untyped-def]
    """A database as `db upgrade` left it (the template was upgraded by the owner, `postgres` here)."""
    return fresh_pg_database(pg_server, pg_template)


@pytest.fixture
def station_url(owner_url: str) -> str:
    """The station's URL, with the first administrator created through it."""
    url = as_station(owner_url)
    ctx = open_context(url, settings=Settings(), hasher=FAST_HASHER)
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
    finally:
        ctx.dispose()
    return url


def refused(url: str, statement: str) -> str:
    """Run the statement as whoever the URL names; return what the database said when it refused."""
    with pytest.raises(psycopg.Error) as caught:
        sql(url, statement)
    return str(caught.value)


def head(url: str) -> tuple[int, str]:
    seq, digest = sql(url, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
    return int(seq), str(digest)


def verify(url: str):  # type: ignore[no-untyped-def]
    ctx = open_context(url, settings=Settings())
    try:
        return audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR)
    finally:
        ctx.dispose()


# --- finding 4: the station role owns nothing ------------------------------------------------------------

@pytest.mark.req("AUD-2")
@pytest.mark.parametrize(("statement", "said"), [
    ("ALTER TABLE audit_log DISABLE TRIGGER USER", "must be owner"),
    ("ALTER TABLE signatures DISABLE TRIGGER USER", "must be owner"),
    ("DROP TRIGGER audit_log_no_update_delete ON audit_log", "must be owner"),
    ("ALTER TABLE users ADD COLUMN backdoor text", "must be owner"),
    ("DELETE FROM audit_log WHERE seq >= (SELECT max(seq) - 1 FROM audit_log)", "permission denied"),
    ("TRUNCATE audit_log", "permission denied"),
    ("DELETE FROM signatures", "permission denied"),
    ("DELETE FROM lots", "permission denied"),
    ("DELETE FROM genealogy", "permission denied"),  # finding 2: a lot's forward trace emptied
    ("DELETE FROM status_changes", "permission denied"),
    ("ALTER ROLE batchtrace_station SUPERUSER", "must be superuser"),
    ("SET ROLE postgres", "permission denied"),
    ("CREATE FUNCTION public.batchtrace_now() RETURNS timestamptz LANGUAGE sql AS 'SELECT now()'",
     "permission denied for schema public"),
    ("UPDATE audit_log SET reason = 'edited' WHERE seq = 1", "permission denied"),
    ("UPDATE alembic_version SET version_num = '0001'", "permission denied"),
    ("CREATE TABLE public.shadow (x int)", "permission denied"),
])
def test_the_station_role_cannot_alter_tables_switch_triggers_off_or_delete(station_url, statement, said):
    before = head(station_url)
    assert said in refused(station_url, statement)
    assert head(station_url) == before


def test_the_station_role_cannot_read_the_key_or_call_the_keyed_hash(station_url):
    assert "permission denied for schema batchtrace_keys" in refused(
        station_url, "SELECT key FROM batchtrace_keys.chain_key")
    # The HMAC of arbitrary text would let a station forge entries: only the owner's functions reach it.
    assert "permission denied for schema batchtrace_keys" in refused(
        station_url, "SELECT batchtrace_keys.entry_hmac('\\x00'::bytea, 1, 'a', 'b', 'c', 'd', 'e', 'f', 'g', "
                     "'h', NULL, 'i')")


# --- finding 1: a forged release -------------------------------------------------------------------------

@pytest.mark.req("SIG-3")
def test_a_forged_signature_and_chained_audit_entries_are_refused_to_the_station(station_url):
    """The attacker's script of finding 1, as the station role: a signature row with the right content hash
    and audit entries chained with BatchTrace's own functions. Both INSERTs are refused; nothing is written."""
    ctx = open_context(station_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        admin = users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
        site = build_site(ctx, admin, station_url)
        number = receive(site).lot_number
    finally:
        ctx.dispose()
    seq, prev = head(station_url)
    signed = content_hash("lot", number, {"status": "Quarantine"})
    signature = refused(station_url, (
        "INSERT INTO signatures (record_type, record_id, purpose, requirement, meaning, user_id, printed_name, at, "
        f"content_hash, content_version, comment, state_id) VALUES ('lot', '{number}', "
        f"'lot:Quarantine->Released', 'qc_review', 'Reviewed', 'cleo', 'Cleo Analyst', now(), '{signed}', 'v2', "
        "NULL, 0)"))
    assert "permission denied for table signatures" in signature
    at = format_time(sql(station_url, "SELECT now()")[0][0])
    changes = canonical_changes({"status": ("Quarantine", "Released")})
    forged = entry_hash(seq + 1, at, "quinn", "Quinn Reviewer", "lot", number, "UPDATE", changes, "ok", prev)
    entry = refused(station_url, (
        "INSERT INTO audit_log (seq, at, user_id, user_name, record_type, record_id, action, changes, reason, "
        f"prev_hash, hash, format) VALUES ({seq + 1}, now(), 'quinn', 'Quinn Reviewer', 'lot', '{number}', "
        f"'UPDATE', '{changes}', 'ok', '{prev}', '{forged}', 'v2')"))
    assert "permission denied for table audit_log" in entry
    assert head(station_url) == (seq, prev)
    assert sql(station_url, f"SELECT count(*) FROM signatures WHERE record_id = '{number}'") == [(0,)]


def test_entries_forged_by_someone_with_insert_rights_are_named_by_verify(station_url, owner_url):
    """Whoever gets INSERT rights anyway (the owner, a restored copy) and chains entries with BatchTrace's own
    functions: an entry in the unkeyed format after keyed ones is named, and so is one keyed with any other
    key than the database's."""
    seq, prev = head(owner_url)
    at = format_time(sql(owner_url, "SELECT max(at) FROM audit_log")[0][0])
    content = (seq + 1, at, "quinn", "Quinn Reviewer", "lot", "L-1", "UPDATE", "{}", "forged", prev)
    columns = "seq, at, user_id, user_name, record_type, record_id, action, changes, reason, prev_hash, hash, format"
    values = (f"{seq + 1}, TIMESTAMPTZ '{at}+00', 'quinn', 'Quinn Reviewer', 'lot', 'L-1', 'UPDATE', '{{}}', "
              f"'forged', '{prev}'")
    sql(owner_url, f"INSERT INTO audit_log ({columns}) VALUES ({values}, '{entry_hash(*content)}', 'v2')")
    report = verify(station_url)
    assert report.problem is not None
    assert report.problem.seq == seq + 1
    assert f"entry {seq + 1} is in the old format v2 after entries in v3: it was inserted" in report.problem.message

    without_guards(owner_url, "audit_log", f"DELETE FROM audit_log WHERE seq = {seq + 1}")  # the owner can
    guessed = keyed_hash(b"\x00" * 32, *content)
    sql(owner_url, f"INSERT INTO audit_log ({columns}) VALUES ({values}, '{guessed}', 'v3')")
    report = verify(station_url)
    assert report.problem is not None
    assert (report.problem.seq, report.problem.kind) == (seq + 1, "altered")
    assert report.entries == seq


def test_the_database_keys_entries_exactly_as_keyed_text_says(station_url, owner_url):
    """The format contract between the database's function and domain/audit.py, read back with the key (only
    the owner can): the HMAC of the documented text, and the text is unambiguous (length-prefixed)."""
    key = bytes(sql(owner_url, "SELECT key FROM batchtrace_keys.chain_key")[0][0])
    rows = sql(owner_url, "SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), user_id, "
                          "user_name, record_type, record_id, action, changes, reason, prev_hash, hash, format "
                          "FROM audit_log ORDER BY seq")
    assert rows and all(row[11] == "v3" for row in rows)
    prev = GENESIS_HASH
    for row in rows:
        assert row[9] == prev
        expected = hmac.new(key, keyed_text(*row[:10]).encode(), hashlib.sha256).hexdigest()
        assert row[10] == expected == keyed_hash(key, *row[:10])
        prev = row[10]
    assert keyed_text(1, "t", "a|b", "c", "d", "e", "f", "{}", None, "p") != keyed_text(
        1, "t", "a", "b|c", "d", "e", "f", "{}", None, "p")
    assert keyed_text(1, "t", "u", "n", "r", "i", "a", "{}", None, "p").endswith("|-|1:p")


def test_what_the_functions_still_allow_a_station_is_at_the_head_with_the_servers_time(station_url):
    """The residual risk the README states: the append function is BatchTrace's own path, so a script with the
    station's credentials can call it with made-up content. What it cannot do: choose the number, the time or
    the link, so the entry lands at the head, dated by the server, keyed, and stays there as evidence."""
    seq, _prev = head(station_url)
    sql(station_url, "SELECT batchtrace_append_audit('quinn', 'Quinn Reviewer', '[{\"record_type\": \"lot\", "
                     "\"record_id\": \"L-1\", \"action\": \"UPDATE\", \"changes\": \"{}\", "
                     "\"reason\": \"script\"}]'::json)")
    (row,) = sql(station_url, "SELECT seq, format, at >= now() - interval '1 minute' FROM audit_log "
                              "WHERE reason = 'script'")
    assert row == (seq + 1, "v3", True)
    report = verify(station_url)
    assert report.intact and report.head_seq == seq + 1
    assert "permission denied" in refused(station_url, f"DELETE FROM audit_log WHERE seq = {seq + 1}")


# --- the application as the station role ----------------------------------------------------------------

@pytest.mark.req("SIG-5", "TRC-2")
def test_the_application_works_as_the_station_role(station_url):
    """Receive, release lots with signatures, make a batch, ship, trace: all as the station role, every entry keyed
    by the database and every signature written by its function with the server's time."""
    ctx = open_context(station_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        admin = users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
        site = build_site(ctx, admin, station_url)
        raw = release(site, receive(site).lot_number).lot_number
        assert lot(site, raw).status == LotStatus.RELEASED.value
        effective_mbr(site, "MIX", [("RES", "0.5", "5")])
        batch = running_batch(site, "MIX", "20").batch_number
        batches.issue_material(ctx.uow(), site.warehouse, batch, raw, "10")
        done = batches.complete_batch(ctx.uow(), site.production, batch, "20")
        made = done.output_lots[0].lot_number
        release(site, made)
        shipments.ship(ctx.uow(), site.warehouse, "HOSP1", None, [shipments.ShipmentLineInput(made, "5")])
        forward = trace.trace(ctx.read_uow(), site.warehouse, raw, "forward").forward
        assert forward is not None
        assert {batch, made} <= {node.number for node in forward.nodes.values()}
        assert forward.customers == [("HOSP1", "City Hospital")]
    finally:
        ctx.dispose()
    assert sql(station_url, "SELECT DISTINCT format FROM audit_log") == [("v3",)]
    signed = sql(station_url, "SELECT record_type, count(*), count(DISTINCT user_id) FROM signatures "
                              "GROUP BY record_type ORDER BY record_type")
    # two lots released (two signatures each, by two people) and the change request that made the master
    # record effective (approved by two people: QA release and the QA reviewer, issue 13)
    assert [(kind, count, people) for kind, count, people in signed] == [("change", 2, 2), ("lot", 4, 2)]
    assert sql(station_url, "SELECT count(DISTINCT user_id) FROM signatures") == [(3,)]
    report = verify(station_url)
    assert report.intact, report.problem
    assert report.keyed_from == 1
    assert report.entries == head(station_url)[0]


# --- the IQ (VAL-2) ---------------------------------------------------------------------------------------

@pytest.mark.req("VAL-2")
def test_the_iq_checks_the_role_the_functions_and_the_triggers(station_url, owner_url):
    def checks(url: str) -> dict[str, tuple[bool, str]]:
        return {name: (ok, found) for name, ok, found in station_access_checks(url, settings=Settings())}

    found = checks(station_url)
    assert all(ok for ok, _found in found.values()), found
    assert set(found) == {"Station role", "Keyed audit chain", "Triggers"}
    as_owner = checks(owner_url)["Station role"]
    assert not as_owner[0] and "which owns the tables or acts as their owner" in as_owner[1]

    sql(owner_url, f"GRANT INSERT ON audit_log TO {STATION_ROLE}; GRANT DELETE ON lots TO {STATION_ROLE}")
    sql(owner_url, "ALTER FUNCTION batchtrace_add_signature(json) SECURITY INVOKER")
    sql(owner_url, "ALTER TABLE signatures DISABLE TRIGGER USER")
    found = checks(station_url)
    assert found["Station role"] == (False, f"{STATION_ROLE} may do what only the owner may: INSERT on audit_log, "
                                            "DELETE on lots")
    assert found["Keyed audit chain"] == (False, "batchtrace_add_signature(json) (not SECURITY DEFINER)")
    assert not found["Triggers"][0] and "disabled: signatures." in found["Triggers"][1]


# --- db upgrade -------------------------------------------------------------------------------------------

def test_db_upgrade_tells_what_to_give_each_station(cli, owner_url):
    result = cli("--db", owner_url, "db", "upgrade")
    assert result.code == 0, result
    station = as_station(owner_url).replace("postgresql+psycopg", "postgresql")
    assert f"batchtrace db connect {station}\n" in result.out
    assert f"\\password {STATION_ROLE}" in result.out
    assert f"station role {STATION_ROLE}: checked and its privileges renewed" in result.out
    assert "keyed by the database (HMAC) from entry 1 on" in result.out
    assert cli("--db", owner_url, "db", "upgrade").out == result.out  # idempotent
    station_try = cli("--db", as_station(owner_url), "db", "upgrade")
    assert station_try.code != 0
    assert "owner" in station_try.err


def test_an_owner_who_may_not_create_roles_is_told_what_to_run(pg_server):
    """A site's owner role without CREATEROLE: nothing half-done, and the exact statement for the superuser."""
    pg_server.admin_sql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bt_plain_owner') "
                        "THEN CREATE ROLE bt_plain_owner LOGIN; END IF; END $$")
    url = fresh_pg_database(pg_server, None)
    database = make_url(url).database
    pg_server.admin_sql(f"ALTER DATABASE {database} OWNER TO bt_plain_owner",
                        f"GRANT CREATE ON DATABASE {database} TO bt_plain_owner")
    owner = make_url(url).set(username="bt_plain_owner").render_as_string(hide_password=False)
    sql(url, "ALTER SCHEMA public OWNER TO bt_plain_owner")
    engine = make_engine(parse_url(owner))
    try:
        schema.upgrade(engine)
        with pytest.raises(ValidationError) as refused_setup:
            station_access.install(engine, role="bt_station_nobody_made")
    finally:
        engine.dispose()
    assert str(refused_setup.value) == (
        "'bt_plain_owner' may not create the station role: as a superuser run CREATE ROLE bt_station_nobody_made "
        "LOGIN NOINHERIT (or ALTER ROLE bt_plain_owner CREATEROLE), then 'db upgrade' again")
    assert sql(url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'batchtrace_keys'") == [(0,)]


def test_an_existing_database_keeps_its_entries_and_says_where_the_keyed_era_starts(cli, pg_server):
    """A database written by an earlier BatchTrace (v2 entries, the station owning the tables): after `db
    upgrade` the old entries still verify, and new ones are keyed from the entry that records the switch."""
    url = fresh_pg_database(pg_server, None)
    engine = make_engine(parse_url(url))
    try:
        schema.upgrade(engine)  # the migrations alone: what an earlier version did
    finally:
        engine.dispose()
    ctx = open_context(url, settings=Settings(), hasher=FAST_HASHER)
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
        users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
    finally:
        ctx.dispose()
    old = head(url)[0]
    assert sql(url, "SELECT DISTINCT format FROM audit_log") == [("v2",)]
    result = cli("--db", url, "db", "upgrade")
    assert result.code == 0, result
    assert (f"keyed by the database (HMAC) from entry {old + 1} on; entries 1 to {old} keep verifying in their "
            "earlier format") in result.out
    assert f"station role {STATION_ROLE}" in result.out
    assert sql(url, f"SELECT action, format FROM audit_log WHERE seq = {old + 1}") == [("KEYED_CHAIN", "v3")]
    report = verify(as_station(url))
    assert report.intact, report.problem
    assert report.keyed_from == old + 1
    verified = cli("--db", as_station(url), "audit", "verify")
    assert verified.code == 0
    assert f"keyed by the database from entry {old + 1}" in verified.out
