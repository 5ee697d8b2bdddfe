"""GEN-6: every error message the rules (domain/) and use cases (app/) raise goes through `_()`, so that a Chinese
user, in the GUI or on the command line, reads it in Chinese; the twin of tests/ui/test_translatable.py."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("domain", "app")
# Messages that must stay English, each with its reason: none today. Add "path:line-free text start" entries
# here only for text that is part of a signed or validated record and is compared as English.
ALLOWED: frozenset[str] = frozenset()


def _is_text(node: ast.expr) -> bool:
    """A literal with letters, an f-string, or a concatenation holding one: English the reader cannot escape."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _is_text(node.func.value)
    return False


def untranslated(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
            continue
        func = node.exc.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if not (name.endswith("Error") or name.endswith("Refused")):
            continue
        message = ast.unparse(node.exc.args[0])[:60] if node.exc.args else ""
        where = path.relative_to(root).as_posix()
        if any(_is_text(arg) for arg in node.exc.args) and f"{where}:{message}" not in ALLOWED:
            found.append(f"{where}:{node.lineno}: {message}")
    return found


@pytest.mark.req("GEN-6")
def test_no_error_message_bypasses_translation() -> None:
    problems = [problem for folder in FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))
                for problem in untranslated(path)]
    assert not problems, "raise these through domain.i18n._():\n" + "\n".join(problems)


@pytest.mark.req("GEN-6")
def test_the_guard_sees_a_plain_message(tmp_path: Path) -> None:
    sample = tmp_path / "rules.py"
    sample.write_text('def f(x):\n    raise ValueError(f"bad {x}")\n\n\ndef g():\n    raise KeyError(_("fine"))\n\n\n'
                      'def h(message):\n    raise ValueError(message)\n', encoding="utf-8")
    assert untranslated(sample, tmp_path) == ["rules.py:2: f'bad {x}'"]


@pytest.mark.req("GEN-6")
def test_a_rule_refuses_in_the_readers_language() -> None:
    from app import i18n
    from domain.errors import ValidationError
    from domain.process import Limits, parse_value

    try:
        i18n.use_language(i18n.CHINESE)
        with pytest.raises(ValidationError) as refused:
            parse_value("abc", what="温度")
        assert str(refused.value) == "温度“abc”不是数字"
        with pytest.raises(ValidationError) as refused:
            Limits(Decimal("5"), Decimal("1"))
        assert str(refused.value) == "下限 5 高于上限 1"
    finally:
        i18n.use_language(i18n.ENGLISH)
    with pytest.raises(ValidationError, match=r"^lower limit 5 is above upper limit 1$"):
        Limits(Decimal("5"), Decimal("1"))
