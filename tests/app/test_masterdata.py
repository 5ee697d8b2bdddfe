"""Item master, suppliers, the approved supplier list and customers as use cases, on both engines (LOT-1,
LOT-2): GTINs checked and normalised, duplicates refused, changes need a reason and are audited."""

from __future__ import annotations

import pytest

from app import masterdata
from domain.errors import AccessDenied, AlreadyExists, NotFound, ReasonRequired, ValidationError
from domain.items import ApprovalStatus, ItemType
from domain.quantities import Unit
from tests.app.lots_support import GTIN_SYR, Site, chain, site_fixture, snapshot, trail  # noqa: F401

WRITES = ("items", "suppliers", "supplier_approvals", "customers", "audit_log")


def device(site: Site, code: str, gtin: str | None) -> masterdata.ItemView:
    return masterdata.create_item(site.ctx.uow(), site.admin, code, f"Device {code}", ItemType.FINISHED_DEVICE,
                                  Unit.PCS, gtin=gtin, shelf_life_days=365)


@pytest.mark.req("LOT-1")
@pytest.mark.parametrize(
    ("gtin", "stored"),
    [("96385074", "00000096385074"), ("036000291452", "00036000291452"), ("4006381333931", "04006381333931"),
     ("10012345678902", "10012345678902")],
)
def test_a_device_gtin_of_any_length_is_stored_as_gtin14(site: Site, gtin: str, stored: str) -> None:
    view = device(site, "DEV", gtin)
    assert view.gtin == stored
    listed = {i.code: i for i in masterdata.list_items(site.ctx.read_uow(), site.admin)}
    assert listed["DEV"].gtin == stored
    entry = trail(site, record_type="item", record_id="DEV")[-1]
    assert (entry.action, entry.user_id) == ("CREATE", "admin")
    assert entry.change_map()["gtin"] == [None, stored]


@pytest.mark.req("LOT-1")
def test_bad_gtins_and_devices_without_one_are_refused_and_nothing_is_written(site: Site) -> None:
    before = snapshot(site.db_url, *WRITES)
    with pytest.raises(ValidationError, match="GTIN '4006381333932' has check digit 2, expected 1"):
        device(site, "DEV", "4006381333932")
    with pytest.raises(ValidationError, match="has 9 digits"):
        device(site, "DEV", "123456789")
    with pytest.raises(ValidationError, match="finished device DEV needs a GTIN"):
        device(site, "DEV", None)
    with pytest.raises(ValidationError, match="finished device DEV needs a GTIN"):
        device(site, "DEV", "  ")
    assert snapshot(site.db_url, *WRITES) == before


@pytest.mark.req("LOT-1")
def test_duplicate_codes_and_gtins_are_refused(site: Site) -> None:
    before = snapshot(site.db_url, *WRITES)
    with pytest.raises(AlreadyExists, match="item RES already exists"):
        masterdata.create_item(site.ctx.uow(), site.admin, " res ", "Another resin", ItemType.RAW_MATERIAL, Unit.KG)
    # The same GTIN written as a GTIN-13 is the same device identifier.
    with pytest.raises(AlreadyExists, match=f"GTIN {GTIN_SYR} already belongs to another item"):
        device(site, "SYR-B", GTIN_SYR.lstrip("0"))
    with pytest.raises(AlreadyExists, match="supplier ACME already exists"):
        masterdata.create_supplier(site.ctx.uow(), site.admin, "acme", "Acme again")
    with pytest.raises(AlreadyExists, match="customer HOSP1 already exists"):
        masterdata.create_customer(site.ctx.uow(), site.admin, "HOSP1", "Again")
    assert snapshot(site.db_url, *WRITES) == before

    device(site, "PEN", "4006381333931")
    with pytest.raises(AlreadyExists, match=f"GTIN {GTIN_SYR} already belongs to item SYR"):
        masterdata.edit_item(site.ctx.uow(), site.admin, "PEN", "relabel", name="Pen", unit=Unit.PCS,
                             shelf_life_days=365, storage_condition="", gtin=GTIN_SYR)
    assert {i.code: i.gtin for i in masterdata.list_items(site.ctx.read_uow(), site.admin)}["PEN"] == "04006381333931"


@pytest.mark.req("LOT-1", "AUD-1", "AUD-4")
def test_an_item_edit_needs_a_reason_and_the_trail_keeps_old_and_new_values(site: Site) -> None:
    edit = {"name": "Polycarbonate resin, medical grade", "unit": Unit.KG, "shelf_life_days": 365,
            "storage_condition": "2-8 °C", "gtin": None}
    before = snapshot(site.db_url, *WRITES)
    for reason in (None, "", "  "):
        with pytest.raises(ReasonRequired):
            masterdata.edit_item(site.ctx.uow(), site.admin, "RES", reason, **edit)  # type: ignore[arg-type]
    assert snapshot(site.db_url, *WRITES) == before

    view = masterdata.edit_item(site.ctx.uow(), site.admin, "RES", "CC-12 new grade", **edit)  # type: ignore[arg-type]
    assert (view.name, view.shelf_life_days, view.storage_condition) == (edit["name"], 365, "2-8 °C")
    entry = trail(site, record_type="item", record_id="RES")[-1]
    assert (entry.action, entry.user_id, entry.user_name, entry.reason) == (
        "UPDATE", "admin", "Ada Admin", "CC-12 new grade")
    assert entry.change_map() == {
        "name": ["Polycarbonate resin", "Polycarbonate resin, medical grade"],
        "shelf_life_days": [730, 365],
        "storage_condition": ["15-25 °C", "2-8 °C"],
    }
    with pytest.raises(ValidationError, match="finished device SYR needs a GTIN"):
        masterdata.edit_item(site.ctx.uow(), site.admin, "SYR", "drop GTIN", name="Syringe", unit=Unit.PCS,
                             shelf_life_days=1095, storage_condition="", gtin=None)
    with pytest.raises(NotFound, match="no item NOPE"):
        masterdata.edit_item(site.ctx.uow(), site.admin, "NOPE", "x", **edit)  # type: ignore[arg-type]
    assert chain(site).intact


