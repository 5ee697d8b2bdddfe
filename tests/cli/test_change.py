"""`batchtrace change ...` through the entry point (CHG-1, SIG-1, INT-2), both engines: a specification made
effective by a change request, approved with two re-authenticated signatures; the issue's bad input refused with
one line each."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.cli.support import assert_one_line_error, sql
from tests.cli.test_lots import _as, _number, plant  # noqa: F401  (plant is a fixture)

TESTS = ["--test", "ID;Identity;SOP-QC-4;Pass/fail;;;;0;1;required"]


def _open(cli, plant, *extra):  # noqa: F811
    return _as(cli, plant, "qc", "change", "open", "--title", "Resin incoming", "--reason", "new spec", "--class",
               "Minor", *extra)


@pytest.mark.req("CHG-1", "SIG-1", "INT-2")
def test_a_specification_through_a_change_request(cli, plant):  # noqa: F811
    assert _as(cli, plant, "qc", "qc", "spec-add", "RES-PC", "--title", "Resin", *TESTS).code == 0
    number = _number(_open(cli, plant, "--spec", "RES-PC:1"))
    shown = cli("--db", plant, "change", "show", number)
    assert shown.code == 0 and "status          Draft" in shown.out and "RES-PC spec v1  Draft" in shown.out, shown

    early = _as(cli, plant, "qa", "change", "approve", number)
    assert "a change cannot go from Draft to Approved" in assert_one_line_error(early)
    submitted = _as(cli, plant, "qc", "change", "submit", number)
    assert submitted.code == 0 and "In review" in submitted.out, submitted
    first = _as(cli, plant, "qa", "change", "approve", number)
    assert first.code == 0 and "1 of 2 signatures" in first.out and "status In review" in first.out, first
    own = _as(cli, plant, "qc", "change", "approve", number)  # QC may give the second approval, not to its own
    assert "nobody approves their own change" in assert_one_line_error(own)
    too_soon = _as(cli, plant, "qa", "change", "implement", number)
    assert "is in review: it is implemented once approved" in assert_one_line_error(too_soon)
    second = _as(cli, plant, "rel", "change", "approve", number)
    assert second.code == 0 and "status Approved" in second.out, second
    done = _as(cli, plant, "qa", "change", "implement", number)
    assert done.code == 0 and "RES-PC spec v1  Effective" in done.out, done
    assert sql(plant, "SELECT status FROM specifications WHERE item_code = 'RES-PC'") == [("Effective",)]
    assert sql(plant, f"SELECT count(*) FROM signatures WHERE record_type = 'change' AND record_id = '{number}'") \
        == [(2,)]
    listed = cli("--db", plant, "change", "list")
    assert number in listed.out and "Implemented" in listed.out


@pytest.mark.req("CHG-1", "INT-2")
def test_bad_change_requests_are_refused_with_one_line(cli, plant):  # noqa: F811
    assert _as(cli, plant, "qc", "qc", "spec-add", "RES-PC", "--title", "Resin", *TESTS).code == 0
    assert "name at least one version" in assert_one_line_error(_open(cli, plant))
    later = (date.today() + timedelta(days=5)).isoformat()
    number = _number(_open(cli, plant, "--spec", "RES-PC:1", "--effective-on", later))
    second = _open(cli, plant, "--spec", "RES-PC:1")
    assert f"RES-PC spec v1 is already in open change request {number}" in assert_one_line_error(second)
    assert "not CODE:VERSION" in assert_one_line_error(_open(cli, plant, "--spec", "RES-PC"), code=2)
    for user, command in (("qc", "submit"), ("qa", "approve"), ("rel", "approve")):
        assert _as(cli, plant, user, "change", command, number).code == 0
    early = _as(cli, plant, "qa", "change", "implement", number)
    assert f"takes effect on {later}: it cannot be implemented before" in assert_one_line_error(early)
    assert sql(plant, "SELECT status FROM specifications WHERE item_code = 'RES-PC'") == [("Approved",)]
    assert sql(plant, "SELECT count(*) FROM change_requests") == [(2,)]  # the plant's own MBR change and this


@pytest.mark.req("CHG-1", "AUD-4", "INT-2")
def test_qa_rejects_a_submitted_change_with_its_reason(cli, plant):  # noqa: F811
    assert _as(cli, plant, "qc", "qc", "spec-add", "RES-PC", "--title", "Resin", *TESTS).code == 0
    number = _number(_open(cli, plant, "--spec", "RES-PC:1"))
    assert _as(cli, plant, "qc", "change", "submit", number).code == 0
    assert sql(plant, "SELECT status FROM specifications WHERE item_code = 'RES-PC'") == [("In review",)]

    no_reason = cli("--db", plant, "change", "reject", number, "--user", "qa", stdin=["x"])
    assert "--reason" in assert_one_line_error(no_reason, code=2)
    requester = _as(cli, plant, "qc", "change", "reject", number, "--reason", "not needed after all")
    assert "reject" in assert_one_line_error(requester)  # QC may not reject; the change stays as it was
    rejected = _as(cli, plant, "qa", "change", "reject", number, "--reason", "the impact on open batches is missing")
    assert rejected.code == 0 and "status          Rejected" in rejected.out, rejected
    assert sql(plant, f"SELECT status FROM change_requests WHERE number = '{number}'") == [("Rejected",)]
    assert sql(plant, "SELECT status FROM specifications WHERE item_code = 'RES-PC'") == [("Draft",)]
    assert sql(plant, "SELECT user_id, reason FROM audit_log WHERE record_type = 'change' AND record_id = "
                      f"'{number}' ORDER BY seq DESC LIMIT 1") == [("qa", "the impact on open batches is missing")]
    again = _as(cli, plant, "qa", "change", "approve", number)
    assert "Rejected" in assert_one_line_error(again)
    # the draft is free for a new change request
    assert _number(_open(cli, plant, "--spec", "RES-PC:1")) != number


@pytest.mark.req("CHG-1", "GEN-6", "INT-2")
def test_a_change_request_reads_in_chinese(cli, plant, monkeypatch):  # noqa: F811
    assert _as(cli, plant, "qc", "qc", "spec-add", "RES-PC", "--title", "Resin", *TESTS).code == 0
    number = _number(_open(cli, plant, "--spec", "RES-PC:1"))
    assert _as(cli, plant, "qc", "change", "submit", number).code == 0
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    shown = cli("--db", plant, "change", "show", number)
    assert shown.code == 0, shown
    assert shown.out.startswith(f"变更申请 {number}：Resin incoming\n")  # the title as it was typed
    assert "  状态      审核中\n" in shown.out and "  分级      轻微\n" in shown.out
    assert "序号  措施    版本            当前状态" in shown.out
    assert "RES-PC spec v1  审核中" in shown.out
    fields = [line.split()[0] for line in shown.out.splitlines()[1:] if line.startswith("  ")]
    assert not [f for f in fields if f.isascii()], fields  # every field name in Chinese
    listed = cli("--db", plant, "change", "list")
    assert listed.out.splitlines()[0].split()[:3] == ["变更申请", "状态", "分级"]
