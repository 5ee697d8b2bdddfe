"""append-only guards on the genealogy, number sequences and signing rules (issue 9, finding 2)

The database refuses, on both engines, what BatchTrace never does to these tables:
- genealogy: an edge is never deleted or re-pointed (its quantity is the net flow, raised by an issue or a
  shipment and lowered by a return; `audit verify` compares it with the audited issues, returns, completions
  and shipment lines);
- number_sequences: a counter is never deleted and only ever counts up by one (a counter set back would hand
  out a number again);
- signature_rule_extras: a signing rule the site added is never deleted or edited; the only change is its
  withdrawal (active true -> false), and a correction is a new rule.
status_changes and signatures are append-only since 0003, audit_log since 0001, users never deleted.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

SQLITE_GUARDS = [
    """CREATE TRIGGER genealogy_no_delete BEFORE DELETE ON genealogy
       BEGIN SELECT RAISE(ABORT, 'genealogy is append-only: DELETE refused'); END""",
    """CREATE TRIGGER genealogy_no_repoint BEFORE UPDATE OF src_kind, src_id, dst_kind, dst_id ON genealogy
       BEGIN SELECT RAISE(ABORT, 'genealogy is append-only: an edge is never re-pointed'); END""",
    """CREATE TRIGGER number_sequences_no_delete BEFORE DELETE ON number_sequences
       BEGIN SELECT RAISE(ABORT, 'number_sequences only count up: DELETE refused'); END""",
    """CREATE TRIGGER number_sequences_count_up BEFORE UPDATE ON number_sequences
       WHEN NEW.key IS NOT OLD.key OR NEW.last_value IS NOT OLD.last_value + 1
       BEGIN SELECT RAISE(ABORT, 'number_sequences only count up by one: UPDATE refused'); END""",
    """CREATE TRIGGER signature_rule_extras_no_delete BEFORE DELETE ON signature_rule_extras
       BEGIN SELECT RAISE(ABORT, 'signature_rule_extras are withdrawn, never deleted'); END""",
    """CREATE TRIGGER signature_rule_extras_withdraw_only BEFORE UPDATE ON signature_rule_extras
       WHEN NOT (OLD.active = 1 AND NEW.active = 0 AND NEW.id IS OLD.id
                 AND NEW.transition_key IS OLD.transition_key AND NEW.label IS OLD.label
                 AND NEW.meaning IS OLD.meaning AND NEW.roles IS OLD.roles
                 AND NEW.not_performers IS OLD.not_performers AND NEW.needs_comment IS OLD.needs_comment
                 AND NEW.added_at IS OLD.added_at)
       BEGIN SELECT RAISE(ABORT, 'signature_rule_extras: only a withdrawal is allowed, UPDATE refused'); END""",
]

PG_GUARDS = [
    """CREATE TRIGGER genealogy_no_delete BEFORE DELETE ON genealogy
       FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('append-only')""",
    """CREATE TRIGGER genealogy_no_repoint BEFORE UPDATE OF src_kind, src_id, dst_kind, dst_id ON genealogy
       FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('append-only: an edge is never re-pointed')""",
    """CREATE TRIGGER genealogy_no_truncate BEFORE TRUNCATE ON genealogy
       FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('append-only')""",
    """CREATE FUNCTION batchtrace_count_up() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.key IS DISTINCT FROM OLD.key OR NEW.last_value IS DISTINCT FROM OLD.last_value + 1 THEN
           RAISE EXCEPTION 'number_sequences only count up by one: UPDATE refused'
             USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER number_sequences_count_up BEFORE UPDATE ON number_sequences
       FOR EACH ROW EXECUTE FUNCTION batchtrace_count_up()""",
    """CREATE TRIGGER number_sequences_no_delete BEFORE DELETE ON number_sequences
       FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('counters only count up')""",
    """CREATE TRIGGER number_sequences_no_truncate BEFORE TRUNCATE ON number_sequences
       FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('counters only count up')""",
    """CREATE FUNCTION batchtrace_withdraw_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NOT (OLD.active AND NOT NEW.active)
            OR (to_jsonb(NEW) - 'active') IS DISTINCT FROM (to_jsonb(OLD) - 'active') THEN
           RAISE EXCEPTION '%: only a withdrawal is allowed, UPDATE refused', TG_TABLE_NAME
             USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER signature_rule_extras_withdraw_only BEFORE UPDATE ON signature_rule_extras
       FOR EACH ROW EXECUTE FUNCTION batchtrace_withdraw_only()""",
    """CREATE TRIGGER signature_rule_extras_no_delete BEFORE DELETE ON signature_rule_extras
       FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('withdrawn, never deleted')""",
    """CREATE TRIGGER signature_rule_extras_no_truncate BEFORE TRUNCATE ON signature_rule_extras
       FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('withdrawn, never deleted')""",
]

SQLITE_DROPS = [statement.split()[2] for statement in SQLITE_GUARDS]


def upgrade() -> None:
    for statement in PG_GUARDS if op.get_bind().dialect.name == "postgresql" else SQLITE_GUARDS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, trigger in (("genealogy", "genealogy_no_delete"), ("genealogy", "genealogy_no_repoint"),
                               ("genealogy", "genealogy_no_truncate"),
                               ("number_sequences", "number_sequences_count_up"),
                               ("number_sequences", "number_sequences_no_delete"),
                               ("number_sequences", "number_sequences_no_truncate"),
                               ("signature_rule_extras", "signature_rule_extras_withdraw_only"),
                               ("signature_rule_extras", "signature_rule_extras_no_delete"),
                               ("signature_rule_extras", "signature_rule_extras_no_truncate")):
            op.execute(f"DROP TRIGGER {trigger} ON {table}")
        op.execute("DROP FUNCTION batchtrace_count_up()")
        op.execute("DROP FUNCTION batchtrace_withdraw_only()")
    else:
        for trigger in SQLITE_DROPS:
            op.execute(f"DROP TRIGGER {trigger}")
