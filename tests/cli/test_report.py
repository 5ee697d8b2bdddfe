"""`batchtrace report batch ... --out F` and `batchtrace report verify F` (DOC-1, DOC-2, INT-2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import bootstrap, users
from app.settings import Settings
from tests.app.lots_support import PASSWORD, build_site
from tests.cli.support import assert_one_line_error, audit_actions
from tests.conftest import FAST_HASHER
from tests.reports.document_site import docx_text, pdf_text, released_batch


@pytest.fixture(autouse=True)
def _qt_application(qapp):  # type: ignore[no-untyped-def]
    """In-process, the PDF renderer would make a QGuiApplication, and later widget tests could not make their
    QApplication: see tests/reports/conftest.py."""
    return qapp


@pytest.fixture
def batch_number(db_url: str, tmp_path: Path) -> str:
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", PASSWORD)
        admin = users.log_in(ctx.uow(), ctx.auth, "admin", PASSWORD)
        return released_batch(build_site(ctx, admin, db_url), tmp_path / "labels.zpl").number
    finally:
        ctx.dispose()


@pytest.mark.req("INT-2", "DOC-1", "DOC-2")
def test_report_batch_writes_docx_and_pdf_and_verify_tells_issued_from_edited(cli, db_url, batch_number,
                                                                              tmp_path: Path) -> None:
    docx_out, pdf_out = tmp_path / "br.docx", tmp_path / "br.pdf"
    made = cli("--db", db_url, "report", "batch", batch_number, "--out", str(docx_out), "--user", "quinn",
               stdin=[PASSWORD])
    assert made.code == 0, made
    assert made.out.startswith(f"BR-{batch_number}-R1: {docx_out}")
    assert f"Batch record {batch_number}" in docx_text(docx_out)
    made = cli("--db", db_url, "report", "batch", batch_number, "--out", str(pdf_out), "--user", "quinn",
               "--language", "zh", "--uncontrolled", stdin=[PASSWORD])
    assert made.code == 0, made
    text, pages = pdf_text(pdf_out)
    assert "非受控副本" in text and pages >= 2
    assert [a[1:] for a in audit_actions(db_url) if a[3].startswith("BR-")] == [
        ("quinn", "CREATE", f"BR-{batch_number}-R1"), ("quinn", "CREATE", f"BR-{batch_number}-R2")]

    ok = cli("--db", db_url, "report", "verify", str(pdf_out))
    assert ok.code == 0 and f"is document BR-{batch_number}-R2 exactly as BatchTrace issued it" in ok.out
    assert "Quinn Reviewer (quinn)" in ok.out and "uncontrolled" in ok.out
    edited = tmp_path / "edited.pdf"
    edited.write_bytes(pdf_out.read_bytes().replace(b"/Title", b"/Titlf", 1))
    bad = cli("--db", db_url, "report", "verify", str(edited))
    assert bad.code == 1 and bad.out.startswith("NOT ISSUED")


@pytest.mark.req("INT-2")
def test_report_refuses_bad_input_in_one_line(cli, db_url, batch_number, tmp_path: Path) -> None:
    assert "no batch NOPE" in assert_one_line_error(
        cli("--db", db_url, "report", "batch", "NOPE", "--out", str(tmp_path / "x.pdf"), "--user", "quinn",
            stdin=[PASSWORD]))
    assert ".docx or .pdf" in assert_one_line_error(
        cli("--db", db_url, "report", "batch", batch_number, "--out", str(tmp_path / "x.odt"), "--user", "quinn",
            stdin=[PASSWORD]))
    assert "is not a file" in assert_one_line_error(cli("--db", db_url, "report", "verify", str(tmp_path / "no")))
    assert assert_one_line_error(cli("--db", db_url, "report", "batch", batch_number, "--user", "quinn"), 2)
    assert not list(tmp_path.glob("x.*"))


@pytest.mark.req("INT-2", "DEV-1", "DOC-2")
def test_report_deviation_writes_the_report_and_refuses_an_unknown_number(cli, db_url, batch_number, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from app import deviations

    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        pat = users.log_in(ctx.uow(), ctx.auth, "pat", PASSWORD)
        number = deviations.open_deviation(ctx.uow(), pat, "Line stop", "line stopped 40 min", "Minor",
                                           [("batch", batch_number)]).number
    finally:
        ctx.dispose()
    out = tmp_path / "dev.pdf"
    made = cli("--db", db_url, "report", "deviation", number, "--out", str(out), "--user", "quinn",
               stdin=[PASSWORD])
    assert made.code == 0, made
    assert made.out.startswith(f"DR-{number}-R1: {out}")
    text, _ = pdf_text(out)
    assert f"Deviation report {number}" in text and "Line stop" in text and batch_number in text
    assert cli("--db", db_url, "report", "verify", str(out)).code == 0
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # without --language, the document follows LANG as the messages do
    made = cli("--db", db_url, "report", "deviation", number, "--out", str(tmp_path / "zh.docx"), "--user",
               "quinn", stdin=[PASSWORD])
    assert made.code == 0, made
    assert f"偏差报告 {number}" in docx_text(tmp_path / "zh.docx")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "no deviation DEV-NONE" in assert_one_line_error(
        cli("--db", db_url, "report", "deviation", "DEV-NONE", "--out", str(tmp_path / "x.docx"), "--user",
            "quinn", stdin=[PASSWORD]))
    assert not (tmp_path / "x.docx").exists()