@pytest.mark.req("LOT-1", "ACC-4")
def test_only_master_data_roles_create_items_and_refusals_are_audited(site: Site) -> None:
    with pytest.raises(AccessDenied, match="may not edit items, suppliers and customers"):
        masterdata.create_item(site.ctx.uow(), site.warehouse, "NEW", "New", ItemType.COMPONENT, Unit.PCS)
    entry = trail(site)[-1]
    assert (entry.action, entry.record_type, entry.record_id, entry.user_id) == (
        "ACCESS_DENIED", "permission", "MANAGE_MASTER_DATA", "wes")
    assert "NEW" not in {i.code for i in masterdata.list_items(site.ctx.read_uow(), site.admin)}
    # QA Reviewer keeps master data too.
    masterdata.create_item(site.ctx.uow(), site.qa, "NEW", "New", ItemType.COMPONENT, Unit.PCS)


@pytest.mark.req("LOT-2", "AUD-1")
def test_the_approved_supplier_list_is_kept_by_qa_with_reasons(site: Site) -> None:
    listed = {(a.item_code, a.supplier_code): a.status for a in masterdata.list_approvals(site.ctx.read_uow(),
                                                                                          site.admin)}
    assert listed == {("RES", "ACME"): "Approved", ("TUBE", "ACME"): "Approved", ("GEL", "BETA"): "Approved",
                      ("RES", "SUSP"): "Suspended", ("RES", "DISQ"): "Disqualified"}
    created = trail(site, record_type="supplier_approval", record_id="RES/SUSP")
    assert [(e.action, e.user_id) for e in created] == [("CREATE", "quinn"), ("UPDATE", "quinn")]
    assert created[1].change_map()["status"] == ["Approved", "Suspended"]
    assert created[1].reason == "late CoAs"

    with pytest.raises(AccessDenied):
        masterdata.set_supplier_approval(site.ctx.uow(), site.admin, "GEL", "ACME", ApprovalStatus.APPROVED, "x")
    with pytest.raises(ReasonRequired):
        masterdata.set_supplier_approval(site.ctx.uow(), site.qa, "RES", "ACME", ApprovalStatus.SUSPENDED, None)
    with pytest.raises(ValidationError, match="already Suspended"):
        masterdata.set_supplier_approval(site.ctx.uow(), site.qa, "RES", "SUSP", ApprovalStatus.SUSPENDED, "again")
    with pytest.raises(NotFound, match="supplier NEWCO is not on the list for RES"):
        masterdata.set_supplier_approval(site.ctx.uow(), site.qa, "RES", "NEWCO", ApprovalStatus.SUSPENDED, "x")
    with pytest.raises(NotFound, match="no supplier NOBODY"):
        masterdata.set_supplier_approval(site.ctx.uow(), site.qa, "RES", "NOBODY", ApprovalStatus.APPROVED, "x")
    with pytest.raises(NotFound, match="no item NOPE"):
        masterdata.set_supplier_approval(site.ctx.uow(), site.qa, "NOPE", "ACME", ApprovalStatus.APPROVED, "x")

    back = masterdata.set_supplier_approval(site.ctx.uow(), site.qa, "RES", "SUSP", ApprovalStatus.APPROVED,
                                            "CAPA-3 closed")
    assert back.status == "Approved"
    assert chain(site).intact


@pytest.mark.req("LOT-9", "AUD-4")
def test_customers_are_edited_with_a_reason(site: Site) -> None:
    with pytest.raises(ReasonRequired):
        masterdata.edit_customer(site.ctx.uow(), site.admin, "HOSP1", None, name="City Hospital", country="DE",
                                 address="9 New St")
    view = masterdata.edit_customer(site.ctx.uow(), site.admin, "hosp1", "moved", name="City Hospital",
                                    country="de", address="9  New St")
    assert (view.code, view.country, view.address) == ("HOSP1", "DE", "9 New St")
    entry = trail(site, record_type="customer", record_id="HOSP1")[-1]
    assert (entry.action, entry.reason, entry.change_map()) == ("UPDATE", "moved",
                                                                 {"address": ["1 Main St", "9 New St"]})
    assert [c.code for c in masterdata.list_customers(site.ctx.read_uow(), site.admin)] == ["HOSP1", "HOSP2"]
    assert [s.code for s in masterdata.list_suppliers(site.ctx.read_uow(), site.admin)] == [
        "ACME", "BETA", "DISQ", "NEWCO", "SUSP"]
