"""pytest hooks for `@pytest.mark.req("ID", ...)` (VAL-1): every ID must be a requirement of the project's own
list (docs/validation/requirements.md), else the run stops before any test runs, naming the test and the ID.

With `--req-results FILE` the session also writes what ran as JSON: each test with its requirement IDs, its
outcome and, for a failure, the report in full; `batchtrace validate oq` builds the OQ report from it.

tests/conftest.py loads this module as a plugin; a throwaway project (tests/test_req_marks.py) can do the same.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.validation.requirements import REQUIREMENTS_FILE, load_requirements, unknown_ids
from domain.errors import ValidationError


def req_ids(item: pytest.Item) -> list[str]:
    """The requirement IDs a test names, in the order written; non-text arguments are kept for the error."""
    return [str(arg) if isinstance(arg, str) else repr(arg)
            for mark in item.iter_markers("req") for arg in mark.args]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--req-results", metavar="FILE", default=None,
                     help="write each test's requirement IDs and result as JSON (for batchtrace validate oq)")


def pytest_configure(config: pytest.Config) -> None:
    target = config.getoption("req_results")
    if target:  # one writer per session: a session started inside a test (pytester) has its own
        config.pluginmanager.register(ResultsWriter(Path(target)), "req-results-writer")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    path = config.rootpath / REQUIREMENTS_FILE
    try:
        known = load_requirements(path)
    except ValidationError as error:
        raise pytest.UsageError(f"cannot check the @pytest.mark.req IDs: {error}") from None
    problems = []
    for item in items:
        if any(not mark.args for mark in item.iter_markers("req")):
            problems.append(f"{item.nodeid}: @pytest.mark.req without a requirement ID")
        bad = unknown_ids(req_ids(item), known)
        if bad:
            problems.append(f"{item.nodeid}: {', '.join(bad)}")
    if problems:
        raise pytest.UsageError(
            f"@pytest.mark.req names requirements that are not in {REQUIREMENTS_FILE.as_posix()}:\n  "
            + "\n  ".join(problems))


class ResultsWriter:
    """Collects what each test proved and how it ended; written when the session finishes."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.results: dict[str, dict[str, Any]] = {}
        self.started = datetime.now(UTC).isoformat(timespec="seconds")

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        self.results = {item.nodeid: {"nodeid": item.nodeid, "requirements": req_ids(item), "outcome": "not run",
                                      "duration": 0.0, "longrepr": ""} for item in items}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        entry = self.results.get(report.nodeid)
        if entry is None:
            return
        entry["duration"] += report.duration
        if report.when == "call" or not report.passed:
            outcome = "error" if report.failed and report.when != "call" else report.outcome
            if entry["outcome"] in ("not run", "passed") or outcome in ("failed", "error"):
                entry["outcome"] = outcome
        if report.failed:
            entry["longrepr"] += f"[{report.when}]\n{report.longreprtext}\n"

    def pytest_sessionfinish(self, exitstatus: int) -> None:
        run = {"started": self.started, "command": " ".join(["pytest", *sys.argv[1:]]), "exit_status": int(exitstatus),
               "tests": list(self.results.values())}
        self.target.write_text(json.dumps(run, indent=1), encoding="utf-8")
