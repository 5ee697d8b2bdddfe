"""The tamper suite (issue 9) reuses the command-line fixtures: each test is an attacker's raw SQL against a
seeded database on both engines, then `batchtrace audit verify` as a user would run it."""

import pytest

from tests.cli.conftest import cli, memory_keyring, seeded
from tests.cli.support import Cli

__all__ = ["cli", "demo_db", "memory_keyring", "seeded"]


@pytest.fixture
def demo_db(cli: Cli, db_url: str) -> str:
    """The demo site (lots in every status, batches, shipments), loaded through the real use cases."""
    result = cli("--db", db_url, "demo")
    assert result.code == 0, result
    return db_url
