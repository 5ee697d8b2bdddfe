"""The .deb built by installer/build_linux.py installs a bundle that runs on its own (VAL-3): the version, the
database, and offscreen the desktop app up to its log-in window."""

from __future__ import annotations

import subprocess
from importlib.metadata import version

import pytest

from tests.conftest import ADMIN_PASSWORD
from tests.installer.conftest import Installed


@pytest.mark.req("VAL-3", "GEN-1")
def test_the_installed_bundle_prints_its_version_and_reaches_the_log_in_window(
        installed_bundle: Installed, station_env: dict[str, str]) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(installed_bundle.deb)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/batchtrace/batchtrace", "./opt/batchtrace/manifest.json", "./usr/bin/batchtrace",
                 "./usr/share/applications/batchtrace.desktop"):
        assert path in listing, path
    desktop = (installed_bundle.root / "usr/share/applications/batchtrace.desktop").read_text(encoding="utf-8")
    assert "Exec=/opt/batchtrace/batchtrace" in desktop

    shown = installed_bundle.run("--version", env=station_env)
    assert (shown.returncode, shown.stdout) == (0, f"batchtrace {version('batchtrace')}\n"), shown.stderr

    upgraded = installed_bundle.run("db", "upgrade", env=station_env)
    assert upgraded.returncode == 0, upgraded.stderr
    added = installed_bundle.run("user", "add", "admin", "--name", "Ada Admin", env=station_env,
                                 stdin=f"{ADMIN_PASSWORD}\n")
    assert added.returncode == 0, added.stderr

    # With an administrator in the database the first window is the log-in dialog; the probe closes it.
    gui = installed_bundle.run(env={**station_env, "BATCHTRACE_STARTUP_PROBE": "1"})
    assert gui.returncode == 0, gui.stderr
    assert any(line.startswith("startup-probe window-shown ") for line in gui.stdout.splitlines()), gui.stdout
    assert "Traceback" not in gui.stderr
