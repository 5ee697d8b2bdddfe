"""QC lab: specifications, QC plans and results, deviations and their links (QC-1, QC-2, DEV-1)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 03:04:55.186921
"""
import sqlalchemy as sa
from alembic import op

import persistence.types


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deviations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('classification', sa.Enum('Minor', 'Major', 'Critical', name='classification', native_enum=False, length=10), nullable=False),
    sa.Column('status', sa.Enum('Open', 'Investigation', 'Closed', name='deviationstatus', native_enum=False, length=14), nullable=False),
    sa.Column('opened_by', sa.String(length=32), nullable=False),
    sa.Column('opened_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('investigation', sa.Text(), nullable=True),
    sa.Column('root_cause_category', sa.Enum('Material', 'Method', 'Machine', 'Personnel', 'Environment', 'Measurement', 'Unknown', name='rootcause', native_enum=False, length=12), nullable=True),
    sa.Column('root_cause', sa.Text(), nullable=True),
    sa.Column('disposition', sa.Text(), nullable=True),
    sa.Column('closed_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['opened_by'], ['users.user_id'], name=op.f('fk_deviations_opened_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deviations')),
    sa.UniqueConstraint('number', name=op.f('uq_deviations_number'))
    )
    with op.batch_alter_table('deviations', schema=None) as batch_op:
        batch_op.create_index('ix_deviations_status', ['status'], unique=False)

    op.create_table('specifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('Draft', 'Effective', 'Superseded', name='specstatus', native_enum=False, length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('created_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('effective_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['item_code'], ['items.code'], name=op.f('fk_specifications_item_code_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_specifications')),
    sa.UniqueConstraint('item_code', 'version', name='uq_specifications_item_version')
    )
    op.create_table('deviation_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('deviation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('ref', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['deviation_id'], ['deviations.id'], name=op.f('fk_deviation_links_deviation_id_deviations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deviation_links')),
    sa.UniqueConstraint('deviation_id', 'kind', 'ref', name='uq_deviation_links_link')
    )
    with op.batch_alter_table('deviation_links', schema=None) as batch_op:
        batch_op.create_index('ix_deviation_links_kind_ref', ['kind', 'ref'], unique=False)

    op.create_table('qc_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_type', sa.String(length=10), nullable=False),
    sa.Column('record_id', sa.String(length=40), nullable=False),
    sa.Column('item_code', sa.String(length=32), nullable=False),
    sa.Column('spec_id', sa.Integer(), nullable=True),
    sa.Column('spec_version', sa.Integer(), nullable=True),
    sa.Column('created_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('Open', 'Done', name='planstatus', native_enum=False, length=8), nullable=False),
    sa.ForeignKeyConstraint(['item_code'], ['items.code'], name=op.f('fk_qc_plans_item_code_items')),
    sa.ForeignKeyConstraint(['spec_id'], ['specifications.id'], name=op.f('fk_qc_plans_spec_id_specifications')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qc_plans')),
    sa.UniqueConstraint('record_type', 'record_id', name='uq_qc_plans_record')
    )
    with op.batch_alter_table('qc_plans', schema=None) as batch_op:
        batch_op.create_index('ix_qc_plans_status_due', ['status', 'due_on'], unique=False)

    op.create_table('spec_tests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('spec_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('method', sa.String(length=120), nullable=False),
    sa.Column('result_type', sa.Enum('Numeric', 'Pass/fail', 'Text', name='resulttype', native_enum=False, length=12), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('lower', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('upper', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('decimals', sa.Integer(), nullable=False),
    sa.Column('expected_text', sa.String(length=200), nullable=True),
    sa.Column('replicates', sa.Integer(), nullable=False),
    sa.Column('required_for_release', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['spec_id'], ['specifications.id'], name=op.f('fk_spec_tests_spec_id_specifications')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spec_tests')),
    sa.UniqueConstraint('spec_id', 'code', name='uq_spec_tests_spec_code')
    )
    op.create_table('qc_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('spec_id', sa.Integer(), nullable=False),
    sa.Column('test_code', sa.String(length=32), nullable=False),
    sa.Column('replicates', sa.Text(), nullable=False),
    sa.Column('reported', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('within_spec', sa.Boolean(), nullable=False),
    sa.Column('analyst', sa.String(length=32), nullable=False),
    sa.Column('instrument', sa.String(length=60), nullable=False),
    sa.Column('entered_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=120), nullable=False),
    sa.Column('status', sa.Enum('Entered', 'Reviewed', name='resultstatus', native_enum=False, length=10), nullable=False),
    sa.Column('reviewed_by', sa.String(length=32), nullable=True),
    sa.Column('reviewed_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['analyst'], ['users.user_id'], name=op.f('fk_qc_results_analyst_users')),
    sa.ForeignKeyConstraint(['plan_id'], ['qc_plans.id'], name=op.f('fk_qc_results_plan_id_qc_plans')),
    sa.ForeignKeyConstraint(['reviewed_by'], ['users.user_id'], name=op.f('fk_qc_results_reviewed_by_users')),
    sa.ForeignKeyConstraint(['spec_id'], ['specifications.id'], name=op.f('fk_qc_results_spec_id_specifications')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qc_results')),
    sa.UniqueConstraint('plan_id', 'test_code', name='uq_qc_results_plan_test')
    )


def downgrade() -> None:
    op.drop_table('qc_results')
    op.drop_table('spec_tests')
    with op.batch_alter_table('qc_plans', schema=None) as batch_op:
        batch_op.drop_index('ix_qc_plans_status_due')

    op.drop_table('qc_plans')
    with op.batch_alter_table('deviation_links', schema=None) as batch_op:
        batch_op.drop_index('ix_deviation_links_kind_ref')

    op.drop_table('deviation_links')
    op.drop_table('specifications')
    with op.batch_alter_table('deviations', schema=None) as batch_op:
        batch_op.drop_index('ix_deviations_status')

    op.drop_table('deviations')
