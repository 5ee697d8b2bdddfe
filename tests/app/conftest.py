"""Fixtures for the use-case tests; helpers are in tests/app/support.py."""

from __future__ import annotations

import pytest

from app.bootstrap import AppContext
from domain.users import Actor, Role
from tests.app.support import add_and_activate


@pytest.fixture
def clerk(ctx: AppContext, admin: Actor) -> Actor:
    """A logged-in user without administrator rights (Warehouse: no user management, no audit trail)."""
    return add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE}, printed_name="Wes Warehouse")
