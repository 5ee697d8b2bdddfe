"""process data: MBR steps and critical parameters, rooms, sensors, equipment, the execution of batch steps
(PRC-1..PRC-3)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 02:24:26.393862
"""
import sqlalchemy as sa
from alembic import op

import persistence.types

# A recorded value is never changed or removed: a correction is a new row naming the one it replaces (PRC-2).
GUARDS = {
    "sqlite": [
        f"""CREATE TRIGGER parameter_values_no_{verb.lower()} BEFORE {verb} ON parameter_values
           BEGIN SELECT RAISE(ABORT, 'parameter_values keeps every recorded value: {verb} refused'); END"""
        for verb in ("UPDATE", "DELETE")
    ],
    "postgresql": [
        """CREATE TRIGGER parameter_values_no_change BEFORE UPDATE OR DELETE ON parameter_values
           FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('a recorded value is corrected by a new value')""",
        """CREATE TRIGGER parameter_values_no_truncate BEFORE TRUNCATE ON parameter_values
           FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('a recorded value is corrected by a new value')""",
    ],
}


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('equipment',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('equipment_class', sa.String(length=60), nullable=False),
    sa.Column('status', sa.Enum('In service', 'Out of service', name='equipmentstatus', native_enum=False, length=20), nullable=False),
    sa.Column('calibration_due', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_equipment'))
    )
    op.create_table('rooms',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_rooms'))
    )
    op.create_table('sensors',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('room_code', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.Enum('Temperature', 'Humidity', 'Differential pressure', name='sensorkind', native_enum=False, length=24), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('lower', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('upper', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('max_gap_minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['room_code'], ['rooms.code'], name=op.f('fk_sensors_room_code_rooms')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_sensors'))
    )
    op.create_table('mbr_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mbr_id', sa.Integer(), nullable=False),
    sa.Column('step_no', sa.Integer(), nullable=False),
    sa.Column('instruction', sa.Text(), nullable=False),
    sa.Column('equipment_class', sa.String(length=60), nullable=True),
    sa.Column('needs_performed', sa.Boolean(), nullable=False),
    sa.Column('needs_verified', sa.Boolean(), nullable=False),
    sa.Column('any_order', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['mbr_id'], ['mbrs.id'], name=op.f('fk_mbr_steps_mbr_id_mbrs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mbr_steps')),
    sa.UniqueConstraint('mbr_id', 'step_no', name='uq_mbr_steps_mbr_step')
    )
    op.create_table('batch_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('step_no', sa.Integer(), nullable=False),
    sa.Column('equipment_code', sa.String(length=32), nullable=True),
    sa.Column('started_by', sa.String(length=32), nullable=False),
    sa.Column('started_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('performed_by', sa.String(length=32), nullable=True),
    sa.Column('performed_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('verified_by', sa.String(length=32), nullable=True),
    sa.Column('verified_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_batch_steps_batch_id_batches')),
    sa.ForeignKeyConstraint(['equipment_code'], ['equipment.code'], name=op.f('fk_batch_steps_equipment_code_equipment')),
    sa.ForeignKeyConstraint(['performed_by'], ['users.user_id'], name=op.f('fk_batch_steps_performed_by_users')),
    sa.ForeignKeyConstraint(['started_by'], ['users.user_id'], name=op.f('fk_batch_steps_started_by_users')),
    sa.ForeignKeyConstraint(['verified_by'], ['users.user_id'], name=op.f('fk_batch_steps_verified_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_batch_steps')),
    sa.UniqueConstraint('batch_id', 'step_no', name='uq_batch_steps_batch_step')
    )
    op.create_table('mbr_parameters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('step_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('target', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('lower', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('upper', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('alert_lower', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('alert_upper', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.ForeignKeyConstraint(['step_id'], ['mbr_steps.id'], name=op.f('fk_mbr_parameters_step_id_mbr_steps')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mbr_parameters')),
    sa.UniqueConstraint('step_id', 'name', name='uq_mbr_parameters_step_name')
    )
    op.create_table('parameter_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('step_no', sa.Integer(), nullable=False),
    sa.Column('parameter', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('verdict', sa.Enum('Within limits', 'In alert band', 'Out of limits', name='verdict', native_enum=False, length=20), nullable=False),
    sa.Column('entered_by', sa.String(length=32), nullable=False),
    sa.Column('entered_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_parameter_values_batch_id_batches')),
    sa.ForeignKeyConstraint(['entered_by'], ['users.user_id'], name=op.f('fk_parameter_values_entered_by_users')),
    sa.ForeignKeyConstraint(['replaces_id'], ['parameter_values.id'], name=op.f('fk_parameter_values_replaces_id_parameter_values')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parameter_values')),
    sa.UniqueConstraint('replaces_id', name=op.f('uq_parameter_values_replaces_id'))
    )
    with op.batch_alter_table('parameter_values', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parameter_values_batch_id'), ['batch_id'], unique=False)

    for statement in GUARDS["postgresql" if op.get_bind().dialect.name == "postgresql" else "sqlite"]:
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table('parameter_values', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parameter_values_batch_id'))

    op.drop_table('parameter_values')
    op.drop_table('mbr_parameters')
    op.drop_table('batch_steps')
    op.drop_table('mbr_steps')
    op.drop_table('sensors')
    op.drop_table('rooms')
    op.drop_table('equipment')
