"""`batchtrace validate oq` (VAL-1): the OQ report from a real test run, read back. A throwaway copy of the
project with one test made to fail on purpose shows it, its requirement and the failure in red and in full."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import docx
import pytest

from app.validation.manifest import write_manifest
from app.validation.requirements import REQUIREMENTS_FILE, load_requirements
from tests.cli.support import Cli, as_station, assert_one_line_error, sql
from tests.conftest import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
RED = "F4A6A6"
FAILING_TEST = '''

@pytest.mark.req("LOT-3")
def test_made_to_fail_on_purpose():
    assert "B2612-0001" == "B2612-0002", "the sequence skipped a number"


@pytest.mark.req("LOT-1")
def test_skipped_on_purpose():
    pytest.skip("no label printer attached to this machine")


def test_without_a_requirement():
    pass
'''


def throwaway_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "tests", copy / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    (copy / REQUIREMENTS_FILE).parent.mkdir(parents=True)
    shutil.copy(ROOT / REQUIREMENTS_FILE, copy / REQUIREMENTS_FILE)
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    with (copy / "tests" / "domain" / "test_numbering.py").open("a", encoding="utf-8") as tests:
        tests.write(FAILING_TEST)
    return copy


def rows(table: docx.table.Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def is_red(row: docx.table._Row) -> bool:
    return all(RED in cell._tc.xml for cell in row.cells)


@pytest.mark.req("VAL-1")
def test_the_oq_report_lists_every_requirement_with_its_real_outcome(cli: Cli, tmp_path: Path, qapp: object) -> None:
    # qapp: the PDF is rendered in this process; inside pytest-qt's QApplication, not a QGuiApplication of its own
    # that would keep later widget tests from making theirs
    source = throwaway_copy(tmp_path)
    out = tmp_path / "reports" / "oq.docx"
    result = cli("validate", "oq", "--out", str(out), "--source", str(source), "--",
                 "tests/domain/test_audit.py", "tests/domain/test_numbering.py")
    assert result.code == 1, result.err  # one test failed
    assert " 1 failed" in result.out
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")

    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    requirements_table, matrix = None, None
    for table in document.tables:
        header = [cell.text for cell in table.rows[0].cells]
        if header[:2] == ["ID", "Requirement"]:
            requirements_table = table
        if header == ["Req. ID", "Test", "Result"]:
            matrix = table
    assert requirements_table is not None and matrix is not None
    listed = {row.cells[0].text: row for row in requirements_table.rows[1:]}
    assert list(listed) == list(load_requirements(ROOT / REQUIREMENTS_FILE))  # every ID of the list, in order

    assert listed["AUD-3"].cells[4].text == "verified" and not is_red(listed["AUD-3"])
    assert listed["LOT-3"].cells[4].text == "FAILED" and is_red(listed["LOT-3"])
    assert listed["GEN-1"].cells[4].text == "NOT VERIFIED" and is_red(listed["GEN-1"])  # its tests did not run
    failing = [row for row in matrix.rows if row.cells[1].text.endswith("::test_made_to_fail_on_purpose")]
    assert [(row.cells[0].text, row.cells[2].text, is_red(row)) for row in failing] == [("LOT-3", "failed", True)]
    passing = [row for row in matrix.rows[1:] if row.cells[0].text == "AUD-3"]
    assert passing and all(row.cells[2].text == "passed" and not is_red(row) for row in passing)

    assert "tests/domain/test_numbering.py::test_made_to_fail_on_purpose (LOT-3): failed" in text
    assert "the sequence skipped a number" in text  # the failure in full, with pytest's explanation
    assert "AssertionError" in text
    printed = next(p for p in document.paragraphs if "AssertionError" in p.text)
    assert printed.runs[0].font.name == "Courier New"  # pytest's output keeps its columns
    assert ("tests/domain/test_numbering.py::test_skipped_on_purpose (LOT-1): skipped: no label printer attached "
            "to this machine") in text
    assert [row.cells[2].text for row in matrix.rows if row.cells[1].text.endswith("::test_skipped_on_purpose")] == [
        "skipped"]
    # a test without a requirement is left out by `-m req`: not part of the OQ run, not listed as "not run"
    assert "test_without_a_requirement" not in text
    assert not any("test_without_a_requirement" in cell.text for table in document.tables for row in table.rows
                   for cell in row.cells)

    run = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows}  # where the tests ran
    assert run["pytest exit status"] == "1"
    assert run["Source revision"] == "not a git checkout"  # the throwaway copy; a checkout gives its commit
    assert run["SQLite library"] and run["PostgreSQL server"] and "SQLAlchemy" in run["Libraries"]
    number = document.core_properties.identifier
    assert number.startswith(f"OQ-{version('batchtrace')}-") and number.endswith("Z")  # the run's time in it
    signatures = rows(document.tables[-1])
    assert [row[0] for row in signatures] == ["Role", "Executed by", "Reviewed by", "Approved by"]


@pytest.mark.req("VAL-1")
def test_the_oq_of_a_run_already_made_reads_its_results(cli: Cli, tmp_path: Path, qapp: object) -> None:
    """One run of the suite (the README's test command with --req-results) gives the check and the OQ report."""
    source = throwaway_copy(tmp_path)
    results = tmp_path / "run.json"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--req-results={results}",
                           "tests/domain/test_numbering.py"], cwd=source, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stdout[-2000:]
    out = tmp_path / "oq.docx"
    result = cli("validate", "oq", "--out", str(out), "--source", str(source), "--results", str(results))
    assert result.code == 1, result.err
    assert " 1 failed" in result.out
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "results read from run.json" in text
    assert "tests/domain/test_numbering.py::test_made_to_fail_on_purpose (LOT-3): failed" in text

    results.write_text("{}", encoding="utf-8")
    message = assert_one_line_error(cli("validate", "oq", "--out", str(out), "--source", str(source), "--results",
                                        str(results)))
    assert "is not the results of a test run with --req-results" in message


