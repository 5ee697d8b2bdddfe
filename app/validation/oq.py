"""The operational qualification (VAL-1): run the requirement-tagged tests of this version and write the OQ
report: environment, each requirement with its tests and their results, the traceability matrix
requirement -> test -> result, every failure in full, and signature lines for reviewer and approver.

The tests run in a separate pytest process (`-m req`, the test session's `--req-results FILE` writes what ran,
with each test's requirement IDs; tests/req_marks.py). A requirement with no passing test is NOT VERIFIED, one
with a failed test FAILED; both are shown in red.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import app
from app.validation.documents import environment, signature_section, utc_now
from app.validation.documents import validation_document as frame
from app.validation.requirements import REQUIREMENTS_FILE, Requirement, load_requirements
from domain.documents import Document, DocumentKind, Fields, Paragraph, Section, Table
from domain.errors import ValidationError
from domain.i18n import _
from domain.version import batchtrace_version

VERIFIED, NOT_VERIFIED, FAILED = "verified", "NOT VERIFIED", "FAILED"


@dataclass(frozen=True)
class TestResult:
    nodeid: str
    requirements: tuple[str, ...]
    outcome: str  # passed | failed | error | skipped
    duration: float
    longrepr: str


@dataclass(frozen=True)
class Summary:
    tests: int
    passed: int
    failed: int
    skipped: int
    verified: int
    not_verified: int


@dataclass(frozen=True)
class OqRun:
    requirements: dict[str, Requirement]
    results: tuple[TestResult, ...]
    command: str
    started: str
    exit_status: int

    def tests_of(self, rid: str) -> list[TestResult]:
        return [r for r in self.results if rid in r.requirements]

    def status(self, rid: str) -> str:
        tests = self.tests_of(rid)
        if any(t.outcome in ("failed", "error") for t in tests):
            return FAILED
        return VERIFIED if any(t.outcome == "passed" for t in tests) else NOT_VERIFIED

    def summary(self) -> Summary:
        outcomes = [r.outcome for r in self.results]
        statuses = [self.status(rid) for rid in self.requirements]
        return Summary(len(outcomes), outcomes.count("passed"), outcomes.count("failed") + outcomes.count("error"),
                       outcomes.count("skipped"), statuses.count(VERIFIED), len(statuses) - statuses.count(VERIFIED))


def default_source() -> Path:
    """The source tree this package runs from (an editable install or a checkout), where tests/ lives."""
    return Path(app.__file__).resolve().parents[1]


def run_oq(source: Path, pytest_args: list[str]) -> OqRun:
    source = Path(source).resolve()
    if not (source / "tests").is_dir():
        raise ValidationError(_("no tests/ in {value}: the OQ runs the test suite of a BatchTrace source tree (give "
                                "--source DIR)", value=source))
    requirements = load_requirements(source / REQUIREMENTS_FILE)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "results.json"
        command = [sys.executable, "-m", "pytest", "-m", "req", "-p", "no:cacheprovider", "-q",
                   f"--req-results={out}", *pytest_args]
        started = utc_now()
        done = subprocess.run(command, cwd=source, capture_output=True, text=True, check=False)
        if not out.exists():
            tail = (done.stdout + done.stderr).strip().splitlines()[-15:]
            raise ValidationError(_("the test run stopped before it reported any result:\n{tail}",
                                    tail="\n".join(tail)))
        raw = json.loads(out.read_text(encoding="utf-8"))
    return OqRun(requirements, _results(raw), " ".join(["pytest", *command[3:]]), started, done.returncode)


def oq_of_finished_run(source: Path, results_file: Path) -> OqRun:
    """The OQ of a test run that already happened, e.g. the README's test command run with
    `--req-results FILE` (one run of the suite gives both the check and the report). The report names that run:
    its command, start and exit status, as the run wrote them."""
    source = Path(source).resolve()
    requirements = load_requirements(source / REQUIREMENTS_FILE)
    try:
        raw = json.loads(Path(results_file).read_text(encoding="utf-8"))
        results = _results(raw)
        command, started, status = str(raw["command"]), str(raw["started"]), int(raw["exit_status"])
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(_("cannot read the results {file}: {error}", file=results_file, error=error)) from None
    except (ValueError, KeyError, TypeError):
        raise ValidationError(_("{file} is not the results of a test run with --req-results",
                                file=results_file)) from None
    return OqRun(requirements, results, f"{command} (results read from {Path(results_file).name})", started, status)


def _results(raw: dict[str, Any]) -> tuple[TestResult, ...]:
    return tuple(TestResult(r["nodeid"], tuple(r["requirements"]), r["outcome"], float(r["duration"]),
                            r["longrepr"]) for r in raw["tests"])


def oq_document(run: OqRun) -> Document:
    summary = run.summary()
    requirement_rows = []
    for rid, req in run.requirements.items():
        tests = run.tests_of(rid)
        passed = sum(t.outcome == "passed" for t in tests)
        requirement_rows.append((rid, req.text, req.verified_by, f"{passed} of {len(tests)} passed",
                                 run.status(rid)))
    matrix_rows = []
    for rid in run.requirements:
        tests = run.tests_of(rid)
        matrix_rows += [(rid, test.nodeid, test.outcome) for test in tests] or [(rid, "(no test)", NOT_VERIFIED)]
    failures = [r for r in run.results if r.outcome in ("failed", "error")]
    unknown = sorted({rid for r in run.results for rid in r.requirements} - run.requirements.keys())
    sections = [
        Section("Environment", (environment(), Fields((
            ("Test command", run.command), ("Started (UTC)", run.started), ("pytest exit status", str(run.exit_status)),
            ("Python executable", f"{sys.executable} ({platform.python_version()})"))))),
        Section("Summary", (Fields((
            ("Requirements", str(len(run.requirements))), ("Verified", str(summary.verified)),
            ("Not verified or failed", str(summary.not_verified)), ("Tests run", str(summary.tests)),
            ("Passed", str(summary.passed)), ("Failed", str(summary.failed)), ("Skipped", str(summary.skipped)))),
            Paragraph("A requirement is verified when at least one of its tests passed and none failed; one without "
                      "a passing test is NOT VERIFIED, one with a failed test FAILED (red).", emphasis=False),
            *([Paragraph(f"Tests name IDs outside the requirements list: {', '.join(unknown)}", emphasis=True)]
              if unknown else []))),
        Section("Requirements", (Table(("ID", "Requirement", "Verified by", "Tests", "Result"),
                                       tuple(requirement_rows), widths=(8, 47, 20, 12, 13),
                                       failed=frozenset(i for i, row in enumerate(requirement_rows)
                                                        if row[4] != VERIFIED)),)),
        Section("Traceability matrix", (Table(("Requirement", "Test", "Result"), tuple(matrix_rows),
                                              widths=(12, 73, 15),
                                              failed=frozenset(i for i, row in enumerate(matrix_rows)
                                                               if row[2] not in ("passed", "skipped"))),)),
        Section("Failures", tuple(block for failure in failures for block in (
            Paragraph(f"{failure.nodeid} ({', '.join(failure.requirements)}): {failure.outcome}", emphasis=True),
            Paragraph(failure.longrepr))) or (Paragraph("No test failed."),)),
        signature_section(("Executed by", "Reviewed by", "Approved by")),
    ]
    return frame(DocumentKind.OQ_REPORT, "Operational qualification (OQ) report with traceability matrix", sections,
                 subject=f"{batchtrace_version()}-{run.started[:10]}", generated=utc_now())
