"""CAPA: corrective and preventive actions with owners and due dates, effectiveness check, signed closure (DEV-2)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

import persistence.types

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "capas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("deviation", sa.String(length=40), nullable=True),
        sa.Column("status", sa.Enum("Open", "Closed", name="capastatus", native_enum=False, length=20),
                  nullable=False),
        sa.Column("opened_by", sa.String(length=32), nullable=False),
        sa.Column("opened_at", persistence.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("effectiveness_due", sa.Date(), nullable=False),
        sa.Column("effectiveness", sa.Text(), nullable=True),
        sa.Column("effective", sa.Boolean(create_constraint=False), nullable=True),
        sa.Column("checked_by", sa.String(length=32), nullable=True),
        sa.Column("checked_at", persistence.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", persistence.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["deviation"], ["deviations.number"], name=op.f("fk_capas_deviation_deviations")),
        sa.ForeignKeyConstraint(["opened_by"], ["users.user_id"], name=op.f("fk_capas_opened_by_users")),
        sa.ForeignKeyConstraint(["checked_by"], ["users.user_id"], name=op.f("fk_capas_checked_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capas")),
        sa.UniqueConstraint("number", name=op.f("uq_capas_number")),
    )
    with op.batch_alter_table("capas", schema=None) as batch_op:
        batch_op.create_index("ix_capas_status", ["status"], unique=False)
    op.create_table(
        "capa_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("capa_id", sa.Integer(), nullable=False),
        sa.Column("action_no", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("Corrective", "Preventive", name="actionkind", native_enum=False, length=20),
                  nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("done_by", sa.String(length=32), nullable=True),
        sa.Column("done_at", persistence.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["capa_id"], ["capas.id"], name=op.f("fk_capa_actions_capa_id_capas")),
        sa.ForeignKeyConstraint(["owner"], ["users.user_id"], name=op.f("fk_capa_actions_owner_users")),
        sa.ForeignKeyConstraint(["done_by"], ["users.user_id"], name=op.f("fk_capa_actions_done_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capa_actions")),
        sa.UniqueConstraint("capa_id", "action_no", name="uq_capa_actions_capa_no"),
    )
    with op.batch_alter_table("capa_actions", schema=None) as batch_op:
        batch_op.create_index("ix_capa_actions_open", ["owner", "due_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("capa_actions", schema=None) as batch_op:
        batch_op.drop_index("ix_capa_actions_open")
    op.drop_table("capa_actions")
    with op.batch_alter_table("capas", schema=None) as batch_op:
        batch_op.drop_index("ix_capas_status")
    op.drop_table("capas")