def test_the_oq_needs_a_source_tree_with_tests(cli: Cli, tmp_path: Path) -> None:
    message = assert_one_line_error(cli("validate", "oq", "--out", str(tmp_path / "oq.docx"), "--source",
                                        str(tmp_path)))
    assert "no tests/ in" in message


def installed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "opt" / "batchtrace"
    (folder / "_internal").mkdir(parents=True)
    (folder / "batchtrace").write_bytes(b"\x7fELF")
    (folder / "_internal" / "requirements.md").write_text("| GEN-1 | x | OQ |\n", encoding="utf-8")
    write_manifest(folder, version("batchtrace"))
    return folder


@pytest.mark.req("VAL-2", "AUD-2", "AUD-3")
def test_iq_passes_on_a_fresh_install_and_names_what_was_altered(cli: Cli, seeded: str, tmp_path: Path) -> None:
    """The IQ of a station: on PostgreSQL it connects as the station role (the owner's account fails the IQ)."""
    folder = installed_folder(tmp_path)
    report = tmp_path / "iq.docx"
    station = as_station(seeded)
    fresh = cli("--db", station, "validate", "iq", "--install-dir", str(folder), "--out", str(report))
    assert fresh.code == 0, fresh.out
    assert "IQ PASSED" in fresh.out
    postgresql = () if seeded.startswith("sqlite") else ("Station role", "Keyed audit chain", "Triggers")
    for check in ("Version", "Installed files", "Schema revision", "Guard: UPDATE of audit entries",
                  "Guard: DELETE of users", "Audit chain", "Keyring", "Printers and scanners", *postgresql):
        assert f"PASS  {check}" in fresh.out, check
    document = docx.Document(str(report))
    checks = next(t for t in document.tables if t.rows[0].cells[0].text == "Check")
    assert {row.cells[1].text for row in checks.rows[1:]} == {"PASS"}
    assert version("batchtrace") in "\n".join(cell.text for t in document.tables for r in t.rows for cell in r.cells)

    (folder / "_internal" / "requirements.md").write_text("| GEN-1 | changed | OQ |\n", encoding="utf-8")
    if seeded.startswith("sqlite"):
        sql(seeded, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'edited' WHERE seq = 2;",
            script=True)
    else:
        sql(seeded, "ALTER TABLE audit_log DISABLE TRIGGER USER")
        sql(seeded, "UPDATE audit_log SET reason = 'edited' WHERE seq = 2")
    altered = cli("--db", station, "validate", "iq", "--install-dir", str(folder), "--out", str(tmp_path / "iq2.docx"))
    assert altered.code == 1
    assert "IQ FAILED" in altered.out
    assert "FAIL  Installed files" in altered.out and "altered: _internal/requirements.md" in altered.out
    if postgresql:  # the station role is refused the UPDATE anyway; the catalogue shows the trigger switched off
        assert "FAIL  Triggers" in altered.out
        assert "disabled: audit_log.audit_log_no_truncate, audit_log.audit_log_no_update_delete" in altered.out
    else:
        assert "FAIL  Guard: UPDATE of audit entries" in altered.out
    assert "FAIL  Audit chain" in altered.out and "entry 2 was altered" in altered.out
    failed = next(t for t in docx.Document(str(tmp_path / "iq2.docx")).tables if t.rows[0].cells[0].text == "Check")
    red = [row.cells[0].text for row in failed.rows[1:] if is_red(row)]
    assert "Installed files" in red and "Audit chain" in red and "Version" not in red


