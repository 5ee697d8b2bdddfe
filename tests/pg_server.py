"""A throwaway PostgreSQL 15 cluster for the test session: initdb in a temp folder, loopback only.

initdb refuses to run as root, so as root the cluster is created and run as the `postgres` user. Given a
folder, the cluster is kept there instead (created on the first start, reused after, stopped cleanly): the
trace benchmark keeps its generated site that way (`benchmarks/trace_site.py --data`).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = [os.environ.get("BATCHTRACE_PG_BIN", ""), "/usr/lib/postgresql/15/bin"]


def find_bin() -> Path:
    for candidate in CANDIDATES:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError(
        "PostgreSQL 15 binaries not found (looked in /usr/lib/postgresql/15/bin and PATH; "
        "set BATCHTRACE_PG_BIN): 'python3 dev.py check' installs them on Debian"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, directory: Path | None = None) -> None:
        self.bin = find_bin()
        self.kept = directory is not None
        self.dir = Path(directory) if directory is not None else Path(tempfile.mkdtemp(prefix="batchtrace-pg-"))
        self.port = free_port()
        self.as_postgres = hasattr(os, "geteuid") and os.geteuid() == 0  # initdb refuses root

    def _run(self, *args: str) -> None:
        command = [str(a) for a in args]
        if self.as_postgres:
            import pwd  # POSIX only, like running as root

            pw = pwd.getpwnam("postgres")

            def demote() -> None:
                os.setgid(pw.pw_gid)
                os.setuid(pw.pw_uid)

            subprocess.run(command, check=True, capture_output=True, preexec_fn=demote, cwd="/")
        else:
            subprocess.run(command, check=True, capture_output=True)

    @property
    def exists(self) -> bool:
        """A cluster is already in the folder (a kept one, started before)."""
        return (self.dir / "data" / "PG_VERSION").exists()

    def start(self) -> PgServer:
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            import pwd

            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        data = self.dir / "data"
        if (data / "postmaster.pid").exists():
            raise RuntimeError(f"a server is already running on the cluster in {self.dir} (another run?): "
                               f"stop it first (pg_ctl -D {data} stop)")
        if not self.exists:
            self._run(self.bin / "initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                      "--no-sync", "--locale=C")
        self._run(
            self.bin / "pg_ctl", "-D", str(data), "-w", "-l", str(self.dir / "server.log"), "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start",
        )
        return self

    def stop(self) -> None:
        # a kept cluster stops cleanly (fsync is off: an immediate stop could lose what was written)
        mode = "fast" if self.kept else "immediate"
        try:
            self._run(self.bin / "pg_ctl", "-D", str(self.dir / "data"), "-m", mode, "stop")
        finally:
            if not self.kept:
                shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def admin_sql(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)  # type: ignore[arg-type]
