"""Writing many rows of one table in one statement execution, inside the unit of work's transaction.

SQLAlchemy's executemany prepares every parameter set in Python, and with RETURNING on SQLite it falls back to
one statement per row; a recall that freezes 16,000 scope rows and 20,000 audit entries cannot afford either.
Here each column's bind processor (Decimal, enum, UTC time) is looked up once per table and applied directly,
then the rows go in with the driver's executemany (SQLite) or one COPY (PostgreSQL). IDs are reserved first
where the caller needs them (the audit entries name the rows they record).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, text


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]], *,
                bound: dict[str, dict[Any, Any]] | None = None) -> None:
    """INSERT every row (dicts with the same keys); values are bound as the table's column types bind them.
    `bound` (column name -> {value: bound value}) keeps the bound values across calls: readings inserted sensor
    by sensor share their times."""
    if not rows:
        return
    names = list(rows[0])
    dialect = connection.dialect
    # tuples of plain values (the collector stops tracking them, and the drivers take them as they are);
    # each column's bind processor once per distinct value (a batch of audit entries shares one time)
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    bound = {} if bound is None else bound
    processed: list[tuple[int, Any, dict[Any, Any]]] = [
        (i, process, bound.setdefault(names[i], {})) for i, process in enumerate(processors) if process is not None]
    pick = itemgetter(*names)
    values: list[tuple[Any, ...]] = []
    for row in rows:
        value = pick(row) if len(names) > 1 else (row[names[0]],)
        if processed:
            cells = list(value)
            for i, process, seen in processed:
                cell = cells[i]
                try:
                    cells[i] = seen[cell]
                except KeyError:
                    cells[i] = seen[cell] = process(cell)
                except TypeError:  # not hashable
                    cells[i] = process(cell)
            value = tuple(cells)
        values.append(value)
    if dialect.name == "postgresql":
        # COPY: one stream for all rows, an order of magnitude faster than executemany's statement per row
        cursor = connection.connection.cursor()
        try:
            with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
                for line in values:
                    copy.write_row(line)
        finally:
            cursor.close()
        return
    marks = ", ".join("?" for _ in names)
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})", values)


def reserve_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """`count` new primary keys for `table`, in increasing order. PostgreSQL: from the column's sequence;
    SQLite: after the highest in use, which is safe because a writer holds the database's write lock from
    BEGIN IMMEDIATE (persistence/engine.py) to its commit."""
    if count <= 0:
        return []
    if connection.dialect.name == "postgresql":
        found = connection.execute(text(
            f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, :n)"),
            {"n": count}).scalars().all()
        return sorted(int(i) for i in found)
    highest = connection.execute(text(f"SELECT COALESCE(MAX(id), 0) FROM {table.name}")).scalar_one()
    return list(range(int(highest) + 1, int(highest) + 1 + count))
