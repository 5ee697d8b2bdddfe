"""master data, lots, batches, shipments, the genealogy graph, recalls and alerts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 02:06:12.632059
"""
import sqlalchemy as sa
from alembic import op

import persistence.types


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


SCOPE_GUARDS = {
    "sqlite": [
        """CREATE TRIGGER recall_scope_no_update BEFORE UPDATE ON recall_scope
           BEGIN SELECT RAISE(ABORT, 'recall_scope is frozen at opening: UPDATE refused'); END""",
        """CREATE TRIGGER recall_scope_no_delete BEFORE DELETE ON recall_scope
           BEGIN SELECT RAISE(ABORT, 'recall_scope is frozen at opening: DELETE refused'); END""",
    ],
    "postgresql": [
        """CREATE TRIGGER recall_scope_frozen BEFORE UPDATE OR DELETE ON recall_scope
           FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('frozen at opening')""",
    ],
}


def upgrade() -> None:
    op.create_table('alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('batch_number', sa.String(length=40), nullable=True),
    sa.Column('lot_number', sa.String(length=40), nullable=True),
    sa.Column('raised_by', sa.String(length=32), nullable=False),
    sa.Column('raised_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('Open', 'Acknowledged', name='alertstatus', native_enum=False, length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alerts'))
    )
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.create_index('ix_alerts_status', ['status'], unique=False)

    op.create_table('customers',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('address', sa.String(length=400), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_customers'))
    )
    op.create_table('genealogy',
    sa.Column('src_kind', sa.String(length=1), nullable=False),
    sa.Column('src_id', sa.Integer(), nullable=False),
    sa.Column('dst_kind', sa.String(length=1), nullable=False),
    sa.Column('dst_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.PrimaryKeyConstraint('src_kind', 'src_id', 'dst_kind', 'dst_id', name=op.f('pk_genealogy'))
    )
    with op.batch_alter_table('genealogy', schema=None) as batch_op:
        batch_op.create_index('ix_genealogy_dst', ['dst_kind', 'dst_id', 'src_kind', 'src_id'], unique=False)

    op.create_table('items',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('item_type', sa.Enum('Raw material', 'Component', 'Packaging', 'Intermediate', 'Finished device', name='itemtype', native_enum=False, length=20), nullable=False),
    sa.Column('unit', sa.Enum('kg', 'g', 'mg', 'L', 'mL', 'm', 'cm', 'pcs', name='unit', native_enum=False, length=8), nullable=False),
    sa.Column('shelf_life_days', sa.Integer(), nullable=True),
    sa.Column('storage_condition', sa.String(length=200), nullable=False),
    sa.Column('gtin', sa.String(length=14), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_items')),
    sa.UniqueConstraint('gtin', name=op.f('uq_items_gtin'))
    )
    op.create_table('number_rules',
    sa.Column('scope', sa.String(length=40), nullable=False),
    sa.Column('pattern', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('scope', name=op.f('pk_number_rules'))
    )
    op.create_table('number_sequences',
    sa.Column('key', sa.String(length=160), nullable=False),
    sa.Column('last_value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_number_sequences'))
    )
    op.create_table('suppliers',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_suppliers'))
    )
    op.create_table('mbrs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_code', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('Draft', 'Effective', 'Superseded', name='mbrstatus', native_enum=False, length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('created_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('effective_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['product_code'], ['items.code'], name=op.f('fk_mbrs_product_code_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mbrs')),
    sa.UniqueConstraint('product_code', 'version', name='uq_mbrs_product_version')
    )
    op.create_table('shipments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shipment_number', sa.String(length=40), nullable=False),
    sa.Column('customer_code', sa.String(length=32), nullable=False),
    sa.Column('shipped_on', sa.Date(), nullable=False),
    sa.Column('created_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_code'], ['customers.code'], name=op.f('fk_shipments_customer_code_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipments')),
    sa.UniqueConstraint('shipment_number', name=op.f('uq_shipments_shipment_number'))
    )
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.create_index('ix_shipments_customer_code', ['customer_code'], unique=False)

    op.create_table('supplier_approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=32), nullable=False),
    sa.Column('supplier_code', sa.String(length=32), nullable=False),
    sa.Column('status', sa.Enum('Approved', 'Suspended', 'Disqualified', name='approvalstatus', native_enum=False, length=20), nullable=False),
    sa.Column('since', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_code'], ['items.code'], name=op.f('fk_supplier_approvals_item_code_items')),
    sa.ForeignKeyConstraint(['supplier_code'], ['suppliers.code'], name=op.f('fk_supplier_approvals_supplier_code_suppliers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier_approvals')),
    sa.UniqueConstraint('item_code', 'supplier_code', name='uq_supplier_approvals_item_supplier')
    )
    op.create_table('batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_number', sa.String(length=40), nullable=False),
    sa.Column('product_code', sa.String(length=32), nullable=False),
    sa.Column('mbr_id', sa.Integer(), nullable=False),
    sa.Column('mbr_version', sa.Integer(), nullable=False),
    sa.Column('planned_quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('produced_quantity', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('unit', sa.Enum('kg', 'g', 'mg', 'L', 'mL', 'm', 'cm', 'pcs', name='unit', native_enum=False, length=8), nullable=False),
    sa.Column('status', sa.Enum('Planned', 'In production', 'Completed', 'QC testing', 'QA review', 'Released', 'Rejected', 'On hold', 'Recalled', name='batchstatus', native_enum=False, length=20), nullable=False),
    sa.Column('held_from', sa.Enum('Planned', 'In production', 'Completed', 'QC testing', 'QA review', 'Released', 'Rejected', 'On hold', 'Recalled', name='batchstatus', native_enum=False, length=20), nullable=True),
    sa.Column('planned_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('completed_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mbr_id'], ['mbrs.id'], name=op.f('fk_batches_mbr_id_mbrs')),
    sa.ForeignKeyConstraint(['product_code'], ['items.code'], name=op.f('fk_batches_product_code_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_batches')),
    sa.UniqueConstraint('batch_number', name=op.f('uq_batches_batch_number'))
    )
    with op.batch_alter_table('batches', schema=None) as batch_op:
        batch_op.create_index('ix_batches_status', ['status'], unique=False)

    op.create_table('mbr_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mbr_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=32), nullable=False),
    sa.Column('quantity_per_unit', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('tolerance_pct', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['item_code'], ['items.code'], name=op.f('fk_mbr_lines_item_code_items')),
    sa.ForeignKeyConstraint(['mbr_id'], ['mbrs.id'], name=op.f('fk_mbr_lines_mbr_id_mbrs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mbr_lines')),
    sa.UniqueConstraint('mbr_id', 'line_no', name='uq_mbr_lines_mbr_line')
    )
    op.create_table('lots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_number', sa.String(length=40), nullable=False),
    sa.Column('item_code', sa.String(length=32), nullable=False),
    sa.Column('origin', sa.Enum('Received', 'Produced', name='lotorigin', native_enum=False, length=20), nullable=False),
    sa.Column('status', sa.Enum('Quarantine', 'Released', 'Rejected', 'On hold', 'Expired', 'Consumed', name='lotstatus', native_enum=False, length=20), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('on_hand', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('unit', sa.Enum('kg', 'g', 'mg', 'L', 'mL', 'm', 'cm', 'pcs', name='unit', native_enum=False, length=8), nullable=False),
    sa.Column('supplier_code', sa.String(length=32), nullable=True),
    sa.Column('supplier_lot', sa.String(length=40), nullable=True),
    sa.Column('manufactured_on', sa.Date(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('created_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('on_hand >= 0 AND on_hand <= quantity', name=op.f('ck_lots_on_hand_within_quantity')),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_lots_batch_id_batches')),
    sa.ForeignKeyConstraint(['item_code'], ['items.code'], name=op.f('fk_lots_item_code_items')),
    sa.ForeignKeyConstraint(['supplier_code'], ['suppliers.code'], name=op.f('fk_lots_supplier_code_suppliers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lots')),
    sa.UniqueConstraint('lot_number', name=op.f('uq_lots_lot_number'))
    )
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.create_index('ix_lots_batch_id', ['batch_id'], unique=False)
        batch_op.create_index('ix_lots_item_status', ['item_code', 'status'], unique=False)
        batch_op.create_index('ix_lots_supplier_lot', ['supplier_lot'], unique=False)

    op.create_table('material_issues',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.Enum('Issue', 'Return', name='issuekind', native_enum=False, length=8), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('by_user', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_material_issues_batch_id_batches')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_material_issues_lot_id_lots')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_material_issues'))
    )
    with op.batch_alter_table('material_issues', schema=None) as batch_op:
        batch_op.create_index('ix_material_issues_batch_id', ['batch_id'], unique=False)
        batch_op.create_index('ix_material_issues_lot_id', ['lot_id'], unique=False)

    op.create_table('recalls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recall_number', sa.String(length=40), nullable=False),
    sa.Column('trigger_lot_id', sa.Integer(), nullable=False),
    sa.Column('trigger_lot_number', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('Open', 'Closed', name='recallstatus', native_enum=False, length=20), nullable=False),
    sa.Column('opened_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['trigger_lot_id'], ['lots.id'], name=op.f('fk_recalls_trigger_lot_id_lots')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recalls')),
    sa.UniqueConstraint('recall_number', name=op.f('uq_recalls_recall_number'))
    )
    op.create_table('shipment_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shipment_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_shipment_lines_lot_id_lots')),
    sa.ForeignKeyConstraint(['shipment_id'], ['shipments.id'], name=op.f('fk_shipment_lines_shipment_id_shipments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipment_lines'))
    )
    with op.batch_alter_table('shipment_lines', schema=None) as batch_op:
        batch_op.create_index('ix_shipment_lines_lot_id', ['lot_id'], unique=False)
        batch_op.create_index('ix_shipment_lines_shipment_id', ['shipment_id'], unique=False)

    op.create_table('recall_customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recall_id', sa.Integer(), nullable=False),
    sa.Column('customer_code', sa.String(length=32), nullable=False),
    sa.Column('customer_name', sa.String(length=200), nullable=False),
    sa.Column('shipments', sa.Text(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('returned_quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('status', sa.Enum('Pending', 'Notified', 'Confirmed', 'Completed', name='notificationstatus', native_enum=False, length=20), nullable=False),
    sa.Column('updated_at', persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_code'], ['customers.code'], name=op.f('fk_recall_customers_customer_code_customers')),
    sa.ForeignKeyConstraint(['recall_id'], ['recalls.id'], name=op.f('fk_recall_customers_recall_id_recalls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recall_customers')),
    sa.UniqueConstraint('recall_id', 'customer_code', name='uq_recall_customers_recall_customer')
    )
    op.create_table('recall_scope',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recall_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=1), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('item_code', sa.String(length=32), nullable=True),
    sa.Column('depth', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('unit', sa.String(length=8), nullable=True),
    sa.Column('status_at_open', sa.String(length=20), nullable=True),
    sa.Column('customer_code', sa.String(length=32), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['recall_id'], ['recalls.id'], name=op.f('fk_recall_scope_recall_id_recalls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recall_scope'))
    )
    with op.batch_alter_table('recall_scope', schema=None) as batch_op:
        batch_op.create_index('ix_recall_scope_recall_id', ['recall_id'], unique=False)
    for statement in SCOPE_GUARDS[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table('recall_scope', schema=None) as batch_op:
        batch_op.drop_index('ix_recall_scope_recall_id')

    op.drop_table('recall_scope')
    op.drop_table('recall_customers')
    with op.batch_alter_table('shipment_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_shipment_lines_shipment_id')
        batch_op.drop_index('ix_shipment_lines_lot_id')

    op.drop_table('shipment_lines')
    op.drop_table('recalls')
    with op.batch_alter_table('material_issues', schema=None) as batch_op:
        batch_op.drop_index('ix_material_issues_lot_id')
        batch_op.drop_index('ix_material_issues_batch_id')

    op.drop_table('material_issues')
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.drop_index('ix_lots_supplier_lot')
        batch_op.drop_index('ix_lots_item_status')
        batch_op.drop_index('ix_lots_batch_id')

    op.drop_table('lots')
    op.drop_table('mbr_lines')
    with op.batch_alter_table('batches', schema=None) as batch_op:
        batch_op.drop_index('ix_batches_status')

    op.drop_table('batches')
    op.drop_table('supplier_approvals')
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.drop_index('ix_shipments_customer_code')

    op.drop_table('shipments')
    op.drop_table('mbrs')
    op.drop_table('suppliers')
    op.drop_table('number_sequences')
    op.drop_table('number_rules')
    op.drop_table('items')
    with op.batch_alter_table('genealogy', schema=None) as batch_op:
        batch_op.drop_index('ix_genealogy_dst')

    op.drop_table('genealogy')
    op.drop_table('customers')
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_index('ix_alerts_status')

    op.drop_table('alerts')
