"""Finding 5 of issue 9, as the attacker did it: the chain cut or recomputed after an anchor, a forged entry
with the later entries renumbered. Each is named by `batchtrace audit verify` (with `--anchors` where only an
anchor outside the database can tell)."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.audit import entry_hash
from tests.cli.support import audit_count, sql
from tests.conftest import ADMIN_PASSWORD
from tests.tamper.support import without_guards

pytestmark = pytest.mark.req("AUD-7")

ROW = "seq, at, user_id, user_name, record_type, record_id, action, changes, reason, prev_hash, hash, format"


def anchored(cli, url: str, tmp_path: Path) -> tuple[Path, int]:  # type: ignore[no-untyped-def]
    anchors = tmp_path / "anchors.jsonl"
    result = cli("--db", url, "audit", "anchor", "--file", str(anchors), "--user", "admin", stdin=[ADMIN_PASSWORD])
    assert result.code == 0, result
    head = audit_count(url)
    assert result.out.startswith(f"anchored entry {head} ")
    return anchors, head


def time_text(url: str, seq: int) -> str:
    if url.startswith("sqlite"):
        value = sql(url, f"SELECT at FROM audit_log WHERE seq = {seq}")[0][0]
        return str(value) if "." in str(value) else f"{value}.000000"
    return str(sql(url, f"SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM audit_log "
                        f"WHERE seq = {seq}")[0][0])


def test_anchoring_appends_the_head_and_verify_accepts_the_anchors(cli, seeded, tmp_path):
    anchors, head = anchored(cli, seeded, tmp_path)
    anchored(cli, seeded, tmp_path)  # a second anchor is appended, the first one kept
    lines = anchors.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and f'"seq": {head}' in lines[0]
    result = cli("--db", seeded, "audit", "verify", "--anchors", str(anchors))
    assert result.code == 0, result
    assert "all 2 anchors" in result.out


def test_entries_cut_from_the_end_after_an_anchor_are_named(cli, seeded, tmp_path):
    anchors, head = anchored(cli, seeded, tmp_path)
    without_guards(seeded, "audit_log", f"DELETE FROM audit_log WHERE seq >= {head - 1}")
    plain = cli("--db", seeded, "audit", "verify")
    assert plain.code == 0, plain  # the chain alone is a valid shorter chain: only the anchor tells
    result = cli("--db", seeded, "audit", "verify", "--anchors", str(anchors))
    assert result.code == 1
    assert f"entry {head} is gone: the chain ends at entry {head - 2}" in result.out
    assert "cut from the end" in result.out


def test_a_recomputed_suffix_after_an_anchor_is_named(cli, seeded, tmp_path):
    """The forger rewrites the reason of the anchored head and recomputes its hash: a valid chain again on
    SQLite. On PostgreSQL the entry is keyed by the database (v3): with BatchTrace's own, unkeyed functions the
    forger's hash matches nothing, and the chain alone names the entry."""
    anchors, head = anchored(cli, seeded, tmp_path)
    _seq, _at, uid, uname, rtype, rid, action, changes, _reason, prev, _digest, fmt = sql(
        seeded, f"SELECT {ROW} FROM audit_log WHERE seq = {head}")[0]
    unkeyed = "v2" if fmt == "v3" else fmt  # the best the forger can do without the database's key
    forged = entry_hash(head, time_text(seeded, head), uid, uname, rtype, rid, action, changes, "forged", prev,
                        unkeyed)
    without_guards(seeded, "audit_log",
                   f"UPDATE audit_log SET reason = 'forged', hash = '{forged}' WHERE seq = {head}")
    plain = cli("--db", seeded, "audit", "verify")
    if fmt == "v3":
        assert plain.code == 1
        assert f"entry {head} was altered" in plain.out
    else:
        assert plain.code == 0  # recomputed: the chain alone cannot tell
    result = cli("--db", seeded, "audit", "verify", "--anchors", str(anchors))
    assert result.code == 1
    assert f"entry {head} has hash {forged[:12]}" in result.out
    assert "recomputed" in result.out


def test_a_forged_entry_with_the_rest_renumbered_is_named_as_inserted(cli, seeded):
    """Entry k forged with a correct link and hash; every later entry's number moved up by one. On PostgreSQL the
    genuine entries are keyed (v3) and the forger can only write the unkeyed format: named by that."""
    k = 3
    _seq, _at, uid, uname, rtype, rid, action, changes, _reason, prev, _digest, fmt = sql(
        seeded, f"SELECT {ROW} FROM audit_log WHERE seq = {k}")[0]
    at_text = time_text(seeded, k)
    forged = entry_hash(k, at_text, uid, uname, rtype, rid, action, changes, "forged", prev)
    at_sql = f"'{at_text}'" if seeded.startswith("sqlite") else f"TIMESTAMPTZ '{at_text}+00'"
    without_guards(seeded, "audit_log", (
        f"UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= {k}; "
        f"UPDATE audit_log SET seq = seq - 999999 WHERE seq >= 1000000; "
        f"INSERT INTO audit_log ({ROW}) VALUES ({k}, {at_sql}, '{uid}', '{uname}', '{rtype}', '{rid}', "
        f"'{action}', '{changes}', 'forged', '{prev}', '{forged}', 'v2')"))
    result = cli("--db", seeded, "audit", "verify")
    assert result.code == 1
    assert (f"entry {k} is in the old format v2 after entries in v3: it was inserted" if fmt == "v3" else
            f"entry {k} inserted and the later entries renumbered") in result.out
    assert f"{k - 1} entries before it are intact" in result.out


def test_a_broken_chain_is_not_anchored(cli, seeded, tmp_path):
    without_guards(seeded, "audit_log", "UPDATE audit_log SET reason = 'edited' WHERE seq = 2")
    anchors = tmp_path / "anchors.jsonl"
    result = cli("--db", seeded, "audit", "anchor", "--file", str(anchors), "--user", "admin", stdin=[ADMIN_PASSWORD])
    assert result.code == 1
    assert "not intact, nothing anchored: entry 2 was altered" in result.err
    assert not anchors.exists()


def test_an_anchor_file_that_is_not_one_is_refused_by_line(cli, seeded, tmp_path):
    anchors = tmp_path / "anchors.jsonl"
    anchors.write_text('{"seq": 1}\n', encoding="utf-8")
    result = cli("--db", seeded, "audit", "verify", "--anchors", str(anchors))
    assert result.code != 0
    assert "line 1 is not an audit anchor" in result.err
