"""A shared PostgreSQL database that a station's credentials cannot forge (issue 9, findings 1 and 4).

`batchtrace db upgrade`, run with the database owner's URL, sets up (idempotently, after the migrations):
- a secret key for the audit chain in the schema `batchtrace_keys`, which only the owner can use;
- SECURITY DEFINER functions, owned by the owner: `batchtrace_append_audit` appends audit entries and computes
  each entry's hash as an HMAC-SHA256 (pgcrypto) with that key (format v3, domain/audit.py `keyed_text`);
  `batchtrace_add_signature` writes a signature with the server's time; `batchtrace_audit_keyed` hands the
  verifier the HMAC of every stored v3 entry (of stored rows only: it computes nothing for text it is given);
- the station role (LOGIN, no password until the site sets one): SELECT everywhere but the key; INSERT and
  UPDATE where the application writes, except the audit trail and signatures (only through the functions);
  no DELETE, no TRUNCATE, not an owner, so no ALTER TABLE and no DISABLE TRIGGER.

A unit of work on a database with these functions uses them, whoever is connected; SQLite and a PostgreSQL
database not yet upgraded keep the application-side chain (v2).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL

from domain.errors import ValidationError

STATION_ROLE = "batchtrace_station"
KEYS_SCHEMA = "batchtrace_keys"
AUDIT_LOCK_KEY = 0x42_54_41_55  # "BTAU": the same advisory lock the application-side append takes
# Written only through the functions: the station role may read them, never insert into them directly.
THROUGH_FUNCTIONS = ("audit_log", "signatures")
READ_ONLY = ("alembic_version",)
APPEND = "public.batchtrace_append_audit(text, text, json)"
SIGN = "public.batchtrace_add_signature(json)"
KEYED = "public.batchtrace_audit_keyed()"
FUNCTIONS = (APPEND, SIGN, KEYED)
_KEYED_INFO = "batchtrace_keyed_store"  # per DBAPI connection: are the functions there?


def keyed(connection: Connection) -> bool:
    """True on a PostgreSQL database whose audit entries are appended and keyed by the database itself."""
    if connection.dialect.name != "postgresql":
        return False
    info = connection.connection.info
    if _KEYED_INFO not in info:
        info[_KEYED_INFO] = bool(connection.execute(
            text("SELECT to_regprocedure(:f) IS NOT NULL"), {"f": APPEND}).scalar_one())
    return bool(info[_KEYED_INFO])


def _functions_sql(crypto: str) -> list[str]:
    """The owner's functions; `crypto` is the (quoted) schema pgcrypto is installed in."""
    keys = KEYS_SCHEMA
    return [
        # The two helpers have no SET clause, so the planner inlines them into the functions that call them
        # (which fix the search path): with it, a million entries took minutes to verify instead of seconds.
        f"""CREATE OR REPLACE FUNCTION {keys}.field(v text) RETURNS text LANGUAGE sql IMMUTABLE
            AS $$ SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::text || ':' || v END $$""",
        # the text of domain/audit.py keyed_text, and its HMAC; in the owner's schema, so no station calls it
        f"""CREATE OR REPLACE FUNCTION {keys}.entry_hmac(k bytea, seq bigint, at_text text, uid text, uname text,
              rtype text, rid text, act text, changes text, reason text, prev text) RETURNS text
            LANGUAGE sql STABLE
            AS $$ SELECT encode({crypto}.hmac(convert_to('v3|' || concat_ws('|', {keys}.field(seq::text),
              {keys}.field(at_text), {keys}.field(uid), {keys}.field(uname), {keys}.field(rtype),
              {keys}.field(rid), {keys}.field(act), {keys}.field(changes), {keys}.field(reason),
              {keys}.field(prev)), 'UTF8'), k, 'sha256'), 'hex') $$""",
        f"""CREATE OR REPLACE FUNCTION {APPEND.split('(')[0]}(p_user_id text, p_user_name text, p_entries json)
            RETURNS SETOF bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
              k bytea; v_seq bigint; v_prev text; v_last timestamptz; v_at timestamptz; v_at_text text;
              v_hash text; e json;
            BEGIN
              PERFORM pg_advisory_xact_lock({AUDIT_LOCK_KEY});
              SELECT key INTO STRICT k FROM {keys}.chain_key WHERE id = 1;
              v_at := clock_timestamp();
              SELECT a.seq, a.hash, a.at INTO v_seq, v_prev, v_last FROM public.audit_log a
                ORDER BY a.seq DESC LIMIT 1;
              IF NOT FOUND THEN
                v_seq := 0; v_prev := repeat('0', 64);
              ELSIF v_last > v_at THEN
                v_at := v_last;
              END IF;
              v_at_text := to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US');
              FOR e IN SELECT value FROM json_array_elements(p_entries) LOOP
                v_seq := v_seq + 1;
                v_hash := {keys}.entry_hmac(k, v_seq, v_at_text, p_user_id, p_user_name, e->>'record_type',
                  e->>'record_id', e->>'action', e->>'changes', e->>'reason', v_prev);
                INSERT INTO public.audit_log (seq, at, user_id, user_name, record_type, record_id, action, changes,
                    reason, prev_hash, hash, format)
                  VALUES (v_seq, v_at, p_user_id, p_user_name, e->>'record_type', e->>'record_id', e->>'action',
                    e->>'changes', e->>'reason', v_prev, v_hash, 'v3');
                v_prev := v_hash;
                RETURN NEXT v_seq;
              END LOOP;
            END $$""",
        # The row as JSON, so the function follows the table's columns as migrations add them; the ID and the
        # time are the database's own.
        f"""CREATE OR REPLACE FUNCTION {SIGN.split('(')[0]}(p_signature json)
            RETURNS TABLE (id integer, at timestamptz) LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = pg_catalog, pg_temp AS $$
            DECLARE r public.signatures;
            BEGIN
              r := json_populate_record(NULL::public.signatures, p_signature);
              r.id := nextval(pg_get_serial_sequence('public.signatures', 'id'));
              r.at := clock_timestamp();
              INSERT INTO public.signatures SELECT r.*;
              RETURN QUERY SELECT r.id, r.at;
            END $$""",
        f"""CREATE OR REPLACE FUNCTION {KEYED.split('(')[0]}() RETURNS TABLE (seq bigint, keyed text)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
              SELECT a.seq, {keys}.entry_hmac(k.key, a.seq, to_char(a.at AT TIME ZONE 'UTC',
                  'YYYY-MM-DD HH24:MI:SS.US'), a.user_id, a.user_name, a.record_type, a.record_id, a.action,
                  a.changes, a.reason, a.prev_hash)
                FROM public.audit_log a CROSS JOIN {keys}.chain_key k WHERE a.format = 'v3' AND k.id = 1 $$""",
    ]


