"""GEN-6, INT-2: `batchtrace --help` and the --help of every command in the reader's language: Simplified Chinese
under zh_CN, argparse's own headings included; word for word today's English otherwise. Option names, metavars,
choices, codes and paths stay as they are typed."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from app.cli.help import width_of, wrapped
from app.cli.main import build_parser
from domain.numbering import DEFAULT_RULES
from domain.quantities import Unit

COLUMNS = 100
# Kept as they are in every language: the program's and products' names, unit symbols.
KEPT = {"batchtrace", "BatchTrace", "SQLite", "PostgreSQL", "pytest"} | {unit.value for unit in Unit}


def commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()
             ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command of the tree with the words that name it ((), ("change",), ("change", "open"), ...)."""
    yield words, parser
    for action in parser._actions:  # argparse keeps its arguments here; there is no public accessor
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*words, name))


def typed_words(parser: argparse.ArgumentParser) -> set[str]:
    """What is typed as it is in any language: command names and the choices of arguments."""
    typed: set[str] = set()
    for words, command in commands(parser):
        typed.update(words)
        typed.update(str(choice) for action in command._actions if action.choices is not None
                     and not isinstance(action, argparse._SubParsersAction) for choice in action.choices)
    return typed | set(DEFAULT_RULES)  # the scopes of number rules, typed as `numbering set --help` lists them


def english_left(text: str, typed: set[str]) -> list[str]:
    """The words of English in a help text: every run of ASCII letters that is not an option (--user), a metavar
    or abbreviation in capitals (ID, CSV), a code, path or value (CHG-1, sqlite:///PATH, FILE.csv, lot:L-1,
    max_failed_logins=4), a command name or choice, a name kept in every language, or made of these
    (batchtrace-YYYY-MM-DD)."""
    # values and commands shown in quotes (“audit anchor”), argparse's lists of choices ({effective,not effective})
    text = re.sub(r"'[^']*'|“[^”]*”|\{[^{}]*,[^{}]*\}", " ", text)
    left = []
    for run in re.findall(r"[!-~]+", text):
        word = run.strip(".,;:()[]\"'…")
        kept = word in typed or all(part.isupper() or part in typed or part in KEPT for part in re.split("[-|]", word))
        if not re.search("[A-Za-z]", word) or word.startswith("-") or re.search(r"[\d_.:,=/{%]", word) or kept:
            continue
        left.append(word)
    return left


@pytest.fixture
def columns(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("COLUMNS", str(COLUMNS))  # argparse wraps to the terminal's width
    return COLUMNS


@pytest.mark.req("GEN-6", "INT-2")
def test_every_help_is_chinese_under_zh_cn(cli, monkeypatch, columns):
    """Each command's --help through the entry point, walking the whole tree: no English word left outside option
    names, metavars, choices and codes; argparse's headings in Chinese; no line wider than the terminal."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    parser = build_parser()
    typed = typed_words(parser)
    helps = 0
    for words, command in commands(parser):
        result = cli(*words, "--help")
        assert result.code == 0 and result.err == "", (words, result)
        out = result.out
        assert out.startswith(f"用法：batchtrace {' '.join(words)}".rstrip()), out
        assert "\n选项：\n" in out and "  -h, --help" in out and "显示此帮助信息并退出" in out, out
        assert ("\n位置参数：\n" in out) == any(not a.option_strings and not isinstance(a, argparse._SubParsersAction)
                                            for a in command._actions), out
        if any(isinstance(a, argparse._SubParsersAction) for a in command._actions):
            assert "\n命令：\n" in out, out
        assert english_left(out, typed) == [], (words, english_left(out, typed), out)
        wide = [line for line in out.splitlines() if width_of(line) > columns and width_of(line) != len(line)]
        assert wide == [], (words, wide)
        helps += 1
    assert helps > 100  # (the whole tree was walked)


@pytest.mark.req("GEN-6", "INT-2")
def test_chinese_help_keeps_what_is_typed(cli, monkeypatch, columns):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    top = cli("--help").out
    assert "BatchTrace 批次追溯：管理与集成命令。" in top
    assert "\n命令：\n  COMMAND\n    db           数据库及其结构\n" in top
    assert "不带命令时，“batchtrace”（可加 --db URL）启动桌面应用。" in top  # %(prog)s filled in
    assert "--db URL       数据库：sqlite:///PATH 或 postgresql://user@host[:port]/db" in top
    opened = cli("change", "open", "--help").out
    assert "--class {Minor,Major,Critical}" in opened and "[--mbr PRODUCT:VERSION]" in opened
    assert "  --user ID             以此用户身份操作（会询问密码）" in opened
    assert "变更申请：经批准的变更使版本生效（CHG-1）" in cli("change", "--help").out
    assert "--to STATUS      “已放行”、“不合格”、“冻结”、“隔离”" in cli("lot", "status", "--help").out
    rule = cli("numbering", "set", "--help").out
    assert "'R{yy}{doy}-{seq:04}'；占位符 {item} {yyyy} {yy} {mm} {dd} {doy} {seq:0N}" in " ".join(rule.split())
    received = cli("lot", "receive", "--help").out
    assert "用法：batchtrace lot receive [-h]" in received
    # argparse aligns the usage's second line under the first argument, by the columns "用法：" takes
    first, second = received.splitlines()[:2]
    assert width_of(first[:first.index("[-h]")]) == len(second) - len(second.lstrip())


@pytest.mark.req("GEN-6", "INT-2")
def test_english_help_is_argparse_own(cli, monkeypatch, columns):
    """Under an English locale every command's --help is exactly what argparse's own formatter makes of it."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    parser = build_parser()
    for words, command in commands(parser):
        command.formatter_class = argparse.HelpFormatter
        assert cli(*words, "--help").out == command.format_help(), words
    top = cli("--help").out
    assert top.startswith("usage: batchtrace [-h] [--db URL] [--debug] [--version] COMMAND ...\n\n"
                          "BatchTrace batch traceability: administration and integration commands.\n\noptions:\n"
                          "  -h, --help     show this help message and exit\n")
    assert "\ncommands:\n  COMMAND\n    db           the database and its schema\n" in top
    assert "Without a command, 'batchtrace' (optionally with --db URL) starts the desktop application." in top
    assert "  --user ID             who you are (asks for the password)" in cli("change", "open", "--help").out
    assert '--to STATUS      "Released", "Rejected", "On hold", "Quarantine"' in cli("lot", "status", "--help").out
    assert "positional arguments:\n  LOT\n" in cli("lot", "status", "--help").out


def test_chinese_text_is_wrapped_by_its_width_on_the_terminal():
    assert wrapped("数据库：sqlite:///PATH 或 postgresql://user@host/db（默认：BATCHTRACE_DB）", 25) == [
        "数据库：sqlite:///PATH 或", "postgresql://user@host/db", "（默认：BATCHTRACE_DB）"]
    assert wrapped("原因（记入审计追踪）", 10) == ["原因（记入", "审计追踪）"]  # never a line starting with '）'
    assert wrapped("一二三四五，六七", 10) == ["一二三四", "五，六七"]  # "，" stays with what it closes
