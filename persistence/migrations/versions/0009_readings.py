"""environment readings (append-only), the imports that brought them, excursion events with a unique key, and
the room each batch step ran in (PRC-3, PRC-4)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 03:02:49.825508
"""
import sqlalchemy as sa
from alembic import op

import persistence.types

# A reading is what the logger said: never changed or removed (a correction would be another import's business).
GUARDS = {
    "sqlite": [
        f"""CREATE TRIGGER readings_no_{verb.lower()} BEFORE {verb} ON readings
           BEGIN SELECT RAISE(ABORT, 'readings keeps what the loggers recorded: {verb} refused'); END"""
        for verb in ("UPDATE", "DELETE")
    ],
    "postgresql": [
        """CREATE TRIGGER readings_no_change BEFORE UPDATE OR DELETE ON readings
           FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('readings keep what the loggers recorded')""",
        """CREATE TRIGGER readings_no_truncate BEFORE TRUNCATE ON readings
           FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('readings keep what the loggers recorded')""",
    ],
}


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reading_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('readings', sa.Integer(), nullable=False),
    sa.Column('imported_by', sa.String(length=32), nullable=False),
    sa.Column('imported_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['imported_by'], ['users.user_id'], name=op.f('fk_reading_imports_imported_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reading_imports'))
    )
    op.create_table('excursions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('sensor_code', sa.String(length=32), nullable=False),
    sa.Column('room_code', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.Enum('Out of limits', 'Gap in data', name='excursionkind', native_enum=False, length=20), nullable=False),
    sa.Column('started_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('readings', sa.Integer(), nullable=False),
    sa.Column('worst', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('deviation_number', sa.String(length=40), nullable=True),
    sa.Column('closed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['reading_imports.id'], name=op.f('fk_excursions_import_id_reading_imports')),
    sa.ForeignKeyConstraint(['room_code'], ['rooms.code'], name=op.f('fk_excursions_room_code_rooms')),
    sa.ForeignKeyConstraint(['sensor_code'], ['sensors.code'], name=op.f('fk_excursions_sensor_code_sensors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_excursions')),
    sa.UniqueConstraint('key', name=op.f('uq_excursions_key'))
    )
    with op.batch_alter_table('excursions', schema=None) as batch_op:
        batch_op.create_index('ix_excursions_room_time', ['room_code', 'started_at'], unique=False)

    op.create_table('readings',
    sa.Column('sensor_code', sa.String(length=32), nullable=False),
    sa.Column('at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('value', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['reading_imports.id'], name=op.f('fk_readings_import_id_reading_imports')),
    sa.ForeignKeyConstraint(['sensor_code'], ['sensors.code'], name=op.f('fk_readings_sensor_code_sensors')),
    sa.PrimaryKeyConstraint('sensor_code', 'at', name=op.f('pk_readings'))
    )
    with op.batch_alter_table('batch_steps', schema=None) as batch_op:
        batch_op.add_column(sa.Column('room_code', sa.String(length=32), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_batch_steps_room_code_rooms'), 'rooms', ['room_code'], ['code'])

    for statement in GUARDS["postgresql" if op.get_bind().dialect.name == "postgresql" else "sqlite"]:
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table('batch_steps', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_batch_steps_room_code_rooms'), type_='foreignkey')
        batch_op.drop_column('room_code')

    op.drop_table('readings')
    with op.batch_alter_table('excursions', schema=None) as batch_op:
        batch_op.drop_index('ix_excursions_room_time')

    op.drop_table('excursions')
    op.drop_table('reading_imports')
