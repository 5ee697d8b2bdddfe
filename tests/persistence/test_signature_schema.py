"""Schema 0003 on both engines: signatures and the status history are append-only in the database itself, and
the status history of records created before 0003 is copied from the audit trail (SIG-3, AUD-2, GEN-3)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from persistence import schema
from persistence.engine import make_engine, parse_url

GUARDS = {
    "sqlite": {"signatures_no_update", "signatures_no_delete", "status_changes_no_update",
               "status_changes_no_delete"},
    "postgresql": {"signatures_no_update_delete", "signatures_no_truncate", "status_changes_no_update_delete",
                   "status_changes_no_truncate"},
}


@pytest.fixture
def engine(empty_db_url: str) -> Iterator[Engine]:
    engine = make_engine(parse_url(empty_db_url))
    try:
        yield engine
    finally:
        engine.dispose()


def triggers(engine: Engine) -> set[str]:
    with engine.connect() as c:
        if engine.dialect.name == "sqlite":
            return {r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
        return {r[0] for r in c.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))}


@pytest.mark.req("SIG-3", "AUD-2", "GEN-3")
def test_0003_guards_signatures_and_copies_the_status_history_from_the_audit_trail(engine: Engine) -> None:
    schema.upgrade(engine, "0002")
    at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC).replace(tzinfo=None)
    rows = [
        (1, "lot", "R-1", "CREATE", '{"quantity":[null,"10"],"status":[null,"Quarantine"]}', None),
        (2, "lot", "R-1", "UPDATE", '{"on_hand":["10","5"]}', "issued"),
        (3, "batch", "B-1", "UPDATE", '{"status":["Planned","In production"]}', "start"),
        (4, "item", "RES", "UPDATE", '{"status":["a","b"]}', "not a lot or batch"),
        (5, "lot", "R-1", "UPDATE", '{"status":["Quarantine","Released"]}', "CoA ok"),
    ]
    with engine.begin() as c:
        for seq, record_type, record_id, action, changes, reason in rows:
            c.execute(text("INSERT INTO audit_log (seq, at, user_id, user_name, record_type, record_id, action, "
                           "changes, reason, prev_hash, hash) VALUES (:seq, :at, 'pat', 'Pat', :rt, :rid, :action, "
                           ":changes, :reason, 'p', 'h')"),
                      {"seq": seq, "at": at, "rt": record_type, "rid": record_id, "action": action,
                       "changes": changes, "reason": reason})
    schema.upgrade(engine)
    assert GUARDS[engine.dialect.name] <= triggers(engine)
    with engine.connect() as c:
        history = c.execute(text("SELECT record_type, record_id, from_status, to_status, by_user, reason "
                                 "FROM status_changes ORDER BY id")).all()
    assert [tuple(r) for r in history] == [("lot", "R-1", None, "Quarantine", "pat", None),
                                          ("batch", "B-1", "Planned", "In production", "pat", "start"),
                                          ("lot", "R-1", "Quarantine", "Released", "pat", "CoA ok")]
    for statement in ("UPDATE status_changes SET by_user = 'x'", "DELETE FROM status_changes"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as c:
            c.execute(text(statement))
    schema.downgrade(engine, "0002")
    assert not GUARDS[engine.dialect.name] & triggers(engine)
