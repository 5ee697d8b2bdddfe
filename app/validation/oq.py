"""The operational qualification (VAL-1): run the requirement-tagged tests of this version and write the OQ
report: environment, each requirement with its tests and their results, the traceability matrix
requirement -> test -> result, every failure in full, and signature lines for reviewer and approver.

The tests run in a separate pytest process (`-m req`, the test session's `--req-results FILE` writes what ran,
with each test's requirement IDs; tests/req_marks.py). A requirement with no passing test is NOT VERIFIED, one
with a failed test FAILED; both are shown in red.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import app
from app.validation.documents import environment, number_stamp, signature_section, utc_now
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
    not_verified: int  # NOT VERIFIED or FAILED
    requirements_failed: int


@dataclass(frozen=True)
class OqRun:
    requirements: dict[str, Requirement]
    results: tuple[TestResult, ...]
    command: str
    started: str
    exit_status: int
    environment: tuple[tuple[str, str], ...]  # where the tests ran, as the run recorded it

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
                       outcomes.count("skipped"), statuses.count(VERIFIED), len(statuses) - statuses.count(VERIFIED),
                       statuses.count(FAILED))


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
    return OqRun(requirements, _results(raw), " ".join(["pytest", *command[3:]]), started, done.returncode,
                 _environment(raw))


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
    return OqRun(requirements, results, f"{command} (results read from {Path(results_file).name})", started, status,
                 _environment(raw))


def _environment(raw: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    recorded = raw.get("environment")
    if not isinstance(recorded, list) or not recorded:
        return (("Recorded", "not recorded by this run (results written before the runs recorded it)"),)
    return tuple((str(name), str(value)) for name, value in recorded)


def _outcomes(tests: list[TestResult]) -> str:
    """'3 of 4 passed, 1 skipped': how the requirement's tests ended."""
    if not tests:
        return "no test"
    counts: dict[str, int] = {}
    for test in tests:
        counts[test.outcome] = counts.get(test.outcome, 0) + 1
    passed = counts.pop("passed", 0)
    return ", ".join([f"{passed} of {len(tests)} passed", *(f"{n} {outcome}" for outcome, n in sorted(counts.items()))])


def _results(raw: dict[str, Any]) -> tuple[TestResult, ...]:
    return tuple(TestResult(r["nodeid"], tuple(r["requirements"]), r["outcome"], float(r["duration"]),
                            r["longrepr"]) for r in raw["tests"])


def oq_document(run: OqRun) -> Document:
    summary = run.summary()
    requirement_rows = tuple((rid, req.text, req.verified_by, _outcomes(run.tests_of(rid)), run.status(rid))
                             for rid, req in run.requirements.items())
    matrix_rows: list[tuple[str, str, str]] = []
    for rid in run.requirements:
        tests = run.tests_of(rid)
        matrix_rows += [(rid, test.nodeid, test.outcome) for test in tests] or [(rid, "(no test)", NOT_VERIFIED)]
    failures = [r for r in run.results if r.outcome in ("failed", "error")]
    skipped = [r for r in run.results if r.outcome in ("skipped", "not run")]
    unknown = sorted({rid for r in run.results for rid in r.requirements} - run.requirements.keys())
    sections = [
        Section("Test run", (Fields((
            ("Test command", run.command), ("Started (UTC)", run.started), ("pytest exit status", str(run.exit_status)),
            *run.environment)),)),
        Section("Report generated", (environment(),)),
        Section("Summary", (Fields((
            ("Requirements", str(len(run.requirements))), ("Verified", str(summary.verified)),
            ("FAILED", str(summary.requirements_failed)),
            ("NOT VERIFIED", str(summary.not_verified - summary.requirements_failed)),
            ("Tests run", str(summary.tests)), ("Passed", str(summary.passed)), ("Failed", str(summary.failed)),
            ("Skipped or not run", str(len(skipped))))),
            Paragraph("A requirement is verified when at least one of its tests passed and none failed; one without "
                      "a passing test is NOT VERIFIED, one with a failed test FAILED (red). A skipped test verifies "
                      "nothing.", emphasis=False),
            *([Paragraph(f"Tests name IDs outside the requirements list: {', '.join(unknown)}", emphasis=True)]
              if unknown else []))),
        Section("Requirements", (Table(("ID", "Requirement", "Verified by", "Tests", "Result"),
                                       requirement_rows, widths=(8, 45, 20, 14, 13),
                                       failed=frozenset(i for i, row in enumerate(requirement_rows)
                                                        if row[4] != VERIFIED)),)),
        Section("Traceability matrix", (Table(("Req. ID", "Test", "Result"), tuple(matrix_rows),
                                              widths=(11, 74, 15),
                                              failed=frozenset(i for i, row in enumerate(matrix_rows)
                                                               if row[2] not in ("passed", "skipped"))),)),
        Section("Failures", tuple(block for failure in failures for block in (
            Paragraph(f"{failure.nodeid} ({', '.join(failure.requirements)}): {failure.outcome}", emphasis=True),
            Paragraph(failure.longrepr, preformatted=True))) or (Paragraph("No test failed."),)),
        Section("Skipped and not run", tuple(
            Paragraph(f"{test.nodeid} ({', '.join(test.requirements)}): {test.outcome}"
                      + (f": {test.longrepr.strip()}" if test.longrepr.strip() else "")) for test in skipped)
            or (Paragraph("Every test ran."),)),
        signature_section(("Executed by", "Reviewed by", "Approved by")),
    ]
    return frame(DocumentKind.OQ_REPORT, "Operational qualification (OQ) report with traceability matrix", sections,
                 subject=f"{batchtrace_version()}-{number_stamp(run.started)}", generated=utc_now())