@pytest.mark.req("VAL-2")
def test_iq_outside_an_installed_bundle_says_so(cli: Cli, seeded: str) -> None:
    result = cli("--db", seeded, "validate", "iq")
    assert result.code == 1
    assert "FAIL  Installed files" in result.out and "not started from an installed bundle" in result.out


@pytest.mark.req("VAL-2", "DOC-2", "SIG-1", "SIG-2", "SIG-3")
def test_iq_report_of_a_named_performer_is_signed_registered_and_verifies(cli: Cli, seeded: str,
                                                                          tmp_path: Path) -> None:
    """With --user the IQ report is an issued document signed electronically by its performer: the signature
    (printed name, user ID, date and time with zone, meaning) in it, in the audit trail bound to the file by its
    SHA-256, shown valid by 'report verify'; the manifest's own SHA-256 is in it, to compare with the build's.
    A wrong password writes nothing."""
    folder = installed_folder(tmp_path)
    report = tmp_path / "iq.docx"
    station = as_station(seeded)
    done = cli("--db", station, "validate", "iq", "--install-dir", str(folder), "--out", str(report), "--user",
               "admin", stdin=[ADMIN_PASSWORD])
    assert done.code == 0, done.out + done.err
    manifest = hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()
    assert f"manifest.json SHA-256 {manifest}" in done.out
    assert f"wrote {report}: IQ-{version('batchtrace')}-" in done.out and "registered" in done.out
    assert "signed electronically (Performed) as Ada Admin (admin)" in done.out
    document = docx.Document(str(report))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Ada Admin (admin)" in cells and any(f"manifest.json SHA-256 {manifest}" in c for c in cells)
    signed = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:4] == ["Role", "Printed name",
                                                                                          "User ID", "Signed at"])
    role, name, user_id, at, meaning = (c.text for c in signed.rows[1].cells)
    assert (role, name, user_id, meaning) == ("Performed by", "Ada Admin", "admin", "Performed")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", at), at
    by_hand = next(t for t in document.tables if [c.text for c in t.rows[0].cells][2:3] == ["Signature"])
    assert [r.cells[0].text for r in by_hand.rows[1:]] == ["Reviewed by", "Approved by"]  # QA's second approval

    file_sha = hashlib.sha256(report.read_bytes()).hexdigest()
    number, content_sha = sql(seeded, f"SELECT number, content_sha256 FROM issued_documents "
                                      f"WHERE file_sha256 = '{file_sha}'")[0]
    [(user, changes)] = sql(seeded, f"SELECT user_id, changes FROM audit_log WHERE action = 'SIGN' "
                                    f"AND record_type = 'document' AND record_id = '{number}'")
    recorded = {name: value[-1] for name, value in json.loads(changes).items()}
    assert user == "admin" and recorded["meaning"] == "Performed" and recorded["signer"] == "Ada Admin (admin)"
    assert recorded["content_sha256"] == content_sha and recorded["file_sha256"] == file_sha

    verified = cli("--db", station, "report", "verify", str(report))
    assert verified.code == 0, verified.out
    assert "ISSUED" in verified.out and "Ada Admin (admin)" in verified.out
    assert "signed (Performed) by Ada Admin (admin) at " in verified.out and ": valid" in verified.out
    report.write_bytes(report.read_bytes() + b"\0")
    assert cli("--db", station, "report", "verify", str(report)).code == 1

    counts = "SELECT (SELECT count(*) FROM issued_documents), (SELECT count(*) FROM audit_log WHERE action = 'SIGN')"
    before = sql(seeded, counts)
    wrong = cli("--db", station, "validate", "iq", "--install-dir", str(folder), "--out", str(tmp_path / "x.docx"),
                "--user", "admin", stdin=["not the password"])
    assert wrong.code != 0 and not (tmp_path / "x.docx").exists()  # nobody else's name on a report
    assert sql(seeded, counts) == before  # no register entry, no signature
