"""A version made effective through `batchtrace change ...` as the demo users do it (CHG-1): QC or Production
opens and submits, QA approves, QA Release gives the second approval, QA implements."""

from __future__ import annotations

from typing import Any

from tests.cli.test_lots import _as, _number


def effective_by_cli(cli: Any, url: str, record_type: str, key: str, version: int) -> str:
    requester = "qc" if record_type == "spec" else "prod"
    number = _number(_as(cli, url, requester, "change", "open", "--title", f"{key} v{version}", "--reason",
                         "into use", "--class", "Minor", f"--{record_type}", f"{key}:{version}"))
    for user, command in ((requester, "submit"), ("qa", "approve"), ("rel", "approve"), ("qa", "implement")):
        done = _as(cli, url, user, "change", command, number)
        assert done.code == 0, done
    return number
