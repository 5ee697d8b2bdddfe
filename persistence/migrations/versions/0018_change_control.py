"""change control: change requests and their items; a version becomes Effective only through one (CHG-1)

The database refuses, on both engines:
- any UPDATE or INSERT that leaves a master batch record or a specification 'Effective' unless an Implemented
  change request (written earlier in the same transaction is fine) lists that exact version to make effective;
- changing an Effective, Superseded or Retired version's content (its own row, and its BOM lines, steps,
  parameters or tests), or moving it back into Draft, In review or Approved.
Also a CAPA action's change request (the action closes once it is implemented) and an index of BOM lines by item
for the impact of a raw-material change.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

import persistence.types

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

FROZEN = "'Effective', 'Superseded', 'Retired'"
UNFINISHED = "'Draft', 'In review', 'Approved'"
_NO_CHANGE = """NOT EXISTS (SELECT 1 FROM change_request_items i JOIN change_requests c ON c.id = i.change_id
                   WHERE c.status = 'Implemented' AND i.action = 'Make effective' AND i.record_type = '{kind}'
                     AND i.record_key = NEW.{key} AND i.version = NEW.version)"""
# (table, kind in change_request_items, key column, the other columns of its row)
VERSIONED = (("mbrs", "mbr", "product_code", ("title", "created_at", "effective_at")),
             ("specifications", "spec", "item_code", ("title", "created_at", "effective_at")))
# (table, how a row finds its version's status)
CONTENT = (("mbr_lines", "SELECT status FROM mbrs WHERE id = {row}.mbr_id"),
           ("mbr_steps", "SELECT status FROM mbrs WHERE id = {row}.mbr_id"),
           ("mbr_parameters", "SELECT m.status FROM mbrs m JOIN mbr_steps s ON s.mbr_id = m.id "
                              "WHERE s.id = {row}.step_id"),
           ("spec_tests", "SELECT status FROM specifications WHERE id = {row}.spec_id"))


def _sqlite_guards() -> list[str]:
    found = []
    for table, kind, key, others in VERSIONED:
        no_change = _NO_CHANGE.format(kind=kind, key=key)
        message = f"{table}: a version becomes Effective only through an implemented change request"
        found += [
            f"""CREATE TRIGGER {table}_effective_by_change BEFORE UPDATE ON {table}
                WHEN NEW.status = 'Effective' AND {no_change}
                BEGIN SELECT RAISE(ABORT, '{message}'); END""",
            f"""CREATE TRIGGER {table}_insert_effective BEFORE INSERT ON {table}
                WHEN NEW.status IN ({FROZEN}) AND (NEW.status <> 'Effective' OR {no_change})
                BEGIN SELECT RAISE(ABORT, '{message}'); END""",
            f"""CREATE TRIGGER {table}_frozen BEFORE UPDATE ON {table}
                WHEN OLD.status IN ({FROZEN}) AND (NEW.status IN ({UNFINISHED}) OR NEW.id IS NOT OLD.id
                     OR NEW.{key} IS NOT OLD.{key} OR NEW.version IS NOT OLD.version
                     OR {' OR '.join(f'NEW.{c} IS NOT OLD.{c}' for c in others)})
                BEGIN SELECT RAISE(ABORT, '{table}: an effective, superseded or retired version never changes');
                END""",
        ]
    for table, status_of in CONTENT:
        message = f"{table}: the content of an effective, superseded or retired version never changes"
        for verb, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            found.append(
                f"""CREATE TRIGGER {table}_frozen_{verb.lower()} BEFORE {verb} ON {table}
                    WHEN ({status_of.format(row=row)}) IN ({FROZEN})
                    BEGIN SELECT RAISE(ABORT, '{message}'); END""")
    return found


def _pg_guards() -> list[str]:
    found = []
    for table, kind, key, _others in VERSIONED:
        function = f"batchtrace_{table}_by_change"
        found += [
            f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.status = 'Effective' AND {_NO_CHANGE.format(kind=kind, key=key)} THEN
                    RAISE EXCEPTION '{table}: a version becomes Effective only through an implemented change '
                      'request' USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  IF TG_OP = 'INSERT' AND NEW.status IN ('Superseded', 'Retired') THEN
                    RAISE EXCEPTION '{table}: a version is created as a draft' USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  IF TG_OP = 'UPDATE' AND OLD.status IN ({FROZEN})
                     AND (NEW.status IN ({UNFINISHED}) OR (to_jsonb(NEW) - 'status') IS DISTINCT FROM
                          (to_jsonb(OLD) - 'status')) THEN
                    RAISE EXCEPTION '{table}: an effective, superseded or retired version never changes'
                      USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  RETURN NEW;
                END $$""",
            f"""CREATE TRIGGER {table}_by_change BEFORE INSERT OR UPDATE ON {table}
                FOR EACH ROW EXECUTE FUNCTION {function}()""",
        ]
    for table, status_of in CONTENT:
        function = f"batchtrace_{table}_frozen"
        found += [
            f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF (TG_OP <> 'INSERT' AND ({status_of.format(row='OLD')}) IN ({FROZEN}))
                     OR (TG_OP <> 'DELETE' AND ({status_of.format(row='NEW')}) IN ({FROZEN})) THEN
                    RAISE EXCEPTION '{table}: the content of an effective, superseded or retired version never '
                      'changes' USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                  RETURN NEW;
                END $$""",
            f"""CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION {function}()""",
        ]
    return found


def upgrade() -> None:
    op.create_table(
        "change_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("classification", sa.Enum("Minor", "Major", "Critical", name="classification",
                                             native_enum=False, length=10), nullable=False),
        sa.Column("requester", sa.String(length=32), nullable=False),
        sa.Column("requested_at", persistence.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("status", sa.Enum("Draft", "In review", "Approved", "Implemented", "Cancelled", "Rejected",
                                    name="changestatus", native_enum=False, length=14), nullable=False),
        sa.Column("impact", sa.Text(), nullable=True),
        sa.Column("submitted_at", persistence.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("approved_at", persistence.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("implemented_at", persistence.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("implemented_by", sa.String(length=32), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["requester"], ["users.user_id"], name=op.f("fk_change_requests_requester_users")),
        sa.ForeignKeyConstraint(["implemented_by"], ["users.user_id"],
                                name=op.f("fk_change_requests_implemented_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_requests")),
        sa.UniqueConstraint("number", name=op.f("uq_change_requests_number")),
    )
    with op.batch_alter_table("change_requests", schema=None) as batch_op:
        batch_op.create_index("ix_change_requests_status", ["status"], unique=False)
    op.create_table(
        "change_request_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.Column("item_no", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=8), nullable=False),
        sa.Column("record_key", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.Enum("Make effective", "Retire", name="itemaction", native_enum=False, length=16),
                  nullable=False),
        sa.ForeignKeyConstraint(["change_id"], ["change_requests.id"],
                                name=op.f("fk_change_request_items_change_id_change_requests")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_request_items")),
        sa.UniqueConstraint("change_id", "item_no", name="uq_change_request_items_change_no"),
    )
    with op.batch_alter_table("change_request_items", schema=None) as batch_op:
        batch_op.create_index("ix_change_request_items_record", ["record_type", "record_key", "version"],
                              unique=False)
    with op.batch_alter_table("capa_actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("change_request", sa.String(length=40), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_capa_actions_change_request_change_requests"),
                                    "change_requests", ["change_request"], ["number"])
    with op.batch_alter_table("mbr_lines", schema=None) as batch_op:
        batch_op.create_index("ix_mbr_lines_item_code", ["item_code"], unique=False)
    for statement in _pg_guards() if op.get_bind().dialect.name == "postgresql" else _sqlite_guards():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, *_rest in VERSIONED:
            op.execute(f"DROP TRIGGER {table}_by_change ON {table}")
            op.execute(f"DROP FUNCTION batchtrace_{table}_by_change()")
        for table, _status in CONTENT:
            op.execute(f"DROP TRIGGER {table}_frozen ON {table}")
            op.execute(f"DROP FUNCTION batchtrace_{table}_frozen()")
    else:
        for statement in _sqlite_guards():
            op.execute(f"DROP TRIGGER {statement.split()[2]}")
    with op.batch_alter_table("mbr_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_mbr_lines_item_code")
    with op.batch_alter_table("capa_actions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_capa_actions_change_request_change_requests"), type_="foreignkey")
        batch_op.drop_column("change_request")
    with op.batch_alter_table("change_request_items", schema=None) as batch_op:
        batch_op.drop_index("ix_change_request_items_record")
    op.drop_table("change_request_items")
    with op.batch_alter_table("change_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_change_requests_status")
    op.drop_table("change_requests")
