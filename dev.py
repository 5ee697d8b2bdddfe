#!/usr/bin/env python3
"""Set-up contract: `python3 dev.py run` starts BatchTrace, `python3 dev.py check` runs every check.

Both create (or refresh) the local virtual environment `.venv` with what pyproject.toml lists, so a fresh
machine needs nothing but Python 3.11+. Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".batchtrace-installed"
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def sh(*args: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv(extras: str) -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PY.exists():
        return
    if not PY.exists():
        sh(sys.executable, "-m", "venv", VENV)
    sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(PY, "-m", "pip", "install", "--quiet", "-e", f".{extras}")
    STAMP.write_text(wanted)


def ensure_postgresql() -> None:
    """The PostgreSQL tests start their own throwaway server from these binaries (tests/pg_server.py)."""
    if (PG_BIN / "initdb").exists() or shutil.which("initdb") or os.environ.get("BATCHTRACE_PG_BIN"):
        return
    if sys.platform.startswith("linux") and shutil.which("apt-get") and os.geteuid() == 0:
        sh("apt-get", "update", "-qq")
        sh("apt-get", "install", "-y", "-qq", "postgresql-15")


def run(args: list[str]) -> None:
    ensure_venv("")
    batchtrace = BIN / ("batchtrace.exe" if os.name == "nt" else "batchtrace")
    sh(batchtrace, "demo", "--if-empty")
    os.execv(str(batchtrace), [str(batchtrace), *args]) if os.name != "nt" else sh(batchtrace, *args)


def check(args: list[str]) -> None:
    ensure_venv("[dev]")
    ensure_postgresql()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sh(BIN / "ruff", "check", ".", env=env)
    sh(BIN / "lint-imports", env=env)
    sh(BIN / "mypy", env=env)
    sh(PY, "-m", "pytest", "-p", "no:cacheprovider", *args, env=env)


if __name__ == "__main__":
    commands = {"run": run, "check": check}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("usage: python3 dev.py run | check [pytest args]")
    commands[sys.argv[1]](sys.argv[2:])
