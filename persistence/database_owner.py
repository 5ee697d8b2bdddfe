"""Who holds the database itself (ACC-7 recovery): the owner of the tables on PostgreSQL, whoever can write the
file on SQLite. Only that person may recover a locked-out last administrator, outside the users' own rights."""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path

from sqlalchemy import Engine, text


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def owner_identity(engine: Engine) -> tuple[bool, str]:
    """(is the connection the database owner's, who it is as the audit trail names them)."""
    station = f"OS user {_os_user()} at {socket.gethostname()}"
    if engine.url.get_backend_name() == "sqlite":
        # One desktop: the file's owner holds the database whatever BatchTrace does; writing the file is the test.
        path = Path(engine.url.database or "").expanduser()
        return os.access(path, os.W_OK), f"{station}, writing the SQLite file"
    with engine.connect() as connection:
        role, owner, is_super, member = connection.execute(text(
            "SELECT current_user, t.tableowner, r.rolsuper, pg_has_role(current_user, t.tableowner, 'MEMBER') "
            "FROM pg_tables t JOIN pg_roles r ON r.rolname = current_user "
            "WHERE t.schemaname = current_schema() AND t.tablename = 'users'"
        )).one()
    return bool(is_super or member or role == owner), f"{station}, PostgreSQL role {role}"
