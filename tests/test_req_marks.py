"""The requirement IDs on tests are checked against the project's requirements list (VAL-1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.validation.requirements import REQUIREMENTS_FILE, load_requirements, parse_requirements
from domain.errors import ValidationError

ROOT = Path(__file__).resolve().parents[1]

THROWAWAY_CONFTEST = 'pytest_plugins = ["tests.req_marks"]\n'
THROWAWAY_LIST = """\
## GEN: deployment
| ID | requirement | verified by |
|---|---|---|
| GEN-1 | Runs on one desktop. | OQ |
"""
KNOWN_TEST = """
import pytest

@pytest.mark.req("GEN-1")
def test_known():
    assert 1 + 1 == 2
"""


def throwaway_project(pytester: pytest.Pytester, tests: str) -> None:
    pytester.makeini("[pytest]\naddopts = --strict-markers\nmarkers =\n    req(id): requirement\n")
    pytester.makeconftest(THROWAWAY_CONFTEST)
    (pytester.path / "docs" / "validation").mkdir(parents=True)
    (pytester.path / REQUIREMENTS_FILE).write_text(THROWAWAY_LIST, encoding="utf-8")
    pytester.makepyfile(test_things=tests)


@pytest.mark.req("VAL-1")
def test_an_unknown_requirement_id_fails_the_run_naming_test_and_id(pytester: pytest.Pytester) -> None:
    throwaway_project(pytester, KNOWN_TEST + """
@pytest.mark.req("GEN-1", "GEN-99")
def test_misspelt():
    assert True
""")
    result = pytester.runpytest_inprocess()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*not in docs/validation/requirements.md*", "*test_things.py::test_misspelt: GEN-99"])
    assert "test_known:" not in result.stderr.str()
    result.assert_outcomes()  # nothing ran: the run stopped at collection


@pytest.mark.req("VAL-1")
def test_known_ids_run_normally_and_a_bare_marker_is_refused(pytester: pytest.Pytester) -> None:
    throwaway_project(pytester, KNOWN_TEST)
    pytester.runpytest_inprocess().assert_outcomes(passed=1)

    (pytester.path / "test_bare.py").write_text(
        "import pytest\n\n@pytest.mark.req\ndef test_bare():\n    assert True\n", encoding="utf-8")
    result = pytester.runpytest_inprocess()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*test_bare.py::test_bare: @pytest.mark.req without a requirement ID"])


@pytest.mark.req("VAL-1")
def test_the_projects_list_has_every_group_with_its_verification() -> None:
    requirements = load_requirements(ROOT / REQUIREMENTS_FILE)
    groups = {r.group for r in requirements.values()}
    assert groups == {"GEN", "ACC", "AUD", "SIG", "LOT", "TRC", "PRC", "QC", "DEV", "CHG", "DEVC", "DOC", "SYN",
                      "KPI", "INT", "VAL"}
    assert all(r.id.startswith(r.group + "-") for r in requirements.values())
    assert all(r.text and r.verified_by for r in requirements.values())
    assert "hash-chained" in requirements["AUD-3"].text


def test_a_repeated_or_empty_requirement_is_an_error_not_skipped() -> None:
    with pytest.raises(ValidationError, match="line 2: GEN-1 is listed twice"):
        parse_requirements("| GEN-1 | one | OQ |\n| GEN-1 | again | OQ |\n")
    with pytest.raises(ValidationError, match="GEN-2 has no requirement text"):
        parse_requirements("| GEN-2 |  | OQ |\n")
    with pytest.raises(ValidationError, match="lists no requirement"):
        parse_requirements("# nothing here\n")
