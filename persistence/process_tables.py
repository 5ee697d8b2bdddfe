"""The process-data tables (PRC-1..PRC-3): MBR steps and parameters, rooms, sensors, equipment, and the
execution record of each batch's steps. Same MetaData as `persistence.tables`, so one migration chain."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, Numeric, String, Table, Text, UniqueConstraint

from domain.process import EquipmentStatus, SensorKind, Verdict
from domain.readings import ExcursionKind
from persistence.tables import _enum, metadata
from persistence.types import UTCDateTime

Value = Numeric(18, 6)
_flag = Boolean(create_constraint=False)

mbr_steps = Table(
    "mbr_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mbr_id", Integer, ForeignKey("mbrs.id"), nullable=False),
    Column("step_no", Integer, nullable=False),
    Column("instruction", Text, nullable=False),
    Column("equipment_class", String(60), nullable=True),
    Column("needs_performed", _flag, nullable=False),
    Column("needs_verified", _flag, nullable=False),
    Column("any_order", _flag, nullable=False),
    UniqueConstraint("mbr_id", "step_no", name="uq_mbr_steps_mbr_step"),
)

mbr_parameters = Table(
    "mbr_parameters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("step_id", Integer, ForeignKey("mbr_steps.id"), nullable=False),
    Column("name", String(60), nullable=False),
    Column("unit", String(16), nullable=False),
    Column("target", Value, nullable=False),
    Column("lower", Value, nullable=False),
    Column("upper", Value, nullable=False),
    Column("alert_lower", Value, nullable=True),
    Column("alert_upper", Value, nullable=True),
    UniqueConstraint("step_id", "name", name="uq_mbr_parameters_step_name"),
)

rooms = Table(
    "rooms",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(60), nullable=False),
)

sensors = Table(
    "sensors",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("room_code", String(32), ForeignKey("rooms.code"), nullable=False),
    Column("kind", _enum(SensorKind, 24), nullable=False),
    Column("unit", String(8), nullable=False),
    Column("lower", Value, nullable=False),
    Column("upper", Value, nullable=False),
    Column("max_gap_minutes", Integer, nullable=False),
)

equipment = Table(
    "equipment",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(60), nullable=False),
    Column("equipment_class", String(60), nullable=False),
    Column("status", _enum(EquipmentStatus), nullable=False),
    Column("calibration_due", Date, nullable=True),
)

batch_steps = Table(
    "batch_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("batch_id", Integer, ForeignKey("batches.id"), nullable=False),
    Column("step_no", Integer, nullable=False),
    Column("equipment_code", String(32), ForeignKey("equipment.code"), nullable=True),
    Column("room_code", String(32), ForeignKey("rooms.code"), nullable=True),  # binds the environment (PRC-3)
    Column("started_by", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("started_at", UTCDateTime(), nullable=False),
    Column("performed_by", String(32), ForeignKey("users.user_id"), nullable=True),
    Column("performed_at", UTCDateTime(), nullable=True),
    Column("verified_by", String(32), ForeignKey("users.user_id"), nullable=True),
    Column("verified_at", UTCDateTime(), nullable=True),
    UniqueConstraint("batch_id", "step_no", name="uq_batch_steps_batch_step"),
)

# Append-only (the migration's triggers): a correction is a new row naming the one it replaces.
parameter_values = Table(
    "parameter_values",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("batch_id", Integer, ForeignKey("batches.id"), nullable=False, index=True),
    Column("step_no", Integer, nullable=False),
    Column("parameter", String(60), nullable=False),
    Column("value", Value, nullable=False),
    Column("unit", String(16), nullable=False),
    Column("verdict", _enum(Verdict), nullable=False),
    Column("entered_by", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("entered_at", UTCDateTime(), nullable=False),
    Column("replaces_id", Integer, ForeignKey("parameter_values.id"), nullable=True, unique=True),
    Column("reason", Text, nullable=True),
)

# --- environment readings and excursions (PRC-3, PRC-4) ---------------------------------------------------

reading_imports = Table(
    "reading_imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("file_name", String(200), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("readings", Integer, nullable=False),
    Column("imported_by", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("imported_at", UTCDateTime(), nullable=False),
)

# Append-only (triggers); attributable through the import that brought each reading in, which is audited.
readings = Table(
    "readings",
    metadata,
    Column("sensor_code", String(32), ForeignKey("sensors.code"), primary_key=True),
    Column("at", UTCDateTime(), primary_key=True),
    Column("value", Value, nullable=False),
    Column("import_id", Integer, ForeignKey("reading_imports.id"), nullable=False),
)

excursions = Table(
    "excursions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(120), nullable=False, unique=True),
    Column("sensor_code", String(32), ForeignKey("sensors.code"), nullable=False),
    Column("room_code", String(32), ForeignKey("rooms.code"), nullable=False),
    Column("kind", _enum(ExcursionKind), nullable=False),
    Column("started_at", UTCDateTime(), nullable=False),
    Column("ended_at", UTCDateTime(), nullable=False),
    Column("readings", Integer, nullable=False),
    Column("worst", Value, nullable=True),
    Column("import_id", Integer, ForeignKey("reading_imports.id"), nullable=False),
    Column("deviation_number", String(40), nullable=True),
    Column("closed", _flag, nullable=False),
    Index("ix_excursions_room_time", "room_code", "started_at"),
)