@dataclass(frozen=True)
class StationAccess:
    """What `db upgrade` tells the site to give each station."""

    role: str
    created: bool  # the role was created by this upgrade (it has no password yet)
    station_url: str  # without a password
    new_key: bool  # the chain key was made by this upgrade: the entries from now on are keyed
    earlier_entries: bool  # the chain had entries before the key: they keep their unkeyed format
    keyed_from: int | None = None  # the first audit entry with a keyed hash (None: none written yet)


def quoted(connection: Connection, name: str) -> str:
    return str(connection.execute(text("SELECT quote_ident(:n)"), {"n": name}).scalar_one())


def install(engine: Engine, role: str = STATION_ROLE) -> StationAccess:
    """As the owner: the key, the functions and the station role with its privileges; safe to run again."""
    with engine.begin() as connection:
        owner = connection.execute(text("SELECT current_user")).scalar_one()
        if owner == role:
            raise ValidationError(f"'db upgrade' runs with the database owner's account, not the station role "
                                  f"'{role}': use the owner's URL")
        tables_owner = connection.execute(text(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_log'")).scalar_one()
        if tables_owner != owner:
            raise ValidationError(f"the tables belong to '{tables_owner}', not to '{owner}': run 'db upgrade' "
                                  f"with the URL of '{tables_owner}'")
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS pgcrypto"))
        crypto = quoted(connection, connection.execute(text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pgcrypto'")).scalar_one())
        connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {KEYS_SCHEMA}"))
        connection.execute(text(f"REVOKE ALL ON SCHEMA {KEYS_SCHEMA} FROM PUBLIC"))
        connection.execute(text(
            f"CREATE TABLE IF NOT EXISTS {KEYS_SCHEMA}.chain_key (id integer PRIMARY KEY CHECK (id = 1), "
            "key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())"))
        connection.execute(text(f"REVOKE ALL ON {KEYS_SCHEMA}.chain_key FROM PUBLIC"))
        new_key = connection.execute(text(
            f"INSERT INTO {KEYS_SCHEMA}.chain_key (id, key) VALUES (1, {crypto}.gen_random_bytes(32)) "
            "ON CONFLICT (id) DO NOTHING")).rowcount == 1
        for statement in _functions_sql(crypto):
            connection.execute(text(statement))
        created = _ensure_role(connection, role)
        _grant(connection, quoted(connection, role))
        earlier = connection.execute(text("SELECT EXISTS (SELECT 1 FROM audit_log WHERE format <> 'v3')")).scalar()
    return StationAccess(role, created, station_url(engine.url, role), new_key, bool(earlier))


def first_keyed_entry(engine: Engine) -> int | None:
    """Where the HMAC era of the chain starts: the first entry written by the database's function."""
    with engine.connect() as connection:
        found = connection.execute(text("SELECT min(seq) FROM audit_log WHERE format = 'v3'")).scalar()
    return int(found) if found is not None else None


def _ensure_role(connection: Connection, role: str) -> bool:
    found = connection.execute(text("SELECT rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = :r"),
                               {"r": role}).first()
    name = quoted(connection, role)
    if found is None:
        owner = connection.execute(text("SELECT current_user")).scalar_one()
        may_create = connection.execute(text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = :o"),
                                        {"o": owner}).scalar_one()
        if not may_create:
            raise ValidationError(f"'{owner}' may not create the station role: as a superuser run "
                                  f"CREATE ROLE {name} LOGIN NOINHERIT (or ALTER ROLE {owner} CREATEROLE), then "
                                  "'db upgrade' again")
        connection.execute(text(f"CREATE ROLE {name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT"))
        return True
    if any(found):
        raise ValidationError(f"the station role '{role}' is a superuser or may create roles: a station must not "
                              f"be able to alter the database (ALTER ROLE {role} NOSUPERUSER NOCREATEROLE "
                              "NOBYPASSRLS)")
    owner = connection.execute(text("SELECT current_user")).scalar_one()
    if connection.execute(text("SELECT pg_has_role(:r, :o, 'MEMBER')"), {"r": role, "o": owner}).scalar_one():
        raise ValidationError(f"the station role '{role}' is a member of the owner '{owner}' and would act as it: "
                              f"REVOKE {owner} FROM {role}")
    return False


def _grant(connection: Connection, role: str) -> None:
    tables = [str(t) for t in connection.execute(text(
        "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).scalars()]
    writable = [t for t in tables if t not in (*THROUGH_FUNCTIONS, *READ_ONLY)]
    statements = [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",  # no function of a station's shadows ours
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT INSERT, UPDATE ON {', '.join(writable)} TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
    ]
    for function in FUNCTIONS:
        statements += [f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC",
                       f"GRANT EXECUTE ON FUNCTION {function} TO {role}"]
    for statement in statements:
        connection.execute(text(statement))


def add_signature(connection: Connection, values: dict[str, Any]) -> tuple[int, Any]:
    """Write a signature through the owner's function: (its ID, the server's time it was written at)."""
    row = connection.execute(text("SELECT id, at FROM batchtrace_add_signature(CAST(:row AS json))"),
                             {"row": json.dumps(values, ensure_ascii=False, default=str)}).one()
    return int(row[0]), row[1]


def station_url(url: URL, role: str = STATION_ROLE) -> str:
    return url.set(drivername="postgresql", username=role, password=None).render_as_string(hide_password=True)


def checks(engine: Engine) -> list[tuple[str, bool, str]]:
    """For the IQ on PostgreSQL (VAL-2): (check, passed, what was found) about the role this station connects as,
    the keyed chain's functions and the triggers. Reads the catalogue only."""
    with engine.connect() as connection:
        role, owner, is_super, member = connection.execute(text(
            "SELECT current_user, t.tableowner, r.rolsuper, pg_has_role(current_user, t.tableowner, 'MEMBER') "
            "FROM pg_tables t JOIN pg_roles r ON r.rolname = current_user "
            "WHERE t.schemaname = 'public' AND t.tablename = 'audit_log'")).one()
        found = [_station_role(connection, role, owner, bool(is_super or member))]
        found.append(_keyed_functions(connection, owner))
        found.append(_triggers(connection))
    return found


def _station_role(connection: Connection, role: str, owner: str, acts_as_owner: bool) -> tuple[str, bool, str]:
    name = "Station role"
    if acts_as_owner:
        return name, False, (f"this station connects as {role}, which owns the tables or acts as their owner "
                             f"({owner}): it could switch the guards off; connect as {STATION_ROLE} "
                             "(see 'db upgrade')")
    granted = connection.execute(text(
        "SELECT t.tablename, p.privilege FROM pg_tables t CROSS JOIN (VALUES ('INSERT'), ('DELETE'), ('TRUNCATE')) "
        "AS p(privilege) WHERE t.schemaname = 'public' AND has_table_privilege(current_user, "
        "quote_ident(t.tablename), p.privilege) AND (p.privilege <> 'INSERT' OR t.tablename IN ('audit_log', "
        "'signatures')) ORDER BY 1, 2")).all()
    keys = connection.execute(text("SELECT has_schema_privilege(current_user, :s, 'USAGE')"),
                              {"s": KEYS_SCHEMA}).scalar_one()
    problems = [f"{privilege} on {table}" for table, privilege in granted]
    if keys:
        problems.append(f"use of the key schema {KEYS_SCHEMA}")
    if problems:
        return name, False, f"{role} may do what only the owner may: {', '.join(problems)}"
    return name, True, (f"{role}: not the owner ({owner}); no DELETE or TRUNCATE, audit entries and signatures "
                        "only through the owner's functions, the key out of reach")


def _keyed_functions(connection: Connection, owner: str) -> tuple[str, bool, str]:
    rows = connection.execute(text(
        "SELECT p.oid::regprocedure::text, p.prosecdef, pg_get_userbyid(p.proowner) FROM pg_proc p "
        "WHERE p.oid IN (SELECT to_regprocedure(f) FROM unnest(CAST(:fs AS text[])) AS f)"),
        {"fs": list(FUNCTIONS)}).all()
    bad = [f"{signature} ({'not SECURITY DEFINER' if not definer else f'owned by {by}'})"
           for signature, definer, by in rows if not definer or by != owner]
    missing = len(FUNCTIONS) - len(rows)
    if missing or bad:
        detail = f"{missing} of the keyed chain's functions missing (run 'db upgrade' as the owner)" if missing else ""
        return "Keyed audit chain", False, "; ".join(filter(None, [detail, *bad]))
    return "Keyed audit chain", True, (f"audit entries and signatures written by {len(rows)} SECURITY DEFINER "
                                       f"functions of {owner}; HMAC-SHA256 with a key only {owner} can read")


def _triggers(connection: Connection) -> tuple[str, bool, str]:
    rows = connection.execute(text(
        "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal "
        "ORDER BY 1, 2")).all()
    disabled = [f"{table}.{trigger}" for table, trigger, enabled in rows if enabled == "D"]
    guarded = sorted({table for table, _trigger, _enabled in rows})
    if disabled or "audit_log" not in guarded:
        return "Triggers", False, (f"disabled: {', '.join(disabled)}" if disabled else "the audit trail has no trigger")
    return "Triggers", True, f"{len(rows)} triggers enabled on {', '.join(guarded)}"
