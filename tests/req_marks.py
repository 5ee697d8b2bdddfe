"""pytest hooks for `@pytest.mark.req("ID", ...)` (VAL-1): every ID must be a requirement of the project's own
list (docs/validation/requirements.md), else the run stops before any test runs, naming the test and the ID.

With `--req-results FILE` the session also writes what ran as JSON: each test with its requirement IDs, its
outcome and, for a failure, the report in full; `batchtrace validate oq` builds the OQ report from it.

tests/conftest.py loads this module as a plugin; a throwaway project (tests/test_req_marks.py) can do the same.
"""

from __future__ import annotations

import json
import platform
import socket
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.validation.documents import library_versions
from app.validation.requirements import REQUIREMENTS_FILE, load_requirements, unknown_ids
from domain.errors import ValidationError
from domain.version import batchtrace_version


def req_ids(item: pytest.Item) -> list[str]:
    """The requirement IDs a test names, in the order written; non-text arguments are kept for the error."""
    return [str(arg) if isinstance(arg, str) else repr(arg)
            for mark in item.iter_markers("req") for arg in mark.args]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--req-results", metavar="FILE", default=None,
                     help="write each test's requirement IDs and result as JSON (for batchtrace validate oq)")


def pytest_configure(config: pytest.Config) -> None:
    target = config.getoption("req_results")
    if target and not hasattr(config, "workerinput"):  # one writer per session, the controller's under xdist
        # (a session started inside a test, pytester, has its own)
        config.pluginmanager.register(ResultsWriter(Path(target), config.rootpath), "req-results-writer")


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
    for item in items:  # carried on each report, so the results writer knows them under xdist too
        item.user_properties.append(("requirements", req_ids(item)))


class ResultsWriter:
    """Collects what each test proved and how it ended; written when the session finishes."""

    def __init__(self, target: Path, root: Path) -> None:
        self.target = target
        self.results: dict[str, dict[str, Any]] = {}
        self.started = datetime.now(UTC).isoformat(timespec="seconds")
        self.environment = run_environment(root)

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        self.results = {item.nodeid: {"nodeid": item.nodeid, "requirements": req_ids(item), "outcome": "not run",
                                      "duration": 0.0, "longrepr": ""} for item in items}

    def pytest_deselected(self, items: list[pytest.Item]) -> None:
        """Deselected tests (`-m req` leaves out the untagged ones) were never part of the run: an OQ listed each
        as "not run" when this hook came after the collection hook above."""
        for item in items:
            self.results.pop(item.nodeid, None)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        entry = self.results.get(report.nodeid)
        if entry is None:  # collected by an xdist worker: the controller learns the test from its report
            requirements = dict(report.user_properties).get("requirements")
            if requirements is None:
                return
            entry = self.results[report.nodeid] = {"nodeid": report.nodeid, "requirements": list(requirements),
                                                   "outcome": "not run", "duration": 0.0, "longrepr": ""}
        entry["duration"] += report.duration
        if report.when == "call" or not report.passed:
            outcome = "error" if report.failed and report.when != "call" else report.outcome
            if entry["outcome"] in ("not run", "passed") or outcome in ("failed", "error"):
                entry["outcome"] = outcome
        if report.failed:
            entry["longrepr"] += f"[{report.when}]\n{report.longreprtext}\n"
        elif report.skipped:  # why, for the report: ('file', line, 'Skipped: reason')
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longreprtext
            entry["longrepr"] = str(reason).removeprefix("Skipped: ")

    def pytest_sessionfinish(self, exitstatus: int) -> None:
        run = {"started": self.started, "command": " ".join(["pytest", *sys.argv[1:]]), "exit_status": int(exitstatus),
               "environment": self.environment, "tests": list(self.results.values())}
        self.target.write_text(json.dumps(run, indent=1), encoding="utf-8")


def run_environment(root: Path) -> list[list[str]]:
    """Where the tests ran, for the OQ report: the code (version and source revision), the machine, Python, the
    libraries and the database engines. Recorded by the run, so a report made later elsewhere still names it."""
    return [
        ["BatchTrace version", batchtrace_version()],
        ["Source revision", _git_revision(root)],
        ["Computer", socket.gethostname()],
        ["Operating system", platform.platform()],
        ["Python", f"{platform.python_version()} ({platform.python_implementation()}) {sys.executable}"],
        ["Libraries", library_versions()],
        ["SQLite library", sqlite3.sqlite_version],
        ["PostgreSQL server", _postgres_version()],
    ]


def _git_revision(root: Path) -> str:
    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)

    try:
        head = git("rev-parse", "HEAD")
        if head.returncode != 0:
            return "not a git checkout"
        changed = git("status", "--porcelain", "--untracked-files=no").stdout.strip()
    except OSError:
        return "unknown (no git on this machine)"
    return head.stdout.strip() + (" with uncommitted changes" if changed else "")


def _postgres_version() -> str:
    try:
        from tests.pg_server import find_bin

        shown = subprocess.run([str(find_bin() / "postgres"), "--version"], capture_output=True, text=True,
                               check=False)
    except (ImportError, RuntimeError, OSError) as error:  # no server binaries: the PostgreSQL tests cannot run
        return f"not found: {str(error).splitlines()[0] if str(error) else type(error).__name__}"
    return shown.stdout.strip() or shown.stderr.strip()
