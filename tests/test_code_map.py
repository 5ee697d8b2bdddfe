"""docs/code-map.md leads a newcomer from a screen or an action to its code in one hop: every ui module path it
names exists, and every use case it names (`app.module.function`, or `app.module.Class.method`) is there."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE_MAP = ROOT / "docs" / "code-map.md"
NAMED = re.compile(r"`([^`]+)`")


def named() -> list[str]:
    return NAMED.findall(CODE_MAP.read_text(encoding="utf-8"))


def resolves(dotted: str) -> bool:
    """Import the longest module prefix of `dotted`, then find the rest as attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


def test_every_module_path_in_the_code_map_exists() -> None:
    paths = [name for name in named() if name.endswith(".py")]
    assert len(paths) > 40, "the map names the screens and actions"
    assert [p for p in paths if not (ROOT / p).is_file()] == []


def test_every_use_case_in_the_code_map_exists() -> None:
    use_cases = [name for name in named() if name.startswith("app.")]
    assert len(use_cases) > 40
    assert [u for u in use_cases if not resolves(u)] == []
