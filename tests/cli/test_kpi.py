"""`batchtrace kpi` (app/cli/kpi.py, KPI-1, INT-2) on the demo site, both engines: the dashboard's figures as
aligned text and as JSON, the same as the use case gives, and in Simplified Chinese under a Chinese LANG."""

from __future__ import annotations

import json
import re

import pytest

from app import bootstrap, kpi
from domain.users import SYSTEM_ACTOR
from tests.cli.support import Cli, assert_one_line_error


def figures(url: str) -> kpi.Dashboard:
    ctx = bootstrap.open_context(url)
    try:
        return kpi.dashboard(ctx.read_uow(), SYSTEM_ACTOR, time_trace=False)
    finally:
        ctx.dispose()


@pytest.mark.req("KPI-1", "INT-2")
def test_kpi_prints_the_dashboard(cli: Cli, demo_db: str) -> None:
    expected = figures(demo_db)
    result = cli("--db", demo_db, "kpi")
    assert result.code == 0, result
    out = result.out
    assert out.startswith(f"Dashboard on {expected.today} (release figures over the last 90 days)\n")
    for status, count in expected.batches_by_status:
        assert re.search(rf"^  {re.escape(status)} +{count}$", out, re.M), status
    rft = expected.right_first_time
    assert re.search(rf"^  rate +{rft.percent} %$", out, re.M)
    assert re.search(rf"^  release decisions +{rft.decided}$", out, re.M)
    assert re.search(rf"^  total +{expected.deviations.total} +{expected.capas.total}$", out, re.M)
    assert re.search(rf"^  expiring within 30 days +{expected.expiry.expiring}$", out, re.M)
    for lot in expected.expiry.first:
        assert f"  {lot.lot_number}  {lot.item_code}" in out
    assert re.search(r"^  trace of \S+ just now: backward [\d.]+ ms \(\d+ lines\), forward [\d.]+ ms", out, re.M)
    for recall in expected.open_recalls:
        assert f"  {recall.recall_number} " in out


@pytest.mark.req("KPI-1", "INT-2")
def test_kpi_as_json(cli: Cli, demo_db: str) -> None:
    expected = figures(demo_db)
    result = cli("--db", demo_db, "kpi", "--format", "json", "--no-trace")
    assert result.code == 0, result
    data = json.loads(result.out)
    assert data["batches_by_status"] == dict(expected.batches_by_status)
    assert data["right_first_time"]["decided"] == expected.right_first_time.decided
    assert data["right_first_time"]["percent"] == float(expected.right_first_time.percent or 0)
    assert data["release_lead_time_hours"]["released"] == expected.lead_time.released
    assert list(data["open_deviations_by_age"]) == ["0-7 days", "8-30 days", "31-90 days", "over 90 days"]
    assert sum(data["open_deviations_by_age"].values()) == expected.deviations.total
    assert data["lots_near_expiry"]["expiring"] == expected.expiry.expiring
    assert data["trace"] is None, "--no-trace"
    assert [r["recall"] for r in data["recalls"]["open"]] == [r.recall_number for r in expected.open_recalls]


@pytest.mark.req("KPI-1", "GEN-6")
def test_kpi_reads_in_chinese(cli: Cli, demo_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = cli("--db", demo_db, "kpi", "--today", "2030-01-01")
    assert result.code == 0, result
    out = result.out
    assert out.startswith("2030-01-01 的仪表板（放行数据为最近 90 天）\n")
    for title in ("按状态统计的批次", "放行周期（从完成到放行）", "一次合格率", "按时长统计的未关闭偏差和纠正预防措施",
                  "临近有效期的库存物料批", "追溯和召回响应"):
        assert f"\n{title}\n" in out, title
    assert "  已放行 " in out and "超过 90 天" in out and "刚才追溯 " in out
    # No English word is left but the data (numbers, item codes, units)
    words = {w for w in re.findall(r"\b[a-z]{3,}\b", out)} - {"pcs"}  # a unit, as recorded
    assert words == set(), words


@pytest.mark.req("KPI-1", "INT-2")
def test_kpi_refuses_a_bad_day(cli: Cli, demo_db: str) -> None:
    assert "2030-02-30" in assert_one_line_error(cli("--db", demo_db, "kpi", "--today", "2030-02-30"), 2)
