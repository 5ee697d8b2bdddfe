"""The replay and comparison of record-level verification (AUD-6), on hand-made trails."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from domain.record_check import (
    TrailEntry,
    compare,
    expected_flows,
    replay_trail,
    same,
)

pytestmark = pytest.mark.req("AUD-6")


def changes(**fields: tuple[object, object]) -> str:
    return json.dumps({name: list(pair) for name, pair in fields.items()})


def test_replay_applies_creates_updates_and_deletes_in_order():
    replayed = replay_trail([
        TrailEntry("lot", "L1", "CREATE", "u", changes(status=(None, "Quarantine"), quantity=(None, "10")), None),
        TrailEntry("lot", "L1", "UPDATE", "u", changes(status=("Quarantine", "Released")), "why"),
        TrailEntry("lot", "L2", "CREATE", "u", changes(status=(None, "Quarantine")), None),
        TrailEntry("lot", "L2", "DELETE", "u", changes(status=("Quarantine", None)), "why"),
        TrailEntry("lot", "L1", "SIGN", "u", changes(signature=(None, "QA: Released")), None),
        TrailEntry("item", "I1", "CREATE", "u", changes(name=(None, "Resin")), None),
    ], ["lot"])
    assert replayed.records == {"lot": {"L1": {"status": "Released", "quantity": "10"}, "L2": None}}


def test_compare_names_a_changed_field_an_unaudited_row_and_a_vanished_one():
    replayed = {"L1": {"status": "Rejected", "quantity": "10"}, "L2": {"status": "Released"}, "L3": None}
    rows = {"L1": {"status": "Released", "quantity": Decimal("10.000000"), "version": 4},
            "L3": {"status": "Released"}, "L4": {"status": "Released"}}
    found = {(p.key, p.field, str(p.expected), str(p.found)) for p in compare("lots", replayed, rows,
                                                                             frozenset({"version"}))}
    assert found == {
        ("L1", "status", "Rejected", "Released"),
        ("L3", "(record)", "(no such record): deleted", "a row"),
        ("L4", "(record)", "(no such record): no audit entry", "a row"),
        ("L2", "(record)", "a row", "(no such record): deleted outside BatchTrace"),
    }
    message = compare("lots", replayed, {"L1": rows["L1"], "L2": {"status": "Released"}})[0].message
    assert message == 'lots L1: status is "Released" in the table, but the audit trail says "Rejected"'


@pytest.mark.parametrize(("expected", "found", "equal"), [
    ("10", Decimal("10.000000"), True),
    ("10.5", 10.5, True),
    ("10", Decimal("10.000001"), False),
    (True, True, True),
    (True, 1, False),
    ("L1", "L1", True),
    ("L1", "L2", False),
    (["QC Analyst"], ["QA Release", "QC Analyst"], False),
    (None, "x", False),
])
def test_same_compares_as_the_trail_writes_values(expected, found, equal):
    assert same(expected, found) is equal


def test_signatures_and_status_changes_are_replayed_per_record_in_order():
    entries = [
        TrailEntry("lot", "L1", "CREATE", "clerk", changes(status=(None, "Quarantine")), None),
        TrailEntry("lot", "L1", "SIGN", "qc", changes(signature=(None, "QC review: Reviewed"),
                                                      purpose=(None, "lot:Quarantine->Released"),
                                                      content_hash=(None, "s2:abc")), "ok"),
        TrailEntry("lot", "L1", "UPDATE", "qa", changes(status=("Quarantine", "Released")), "released"),
        TrailEntry("batch_step", "B1/1", "SIGN", "op", changes(signature=(None, "Done: Performed"),
                                                               content_hash=(None, "def")), None),
        TrailEntry("lot", "L1", "SIGN", "qc", changes(signature=(None, "QC results review: Reviewed")), "pH 7"),
        TrailEntry("lot", "L1", "SIGN", "qa", changes(signature=(None, "QA approval: Approved"),
                                                      content_hash=(None, "s2:abd"),
                                                      release_evaluation=(None, '{"outcome":"pass"}')), None),
    ]
    replayed = replay_trail(entries, [])
    assert replayed.signatures == {
        "lot L1 signature 1": {"user_id": "qc", "comment": "ok", "meaning": "Reviewed",
                               "purpose": "lot:Quarantine->Released", "content_version": "s2",
                               "content_hash": "abc"},
        "batch_step B1/1 signature 1": {"user_id": "op", "comment": None, "meaning": "Performed",
                                        "content_hash": "def"},
        "lot L1 signature 2": {"user_id": "qa", "comment": None, "meaning": "Approved", "content_version": "s2",
                               "content_hash": "abd", "evaluation": '{"outcome":"pass"}'},
    }
    assert replayed.status_history == {
        "lot L1 change 1": {"from_status": None, "to_status": "Quarantine", "by_user": "clerk", "reason": None},
        "lot L1 change 2": {"from_status": "Quarantine", "to_status": "Released", "by_user": "qa",
                            "reason": "released"},
    }


def test_expected_flows_net_returns_and_sum_each_edge():
    flows = expected_flows(
        issues=[("R1", "B1", "Issue", "5"), ("R1", "B1", "Return", Decimal("2")), ("R1", "B1", "Issue", 1.5)],
        completions=[("B1", "F1", "100")],
        shipped=[("F1", "S1", "40"), ("F1", "S1", "10")],
    )
    assert {key: Decimal(value["quantity"]) for key, value in flows.items()} == {
        "lot R1 -> batch B1": Decimal("4.5"), "batch B1 -> lot F1": Decimal(100),
        "lot F1 -> shipment S1": Decimal(50),
    }
