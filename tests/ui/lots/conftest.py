"""What the lots page's tests share: the site and one change hub."""

from __future__ import annotations

import pytest

from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.lot_site import Site, build_site
from ui.shell.changes import ChangeHub


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


@pytest.fixture
def hub(qapp: object) -> ChangeHub:
    return ChangeHub()
