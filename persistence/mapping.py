"""Imperative mapping of domain classes onto the tables, and which of them the audit trail records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import registry, relationship

from domain.alerts import Alert
from domain.batches import Batch, MaterialIssue
from domain.capa import Capa, CapaAction
from domain.change_control import ChangeItem, ChangeRequest
from domain.deviations import Deviation, DeviationLink
from domain.documents import IssuedDocument
from domain.items import Customer, Item, Supplier, SupplierApproval
from domain.lots import Lot
from domain.mbr import BomLine, MasterBatchRecord
from domain.numbering import NumberRule
from domain.printing import PrintRecord
from domain.process import Equipment, ParameterValue, ProcessParameter, ProcessStep, Room, Sensor, StepRecord
from domain.quality import QcPlan, QcResult, Specification, SpecTest
from domain.readings import Excursion, ReadingImport
from domain.recall import Recall, RecallCustomer, RecallScopeEntry
from domain.role_grants import RoleGrant
from domain.shipments import Shipment, ShipmentLine
from domain.signatures import RuleExtra, Signature
from domain.site_security import SiteSecurity
from domain.users import User
from persistence import capa_tables as ct
from persistence import change_tables as cht
from persistence import process_tables as pt
from persistence import qc_tables as qt
from persistence import tables as t

mapper_registry = registry()


@dataclass(frozen=True)
class AuditedType:
    record_type: str
    redacted: frozenset[str] = frozenset()  # changed, but the values never enter the trail
    record_id: Callable[[Any], str] | None = None  # the ID users know (lot number), else the primary key


AUDITED: dict[type, AuditedType] = {
    Specification: AuditedType("specification", record_id=lambda s: f"{s.item_code}/v{s.version}"),
    SpecTest: AuditedType("spec_test", record_id=lambda x: f"{x.spec_id}/{x.code}"),
    QcPlan: AuditedType("qc_plan", record_id=lambda p: f"{p.record_type} {p.record_id}"),
    QcResult: AuditedType("qc_result"),
    Deviation: AuditedType("deviation", record_id=lambda d: d.number),
    DeviationLink: AuditedType("deviation_link"),
    Capa: AuditedType("capa", record_id=lambda c: c.number),
    CapaAction: AuditedType("capa_action", record_id=lambda a: f"{a.capa_id}/{a.action_no}"),
    ChangeRequest: AuditedType("change", record_id=lambda c: c.number),
    ChangeItem: AuditedType("change_item", record_id=lambda i: f"{i.change_id}/{i.item_no}"),
    User: AuditedType("user", frozenset({"password_hash", "password_history"})),
    SiteSecurity: AuditedType("site_security", record_id=lambda s: f"v{s.version}"),
    RoleGrant: AuditedType("role_grant"),
    Item: AuditedType("item"),
    Supplier: AuditedType("supplier"),
    SupplierApproval: AuditedType("supplier_approval", record_id=lambda a: f"{a.item_code}/{a.supplier_code}"),
    Customer: AuditedType("customer"),
    NumberRule: AuditedType("number_rule"),
    MasterBatchRecord: AuditedType("mbr", record_id=lambda m: f"{m.product_code}/v{m.version}"),
    BomLine: AuditedType("mbr_line", record_id=lambda line: f"{line.mbr_id}/{line.line_no}"),
    Lot: AuditedType("lot", record_id=lambda lot: lot.lot_number),
    Batch: AuditedType("batch", record_id=lambda b: b.batch_number),
    MaterialIssue: AuditedType("material_issue"),
    Shipment: AuditedType("shipment", record_id=lambda s: s.shipment_number),
    ShipmentLine: AuditedType("shipment_line"),
    Recall: AuditedType("recall", record_id=lambda r: r.recall_number),
    RecallScopeEntry: AuditedType("recall_scope"),
    RecallCustomer: AuditedType("recall_customer", record_id=lambda c: f"{c.recall_id}/{c.customer_code}"),
    Alert: AuditedType("alert"),
    # Signatures are audited by app.signatures as a SIGN entry on the signed record itself.
    RuleExtra: AuditedType("signature_rule", record_id=lambda e: f"{e.transition_key} #{e.id}"),
    PrintRecord: AuditedType("print_job"),
    IssuedDocument: AuditedType("document", record_id=lambda d: d.number),
    ProcessStep: AuditedType("mbr_step", record_id=lambda s: f"{s.mbr_id}/{s.step_no}"),
    ProcessParameter: AuditedType("mbr_parameter", record_id=lambda p: f"{p.step_id}/{p.name}"),
    Room: AuditedType("room", record_id=lambda r: r.code),
    Sensor: AuditedType("sensor", record_id=lambda s: s.code),
    Equipment: AuditedType("equipment", record_id=lambda e: e.code),
    StepRecord: AuditedType("batch_step", record_id=lambda r: f"{r.batch_id}/{r.step_no}"),
    ParameterValue: AuditedType("parameter_value"),
    ReadingImport: AuditedType("reading_import"),
    Excursion: AuditedType("excursion", record_id=lambda e: e.key),
}

_mapped = False


def map_domain() -> None:
    """Map once per process; idempotent so tests and the app can both call it."""
    global _mapped
    if _mapped:
        return
    m = mapper_registry.map_imperatively
    m(User, t.users)
    m(SiteSecurity, t.site_security)
    m(RoleGrant, t.role_grants)
    m(Item, t.items)
    m(Supplier, t.suppliers)
    m(SupplierApproval, t.supplier_approvals)
    m(Customer, t.customers)
    m(NumberRule, t.number_rules)
    m(BomLine, t.mbr_lines)
    m(ProcessParameter, pt.mbr_parameters)
    m(
        ProcessStep,
        pt.mbr_steps,
        properties={
            "parameters": relationship(ProcessParameter, order_by=pt.mbr_parameters.c.id,
                                       cascade="all, delete-orphan", lazy="selectin"),
        },
    )
    m(
        MasterBatchRecord,
        t.mbrs,
        properties={
            "lines": relationship(BomLine, order_by=t.mbr_lines.c.line_no, cascade="all, delete-orphan",
                                  lazy="selectin"),
            "steps": relationship(ProcessStep, order_by=pt.mbr_steps.c.step_no, cascade="all, delete-orphan",
                                  lazy="selectin"),
        },
    )
    m(Room, pt.rooms)
    m(Sensor, pt.sensors)
    m(Equipment, pt.equipment)
    m(StepRecord, pt.batch_steps)
    m(ParameterValue, pt.parameter_values)
    m(ReadingImport, pt.reading_imports)
    m(Excursion, pt.excursions)
    m(SpecTest, qt.spec_tests)
    m(Specification, qt.specifications, properties={
        "tests": relationship(SpecTest, order_by=qt.spec_tests.c.seq, cascade="all, delete-orphan", lazy="selectin"),
    })
    m(QcPlan, qt.qc_plans)
    m(QcResult, qt.qc_results)
    m(Deviation, qt.deviations, version_id_col=qt.deviations.c.version)
    m(DeviationLink, qt.deviation_links)
    m(Capa, ct.capas, version_id_col=ct.capas.c.version)
    m(CapaAction, ct.capa_actions)
    m(ChangeRequest, cht.change_requests, version_id_col=cht.change_requests.c.version)
    m(ChangeItem, cht.change_request_items)
    m(Lot, t.lots, version_id_col=t.lots.c.version)
    m(Batch, t.batches, version_id_col=t.batches.c.version)
    m(MaterialIssue, t.material_issues)
    m(ShipmentLine, t.shipment_lines)
    m(
        Shipment,
        t.shipments,
        properties={
            "lines": relationship(ShipmentLine, order_by=t.shipment_lines.c.id, cascade="all, delete-orphan",
                                  lazy="selectin"),
        },
    )
    m(Recall, t.recalls)
    m(RecallScopeEntry, t.recall_scope)
    m(RecallCustomer, t.recall_customers)
    m(Alert, t.alerts)
    m(Signature, t.signatures)
    m(RuleExtra, t.signature_rule_extras)
    m(PrintRecord, t.print_jobs)
    m(IssuedDocument, t.issued_documents)
    _mapped = True
