"""Schema revisions: upgrade, downgrade, the current and required revision, and the refusal to run on a
schema this code does not know (GEN-3)."""

from __future__ import annotations

from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine

from domain.errors import SchemaMismatch


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", "persistence:migrations")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def state(engine: Engine) -> SchemaState:
    return SchemaState(current_revision(engine), head_revision())


def require_current(engine: Engine) -> SchemaState:
    found = state(engine)
    if found.up_to_date:
        return found
    script = ScriptDirectory.from_config(alembic_config())
    if found.current is None:
        raise SchemaMismatch(
            f"the database has no BatchTrace schema: run 'batchtrace db upgrade' (needs revision {found.head})"
        )
    try:
        script.get_revision(found.current)
    except CommandError:
        raise SchemaMismatch(
            f"the database schema is at revision {found.current}, newer than this BatchTrace knows "
            f"(up to {found.head}): install the BatchTrace version that wrote it"
        ) from None
    raise SchemaMismatch(
        f"the database schema is at revision {found.current}, this BatchTrace needs {found.head}: "
        "run 'batchtrace db upgrade'"
    )


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    before = current_revision(engine)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    return before, current_revision(engine)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def check(engine: Engine) -> None:
    """Raise if the mapped tables and the migrated schema differ (`alembic check`)."""
    with engine.begin() as connection:
        command.check(alembic_config(connection))
