"""The Linux bundle, built once per test session with the README's command and installed by unpacking its .deb."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Installed:
    deb: Path
    root: Path  # where the .deb was unpacked: root/opt/batchtrace, root/usr/...

    @property
    def program(self) -> Path:
        return self.root / "opt" / "batchtrace" / "batchtrace"

    def run(self, *args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.program), *args], input=stdin, env=env, capture_output=True, text=True,
                              timeout=120, check=False)


@pytest.fixture(scope="session")
def installed_bundle(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    out = tmp_path_factory.mktemp("bundle")
    built = subprocess.run([sys.executable, str(ROOT / "installer" / "build_linux.py"), "--out", str(out / "dist"),
                            "--work", str(out / "work")], cwd=ROOT, capture_output=True, text=True, timeout=1200,
                           check=False)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    deb = next((out / "dist").glob("batchtrace_*_amd64.deb"))
    root = out / "installed"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return Installed(deb, root)


@pytest.fixture
def station_env(tmp_path: Path) -> dict[str, str]:
    """A new user's station: own config and data folders, offscreen Qt, nothing of the developer's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BATCHTRACE_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(BATCHTRACE_CONFIG_DIR=str(tmp_path / "config"), BATCHTRACE_DATA_DIR=str(tmp_path / "data"),
               QT_QPA_PLATFORM="offscreen")
    return env
