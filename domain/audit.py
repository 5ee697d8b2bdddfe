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
    join = SEP.join
    expected_prev = GENESIS_HASH
    before_prev = GENESIS_HASH  # the hash of the entry before the last good one (see _relinked)
    expected_seq = 1
    count = 0
    remaining = iter(rows)
    for row in remaining:
        seq, at_text, uid, uname, rtype, rid, action, changes, reason, prev_hash, stored = row
        content = join(
            (CANONICAL_VERSION, str(seq), at_text, uid, uname, rtype, rid, action, changes, reason or "",
             prev_hash)
        )
        if seq == expected_seq and prev_hash == expected_prev and sha256(content.encode()).hexdigest() == stored:
            count += 1
            before_prev = expected_prev
            expected_prev = stored
            expected_seq += 1
            continue
        actual = sha256(content.encode()).hexdigest()
        problem = _check_link(seq, expected_seq, prev_hash, expected_prev, actual, stored)
        assert problem is not None
        if problem.kind == "relinked":
            problem = _relinked(seq, stored, next(remaining, None))
            if problem.seq < seq:  # the entry before is the forgery: the good part ends one entry earlier
                return ChainReport(count - 1, expected_seq - 2, before_prev, problem)
        return ChainReport(count, expected_seq - 1, expected_prev, problem)
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
        return ChainProblem(seq, "relinked", "")
    return None


def _relinked(seq: int, stored: str, following: RawEntry | None) -> ChainProblem:
    """Entry `seq` matches its own hash but does not name its predecessor's. Either the predecessor was
    replaced by an entry with a recomputed hash (then the predecessor is the forgery) or this entry was
    written with a wrong link. The next entry tells which: if it names this entry's hash, this entry is
    the original and its predecessor the forgery; otherwise this entry is the odd one out. At the end of
    the chain, with no next entry, the earlier of the two is named."""
    vouched = following is None or (following[0] == seq + 1 and following[9] == stored)
    if seq == 1 or not vouched:
        after = f"entry {seq - 1}" if seq > 1 else "the start of the chain"
        return ChainProblem(seq, "inserted", f"entry {seq} does not follow {after}: it was inserted or replaced")
    return ChainProblem(
        seq - 1,
        "inserted",
        f"entry {seq - 1} was inserted or replaced: entry {seq} was chained to a different entry {seq - 1}",
    )
