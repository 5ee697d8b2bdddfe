"""GEN-6: the command line speaks the language of LANG: its refusals in Simplified Chinese under zh_CN, values
(user IDs, names) as they were typed."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from typing import Any

import pytest

from app import i18n, users
from app.cli.main import build_parser
from domain.batches import BatchStatus
from domain.deviations import RootCause
from domain.errors import ValidationError
from domain.i18n import _, name
from domain.inputs import escaped, parse_percentage_text, parse_quantity_text, shown
from domain.items import ItemType
from domain.lots import LotStatus
from domain.process import EquipmentStatus, SensorKind, parse_value
from domain.quality import ResultType
from domain.signatures import Meaning
from domain.users import Role
from tests.cli.support import assert_one_line_error, sql


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


# --- no English word left in a Chinese refusal (issue 14): field names and choice lists are translated too ----

BAD_VALUES = ("x", "", " ", "-1", "0", "1e22", "1e999999", "NaN", "１２", "A\u202eB", "a b", "x" * 300, "2026-02-30",
              "99999999999999999999", "1.1234567", "bogus status")
# Kept as they are in every language: unit symbols and program names.
KEPT = {"kg", "mg", "mL", "cm", "pcs", "pytest"}


def english_words(message: str, typed: str) -> list[str]:
    """Words of English in `message` that are neither the user's own text nor a code: all-capital codes (GTIN,
    QC, YYYY-MM-DD, Unicode character names), option names (--user), values shown in ASCII quotes (what was typed,
    argparse's choices), unit symbols."""
    for data in sorted({typed, typed.strip(), escaped(typed), shown(typed), shown(typed.strip())}, key=len,
                       reverse=True):
        if data.strip():
            message = message.replace(f"“{data}”", " ")
            message = message.replace(data, " ") if len(data) > 2 else message
    # commands ("see 'batchtrace lot receive --help'"), options, quoted values, setting keys, {placeholders}
    message = re.sub(r"“batchtrace[^”]*”|--[\w-]+|'[^']*'|\w*_\w*|{\w+}", " ", message)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z/-]*[A-Za-z]", message) if not w.isupper() and w not in KEPT]


