"""domain/ imports the standard library and itself, nothing else (the README's layering; import-linter has no
"standard library only" contract, so this test walks every import statement of every domain module)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import domain

DOMAIN = Path(domain.__file__).parent


def foreign_imports(source: str) -> list[str]:
    """The top-level packages `source` imports that are neither the standard library nor `domain`."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top != "domain" and top not in sys.stdlib_module_names and top != "__future__":
                found.append(name)
    return found


def test_every_domain_module_imports_only_the_standard_library() -> None:
    modules = sorted(DOMAIN.rglob("*.py"))
    assert len(modules) > 10  # the walk found the package
    offenders = {str(path.relative_to(DOMAIN)): foreign_imports(path.read_text(encoding="utf-8"))
                 for path in modules}
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_check_names_third_party_imports_anywhere_in_a_module() -> None:
    source = (
        "import json, numpy\n"
        "from decimal import Decimal\n"
        "from domain.lots import Lot\n"
        "def f():\n"
        "    from sqlalchemy.orm import Session\n"
        "    import PySide6.QtCore\n"
        "    from . import sibling\n"
    )
    assert foreign_imports(source) == ["numpy", "sqlalchemy.orm", "PySide6.QtCore"]
