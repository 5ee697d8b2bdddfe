"""The audit trail's tamper evidence (AUD-3): canonical content, the hash chain, and its verification.

Each entry's hash is SHA-256 over a canonical serialisation of its content and the previous entry's hash,
so an entry altered, removed or inserted outside the application breaks the chain at that entry. The
serialisation is versioned and each entry carries its format: `v1` joined the fields with U+001F, which a
reason could contain (text moved between fields kept the hash); `v2`, written since, is a JSON array, so no
field can spill into another. Old `v1` entries still verify, but never after a `v2` entry.

`v3` is the keyed format of a PostgreSQL database set up by `batchtrace db upgrade`: the hash is an HMAC-SHA256
computed by the database itself (persistence/station_access.py) with a secret key that the stations' role
cannot read, over the length-prefixed text of `keyed_text`. Nobody without the key can compute it, so a forger
with the station's credentials cannot extend or recompute the chain; the verifier is handed each entry's HMAC
by the database. `v2` entries written before the switch still verify, never after a `v3` entry.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from domain.i18n import _

CANONICAL_VERSION = "v2"
KEYED_VERSION = "v3"
FORMATS = ("v1", "v2", "v3")
# A format never follows a newer one in the chain: an old-format entry after newer ones was inserted.
_RANK = {"v1": 1, "v2": 2, "v3": 3}
GENESIS_HASH = "0" * 64
SEP = "\x1f"  # v1 only: the unit separator between fields (ambiguous when a field contains it)
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
        raise ValueError(_("audit times must be timezone-aware"))
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
    format: str = CANONICAL_VERSION

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
    fmt: str = CANONICAL_VERSION,
) -> str:
    return _digest(fmt, seq, at_text, user_id, user_name, record_type, record_id, action, changes, reason, prev_hash)


def _digest(
    fmt: str, seq: int, at_text: str, uid: str, uname: str, rtype: str, rid: str, action: str, changes: str,
    reason: str | None, prev_hash: str,
) -> str:
    if fmt == "v2":
        # JSON with every field in its place: a quote or separator inside a field is escaped, never a boundary.
        text = _dumps(["v2", seq, at_text, uid, uname, rtype, rid, action, changes, reason, prev_hash])
    elif fmt == "v1":
        text = SEP.join(("v1", str(seq), at_text, uid, uname, rtype, rid, action, changes, reason or "", prev_hash))
    else:
        return ""  # an unknown format matches no stored hash: reported as altered
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def keyed_text(
    seq: int, at_text: str, user_id: str, user_name: str, record_type: str, record_id: str, action: str,
    changes: str, reason: str | None, prev_hash: str,
) -> str:
    """The text a `v3` entry's HMAC is computed over, the same as the database's function computes it: each
    field as its length in UTF-8 bytes, a colon and the field ("-" for none), so no field can spill into the
    next whatever it contains."""
    fields = (str(seq), at_text, user_id, user_name, record_type, record_id, action, changes, reason, prev_hash)
    return "v3|" + "|".join("-" if f is None else f"{len(f.encode())}:{f}" for f in fields)


def keyed_hash(key: bytes, *content: Any) -> str:
    """A `v3` hash as the database computes it; only who holds the key (the database owner) can call this."""
    return hmac.new(key, keyed_text(*content).encode(), hashlib.sha256).hexdigest()


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
    keyed_from: int | None = None  # the first intact entry with a keyed (v3) hash: where the HMAC era starts

    @property
    def intact(self) -> bool:
        return self.problem is None


# A raw row as the verifier reads it: (seq, at_text, user_id, user_name, record_type, record_id, action,
# changes, reason, prev_hash, hash, format, keyed), where `keyed` is the HMAC the database computed for a v3
# entry (None otherwise, and always on SQLite). Tuples, not objects: verification runs at hundreds of thousands
# a second.
RawEntry = tuple[int, str, str, str, str, str, str, str, "str | None", str, str, str, "str | None"]
_RECENT = 64  # how far back a renumbered entry's link is looked up


def verify_chain(rows: Iterable[RawEntry]) -> ChainReport:
    """Walk the chain in sequence order and name the first entry that is not what the application wrote:
    its content no longer matches its hash, it is missing, inserted or renumbered, it is dated before the
    entry it follows, or it is in the old format after the new one."""
    digest = _digest
    sha256 = hashlib.sha256
    dumps = _dumps
    expected_prev = GENESIS_HASH
    recent: list[str] = [GENESIS_HASH]  # the hashes of the last good entries, oldest first (see _renumbered)
    expected_seq = 1
    last_at = ""
    last_fmt = "v1"
    keyed_from: int | None = None
    count = 0
    remaining = iter(rows)
    for row in remaining:
        seq, at_text, uid, uname, rtype, rid, action, changes, reason, prev_hash, stored, fmt, keyed = row
        if fmt == "v2":  # inlined: verification runs at hundreds of thousands of entries a second
            actual = sha256(dumps(["v2", seq, at_text, uid, uname, rtype, rid, action, changes, reason,
                                   prev_hash]).encode()).hexdigest()
        elif fmt == "v3":
            actual = keyed or ""  # only the database can compute it: without its key nothing matches
        else:
            actual = digest(fmt, seq, at_text, uid, uname, rtype, rid, action, changes, reason, prev_hash)
        if (
            actual == stored and seq == expected_seq and prev_hash == expected_prev and at_text >= last_at
            and (fmt == last_fmt or _RANK.get(fmt, 0) > _RANK[last_fmt])
        ):
            count += 1
            expected_prev = stored
            recent.append(stored)
            if len(recent) > 2 * _RECENT:
                del recent[:_RECENT]
            expected_seq += 1
            last_at = at_text
            if fmt != last_fmt:
                last_fmt = fmt
                if fmt == KEYED_VERSION:
                    keyed_from = seq
            continue
        problem = _check_link(seq, expected_seq, prev_hash, expected_prev, actual, stored)
        if problem is not None and problem.kind == "altered":
            problem = _renumbered(row, recent) or problem
        elif problem is not None and problem.kind == "relinked":
            problem = _relinked(seq, stored, next(remaining, None))
        elif problem is None and _RANK.get(fmt, 0) < _RANK[last_fmt]:
            problem = ChainProblem(seq, "inserted", f"entry {seq} is in the old format {fmt} after entries in "
                                                    f"{last_fmt}: it was inserted or replaced")
        elif problem is None:
            problem = ChainProblem(seq, "time", f"entry {seq} is dated {at_text}, before entry {seq - 1} "
                                                f"({last_at}): the clock went back or the entry was inserted")
        if problem.kind == "inserted" and problem.seq < seq:  # an earlier entry is the forgery
            good = count - (seq - problem.seq)
            since = keyed_from if keyed_from is not None and keyed_from < problem.seq else None
            return ChainReport(good, problem.seq - 1, recent[len(recent) - 1 - (seq - problem.seq)], problem, since)
        return ChainReport(count, expected_seq - 1, expected_prev, problem, keyed_from)
    return ChainReport(count, expected_seq - 1, expected_prev, None, keyed_from)


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


def _renumbered(row: RawEntry, recent: list[str]) -> ChainProblem | None:
    """Entry `seq` does not match its hash. When entries were inserted or removed and the later ones given new
    sequence numbers (without recomputing them), this entry still links to its true predecessor and still
    matches its hash under its old number. Either names the first entry that is not what was written."""
    seq, at_text, uid, uname, rtype, rid, action, changes, reason, prev_hash, stored, fmt, _keyed = row
    back = len(recent) - 1 - recent.index(prev_hash) if prev_hash in recent[:-1] else 0
    # It links to an entry `back` places before its predecessor and matches its hash under that earlier number:
    # the entries between were inserted. (A link altered to an earlier entry's hash does not match: altered.)
    if back and _digest(fmt, seq - back, at_text, uid, uname, rtype, rid, action, changes, reason,
                        prev_hash) == stored:
        first = seq - back
        which = f"entry {first}" if back == 1 else f"entries {first}..{seq - 1}"
        return ChainProblem(first, "inserted", f"{which} inserted and the later entries renumbered: entry {seq} "
                                               f"was written as entry {first} and follows entry {first - 1}")
    for shift in (*range(1, _RECENT), *range(-1, -_RECENT, -1)):
        if seq + shift > 0 and _digest(
            fmt, seq + shift, at_text, uid, uname, rtype, rid, action, changes, reason, prev_hash
        ) == stored:
            return ChainProblem(seq, "renumbered", f"entry {seq} was written as entry {seq + shift}: entries "
                                                   "were removed, inserted or reordered and the rest renumbered")
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