def _argument_types(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _argument_types(sub, (*words, name))
        elif callable(action.type) and action.dest not in ("db", "help"):
            yield f"{' '.join(words)} {action.option_strings[0] if action.option_strings else action.dest}", action.type


@pytest.mark.req("GEN-6", "INT-2")
def test_every_refused_argument_reads_in_chinese(monkeypatch):
    """Every argument type of every command, fed every kind of bad value under zh_CN: the refusal names the field
    and lists the choices in Chinese; only the typed value and codes stay as they are."""
    i18n.use_language(i18n.CHINESE)
    refusals = 0
    for where, parse in _argument_types(build_parser()):
        for typed in BAD_VALUES:
            try:
                parse(typed)
            except argparse.ArgumentTypeError as error:
                refusals += 1
                message = str(error)
                assert english_words(message, typed) == [], (where, typed, message)
    assert refusals > 300  # (every command's arguments were reached)


@pytest.mark.req("GEN-6")
def test_every_refused_choice_reads_in_chinese_and_is_typed_back_in_chinese():
    """The rules' lists of statuses and kinds ("use one of Quarantine, Released, ...") are given in Chinese, and a
    name from such a list is accepted as typed."""
    parsers = (LotStatus.parse, BatchStatus.parse, ItemType.parse, SensorKind.parse, EquipmentStatus.parse,
               ResultType.parse, Meaning.parse, RootCause.parse, Role.parse)
    i18n.use_language(i18n.CHINESE)
    for parse in parsers:
        with pytest.raises(ValidationError) as refused:
            parse("bogus")
        assert english_words(str(refused.value), "bogus") == [], str(refused.value)
        for value in parse.__self__:  # type: ignore[attr-defined]
            assert parse(_(value.value)) is value
            assert parse(name(value.value)) is value  # as the screens and one_of word it
            assert parse(value.value) is value  # the English name (scripts) still works
    assert SensorKind.parse("温度") is SensorKind.TEMPERATURE
    assert LotStatus.parse("已放行") is LotStatus.RELEASED and LotStatus.parse("不合格") is LotStatus.REJECTED
    with pytest.raises(ValidationError, match=r"：请使用 温度、湿度、压差 之一$"):
        SensorKind.parse("风速")
    for what, typed in (("quantity", "x"), ("tolerance", "200"), ("lower limit", "abc")):
        with pytest.raises(ValidationError) as refused:
            {"quantity": parse_quantity_text, "tolerance": parse_percentage_text}.get(
                what, lambda text, what: parse_value(text, what=what))(typed, what)
        assert english_words(str(refused.value), typed) == [], str(refused.value)


@pytest.mark.req("GEN-6", "INT-2")
def test_a_refused_argument_through_the_entry_point(cli, seeded, monkeypatch):
    """argparse's own frame ("argument --qty: ...") is Chinese too."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    refused = assert_one_line_error(cli("--db", seeded, "lot", "receive", "--item", "RES-1", "--supplier", "S1",
                                        "--supplier-lot", "SL1", "--qty", "x", "--unit", "kg", "--user", "admin"), 2)
    assert refused.startswith("参数 --qty：数量“x”不是数字"), refused
    assert english_words(refused, "x") == [], refused
    refused = assert_one_line_error(cli("--db", seeded, "lot", "status", "L1", "--to", "bogus", "--reason", "r",
                                        "--user", "admin"), 2)
    assert "：请使用 隔离、已放行、" in refused, refused  # the statuses as the screens word them
    assert english_words(refused, "bogus") == [], refused
    assert cli("--db", seeded, "lot", "status", "L1", "--to", "放行", "--reason", "r", "--user", "admin",
               stdin=["x"]).code == 1  # the Chinese name is read: the refusal is the log-in's, not the parser's
    missing = assert_one_line_error(cli("--db", seeded, "user", "list"), 2)
    assert english_words(missing, "") == [], missing


# --- the commands' own output (issue 14): headers, field names, status words and messages follow LANG -----------

SHOWN_IN_ENGLISH_BEFORE = (  # what these commands printed in English under zh_CN (user data aside)
    "STATUS", "QUANTITY", "ITEM", "NUMBER", "CUSTOMER", "DEPTH", "Released", "Quarantine", "QA review", "Open",
    "status ", "origin", "signatures:", "bill of materials", "material movements", "trace (", "customers to notify",
    "scope at opening", "audit trail intact", "record check", "IQ PASSED", "IQ FAILED", "releasable", "PASS ",
    "FAIL ", "within spec", "lot ", "batch ", "recall ", "deviation ", "(none)", "not effective", "on hand",
)


@pytest.mark.req("GEN-6", "INT-2")
def test_the_main_commands_print_in_chinese_under_zh_cn(cli, demo_db, monkeypatch, tmp_path):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.chdir(tmp_path)
    # the demo's numbers carry the day it was loaded (lot R26339-..., batch B2612-...): read them back
    lot = sql(demo_db, "SELECT lot_number FROM lots WHERE lot_number LIKE 'IM-BRL-05-%-001'")[0][0]
    first, review = (sql(demo_db, f"SELECT batch_number FROM batches WHERE batch_number LIKE '%-{n}'")[0][0]
                     for n in ("0001", "0013"))
    recall = sql(demo_db, "SELECT recall_number FROM recalls ORDER BY id")[0][0]
    deviation = sql(demo_db, "SELECT number FROM deviations ORDER BY id")[0][0]
    capa = sql(demo_db, "SELECT number FROM capas ORDER BY id")[0][0]
    commands = {
        ("lot", "show", lot): (f"物料批 {lot}", "状态", "电子签名："),
        ("batch", "show", review): (f"批次 {review}", "QA 审核", "物料清单：", "物料移动："),
        ("trace", first): ("反向追溯（来源）", "正向追溯（去向）", "层级", "已召回"),
        ("search", first[:5]): ("类型", "生产中"),
        ("recall", "show", recall): (f"召回 {recall}", "需通知的客户：", "通知客户"),
        ("qc", "worklist"): ("记录", "物料批"),
        ("deviation", "list"): ("偏差", "调查中"),
        ("deviation", "show", deviation): (f"偏差 {deviation}", "发起时间"),
        ("capa", "list"): ("纠正预防措施", "阶段"),
        ("capa", "show", capa): (f"纠正预防措施 {capa}", "有效性检查到期"),
        ("release", "evaluate", review): (f"批次 {review}（FD-IVC-20，QA 审核）：不可放行：2 条规则未通过",
                                          "  不通过  ", "  通过    "),
        ("audit", "verify"): ("审计追踪完整：", "记录检查："),
        ("validate", "iq"): ("数据库可连接", "审计链"),
    }
    for argv, chinese in commands.items():
        result = cli("--db", demo_db, *argv)
        assert result.code in (0, 1) and "Traceback" not in result.text, (argv, result)
        for text in chinese:
            assert text in result.out, (argv, text, result.out)
        for english in SHOWN_IN_ENGLISH_BEFORE:
            # user data may hold the word (a deviation's title); the program's own words are what is checked
            assert english not in _program_text(result.out), (argv, english, result.out)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert f"lot {lot}\n  item" in cli("--db", demo_db, "lot", "show", lot).out


def _program_text(out: str) -> str:
    """The output without the demo's user data in English (titles, descriptions, names, evidence lines)."""
    data = ("Seal temperature out of limits in step 2 of batch ", "Out of limits: CR8-T in CR-8 during batch",
            "Carton labels of batch ", "OOS: MFI 15.4 on lot ", "Supplier MFI test conditions",
            "Supplier complaint to POLYMED")
    lines = [line for line in out.splitlines() if not line.startswith("        ")]  # evidence of a release rule
    text = "\n".join(lines)
    for value in data:
        text = text.replace(value, "")
    return re.sub(r"(?m)^  (描述|原因|关联|物料|产品|内容)  .*$", "", text)  # free text and names


@pytest.mark.req("GEN-6", "INT-2")
def test_the_administration_commands_print_in_chinese_under_zh_cn(cli, tmp_path, monkeypatch):
    """db upgrade and db current: the administration messages follow LANG too (the same English otherwise)."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    url = f"sqlite:///{(tmp_path / 'zh.sqlite3').as_posix()}"
    upgraded = cli("--db", url, "db", "upgrade")
    assert upgraded.code == 0 and "已从 空 升级到" in upgraded.out, upgraded
    status = cli("--db", url, "db", "current")
    assert "数据库结构已是最新" in status.out and "当前版本：" in status.out, status
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "the schema is up to date" in cli("--db", url, "db", "current").out
