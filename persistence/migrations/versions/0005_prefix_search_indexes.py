"""prefix-search indexes on PostgreSQL (varchar_pattern_ops) for lot, supplier-lot, batch and shipment numbers

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = (("lots", "lot_number"), ("lots", "supplier_lot"), ("batches", "batch_number"),
           ("shipments", "shipment_number"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite serves prefix searches from its existing indexes
    for table, column in INDEXES:
        op.create_index(f"ix_{table}_{column}_prefix", table, [column],
                        postgresql_ops={column: "varchar_pattern_ops"})


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in INDEXES:
        op.drop_index(f"ix_{table}_{column}_prefix", table_name=table)
