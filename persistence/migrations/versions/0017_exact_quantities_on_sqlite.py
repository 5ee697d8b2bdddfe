"""exact quantities on SQLite: whole millionths in the NUMERIC(18, 6) columns (issue 9 finding 6; LOT-5, TRC-4)

SQLite kept every quantity as a 64-bit float (999999999999.999999 became 1000000000000). From this revision
persistence.types.Quantity keeps them there as whole millionths, exact and summed exactly by SQL. Each stored
value is converted as BatchTrace showed it: the shortest decimal that reads back as the stored float (0.1 stays
0.1, not 0.1000000000000000055...), to 6 places. What a float had already lost is not invented back: the audit
trail keeps what was entered, and `audit verify` names a row whose value the float had changed. PostgreSQL kept
NUMERIC(18, 6) all along: nothing to do there. The schema (the DDL) is the same before and after.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""
from decimal import ROUND_HALF_EVEN, Decimal

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

QUANTITIES = {
    "mbr_lines": ("quantity_per_unit",),
    "batches": ("planned_quantity", "produced_quantity"),
    "lots": ("quantity", "on_hand"),
    "material_issues": ("quantity",),
    "shipment_lines": ("quantity",),
    "genealogy": ("quantity",),
    "recall_scope": ("quantity",),
    "recall_customers": ("quantity", "returned_quantity"),
    "spec_tests": ("lower", "upper"),
}
# recall_scope is frozen at opening (0002): its guard steps aside for the conversion only, in this transaction.
SCOPE_GUARD = """CREATE TRIGGER recall_scope_no_update BEFORE UPDATE ON recall_scope
           BEGIN SELECT RAISE(ABORT, 'recall_scope is frozen at opening: UPDATE refused'); END"""


def _millionths(value: object) -> int:
    text = repr(value) if isinstance(value, float) else str(value)
    return int(Decimal(text).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN).scaleb(6))


def _convert(convert: str) -> None:
    """Every quantity column of a row in one UPDATE: lots' check (on_hand <= quantity) holds throughout."""
    bind = op.get_bind()
    op.execute("DROP TRIGGER recall_scope_no_update")
    for table, columns in QUANTITIES.items():
        rows = bind.exec_driver_sql(f"SELECT rowid, {', '.join(columns)} FROM {table}").fetchall()
        changed = []
        for rowid, *values in rows:
            if convert == "up":
                new = [None if v is None else _millionths(v) for v in values]
            else:
                new = [None if v is None else float(Decimal(v).scaleb(-6)) for v in values]
            changed.append((*new, rowid))
        if changed:
            assignments = ", ".join(f"{column} = ?" for column in columns)
            bind.exec_driver_sql(f"UPDATE {table} SET {assignments} WHERE rowid = ?", changed)
    op.execute(SCOPE_GUARD)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _convert("up")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _convert("down")
