"""GEN-6: every user-visible string in ui/ goes through tr(), so that it can be translated."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"
TEXT_SETTERS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setTitle", "show_error", "show_info",
    "showMessage", "addMenu", "addRow", "setStatusTip", "critical", "warning", "information", "question",
}
TEXT_WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QAction", "QGroupBox", "QRadioButton", "QMessageBox"}


def untranslated(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        on_logger = isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") in {"log", "logging"}
        if name not in TEXT_SETTERS | TEXT_WIDGETS or on_logger:  # log lines are for the developer, in English
            continue
        for arg in node.args:
            # a symbol alone ("×", "—") reads the same in every language
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and any(
                c.isalpha() for c in arg.value)
            if literal or isinstance(arg, ast.JoinedStr):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(arg)[:60]}")
    return found


@pytest.mark.req("GEN-6")
def test_no_user_visible_literal_bypasses_tr() -> None:
    problems = [problem for path in sorted(UI.rglob("*.py")) for problem in untranslated(path)]
    assert not problems, "\n".join(problems)
