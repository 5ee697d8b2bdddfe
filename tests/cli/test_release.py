"""`batchtrace release lot|batch NUMBER` (QC-4, SIG-1, INT-2): the evaluation shown before signing, each signer
re-authenticated, a failed rule overridden only with a justification by another QA person, a rejection one signed
decision with a reason; refusals one line that change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cli.change_cli import effective_by_cli
from tests.cli.support import assert_one_line_error, sql
from tests.cli.test_lots import _as, _number, plant  # noqa: F401  (plant is a fixture)


def _receive(cli, plant, supplier_lot: str) -> str:  # noqa: F811
    return _number(_as(cli, plant, "ward", "lot", "receive", "--item", "RES-PC", "--supplier", "ACME",
                       "--supplier-lot", supplier_lot, "--qty", "5", "--unit", "kg", "--mfg", date.today().isoformat()))


def _signatures(plant: str, lot: str) -> list[tuple[str, str]]:  # noqa: F811
    return sql(plant, f"SELECT user_id, requirement FROM signatures WHERE record_id = '{lot}' ORDER BY id")


@pytest.mark.req("QC-4", "SIG-1", "INT-2")
def test_a_lot_released_over_an_out_of_spec_result_with_a_justified_override(cli, plant):  # noqa: F811
    assert _as(cli, plant, "qc", "qc", "spec-add", "RES-PC", "--title", "Resin incoming", "--test",
               "MFI;Melt flow index;ISO 1133;Numeric;g/10min;8;12;1;1;required").code == 0
    effective_by_cli(cli, plant, "spec", "RES-PC", 1)
    lot = _receive(cli, plant, "ACM-9")
    assert _as(cli, plant, "qc", "qc", "result", lot, "MFI", "12.6").code == 0  # out of spec: a deviation
    assert _as(cli, plant, "qa", "qc", "review", lot).code == 0

    review = _as(cli, plant, "qc", "release", "lot", lot)
    assert review.code == 0, review
    assert f"lot {lot}: not releasable: 2 rules failed" in review.out
    assert "FAIL  Every required test has a reviewed result within spec" in review.out
    assert "MFI: 12.6 is out of spec (8 – 12 g/10min)" in review.out
    assert "signed the QC review (Reviewed) as" in review.out
    assert _as(cli, plant, "qa", "release", "lot", lot).code == 0

    bare = _as(cli, plant, "rel", "release", "lot", lot)
    assert "needs a justification" in assert_one_line_error(bare)
    wrong = _as(cli, plant, "rel", "release", "lot", lot, "--comment", "x", password="not-the-password")
    assert wrong.code != 0
    assert _signatures(plant, lot) == [("qc", "qc_review"), ("qa", "qa_approval")]

    done = _as(cli, plant, "rel", "release", "lot", lot, "--comment", "MFI re-test at the supplier within spec; CC-7")
    assert done.code == 0, done
    assert "you sign the QA override" in done.out and f"lot {lot}: Released" in done.out
    assert _signatures(plant, lot) == [("qc", "qc_review"), ("qa", "qa_approval"), ("rel", "qa_override")]
    assert sql(plant, f"SELECT status FROM lots WHERE lot_number = '{lot}'") == [("Released",)]


@pytest.mark.req("QC-4", "INT-2")
def test_a_rejection_from_the_command_line_needs_its_reason(cli, plant):  # noqa: F811
    lot = _receive(cli, plant, "ACM-10")
    refused = _as(cli, plant, "qa", "release", "lot", lot, "--reject")
    assert "needs its reason" in assert_one_line_error(refused)
    assert _signatures(plant, lot) == []
    done = _as(cli, plant, "qa", "release", "lot", lot, "--reject", "--comment", "bag torn on arrival")
    assert done.code == 0 and f"lot {lot}: Rejected" in done.out, done
    assert sql(plant, f"SELECT comment FROM signatures WHERE record_id = '{lot}'") == [("bag torn on arrival",)]


@pytest.mark.req("GEN-6", "QC-3", "INT-2")
def test_release_evaluate_gives_the_evidence_in_chinese_under_zh_cn(cli, demo_db, monkeypatch):
    review = sql(demo_db, "SELECT batch_number FROM batches WHERE batch_number LIKE '%-0013'")[0][0]
    english = cli("--db", demo_db, "release", "evaluate", review)
    assert "        nothing blocks release" not in english.out  # it fails: the process rule gives its reasons
    assert f"DEV2026-0001 (Major) is open: Seal temperature out of limits in step 2 of batch {review}" in english.out
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = cli("--db", demo_db, "release", "evaluate", review)
    assert result.code == 1, result
    evidence = [line.strip() for line in result.out.splitlines() if line.startswith("        ")]
    assert f"DEV2026-0001（主要）未关闭：Seal temperature out of limits in step 2 of batch {review}" in evidence
    assert "步骤 2 Seal temperature 193.5 °C 超出 170 .. 190" in evidence
    assert any(line.startswith("环境超限事件（DEV2026-0002 未关闭）：CR8-T（CR-8）超出限度 ") and "，最差值 " in line
               for line in evidence), evidence
    assert "FD-IVC-20 没有质量标准：放行无需 QC 检验" in evidence and "没有未处理的警报" in evidence
    assert any(line.startswith("8 个物料批发放时均已放行，无不合格：") for line in evidence), evidence
    assert len(evidence) == len([line for line in english.out.splitlines() if line.startswith("        ")])
