"""The .deb built by installer/build_linux.py installs a bundle that runs on its own (VAL-3): the version, the
database, and offscreen the desktop app up to its log-in window."""

from __future__ import annotations

import importlib.util
import subprocess
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import docx
import pytest

from tests.conftest import ADMIN_PASSWORD
from tests.installer.conftest import ROOT, Installed


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

    # A new station's first start from the desktop entry asks to create its database (the probe declines).
    first = installed_bundle.run(env={**station_env, "BATCHTRACE_STARTUP_PROBE": "1"})
    assert "startup-probe window-name databaseUpgradeQuestion" in first.stdout, first.stdout + first.stderr
    assert first.returncode == 2 and "The database was left as it is" in first.stderr

    upgraded = installed_bundle.run("db", "upgrade", env=station_env)
    assert upgraded.returncode == 0, upgraded.stderr
    added = installed_bundle.run("user", "add", "admin", "--name", "Ada Admin", env=station_env,
                                 stdin=f"{ADMIN_PASSWORD}\n")
    assert added.returncode == 0, added.stderr

    # With an administrator in the database the first window is the log-in dialog; the probe closes it.
    gui = installed_bundle.run(env={**station_env, "BATCHTRACE_STARTUP_PROBE": "1"})
    assert gui.returncode == 0, gui.stderr
    assert any(line.startswith("startup-probe window-shown ") for line in gui.stdout.splitlines()), gui.stdout
    assert "startup-probe window-title BatchTrace: log in" in gui.stdout
    assert "Traceback" not in gui.stderr


@pytest.mark.req("VAL-3", "GEN-6")
def test_the_installed_bundle_speaks_chinese_on_a_chinese_station(
        installed_bundle: Installed, station_env: dict[str, str]) -> None:
    """The bundle carries the translations: the command line's messages (read from the .ts) and the widgets'
    (the compiled .qm). Without them the bundle stopped with a traceback on a Chinese desktop."""
    chinese = {**station_env, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    assert installed_bundle.run("db", "upgrade", env=chinese).returncode == 0
    added = installed_bundle.run("user", "add", "admin", "--name", "Ada Admin", env=chinese,
                                 stdin=f"{ADMIN_PASSWORD}\n")
    assert added.returncode == 0, added.stderr
    refused = installed_bundle.run("user", "deactivate", "nobody", "--reason", "x", "--user", "admin", env=chinese)
    assert refused.returncode != 0
    assert "标准输入缺少此行" in refused.stderr, refused.stderr  # no password on standard input, in Chinese

    gui = installed_bundle.run(env={**chinese, "BATCHTRACE_STARTUP_PROBE": "1"})
    assert gui.returncode == 0, gui.stderr
    assert "startup-probe window-name loginDialog" in gui.stdout, gui.stdout + gui.stderr
    assert "startup-probe window-title BatchTrace：登录" in gui.stdout, gui.stdout


@pytest.mark.req("VAL-2", "VAL-3")
def test_iq_of_the_installed_bundle_passes_and_names_an_altered_file(
        installed_bundle: Installed, station_env: dict[str, str], tmp_path: Path) -> None:
    assert installed_bundle.run("db", "upgrade", env=station_env).returncode == 0
    added = installed_bundle.run("user", "add", "admin", "--name", "Ada Admin", env=station_env,
                                 stdin=f"{ADMIN_PASSWORD}\n")
    assert added.returncode == 0, added.stderr
    report = tmp_path / "iq.docx"
    fresh = installed_bundle.run("validate", "iq", "--out", str(report), env=station_env)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert "IQ PASSED" in fresh.stdout
    assert "PASS  Installed files" in fresh.stdout
    assert "no metadata" not in fresh.stdout  # every library's version is known
    checks = next(t for t in docx.Document(str(report)).tables if t.rows[0].cells[0].text == "Check")
    assert {row.cells[1].text for row in checks.rows[1:]} == {"PASS"}

    altered = installed_bundle.root / "opt" / "batchtrace" / "_internal" / "docs" / "validation" / "requirements.md"
    original = altered.read_bytes()
    try:
        altered.write_bytes(original + b"\n| GEN-99 | added after the build | OQ |\n")
        failed = installed_bundle.run("validate", "iq", env=station_env)
    finally:
        altered.write_bytes(original)
    assert failed.returncode == 1
    assert "IQ FAILED" in failed.stdout
    assert "altered: _internal/docs/validation/requirements.md" in failed.stdout


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_linux", ROOT / "installer" / "build_linux.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.req("VAL-3")
def test_the_deb_depends_on_every_library_the_installed_bundle_takes_from_the_system(
        installed_bundle: Installed) -> None:
    """A fresh minimal Debian 12 with the first .deb's Depends lacked libGL.so.1, libxcb-icccm.so.4 and
    libxcb-keysyms.so.1: `apt install` succeeded and the desktop did not start. Here every library that the
    installed programs and libraries resolve outside /opt/batchtrace (or not at all on this host), as ldd sees
    them with the bundle's own library path, must come from a package the .deb depends on (or the C library)."""
    build = build_script()
    fields = subprocess.run(["dpkg-deb", "-f", str(installed_bundle.deb), "Depends", "Recommends"],
                            capture_output=True, text=True, check=True).stdout
    declared = dict(line.split(": ", 1) for line in fields.splitlines())
    depends = set(declared["Depends"].split(", "))
    # never bundled (the graphics stack; fontconfig's configuration and fonts); the xcb libraries are bundled when
    # the build host has them (the build installs them as root), else in Depends: the loop below covers both
    assert {"libgl1", "libegl1", "libfontconfig1"} <= depends, depends
    assert declared["Recommends"] == "libgtk-3-0"

    needs = build.external_sonames(installed_bundle.root / "opt" / "batchtrace")
    assert "libGL.so.1" in needs  # the check does look outside the bundle
    assert not any("libqgtk3.so" in user for users in needs.values() for user in users)  # optional plugin
    for soname, users in sorted(needs.items()):
        package = build.package_of(soname)
        assert package is not None, f"{soname} (needed by {sorted(users)[0]}) has no package"
        assert package == "" or package in depends, f"{soname} comes from {package}, not in Depends"
    # the C library's names only: an empty package name is never a way to hide a library
    c_library = {"libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libresolv.so.2",
                 "libutil.so.1", "ld-linux-x86-64.so.2"}
    assert set(build.C_LIBRARY) == c_library
    # the names dev.py's rule gives are the packages a minimal Debian 12 installed in the clean-system check
    assert [build.package_of(n) for n in ("libGL.so.1", "libGLdispatch.so.0", "libxcb-icccm.so.4",
                                          "libxkbcommon-x11.so.0", "libdbus-1.so.3", "libcups.so.2")] == [
        "libgl1", "libglvnd0", "libxcb-icccm4", "libxkbcommon-x11-0", "libdbus-1-3", "libcups2"]
    assert build.package_of("libnew-thing.so.1") is None
