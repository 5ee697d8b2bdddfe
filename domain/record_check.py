"""Record-level verification (AUD-6): replay the audit trail and compare each GMP record with what its entries
say. A row changed outside the application, one that exists without any entry, or one whose entries say it
exists but that is gone, is named by table, key, field, what the trail says and what the table holds.

Three kinds of rows are checked: records the unit of work audits column by column (lots, batches, users, ...),
rows that the trail records as events on another record (signatures: a SIGN entry; the status history: each
status change of a lot, batch or deviation), all replayed in one pass (`replay_trail`); and the genealogy
graph, which must be the sum of the audited issues, completions and shipments (`expected_flows`).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

Replayed = dict[str, dict[str, Any] | None]  # record key -> its fields as the trail says (None: deleted)
ABSENT = "(no such record)"
WHOLE_RECORD = "(record)"
# The record types whose status changes the unit of work keeps as history (persistence.signature_repositories).
STATUS_HISTORY = frozenset({"lot", "batch", "deviation", "change"})


@dataclass(frozen=True)
class RecordProblem:
    table: str
    key: str
    field: str
    expected: Any  # what the audit trail says
    found: Any  # what the table holds

    @property
    def message(self) -> str:
        return (f"{self.table} {self.key}: {self.field} is {_shown(self.found)} in the table, but the audit "
                f"trail says {_shown(self.expected)}")


class TrailEntry(NamedTuple):
    """What the replay reads of one audit entry, in sequence order."""

    record_type: str
    record_id: str
    action: str
    user_id: str
    changes: str  # canonical JSON: {field: [old, new]}
    reason: str | None


@dataclass
class Replay:
    """The trail replayed once: each record's last state by record type, the signatures (keyed '<type> <ID>
    signature <n>', n counting the record's signatures from 1 in the order applied) and the status changes
    (keyed '<type> <ID> change <n>', oldest first)."""

    records: dict[str, Replayed] = field(default_factory=dict)
    signatures: Replayed = field(default_factory=dict)
    status_history: Replayed = field(default_factory=dict)


def replay_trail(entries: Iterable[TrailEntry], record_types: Collection[str]) -> Replay:
    """One pass over the entries (in sequence order) of the record types checked column by column, the
    status-history types and every SIGN entry. The SIGN entries of signature rows carry the signed content's
    hash; those of a deviation's closure or a QC results review (kept in the trail only) do not."""
    result = Replay({record_type: {} for record_type in record_types})
    signed: dict[tuple[str, str], int] = {}
    changed: dict[tuple[str, str], int] = {}
    for entry in entries:
        record_type, record_id, action = entry.record_type, entry.record_id, entry.action
        values = json.loads(entry.changes) if entry.changes else {}
        if action == "SIGN" and "content_hash" in values:  # a signature row (not a deviation closure or QC review)
            n = signed[record_type, record_id] = signed.get((record_type, record_id), 0) + 1
            result.signatures[signature_key(record_type, record_id, n)] = _signature(entry, values)
            continue
        records = result.records.get(record_type)
        if records is not None:
            _apply(records, record_id, action, values)
        if record_type in STATUS_HISTORY and action in ("CREATE", "UPDATE") and "status" in values:
            n = changed[record_type, record_id] = changed.get((record_type, record_id), 0) + 1
            old, new = values["status"]
            result.status_history[status_change_key(record_type, record_id, n)] = {
                "from_status": old, "to_status": new, "by_user": entry.user_id, "reason": entry.reason}
    return result


def _apply(records: Replayed, record_id: str, action: str, values: dict[str, list[Any]]) -> None:
    if action in ("DELETE", "CREATE+DELETE"):
        records[record_id] = None
    elif action == "CREATE":
        records[record_id] = {name: new for name, (_old, new) in values.items()}
    elif action == "UPDATE":
        current = records.get(record_id)
        if current is None:
            current = records[record_id] = {}
        current.update((name, new) for name, (_old, new) in values.items())
    # other actions (LOGIN, EXPORT, ...) describe events, not the record's columns


