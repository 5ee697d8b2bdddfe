"""The audit trail's tamper evidence (AUD-3): canonical content, the hash chain, and its verification.

Each entry's hash is SHA-256 over a canonical serialisation of its content and the previous entry's hash,
so an entry altered, removed or inserted outside the application breaks the chain at that entry. The
serialisation is versioned (`CANONICAL_VERSION`) so that a later change of format keeps old chains checkable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any

CANONICAL_VERSION = "v1"
GENESIS_HASH = "0" * 64
SEP = "\x1f"  # ASCII unit separator: cannot occur in the JSON or in our IDs
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # UTC, microseconds; the same text on every engine


class AuditAction(Enum):
    CREATE = "CREATE"
    UPDATE = "UPDATE"
    DELETE = "DELETE"
    LOGIN = "LOGIN"
    LOGIN_FAILED = "LOGIN_FAILED"
    LOGOUT = "LOGOUT"
    SESSION_LOCKED = "SESSION_LOCKED"
    SESSION_UNLOCKED = "SESSION_UNLOCKED"
    ACCESS_DENIED = "ACCESS_DENIED"
    EXPORT = "EXPORT"
    SCHEMA_UPGRADE = "SCHEMA_UPGRADE"


def format_time(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return at.astimezone(UTC).strftime(TIME_FORMAT)


def canonical_changes(changes: Mapping[str, tuple[Any, Any]]) -> str:
    """Per-field [old, new] as compact JSON with sorted keys: one text for one set of changes."""
    return json.dumps(
        {name: [old, new] for name, (old, new) in changes.items()},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    user_id: str
    user_name: str
    record_type: str
    record_id: str
    action: str
    changes: str  # canonical JSON, see canonical_changes()
    reason: str | None
    prev_hash: str
    hash: str

    def change_map(self) -> dict[str, list[Any]]:
        loaded: dict[str, list[Any]] = json.loads(self.changes) if self.changes else {}
        return loaded


def entry_hash(
    seq: int,
    at_text: str,
    user_id: str,
    user_name: str,
    record_type: str,
    record_id: str,
    action: str,
    changes: str,
    reason: str | None,
    prev_hash: str,
) -> str:
    content = SEP.join(
        (
            CANONICAL_VERSION,
            str(seq),
            at_text,
            user_id,
            user_name,
            record_type,
            record_id,
            action,
            changes,
            reason or "",
            prev_hash,
        )
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    kind: str  # "altered", "removed", "inserted"
    message: str


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head_seq: int
    head_hash: str
    problem: ChainProblem | None

    @property
    def intact(self) -> bool:
        return self.problem is None


# A raw row as the verifier reads it: (seq, at_text, user_id, user_name, record_type, record_id, action,
# changes, reason, prev_hash, hash). Tuples, not objects: verification runs at hundreds of thousands a second.
RawEntry = tuple[int, str, str, str, str, str, str, str, "str | None", str, str]


def verify_chain(rows: Iterable[RawEntry]) -> ChainReport:
    """Walk the chain in sequence order and name the first entry that is not what the application wrote."""
    sha256 = hashlib.sha256
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    for row in rows:
        seq, at_text, uid, uname, rtype, rid, action, changes, reason, prev_hash, stored = row
        content = SEP.join(
            (CANONICAL_VERSION, str(seq), at_text, uid, uname, rtype, rid, action, changes, reason or "",
             prev_hash)
        )
        actual = sha256(content.encode("utf-8")).hexdigest()
        problem = _check_link(seq, expected_seq, prev_hash, expected_prev, actual, stored)
        if problem is not None:
            return ChainReport(count, expected_seq - 1, expected_prev, problem)
        count += 1
        expected_prev = stored
        expected_seq = seq + 1
    return ChainReport(count, expected_seq - 1, expected_prev, None)


def _check_link(
    seq: int, expected_seq: int, prev_hash: str, expected_prev: str, actual: str, stored: str
) -> ChainProblem | None:
    if seq < expected_seq:
        return ChainProblem(seq, "inserted", f"entry {seq} appears twice or out of order: inserted")
    if seq > expected_seq:
        missing = f"{expected_seq}" if seq == expected_seq + 1 else f"{expected_seq}..{seq - 1}"
        return ChainProblem(expected_seq, "removed", f"entry {missing} is missing: removed before entry {seq}")
    if actual != stored:
        return ChainProblem(seq, "altered", f"entry {seq} was altered: its content no longer matches its hash")
    if prev_hash != expected_prev:
        return ChainProblem(
            seq,
            "inserted",
            f"entry {seq} does not follow entry {seq - 1}: the chain was re-linked (entry inserted or replaced)",
        )
    return None
