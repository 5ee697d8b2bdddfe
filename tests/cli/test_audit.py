"""`batchtrace audit verify` and `audit export` (INT-2, AUD-3, AUD-5)."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from app.audit import CSV_COLUMNS
from app.cli.audit import RECORDS_CLEAN
from tests.cli.conftest import QC_PASSWORD
from tests.cli.support import assert_one_line_error, audit_actions, audit_count, sql
from tests.conftest import ADMIN_PASSWORD


def _tamper(url: str, statement: str) -> None:
    """Switch the append-only guard off the way someone with file or superuser access could, then edit."""
    if url.startswith("sqlite"):
        sql(url, f"DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; {statement};", script=True)
    else:
        sql(url, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete")
        sql(url, statement)


@pytest.mark.req("INT-2", "AUD-3", "AUD-6")
def test_verify_an_intact_trail(cli, seeded):
    entries = audit_count(seeded)
    head_hash = sql(seeded, f"SELECT hash FROM audit_log WHERE seq = {entries}")[0][0]
    result = cli("--db", seeded, "audit", "verify")  # anyone may verify: no --user, no password
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert lines[0] == f"audit trail intact: {entries} entries, head {entries} {head_hash}"
    # PostgreSQL set up by 'db upgrade': every entry keyed by the database (issue 9, AUD-7)
    keyed = [] if seeded.startswith("sqlite") else ["keyed by the database from entry 1 on (HMAC with a key the "
                                                    "stations cannot read); earlier entries verify in their earlier "
                                                    "format"]
    assert lines[1:] == [*keyed, RECORDS_CLEAN]
    assert audit_count(seeded) == entries  # verifying writes nothing


@pytest.mark.req("INT-2", "AUD-3")
def test_verify_names_the_entry_altered_outside_the_application(cli, seeded):
    _tamper(seeded, "UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3")
    result = cli("--db", seeded, "audit", "verify")
    assert result.code == 1
    assert "Traceback" not in result.text
    assert "audit trail NOT intact: entry 3 was altered" in result.out
    assert "2 entries before it are intact" in result.out


@pytest.mark.req("INT-2", "AUD-3")
def test_verify_names_the_entry_removed_outside_the_application(cli, seeded):
    _tamper(seeded, "DELETE FROM audit_log WHERE seq = 2")
    result = cli("--db", seeded, "audit", "verify")
    assert result.code == 1
    assert "entry 2 is missing: removed before entry 3" in result.out


@pytest.mark.req("INT-2", "AUD-5")
def test_export_writes_a_csv_and_is_audited(cli, seeded, tmp_path):
    before = audit_count(seeded)
    out = tmp_path / "audit.csv"
    result = cli("--db", seeded, "audit", "export", "--out", str(out), "--user", "admin", stdin=[ADMIN_PASSWORD])
    assert result.code == 0, result
    exported = before + 1  # the export's own log-in is in the file, the EXPORT entry after it is not
    assert result.out.strip() == f"exported {exported} audit entries to {out}"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [int(r["seq"]) for r in rows] == list(range(1, exported + 1))
    assert rows[-1]["action"] == "LOGIN"
    assert rows[-1]["user_id"] == "admin"
    assert all(r["time_utc"].endswith("Z") for r in rows)
    last = audit_actions(seeded)[-1]
    assert last[1:] == ("admin", "EXPORT", "csv")


@pytest.mark.req("INT-2", "AUD-5")
def test_export_with_filters(cli, seeded, tmp_path):
    out = tmp_path / "qc.csv"
    today = date.today()
    result = cli("--db", seeded, "audit", "export", "--out", str(out), "--user-filter", "qc", "--record-type",
                 "user", "--since", (today - timedelta(days=1)).isoformat(), "--until", today.isoformat(),
                 "--user", "admin", stdin=[ADMIN_PASSWORD])
    assert result.code == 0, result
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    assert {(r["user_id"], r["record_type"]) for r in rows} == {("qc", "user")}
    assert f"exported {len(rows)} audit entries" in result.out

    empty = tmp_path / "none.csv"
    result = cli("--db", seeded, "audit", "export", "--out", str(empty), "--until", "2000-01-01",
                 "--user", "admin", stdin=[ADMIN_PASSWORD])
    assert "exported 0 audit entries" in result.out
    assert empty.read_text(encoding="utf-8-sig").splitlines() == [",".join(CSV_COLUMNS)]


@pytest.mark.req("INT-2", "AUD-5", "ACC-4")
def test_export_needs_the_export_permission(cli, seeded, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "audit.csv"
    result = cli("--db", seeded, "audit", "export", "--out", str(out), "--user", "qc", stdin=[QC_PASSWORD])
    assert assert_one_line_error(result) == "Quinn Chem (qc) may not export the audit trail"
    assert not out.exists()
    assert list(folder.iterdir()) == []  # no partial file left behind
    assert audit_actions(seeded)[-1][1:] == ("qc", "ACCESS_DENIED", "EXPORT_AUDIT")
