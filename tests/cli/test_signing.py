"""`batchtrace signing-rules ...` (SIG-5, INT-2): an administrator tightens the signing rules under audit; the
defaults can never be removed, and only an administrator may change the rules."""

from __future__ import annotations

import pytest

from tests.cli.support import assert_one_line_error, audit_count, sql
from tests.cli.test_lots import _as, plant  # noqa: F401  (plant is a fixture)

RELEASE = "lot:Quarantine->Released"


@pytest.mark.req("SIG-5", "INT-2")
def test_an_administrator_adds_a_signature_and_withdraws_it_but_never_a_default(cli, plant):  # noqa: F811
    added = _as(cli, plant, "admin", "signing-rules", "add", RELEASE, "--label", "Second QA approval",
                "--meaning", "approved", "--role", "QA Release", "--not-performers",
                "--reason", "CAPA-12: two QA approvals for sterile barrier material")
    assert added.code == 0, added
    listed = cli("--db", plant, "signing-rules", "list").out
    site_rows = [line for line in listed.splitlines() if line.rstrip().endswith(" site")]
    assert len(site_rows) == 1 and "Second QA approval" in site_rows[0] and "QA Release" in site_rows[0]
    assert sql(plant, "SELECT user_id, reason FROM audit_log WHERE record_type LIKE 'signature_rule%' "
                      "ORDER BY seq DESC LIMIT 1") == [("admin", "CAPA-12: two QA approvals for sterile barrier "
                                                         "material")]

    before = audit_count(plant)
    refused = _as(cli, plant, "admin", "signing-rules", "remove", RELEASE, "QC review", "--reason", "too slow")
    assert "never remove the defaults" in assert_one_line_error(refused)
    assert audit_count(plant) == before + 1  # only the LOGIN of the refused attempt

    removed = _as(cli, plant, "admin", "signing-rules", "remove", RELEASE, "Second QA approval",
                  "--reason", "CAPA-12 closed")
    assert removed.code == 0, removed
    assert "Second QA approval" not in cli("--db", plant, "signing-rules", "list").out


@pytest.mark.req("SIG-5", "ACC-4")
def test_others_cannot_change_the_signing_rules(cli, plant):  # noqa: F811
    refused = _as(cli, plant, "qa", "signing-rules", "add", RELEASE, "--label", "Extra", "--meaning", "approved",
                  "--role", "QA Reviewer", "--reason", "more control")
    assert "may not add signatures to the signing rules" in assert_one_line_error(refused)
    assert sql(plant, "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1") == [("ACCESS_DENIED",)]


@pytest.mark.req("SIG-5", "INT-2")
@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["add", "lot:Quarantine->Nowhere", "--label", "X", "--meaning", "approved", "--role", "QA Reviewer",
          "--reason", "r"], 1, "no signed transition"),
        (["add", RELEASE, "--label", "X", "--meaning", "blessed", "--role", "QA Reviewer", "--reason", "r"], 2,
         "Blessed"),
        (["add", RELEASE, "--label", "X", "--meaning", "approved", "--role", "Boss", "--reason", "r"], 2,
         "unknown role 'Boss'"),
    ],
)
def test_bad_signing_rule_commands_ask_no_password_and_change_nothing(cli, plant, args, code, message):  # noqa: F811
    before = audit_count(plant)
    result = cli("--db", plant, "signing-rules", *args, "--user", "admin")  # no password on stdin
    assert message.casefold() in assert_one_line_error(result, code).casefold()
    assert audit_count(plant) == before


@pytest.mark.req("SIG-5", "GEN-6", "INT-2")
def test_the_signing_rules_read_in_chinese_under_zh_cn(cli, plant, monkeypatch):  # noqa: F811
    assert _as(cli, plant, "admin", "signing-rules", "add", RELEASE, "--label", "Second QA approval", "--meaning",
               "approved", "--role", "QA Release", "--role", "QA Reviewer", "--not-performers", "--needs-comment",
               "--reason", "CAPA-12").code == 0
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    rows = {line.split()[1]: line for line in cli("--db", plant, "signing-rules", "list").out.splitlines()
            if line.startswith(RELEASE)}
    assert "审核" in rows["QC"] and "QC 检验员" in rows["QC"] and rows["QC"].rstrip().endswith("BatchTrace 默认")
    added = rows["Second"]  # a name the site gave is shown as it was typed
    assert "批准" in added and "QA 放行人 或 QA 审核员" in added and "非执行人、备注" in added
    assert added.rstrip().endswith("本场所")
    for english in ("Reviewed", "Approved", "QC Analyst", " or ", "not a performer", "comment", "default", " site"):
        assert english not in "\n".join(rows.values()).replace("Second QA approval", ""), english
