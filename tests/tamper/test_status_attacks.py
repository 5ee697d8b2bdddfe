"""Finding 3 of issue 9: a status set with plain SQL. `UPDATE lots SET status = 'Released'` on a rejected lot
is named by `audit verify`, and until someone runs it the application must not act on the lot as if released:
material issue, shipping and a batch's release are refused with one message naming the integrity failure,
and the record's pane says its status is not backed by its signatures (SIG-3, AUD-6, LOT-5)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import batches, lots, shipments, signed_records
from app.bootstrap import AppContext
from app.status_backing import StatusNotBacked, status_problem
from domain.batches import BatchStatus
from domain.lots import LotStatus
from domain.users import SYSTEM_ACTOR
from tests.app.lots_support import (
    Site,
    count_rows,
    effective_mbr,
    lot,
    receive,
    release,
    released_lot,
    running_batch,
    site_fixture,
)
from tests.app.signing import reject, release_batch, sign
from tests.cli.support import sql

__all__ = ["site_fixture"]
pytestmark = pytest.mark.req("SIG-3", "AUD-6", "LOT-5")

NOT_BACKED = "its status is not backed by its signatures, so nothing was done"


def _set_status(site: Site, table: str, column: str, number: str, status: str) -> None:
    sql(site.db_url, f"UPDATE {table} SET status = '{status}' WHERE {column} = '{number}'")


def _rejected_lot(site: Site) -> str:
    number = receive(site).lot_number
    reject(site.ctx, site.qa, "lot", number, "failed incoming inspection")
    return number


def test_a_rejected_lot_set_released_is_not_issued_and_its_pane_says_so(site):
    number = _rejected_lot(site)
    effective_mbr(site, "MIX", [("RES", "0.5", "5")])
    batch = running_batch(site, "MIX", "20").batch_number
    _set_status(site, "lots", "lot_number", number, "Released")
    issues = count_rows(site.db_url, "material_issues")

    with pytest.raises(StatusNotBacked) as refused:
        batches.issue_material(site.ctx.uow(), site.warehouse, batch, number, "5")
    message = str(refused.value)
    assert message.startswith(f"integrity failure: lot {number} is Released in the database, but its status "
                              "history says Rejected;")
    assert NOT_BACKED in message
    assert count_rows(site.db_url, "material_issues") == issues  # nothing written
    assert lot(site, number).status_problem == "its status history says Rejected"


def test_a_status_change_inserted_with_plain_sql_still_needs_the_release_signatures(site):
    """The careful forger adds the status-history row too: the release then lacks its signatures."""
    number = receive(site).lot_number
    effective_mbr(site, "MIX", [("RES", "0.5", "5")])
    batch = running_batch(site, "MIX", "20").batch_number
    sql(site.db_url, "INSERT INTO status_changes (record_type, record_id, from_status, to_status, at, by_user, "
                     f"reason) VALUES ('lot', '{number}', 'Quarantine', 'Released', "
                     f"(SELECT at FROM status_changes WHERE record_id = '{number}'), 'quinn', 'released')")
    _set_status(site, "lots", "lot_number", number, "Released")

    with pytest.raises(StatusNotBacked, match=NOT_BACKED) as refused:
        batches.issue_material(site.ctx.uow(), site.warehouse, batch, number, "5")
    assert "its release lacks valid signatures: QC review (QC Analyst), QA approval (QA Reviewer)" in \
        str(refused.value)


def test_a_forged_path_through_the_workflow_is_named(site):
    """A rejected lot cannot leave Rejected: a history row from Rejected to Released is not in its workflow."""
    number = _rejected_lot(site)
    sql(site.db_url, "INSERT INTO status_changes (record_type, record_id, from_status, to_status, at, by_user, "
                     f"reason) VALUES ('lot', '{number}', 'Rejected', 'Released', "
                     f"(SELECT max(at) FROM status_changes WHERE record_id = '{number}'), 'quinn', 'fixed')")
    _set_status(site, "lots", "lot_number", number, "Released")
    assert lot(site, number).status_problem == ("its status history goes from Rejected to Released, which its "
                                                "workflow does not allow")


def test_a_hold_does_not_launder_a_status_set_with_plain_sql(site):
    """A quarantined lot set Released in the table, then put on hold by QA through the application (allowed:
    holding a suspect lot is the safe move). Its release from hold needs signatures, which nobody may apply to
    a record whose history jumps; the lot stays unusable and says why."""
    number = receive(site).lot_number
    effective_mbr(site, "MIX", [("RES", "0.5", "5")])
    batch = running_batch(site, "MIX", "20").batch_number
    _set_status(site, "lots", "lot_number", number, "Released")
    lots.change_lot_status(site.ctx.uow(), site.qa, number, LotStatus.ON_HOLD, "suspect: status not backed")
    jump = "its status history jumps from Quarantine to Released"
    assert lot(site, number).status_problem == jump
    with pytest.raises(StatusNotBacked, match=NOT_BACKED):
        sign(site.ctx, site.qc, "lot", number, LotStatus.RELEASED)
    assert sql(site.db_url, f"SELECT status FROM lots WHERE lot_number = '{number}'") == [("On hold",)]
    with pytest.raises(StatusNotBacked, match=f"lot {number} is On hold in the database, but {jump}"):
        batches.issue_material(site.ctx.uow(), site.warehouse, batch, number, "5")
    assert lot(site, number).status_problem == jump


def test_a_finished_lot_set_released_is_not_shipped(site):
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    tube = released_lot(site, "TUBE", "100").lot_number
    batch = running_batch(site, "SYR", "1000").batch_number
    batches.issue_material(site.ctx.uow(), site.warehouse, batch, tube, "50")
    finished = batches.complete_batch(site.ctx.uow(), site.production, batch, "1000").output_lots[0].lot_number
    _set_status(site, "lots", "lot_number", finished, "Released")
    shipped = count_rows(site.db_url, "shipments")

    line = shipments.ShipmentLineInput(finished, "10")
    with pytest.raises(StatusNotBacked, match=NOT_BACKED) as refused:
        shipments.ship(site.ctx.uow(), site.warehouse, "HOSP1", None, [line])
    assert f"lot {finished} is Released in the database, but its status history says Quarantine" in \
        str(refused.value)
    assert count_rows(site.db_url, "shipments") == shipped


def test_a_batch_set_to_qa_review_is_not_released(site):
    effective_mbr(site, "MIX", [("RES", "0.5", "5")])
    batch = running_batch(site, "MIX", "20").batch_number
    _set_status(site, "batches", "batch_number", batch, "QA review")
    signatures = count_rows(site.db_url, "signatures")

    with pytest.raises(StatusNotBacked, match=NOT_BACKED) as refused:
        sign(site.ctx, site.qa, "batch", batch, BatchStatus.RELEASED)
    assert f"batch {batch} is QA review in the database, but its status history says In production" in \
        str(refused.value)
    assert count_rows(site.db_url, "signatures") == signatures
    detail = batches.get_batch(site.ctx.read_uow(), site.admin, batch)
    assert detail.batch.status_problem == "its status history says In production"


def test_a_batch_resumed_to_released_from_a_hold_in_qa_review_is_named(site):
    """Hold and resume are unsigned: a forged pair of them does not release a batch."""
    effective_mbr(site, "MIX", [("RES", "0.5", "5")])
    batch = running_batch(site, "MIX", "20").batch_number
    batches.change_batch_status(site.ctx.uow(), site.qa, batch, BatchStatus.ON_HOLD, "line stop")
    sql(site.db_url, "INSERT INTO status_changes (record_type, record_id, from_status, to_status, at, by_user, "
                     f"reason) VALUES ('batch', '{batch}', 'On hold', 'Released', "
                     f"(SELECT max(at) FROM status_changes WHERE record_id = '{batch}'), 'rita', 'resumed')")
    sql(site.db_url, f"UPDATE batches SET status = 'Released', held_from = NULL WHERE batch_number = '{batch}'")
    detail = batches.get_batch(site.ctx.read_uow(), site.admin, batch)
    assert detail.batch.status_problem == ("its status history resumes it to Released from a hold put on it in "
                                           "In production")


def test_what_the_workflow_did_is_backed(site):
    """No false alarm: a lot released, consumed and returned to stock, and a batch released, held and resumed
    keep their statuses backed by the release signatures; a rejected lot by its rejection."""
    effective_mbr(site, "MIX", [("RES", "0.5", "5")])
    resin = released_lot(site, "RES", "10.4").lot_number
    batch = running_batch(site, "MIX", "20").batch_number
    batches.issue_material(site.ctx.uow(), site.warehouse, batch, resin, "10.4")  # consumed
    batches.return_material(site.ctx.uow(), site.warehouse, batch, resin, "0.4", "left over")  # Released again
    batches.complete_batch(site.ctx.uow(), site.production, batch, "20")
    batches.change_batch_status(site.ctx.uow(), site.production, batch, BatchStatus.QC_TESTING, None)
    batches.change_batch_status(site.ctx.uow(), site.qc, batch, BatchStatus.QA_REVIEW, None)
    release_batch(site.ctx, site.qa, site.release, batch)
    batches.change_batch_status(site.ctx.uow(), site.qa, batch, BatchStatus.ON_HOLD, "complaint")
    batches.change_batch_status(site.ctx.uow(), site.qa, batch, BatchStatus.RELEASED, "complaint unfounded")
    rejected = _rejected_lot(site)

    assert lot(site, resin).status == LotStatus.RELEASED.value
    assert lot(site, resin).status_problem is None
    assert lot(site, rejected).status_problem is None
    detail = batches.get_batch(site.ctx.read_uow(), site.admin, batch)
    assert (detail.batch.status, detail.batch.status_problem) == (BatchStatus.RELEASED.value, None)
    assert all(out.status_problem is None for out in [lot(site, v.lot_number) for v in detail.output_lots])


def test_a_released_lot_whose_content_changed_is_not_backed(site):
    """The signatures bind the content: a quantity raised with plain SQL invalidates them."""
    number = released_lot(site, "RES", "10").lot_number
    sql(site.db_url, f"UPDATE lots SET quantity = 1000, on_hand = 1000 WHERE lot_number = '{number}'")
    assert lot(site, number).status_problem == ("its release lacks valid signatures: QC review (QC Analyst), "
                                                "QA approval (QA Reviewer)")


def test_every_lot_and_batch_of_the_demo_site_is_backed(demo_db):
    """The demo loads lots and batches in every status through the use cases: none is flagged."""
    from app import bootstrap
    from app.settings import Settings

    context: AppContext = bootstrap.open_context(demo_db, settings=Settings())
    try:
        with context.read_uow().acting_as(SYSTEM_ACTOR) as tx:
            records = [signed_records.of_lot(x) for x in tx.lots.list(limit=10_000)]
            records += [signed_records.of_batch(tx, b) for b in tx.batches.list(limit=10_000)]
            flagged = {r.record_id: status_problem(tx, r) for r in records}
    finally:
        context.dispose()
    assert len(records) > 50
    assert {k: v for k, v in flagged.items() if v is not None} == {}


def test_a_signature_binds_the_status_it_moves_the_record_to(site):
    """Content version s2: the target status is signed; a signature made under s1 (no status) still verifies."""
    number = release(site, receive(site).lot_number).lot_number
    with site.ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
        record = signed_records.load(tx, "lot", number)
        applied = tx.signatures.for_records("lot", [number])[number]
        assert {s.content_version for s in applied} == {"s2"}
        assert all(record.signature_valid(s) for s in applied)
        first = applied[0]
        assert first.content_hash == record.digest("Released", first.evaluation)
        assert first.content_hash != record.digest("Rejected", first.evaluation)
        first.content_version, first.content_hash = "s1", record.digest("Released", first.evaluation, "s1")
        assert record.signature_valid(first)  # an old signature keeps verifying under its own version


def test_expiry_keeps_the_status_backed(site, monkeypatch):
    from tests.app.lots_support import station_days_later

    number = released_lot(site, "RES", "10", expires_on=site.today() + timedelta(days=3)).lot_number
    station_days_later(monkeypatch, 5)
    lots.expire_due_lots(site.ctx.uow())
    assert (lot(site, number).status, lot(site, number).status_problem) == (LotStatus.EXPIRED.value, None)
