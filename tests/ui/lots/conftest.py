"""What the lots page's tests share: the site (lot_site) and one change hub."""

from __future__ import annotations

import pytest

from tests.ui.lot_site import site_fixture  # noqa: F401  (the site fixture)
from ui.shell.changes import ChangeHub


@pytest.fixture
def hub(qapp: object) -> ChangeHub:
    return ChangeHub()
