"""The QC tables (QC-1, QC-2, DEV-1): specifications and their tests, each lot's or batch's QC plan (the
worklist), results, deviations and what they are linked to. Same MetaData as `persistence.tables`."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from domain.deviations import Classification, DeviationStatus, RootCause
from domain.quality import PlanStatus, ResultStatus, ResultType, SpecStatus
from persistence.tables import Qty, _enum, metadata
from persistence.types import UTCDateTime

_flag = Boolean(create_constraint=False)

specifications = Table(
    "specifications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_code", String(32), ForeignKey("items.code"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("status", _enum(SpecStatus), nullable=False),
    Column("title", String(200), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("effective_at", UTCDateTime(), nullable=True),
    UniqueConstraint("item_code", "version", name="uq_specifications_item_version"),
)

spec_tests = Table(
    "spec_tests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("spec_id", Integer, ForeignKey("specifications.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("code", String(32), nullable=False),
    Column("name", String(120), nullable=False),
    Column("method", String(120), nullable=False),
    Column("result_type", _enum(ResultType, 12), nullable=False),
    Column("unit", String(16), nullable=False),
    Column("lower", Qty, nullable=True),
    Column("upper", Qty, nullable=True),
    Column("decimals", Integer, nullable=False),
    Column("expected_text", String(200), nullable=True),
    Column("replicates", Integer, nullable=False),
    Column("required_for_release", _flag, nullable=False),
    UniqueConstraint("spec_id", "code", name="uq_spec_tests_spec_code"),
)

qc_plans = Table(
    "qc_plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_type", String(10), nullable=False),
    Column("record_id", String(40), nullable=False),
    Column("item_code", String(32), ForeignKey("items.code"), nullable=False),
    Column("spec_id", Integer, ForeignKey("specifications.id"), nullable=True),
    Column("spec_version", Integer, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("due_on", Date, nullable=False),
    Column("status", _enum(PlanStatus, 8), nullable=False),
    UniqueConstraint("record_type", "record_id", name="uq_qc_plans_record"),
    Index("ix_qc_plans_status_due", "status", "due_on"),
)

qc_results = Table(
    "qc_results",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("qc_plans.id"), nullable=False),
    Column("spec_id", Integer, ForeignKey("specifications.id"), nullable=False),
    Column("test_code", String(32), nullable=False),
    Column("replicates", Text, nullable=False),
    Column("reported", String(200), nullable=False),
    Column("unit", String(16), nullable=False),
    Column("within_spec", _flag, nullable=False),
    Column("analyst", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("instrument", String(60), nullable=False),
    Column("entered_at", UTCDateTime(), nullable=False),
    Column("source", String(120), nullable=False),
    Column("status", _enum(ResultStatus, 10), nullable=False),
    Column("reviewed_by", String(32), ForeignKey("users.user_id"), nullable=True),
    Column("reviewed_at", UTCDateTime(), nullable=True),
    UniqueConstraint("plan_id", "test_code", name="uq_qc_results_plan_test"),
)

deviations = Table(
    "deviations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(40), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("classification", _enum(Classification, 10), nullable=False),
    Column("status", _enum(DeviationStatus, 14), nullable=False),
    Column("opened_by", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("opened_at", UTCDateTime(), nullable=False),
    Column("investigation", Text, nullable=True),
    Column("root_cause_category", _enum(RootCause, 12), nullable=True),
    Column("root_cause", Text, nullable=True),
    Column("disposition", Text, nullable=True),
    Column("closed_at", UTCDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_deviations_status", "status"),
)

deviation_links = Table(
    "deviation_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("deviation_id", Integer, ForeignKey("deviations.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("ref", String(120), nullable=False),
    UniqueConstraint("deviation_id", "kind", "ref", name="uq_deviation_links_link"),
    Index("ix_deviation_links_kind_ref", "kind", "ref"),
)