def _signature(entry: TrailEntry, values: dict[str, list[Any]]) -> dict[str, Any]:
    details = {name: new for name, (_old, new) in values.items()}
    signed: dict[str, Any] = {"user_id": entry.user_id, "comment": entry.reason}
    label_meaning = str(details.get("signature", ""))
    if ": " in label_meaning:
        signed["meaning"] = label_meaning.rsplit(": ", 1)[1]
    if "purpose" in details:
        signed["purpose"] = details["purpose"]
    if "release_evaluation" in details:  # the release evaluation a release signature binds
        signed["evaluation"] = details["release_evaluation"]
    content = str(details.get("content_hash", ""))
    if ":" in content:  # "<content version>:<hash>" since signed content has versions
        signed["content_version"], signed["content_hash"] = content.split(":", 1)
    elif content:
        signed["content_hash"] = content
    return signed


def signature_key(record_type: str, record_id: str, n: int) -> str:
    return f"{record_type} {record_id} signature {n}"


def status_change_key(record_type: str, record_id: str, n: int) -> str:
    return f"{record_type} {record_id} change {n}"


def expected_flows(
    issues: Iterable[tuple[str, str, str, Any]],
    completions: Iterable[tuple[str, str, Any]],
    shipped: Iterable[tuple[str, str, Any]],
) -> Replayed:
    """The genealogy graph the audited records imply, keyed 'lot L1 -> batch B1': material flows from each
    lot into a batch (issues less returns), from each batch into the lots it produced, and from each lot into
    the shipments that carry it. `issues`: (lot, batch, kind Issue or Return, quantity); `completions`: (batch,
    lot, quantity); `shipped`: (lot, shipment, quantity)."""
    net: dict[str, Decimal] = {}
    for lot, batch, kind, quantity in issues:
        key = flow_key("lot", lot, "batch", batch)
        net[key] = net.get(key, Decimal(0)) + (-1 if str(kind).upper() == "RETURN" else 1) * _decimal(quantity)
    for batch, lot, quantity in completions:
        key = flow_key("batch", batch, "lot", lot)
        net[key] = net.get(key, Decimal(0)) + _decimal(quantity)
    for lot, shipment, quantity in shipped:
        key = flow_key("lot", lot, "shipment", shipment)
        net[key] = net.get(key, Decimal(0)) + _decimal(quantity)
    return {key: {"quantity": str(quantity)} for key, quantity in net.items()}


def flow_key(src_kind: str, src: str, dst_kind: str, dst: str) -> str:
    return f"{src_kind} {src} -> {dst_kind} {dst}"


def compare(table: str, replayed: Replayed, rows: Mapping[str, Mapping[str, Any]],
            ignored: frozenset[str] = frozenset()) -> list[RecordProblem]:
    """`rows`: record key -> column values as the audit trail would write them (see persistence.types)."""
    problems: list[RecordProblem] = []
    for key, row in rows.items():
        expected = replayed.get(key)
        if expected is None:
            what = "deleted" if key in replayed else "no audit entry"
            problems.append(RecordProblem(table, key, WHOLE_RECORD, f"{ABSENT}: {what}", "a row"))
            continue
        for name, found in row.items():
            if name in ignored or name not in expected:
                continue
            if not same(expected[name], found):
                problems.append(RecordProblem(table, key, name, expected[name], found))
    for key, expected in replayed.items():
        if expected is not None and key not in rows:
            problems.append(RecordProblem(table, key, WHOLE_RECORD, "a row",
                                          f"{ABSENT}: deleted outside BatchTrace"))
    return problems


def same(expected: Any, found: Any) -> bool:
    """Equal as the trail writes values: JSON text; quantities compared as exact decimals."""
    if expected == found and type(expected) is type(found):
        return True
    a = json.loads(json.dumps(expected, default=str))
    b = json.loads(json.dumps(found, default=str))
    if a == b and isinstance(a, bool) == isinstance(b, bool):
        return True
    numbers = (str, int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) and not isinstance(b, bool):
        try:
            return Decimal(str(a)) == Decimal(str(b))
        except InvalidOperation:
            return False
    return False


def _decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return Decimal("NaN")


def _shown(value: Any) -> str:
    if (isinstance(value, str) and value.startswith(ABSENT)) or value == "a row":
        return str(value)
    return json.dumps(value, default=str, ensure_ascii=False)
