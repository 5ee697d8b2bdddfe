"""`batchtrace version list|show|diff|batches` (CHG-2, CHG-3, INT-2) through the entry point, on both engines."""

from __future__ import annotations

import csv
import io
import json

import pytest
from docx import Document as read_docx

from app import bootstrap, mbr, process_steps, users
from app.demo.loader import DEMO_PASSWORD
from app.process_steps import ParameterInput, StepInput
from app.settings import Settings
from tests.app.change_support import make_effective_via_change
from tests.cli.support import assert_one_line_error
from tests.cli.test_lots import _as, _number, plant  # noqa: F401  (plant is a fixture)
from tests.conftest import FAST_HASHER


def _second_version(url: str) -> None:
    """SYR-5 v2: more resin, tubing dropped, a moulding step with a limit; made effective."""
    ctx = bootstrap.open_context(url, settings=Settings(), hasher=FAST_HASHER)
    try:
        prod, rel, qa = (users.log_in(ctx.uow(), ctx.auth, u, DEMO_PASSWORD) for u in ("prod", "rel", "qa"))
        draft = mbr.create_draft(ctx.uow(), prod, "SYR-5", "Syringe", [mbr.BomInput("RES-PC", "0.0120", "5")])
        process_steps.add_steps(ctx.uow(), prod, "SYR-5", draft.version, [StepInput("Mould", "Press", (
            ParameterInput("Melt temperature", "°C", "285", "275", "295"),))])
        make_effective_via_change(ctx, prod, rel, qa, "mbr", "SYR-5", draft.version, password=DEMO_PASSWORD)
    finally:
        ctx.dispose()


@pytest.mark.req("CHG-2", "CHG-3", "INT-2")
def test_list_show_compare_and_the_batches_on_a_version(cli, plant):  # noqa: F811
    batch = _number(_as(cli, plant, "prod", "batch", "plan", "--product", "SYR-5", "--qty", "1000"))
    _second_version(plant)

    listed = cli("--db", plant, "version", "list", "mbr", "syr-5")
    assert listed.code == 0, listed
    lines = listed.out.splitlines()
    assert lines[0].split()[:3] == ["VERSION", "STATUS", "TITLE"]
    assert lines[1].split()[:2] == ["1", "Superseded"] and lines[2].split()[:2] == ["2", "Effective"]

    as_json = json.loads(cli("--db", plant, "version", "list", "mbr", "SYR-5", "--format", "json").out)
    assert [(v["label"], v["status"]) for v in as_json] == [("SYR-5 v1", "Superseded"), ("SYR-5 v2", "Effective")]
    assert as_json[1]["effective_at"].endswith("+00:00")

    shown = cli("--db", plant, "version", "show", "mbr", "SYR-5", "1", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(shown.out)))
    assert {(r["section"], r["key"], r["field"], r["value"]) for r in rows} >= {
        ("BOM line", "TUBE", "Quantity per unit", "0.05"), ("BOM line", "RES-PC", "Tolerance %", "5")}

    diff = cli("--db", plant, "version", "diff", "mbr", "SYR-5", "1", "2")
    assert diff.code == 0, diff
    assert diff.out.splitlines()[0].startswith("SYR-5 v1 -> SYR-5 v2: ")
    assert any(line.split()[:6] == ["Changed", "BOM", "line", "RES-PC", "Quantity", "per"]
               and line.split()[-2:] == ["0.01", "0.012"] for line in diff.out.splitlines()), diff.out
    differences = json.loads(cli("--db", plant, "version", "diff", "mbr", "SYR-5", "1", "2", "--format",
                                 "json").out)["differences"]
    assert {"kind": "Added", "section": "Parameter", "key": "1 · Melt temperature", "field": "Upper limit",
            "old": None, "new": "295"} in differences
    assert {"kind": "Removed", "section": "BOM line", "key": "TUBE", "field": "Tolerance %", "old": "10",
            "new": None} in differences

    on_v1 = cli("--db", plant, "version", "batches", "SYR-5", "1")
    assert on_v1.code == 0 and batch in on_v1.out and "Planned" in on_v1.out, on_v1
    assert "no open batch uses SYR-5 v2" in cli("--db", plant, "version", "batches", "SYR-5", "2").out
    as_csv = cli("--db", plant, "version", "batches", "SYR-5", "1", "--format", "csv").out
    assert [r["batch_number"] for r in csv.DictReader(io.StringIO(as_csv))] == [batch]


@pytest.mark.req("CHG-2", "DOC-2", "INT-2")
def test_the_compare_as_a_controlled_document(cli, plant, tmp_path):  # noqa: F811
    _second_version(plant)
    out = tmp_path / "syr5-v1-v2.docx"
    issued = _as(cli, plant, "qa", "version", "diff", "mbr", "SYR-5", "1", "2", "--out", str(out))
    assert issued.code == 0 and issued.out.startswith("VC-mbr-SYR-5-v1-v2-R1: "), issued
    cells = [c.text for t in read_docx(str(out)).tables for row in t.rows for c in row.cells]
    assert "Comparison of SYR-5 v1 and SYR-5 v2" in [p.text for p in read_docx(str(out)).paragraphs]
    assert "BOM line TUBE" in cells and "Melt temperature" not in cells and "Parameter 1 · Melt temperature" in cells
    verified = cli("--db", plant, "report", "verify", str(out))
    assert verified.code == 0 and "VC-mbr-SYR-5-v1-v2-R1" in verified.out
    assert "give --user ID with --out" in assert_one_line_error(
        cli("--db", plant, "version", "diff", "mbr", "SYR-5", "1", "2", "--out", str(tmp_path / "x.pdf")), 2)


def test_wrong_input_is_one_line_each(cli, plant):  # noqa: F811
    assert "invalid choice" in assert_one_line_error(cli("--db", plant, "version", "list", "label", "SYR-5"), 2)
    assert "no master batch record SYR-5 v9" in assert_one_line_error(
        cli("--db", plant, "version", "diff", "mbr", "SYR-5", "1", "9"))
    assert "CAP has no versions of a specification" in assert_one_line_error(
        cli("--db", plant, "version", "list", "spec", "CAP"))
    assert "choose two different versions" in assert_one_line_error(
        cli("--db", plant, "version", "diff", "mbr", "SYR-5", "1", "1"))
