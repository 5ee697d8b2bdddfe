"""The tamper suite (issue 9) reuses the command-line fixtures: each test is an attacker's raw SQL against a
seeded database on both engines, then `batchtrace audit verify` as a user would run it."""

from tests.cli.conftest import cli, memory_keyring, seeded

__all__ = ["cli", "memory_keyring", "seeded"]
