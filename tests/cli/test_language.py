"""GEN-6: the command line speaks the language of LANG: its refusals in Simplified Chinese under zh_CN, values
(user IDs, names) as they were typed."""

from __future__ import annotations

import pytest

from app import users
from tests.cli.support import assert_one_line_error


@pytest.mark.req("GEN-6", "INT-2")
def test_refusals_follow_lang(cli, seeded, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    refused = assert_one_line_error(cli("--db", seeded, "user", "list", "--user", "nobody", stdin=["x"]))
    assert refused == "用户 ID 或密码错误，或账户已锁定或停用：如持续失败，请联系管理员"
    usage = assert_one_line_error(cli("--db", seeded, "audit", "export", "--since", "yesterday", "--out", "a.csv",
                                      "--user", "admin"), 2)
    assert "“yesterday”不是日期" in usage

    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    refused = assert_one_line_error(cli("--db", seeded, "user", "list", "--user", "nobody", stdin=["x"]))
    assert refused == users.LOGIN_REFUSED
