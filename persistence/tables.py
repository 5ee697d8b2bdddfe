"""The schema: one MetaData with a naming convention, so migrations name constraints the same everywhere."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy import Enum as SAEnum

from domain.alerts import AlertStatus
from domain.batches import BatchStatus, IssueKind
from domain.items import ApprovalStatus, ItemType
from domain.lots import LotOrigin, LotStatus
from domain.mbr import MbrStatus
from domain.printing import PrintState
from domain.quantities import Unit
from domain.recall import NotificationStatus, RecallStatus
from domain.role_grants import GrantStatus
from domain.signatures import Meaning
from domain.site_security import BOUNDS as SECURITY_BOUNDS
from persistence.types import Quantity, RoleSet, StringTuple, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite makes an INTEGER PRIMARY KEY the rowid: the fastest key for walking the chain in order.
SeqType = BigInteger().with_variant(Integer(), "sqlite")

users = Table(
    "users",
    metadata,
    Column("user_id", String(32), primary_key=True),
    Column("printed_name", String(120), nullable=False),
    Column("roles", RoleSet(), nullable=False),
    Column("active", Boolean(create_constraint=False), nullable=False),
    Column("locked", Boolean(create_constraint=False), nullable=False),
    Column("failed_logins", Integer, nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("password_history", StringTuple(), nullable=False),
    Column("password_changed_at", UTCDateTime(), nullable=False),
    Column("must_change_password", Boolean(create_constraint=False), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("language", String(16), nullable=True),  # GEN-6: NULL follows the station's locale
)

# The site's security policy (ACC-7), one row per version, append-only (triggers refuse UPDATE and DELETE).
# The bounds are domain.site_security.BOUNDS again, so raw SQL cannot loosen the policy below them either.
site_security = Table(
    "site_security",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("max_failed_logins", Integer, nullable=False),
    Column("password_min_length", Integer, nullable=False),
    Column("password_expiry_days", Integer, nullable=False),
    Column("password_history", Integer, nullable=False),
    Column("idle_lock_minutes", Integer, nullable=False),
    Column("changed_by", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("changed_at", UTCDateTime(), nullable=False),
    CheckConstraint("version >= 1", name="version"),
    *(CheckConstraint(f"{name} BETWEEN {b.low} AND {b.high}", name=name) for name, b in SECURITY_BOUNDS.items()),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", SeqType, primary_key=True, autoincrement=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("user_id", String(32), nullable=False),
    Column("user_name", String(120), nullable=False),
    Column("record_type", String(40), nullable=False),
    Column("record_id", String(120), nullable=False),
    Column("action", String(30), nullable=False),
    Column("changes", Text, nullable=False),
    Column("reason", Text, nullable=True),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("format", String(4), nullable=False, server_default="v1"),  # canonical form, see domain/audit.py
    Index("ix_audit_log_record", "record_type", "record_id"),
    Index("ix_audit_log_user_id", "user_id"),
    Index("ix_audit_log_at", "at"),
    Index("ix_audit_log_action", "action"),
)


# --- lots, batches and genealogy (0002) -------------------------------------------------------------------
def _enum(enum_cls: type, length: int = 20) -> SAEnum:
    return SAEnum(
        enum_cls, native_enum=False, create_constraint=False, length=length,
        values_callable=lambda members: [m.value for m in members], validate_strings=True,
    )


Qty = Quantity()  # exact on both engines (persistence.types)

# Requests for signing roles (ACC-6): pending until a second administrator or QA approves (domain/role_grants).
role_grants = Table(
    "role_grants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("roles", RoleSet(), nullable=False),
    Column("status", _enum(GrantStatus, 10), nullable=False),
    Column("requested_by", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("requested_at", UTCDateTime(), nullable=False),
    Column("decided_by", String(32), ForeignKey("users.user_id"), nullable=True),
    Column("decided_at", UTCDateTime(), nullable=True),
    Column("conflicts_accepted", Text, nullable=True),
    CheckConstraint("decided_by IS NULL OR (decided_by <> user_id)", name="not_own"),
    Index("ix_role_grants_user_id", "user_id"),
)

items = Table(
    "items",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("item_type", _enum(ItemType), nullable=False),
    Column("unit", _enum(Unit, 8), nullable=False),
    Column("shelf_life_days", Integer, nullable=True),
    Column("storage_condition", String(200), nullable=False),
    Column("gtin", String(14), nullable=True, unique=True),
    Column("active", Boolean(create_constraint=False), nullable=False),
)

suppliers = Table(
    "suppliers",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("active", Boolean(create_constraint=False), nullable=False),
)

supplier_approvals = Table(
    "supplier_approvals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_code", String(32), ForeignKey("items.code"), nullable=False),
    Column("supplier_code", String(32), ForeignKey("suppliers.code"), nullable=False),
    Column("status", _enum(ApprovalStatus), nullable=False),
    Column("since", UTCDateTime(), nullable=False),
    UniqueConstraint("item_code", "supplier_code", name="uq_supplier_approvals_item_supplier"),
)

customers = Table(
    "customers",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("country", String(2), nullable=False),
    Column("address", String(400), nullable=False),
    Column("active", Boolean(create_constraint=False), nullable=False),
)

number_rules = Table(
    "number_rules",
    metadata,
    Column("scope", String(40), primary_key=True),
    Column("pattern", String(80), nullable=False),
)

number_sequences = Table(
    "number_sequences",
    metadata,
    Column("key", String(160), primary_key=True),
    Column("last_value", BigInteger, nullable=False),
)

mbrs = Table(
    "mbrs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("product_code", String(32), ForeignKey("items.code"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("status", _enum(MbrStatus), nullable=False),
    Column("title", String(200), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("effective_at", UTCDateTime(), nullable=True),
    UniqueConstraint("product_code", "version", name="uq_mbrs_product_version"),
)

mbr_lines = Table(
    "mbr_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mbr_id", Integer, ForeignKey("mbrs.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("item_code", String(32), ForeignKey("items.code"), nullable=False),
    Column("quantity_per_unit", Qty, nullable=False),
    Column("tolerance_pct", Numeric(5, 2), nullable=False),
    UniqueConstraint("mbr_id", "line_no", name="uq_mbr_lines_mbr_line"),
    Index("ix_mbr_lines_item_code", "item_code"),  # which bills of materials use an item (a change's impact)
)

batches = Table(
    "batches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("batch_number", String(40), nullable=False, unique=True),
    Column("product_code", String(32), ForeignKey("items.code"), nullable=False),
    Column("mbr_id", Integer, ForeignKey("mbrs.id"), nullable=False),
    Column("mbr_version", Integer, nullable=False),
    Column("planned_quantity", Qty, nullable=False),
    Column("produced_quantity", Qty, nullable=True),
    Column("unit", _enum(Unit, 8), nullable=False),
    Column("status", _enum(BatchStatus), nullable=False),
    Column("held_from", _enum(BatchStatus), nullable=True),
    Column("planned_at", UTCDateTime(), nullable=False),
    Column("started_at", UTCDateTime(), nullable=True),
    Column("completed_at", UTCDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_batches_status", "status"),
)

lots = Table(
    "lots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("lot_number", String(40), nullable=False, unique=True),
    Column("item_code", String(32), ForeignKey("items.code"), nullable=False),
    Column("origin", _enum(LotOrigin), nullable=False),
    Column("status", _enum(LotStatus), nullable=False),
    Column("quantity", Qty, nullable=False),
    Column("on_hand", Qty, nullable=False),
    Column("unit", _enum(Unit, 8), nullable=False),
    Column("supplier_code", String(32), ForeignKey("suppliers.code"), nullable=True),
    Column("supplier_lot", String(40), nullable=True),
    Column("manufactured_on", Date, nullable=True),
    Column("expires_on", Date, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("batch_id", Integer, ForeignKey("batches.id"), nullable=True),
    Column("version", Integer, nullable=False),
    CheckConstraint("on_hand >= 0 AND on_hand <= quantity", name="on_hand_within_quantity"),
    Index("ix_lots_supplier_lot", "supplier_lot"),
    Index("ix_lots_item_status", "item_code", "status"),
    Index("ix_lots_batch_id", "batch_id"),
)

material_issues = Table(
    "material_issues",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("batch_id", Integer, ForeignKey("batches.id"), nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id"), nullable=False),
    Column("item_code", String(32), nullable=False),
    Column("kind", _enum(IssueKind, 8), nullable=False),
    Column("quantity", Qty, nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("by_user", String(32), nullable=False),
    Index("ix_material_issues_batch_id", "batch_id"),
    Index("ix_material_issues_lot_id", "lot_id"),
)

shipments = Table(
    "shipments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("shipment_number", String(40), nullable=False, unique=True),
    Column("customer_code", String(32), ForeignKey("customers.code"), nullable=False),
    Column("shipped_on", Date, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Index("ix_shipments_customer_code", "customer_code"),
)

shipment_lines = Table(
    "shipment_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("shipment_id", Integer, ForeignKey("shipments.id"), nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id"), nullable=False),
    Column("quantity", Qty, nullable=False),
    Index("ix_shipment_lines_shipment_id", "shipment_id"),
    Index("ix_shipment_lines_lot_id", "lot_id"),
)

# The genealogy graph, kept in the same transaction as the issue, completion or shipment it derives from:
# material flows src -> dst (lot -> batch, batch -> lot, lot -> shipment). One row per pair, quantity net.
genealogy = Table(
    "genealogy",
    metadata,
    Column("src_kind", String(1), primary_key=True),
    Column("src_id", Integer, primary_key=True),
    Column("dst_kind", String(1), primary_key=True),
    Column("dst_id", Integer, primary_key=True),
    Column("quantity", Qty, nullable=False),
    Index("ix_genealogy_dst", "dst_kind", "dst_id", "src_kind", "src_id"),
)

recalls = Table(
    "recalls",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("recall_number", String(40), nullable=False, unique=True),
    Column("trigger_lot_id", Integer, ForeignKey("lots.id"), nullable=False),
    Column("trigger_lot_number", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("status", _enum(RecallStatus), nullable=False),
    Column("opened_at", UTCDateTime(), nullable=False),
    Column("closed_at", UTCDateTime(), nullable=True),
)

recall_scope = Table(
    "recall_scope",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("recall_id", Integer, ForeignKey("recalls.id"), nullable=False),
    Column("kind", String(1), nullable=False),
    Column("number", String(40), nullable=False),
    Column("item_code", String(32), nullable=True),
    Column("depth", Integer, nullable=False),
    Column("path", Text, nullable=False),
    Column("quantity", Qty, nullable=True),
    Column("unit", String(8), nullable=True),
    Column("status_at_open", String(20), nullable=True),
    Column("customer_code", String(32), nullable=True),
    Column("action", String(60), nullable=False),
    Index("ix_recall_scope_recall_id", "recall_id"),
)

recall_customers = Table(
    "recall_customers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("recall_id", Integer, ForeignKey("recalls.id"), nullable=False),
    Column("customer_code", String(32), ForeignKey("customers.code"), nullable=False),
    Column("customer_name", String(200), nullable=False),
    Column("shipments", Text, nullable=False),
    Column("quantity", Qty, nullable=False),
    Column("returned_quantity", Qty, nullable=False),
    Column("status", _enum(NotificationStatus), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("recall_id", "customer_code", name="uq_recall_customers_recall_customer"),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("message", Text, nullable=False),
    Column("batch_number", String(40), nullable=True),
    Column("lot_number", String(40), nullable=True),
    Column("raised_by", String(32), nullable=False),
    Column("raised_at", UTCDateTime(), nullable=False),
    Column("status", _enum(AlertStatus), nullable=False),
    Column("note", Text, nullable=True),
    Index("ix_alerts_status", "status"),
)


# --- electronic signatures (0003) ---------------------------------------------------------------------------
# Append-only, like the audit trail: the database refuses UPDATE and DELETE on both (see the migration).
signatures = Table(
    "signatures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_type", String(40), nullable=False),
    Column("record_id", String(120), nullable=False),
    Column("purpose", String(120), nullable=False),
    Column("requirement", String(40), nullable=False),
    Column("meaning", _enum(Meaning, 12), nullable=False),
    Column("user_id", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("printed_name", String(120), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("content_version", String(8), nullable=False),
    Column("comment", Text, nullable=True),
    Column("state_id", Integer, nullable=False),
    Column("evaluation", Text, nullable=True),  # a release signature's evaluation, JSON (0013)
    Index("ix_signatures_record", "record_type", "record_id"),
)

# Every status a lot or batch has entered, written by the unit of work with the change itself.
status_changes = Table(
    "status_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_type", String(40), nullable=False),
    Column("record_id", String(120), nullable=False),
    Column("from_status", String(20), nullable=True),
    Column("to_status", String(20), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("by_user", String(32), nullable=False),
    Column("reason", Text, nullable=True),
    Index("ix_status_changes_record", "record_type", "record_id", "id"),
)

# Signatures a site adds to a signed transition's defaults; never deleted, deactivated when withdrawn.
signature_rule_extras = Table(
    "signature_rule_extras",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("transition_key", String(120), nullable=False),
    Column("label", String(80), nullable=False),
    Column("meaning", _enum(Meaning, 12), nullable=False),
    Column("roles", RoleSet(), nullable=False),
    Column("not_performers", Boolean(create_constraint=False), nullable=False),
    Column("needs_comment", Boolean(create_constraint=False), nullable=False),
    Column("active", Boolean(create_constraint=False), nullable=False),
    Column("added_at", UTCDateTime(), nullable=False),
    Index("ix_signature_rule_extras_transition_key", "transition_key"),
)


# --- the print journal (0004) -------------------------------------------------------------------------------
# One row per label job (DEVC-6); its state follows the station's print queue, audited as "print_job".
print_jobs = Table(
    "print_jobs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("user_id", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("user_name", String(120), nullable=False),
    Column("record_type", String(40), nullable=False),
    Column("record_id", String(120), nullable=False),
    Column("template_name", String(60), nullable=False),
    Column("template_version", Integer, nullable=False),
    Column("copies", Integer, nullable=False),
    Column("printer", String(80), nullable=False),
    Column("language", String(8), nullable=False),
    Column("transport", String(300), nullable=False),
    Column("state", _enum(PrintState), nullable=False),
    Column("last_error", Text, nullable=True),
    Column("attempts", Integer, nullable=False),
    Column("reprint_of", Integer, ForeignKey("print_jobs.id"), nullable=True),
    Column("reason", Text, nullable=True),
    Column("content", Text, nullable=False),
    Index("ix_print_jobs_record", "record_type", "record_id"),
    Index("ix_print_jobs_state", "state"),
)


# --- the register of issued documents (0006) -----------------------------------------------------------------
# One row per generated batch record or report file, with the SHA-256 of the file (DOC-1, `report verify`);
# append-only like the audit trail: the database refuses UPDATE and DELETE (see the migration).
issued_documents = Table(
    "issued_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(80), nullable=False, unique=True),
    Column("kind", String(12), nullable=False),
    Column("subject", String(120), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("file_format", String(8), nullable=False),
    Column("language", String(8), nullable=False),
    Column("controlled", Boolean(create_constraint=False), nullable=False),
    Column("generated_at", UTCDateTime(), nullable=False),
    Column("user_id", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("user_name", String(120), nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("file_name", String(255), nullable=False),
    Column("audit_seq", BigInteger, nullable=False),
    Column("audit_hash", String(64), nullable=False),
    UniqueConstraint("kind", "subject", "revision", name="uq_issued_documents_kind_subject_revision"),
    Index("ix_issued_documents_file_sha256", "file_sha256"),
    Index("ix_issued_documents_subject", "subject"),
)


# Prefix search (`number LIKE 'B2611%'`, SqlGenealogy.find) on PostgreSQL: a plain btree index serves LIKE only
# under the C collation, and a site's database usually has en_US.UTF-8 or zh_CN.UTF-8. varchar_pattern_ops
# indexes serve it under any collation. SQLite needs none (its own index ranges, see persistence/genealogy.py).
for _table, _column in ((lots, "lot_number"), (lots, "supplier_lot"), (batches, "batch_number"),
                        (shipments, "shipment_number")):
    Index(f"ix_{_table.name}_{_column}_prefix", _table.c[_column],
          postgresql_ops={_column: "varchar_pattern_ops"}).ddl_if(dialect="postgresql")
