"""pytest hooks for `@pytest.mark.req("ID", ...)` (VAL-1): every ID must be a requirement of the project's own
list (docs/validation/requirements.md), else the run stops before any test runs, naming the test and the ID.

tests/conftest.py takes these hooks in; a throwaway project (tests/test_req_marks.py) can do the same.
"""

from __future__ import annotations

import pytest

from app.validation.requirements import REQUIREMENTS_FILE, load_requirements, unknown_ids
from domain.errors import ValidationError


def req_ids(item: pytest.Item) -> list[str]:
    """The requirement IDs a test names, in the order written; non-text arguments are kept for the error."""
    return [str(arg) if isinstance(arg, str) else repr(arg)
            for mark in item.iter_markers("req") for arg in mark.args]


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
