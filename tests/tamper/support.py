"""What an attacker with the station's database credentials (or the SQLite file) does first: switch the
append-only guards off. On PostgreSQL this works today because the station role owns the tables."""

from __future__ import annotations

from tests.cli.support import sql


def without_guards(url: str, table: str, statements: str) -> None:
    if url.startswith("sqlite"):
        names = [row[0] for row in sql(url, f"SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                            f"AND tbl_name = '{table}'")]
        drops = "".join(f"DROP TRIGGER {name};" for name in names)
        sql(url, f"{drops}{statements}", script=True)
    else:
        sql(url, f"ALTER TABLE {table} DISABLE TRIGGER USER; {statements}; ALTER TABLE {table} ENABLE TRIGGER USER")
