"""`dev.py`, the set-up contract's two commands: the window system libraries a fresh Debian/Ubuntu desktop lacks
are all found at once and named as Debian packages, and switching between `run` and `check` does not reinstall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dev

LDD_FRESH_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


@pytest.mark.req("GEN-1")
def test_every_library_ldd_cannot_resolve_is_named_once_with_its_debian_package() -> None:
    missing = dev.not_found(LDD_FRESH_DEBIAN)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4"]
    assert sorted({dev.debian_package(name) for name in missing}) == [
        "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"]


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),  # loaded by Qt at run time: ldd never names it
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libbrotlidec.so.1", "libbrotli1"),  # lrelease's, missing on a minimal Debian 12
    ("libbrotlicommon.so.1", "libbrotli1"),
])
def test_debian_package_names(soname: str, package: str) -> None:
    assert dev.debian_package(soname) == package


@pytest.fixture
def venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """A fake .venv whose interpreter exists; `sh` records the commands instead of running pip."""
    python = tmp_path / "bin" / "python"
    python.parent.mkdir()
    python.write_text("")
    monkeypatch.setattr(dev, "PY", python)
    monkeypatch.setattr(dev, "STAMP", tmp_path / ".batchtrace-installed")
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(dev, "sh", lambda *args, **_kw: calls.append(tuple(str(a) for a in args)))
    return calls


def installs(calls: list[tuple[str, ...]]) -> list[str]:
    return [call[-1] for call in calls if "install" in call and "-e" in call]


def test_switching_between_run_and_check_installs_once_each_way(venv: list[tuple[str, ...]]) -> None:
    dev.ensure_venv("[dev]")  # check
    dev.ensure_venv("")  # run: the development install already holds everything run needs
    dev.ensure_venv("[dev]")  # check again
    assert installs(venv) == [".[dev]"]
    assert json.loads(dev.STAMP.read_text())["extras"] == ["dev"]


def test_run_first_then_check_adds_the_tools_and_a_changed_pyproject_reinstalls(
        venv: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    dev.ensure_venv("")
    dev.ensure_venv("[dev]")
    dev.ensure_venv("")
    assert installs(venv) == [".", ".[dev]"]
    changed = tmp_path / "root"
    changed.mkdir()
    (changed / "pyproject.toml").write_text("[project]\nname = 'changed'\n")
    monkeypatch.setattr(dev, "ROOT", changed)
    dev.ensure_venv("")
    assert installs(venv)[-1] == ".[dev]"  # a new pyproject.toml is installed again, keeping the tools
