"""Probe the database's own guards for the IQ (VAL-2, AUD-2): try what the triggers must refuse, inside a
transaction that is always rolled back, so a missing guard is found without changing anything."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

# (what is refused, the statement that must fail); the first audit entry always exists after `db upgrade`
PROBES = (
    ("UPDATE of audit entries", "UPDATE audit_log SET reason = reason WHERE seq = (SELECT min(seq) FROM audit_log)"),
    ("DELETE of audit entries", "DELETE FROM audit_log WHERE seq = (SELECT min(seq) FROM audit_log)"),
    ("DELETE of users", "DELETE FROM users WHERE user_id = (SELECT min(user_id) FROM users)"),
)


def probe_guards(engine: Engine) -> list[tuple[str, bool, str]]:
    """(guard, refused?, what the database said) for each probe; a probe that touched no row is not proof."""
    results = []
    for name, statement in PROBES:
        with engine.connect() as connection:
            transaction = connection.begin()
            try:
                touched = connection.execute(text(statement)).rowcount
                outcome = (name, False, f"NOT refused ({touched} rows)") if touched else (
                    name, False, "not tried: no row yet (run the IQ after the first administrator is created)")
            except Exception as error:  # the trigger's refusal, as the driver reports it
                message = str(getattr(error, "orig", error)).strip().splitlines()
                outcome = (name, True, f"refused: {message[0] if message else type(error).__name__}")
            finally:
                transaction.rollback()
        results.append(outcome)
    return results
