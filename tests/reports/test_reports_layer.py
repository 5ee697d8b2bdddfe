"""reports/ may use Qt's painting and PDF classes (QtGui, QtCore), never widgets: import-linter squashes
external packages to their top level, so this test checks the submodules itself."""

from __future__ import annotations

import ast
from pathlib import Path

import reports


def test_reports_never_import_qt_widgets() -> None:
    found = []
    for path in Path(reports.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.name}: {n}" for n in names if n.startswith(("PySide6.QtWidgets", "PySide6.QtPrint"))]
    assert found == []
