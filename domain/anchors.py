"""Anchors of the audit chain outside the database (AUD-7): the head as it was, written where a database
user cannot reach, so that truncation or a recomputed suffix since then shows.

An anchor is one JSON line (sequence, hash, UTC time, who). Checking a chain against anchors needs only the
hash each anchored sequence has in the database now and the head the verifier found.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from domain.errors import ValidationError
from domain.i18n import _


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: str  # UTC, as domain.audit.format_time writes it
    user_id: str
    user_name: str

    def line(self) -> str:
        return json.dumps({"seq": self.seq, "hash": self.hash, "at": self.at, "user_id": self.user_id,
                           "user_name": self.user_name}, ensure_ascii=False, sort_keys=True)

    def describe(self) -> str:
        return f"the anchor of {self.at} UTC by {self.user_id} ({self.user_name})"


def parse_anchors(lines: Iterable[str], source: str) -> list[Anchor]:
    """Every non-empty line an anchor; a line that is not one is refused by its number, nothing guessed."""
    anchors = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
            anchor = Anchor(int(data["seq"]), str(data["hash"]), str(data["at"]), str(data["user_id"]),
                            str(data["user_name"]))
        except (ValueError, KeyError, TypeError):
            raise ValidationError(_("{value} line {number} is not an audit anchor",
                                    value=source, number=number)) from None
        if anchor.seq < 0 or len(anchor.hash) != 64:
            raise ValidationError(_("{value} line {number} is not an audit anchor", value=source, number=number))
        anchors.append(anchor)
    return anchors


@dataclass(frozen=True)
class AnchorProblem:
    anchor: Anchor
    kind: str  # "truncated" or "recomputed"
    message: str


def check_anchors(
    anchors: Iterable[Anchor], head_seq: int, stored: Mapping[int, str]
) -> list[AnchorProblem]:
    """`head_seq`: the last entry in the database; `stored`: the hash each anchored sequence has there now."""
    problems = []
    for anchor in anchors:
        found = stored.get(anchor.seq)
        if anchor.seq > head_seq or found is None:
            problems.append(AnchorProblem(anchor, "truncated", (
                f"entry {anchor.seq} is gone: the chain ends at entry {head_seq}, but {anchor.describe()} "
                f"recorded entry {anchor.seq}: entries were cut from the end")))
        elif found != anchor.hash:
            problems.append(AnchorProblem(anchor, "recomputed", (
                f"entry {anchor.seq} has hash {found[:12]}..., but {anchor.describe()} recorded "
                f"{anchor.hash[:12]}...: entries up to {anchor.seq} were replaced and the chain recomputed")))
    return problems
