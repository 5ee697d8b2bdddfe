"""Alembic environment: always run on a connection handed in by persistence.schema (never from an ini)."""

from typing import Any

from alembic import context

from persistence import capa_tables, process_tables, qc_tables  # noqa: F401  (their tables join the same MetaData)
from persistence.tables import metadata

config = context.config
connection = config.attributes["connection"]


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Leave out of the comparison what the schema creates on another engine only (`Index(...).ddl_if(dialect=
    "postgresql")`): autogenerate does not read `ddl_if` itself."""
    ddl_if = getattr(obj, "_ddl_if", None)
    dialect = getattr(ddl_if, "dialect", None)
    if dialect is None:
        return True
    wanted = (dialect,) if isinstance(dialect, str) else tuple(dialect)
    return connection.dialect.name in wanted


context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
    transaction_per_migration=False,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
