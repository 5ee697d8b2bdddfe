#!/usr/bin/env python3
"""Set-up contract: `python3 dev.py run` starts BatchTrace, `python3 dev.py check` runs every check.

Both create (or refresh) the local virtual environment `.venv` with what pyproject.toml lists, so a fresh
machine needs nothing but Python 3.11+. `run` also makes sure the window system libraries Qt needs are there
(on Debian/Ubuntu as root it installs them, else it names them all in one line). Both compile the translations
(translations/*.ts -> .qm); `python3 dev.py lupdate` extracts new strings into the .ts files. Standard library
only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
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
    """Install the project (with `extras`) unless this pyproject.toml is installed already with at least those
    extras: `check` installs the development tools, and a later `run` does not reinstall without them."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    wanted = {e for e in extras.strip("[]").split(",") if e}
    try:
        stamp = json.loads(STAMP.read_text())
        if PY.exists() and stamp["pyproject"] == digest and wanted <= set(stamp["extras"]):
            return
        wanted |= set(stamp["extras"])  # a reinstall keeps what was installed before (the tools of `check`)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    if not PY.exists():
        make_venv()
    sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(PY, "-m", "pip", "install", "--quiet", "-e", f".[{','.join(sorted(wanted))}]" if wanted else ".")
    STAMP.write_text(json.dumps({"pyproject": digest, "extras": sorted(wanted)}))


def make_venv() -> None:
    result = subprocess.run([sys.executable, "-m", "venv", str(VENV)], cwd=ROOT, capture_output=True, text=True)
    if result.returncode == 0:
        return
    shutil.rmtree(VENV, ignore_errors=True)
    if "ensurepip" in result.stdout + result.stderr and can_apt():  # Debian keeps venv in its own package
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        apt_install([f"python{version}-venv"])
        sh(sys.executable, "-m", "venv", VENV)
        return
    sys.exit(f"cannot create {VENV}: {(result.stderr or result.stdout).strip().splitlines()[-1]}\n"
             f"on Debian/Ubuntu: sudo apt-get install -y python3-venv")


def can_apt() -> bool:
    return sys.platform.startswith("linux") and bool(shutil.which("apt-get")) and os.geteuid() == 0


def apt_install(packages: list[str]) -> None:
    sh("apt-get", "update", "-qq")
    sh("apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages)


# --- the libraries Qt's window system plugin needs (Linux) ---------------------------------------------------
# Qt loads libxcb-cursor at run time (dlopen), so ldd cannot see it; everything else ldd reports.
QT_DLOPENED = ("libxcb-cursor.so.0",)
# Debian package names where the usual rule (libfoo.so.N -> libfooN, libfoo1.so.N -> libfoo1-N) does not hold.
DEBIAN_PACKAGES = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
                   "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
                   "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6", "libfreetype.so.6": "libfreetype6",
                   "libbrotlidec.so.1": "libbrotli1", "libbrotlicommon.so.1": "libbrotli1",
                   "libGLdispatch.so.0": "libglvnd0"}


def debian_package(soname: str) -> str:
    if soname in DEBIAN_PACKAGES:
        return DEBIAN_PACKAGES[soname]
    match = re.fullmatch(r"(lib[\w+.-]*?)\.so\.(\d+)", soname)
    if match is None:
        return soname
    stem, version = match.group(1).lower(), match.group(2)
    return f"{stem}-{version}" if stem[-1].isdigit() else f"{stem}{version}"


def not_found(ldd_output: str) -> list[str]:
    """The sonames `ldd` could not resolve."""
    return [line.split("=>")[0].strip() for line in ldd_output.splitlines() if "not found" in line]


def missing_qt_libraries(*, window: bool = True) -> list[str]:
    """Every shared library Qt's translation compiler (lrelease) and, with `window`, its xcb window plugin need and
    this machine lacks, found at once (not one per try)."""
    qt = next(iter((VENV / "lib").glob("python3*/site-packages/PySide6/Qt")), None)
    if qt is None or not shutil.which("ldd"):
        return []
    # lrelease compiles the translations at every start and build (on a minimal Debian 12 it lacked libglib-2.0 and
    # libbrotlidec); the rest is what the window needs
    binaries = [qt.parent / "lrelease"]
    if window:
        binaries += [qt / "plugins/platforms/libqxcb.so", qt / "lib/libQt6XcbQpa.so.6", qt / "lib/libQt6Gui.so.6",
                     qt / "lib/libQt6Widgets.so.6"]
    missing: list[str] = []
    for binary in binaries:
        if binary.exists():
            out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
            for name in not_found(out):
                if name not in missing:
                    missing.append(name)
    if window:
        known = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout if shutil.which(
            "ldconfig") else ""
        missing += [name for name in QT_DLOPENED if name not in known and name not in missing]
    return missing


def ensure_window_system() -> None:
    """A fresh Debian/Ubuntu desktop lacks some xcb libraries: install them all (root) or name them all."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] not in (
            "xcb", ""):
        return
    ensure_libraries(missing_qt_libraries(), "BatchTrace's window", "python3 dev.py run")


def ensure_translation_compiler(command: str) -> None:
    """A build needs lrelease to run (installer/build_linux.py); the window's libraries it bundles when present and
    otherwise names in the .deb's Depends."""
    if sys.platform.startswith("linux"):
        ensure_libraries(missing_qt_libraries(window=False), "Qt's translation compiler (lrelease)", command)


def ensure_libraries(missing: list[str], what: str, command: str) -> None:
    if missing:
        ensure_packages(sorted({debian_package(name) for name in missing}), what,
                        f"system libraries this machine lacks ({', '.join(missing)})", command)


def ensure_packages(packages: list[str], what: str, lacking: str, command: str) -> None:
    """Install Debian packages with apt-get as root, else stop naming them all in one line to run."""
    if not packages:
        return
    if can_apt():
        print(f"{what} needs {lacking}: installing {' '.join(packages)}", flush=True)
        apt_install(packages)
        return
    sys.exit(f"{what} needs {lacking}. Install them with:\n    sudo apt-get install -y {' '.join(packages)}\n"
             f"then run '{command}' again.")


def ensure_postgresql() -> None:
    """The PostgreSQL tests start their own throwaway server from these binaries (tests/pg_server.py)."""
    if (PG_BIN / "initdb").exists() or shutil.which("initdb") or os.environ.get("BATCHTRACE_PG_BIN"):
        return
    if can_apt():
        apt_install(["postgresql-15"])


# --- translations (GEN-6) -------------------------------------------------------------------------------
TRANSLATIONS = ROOT / "translations"
TRANSLATED = ("ui", "app", "domain")  # every tr() of the widgets, every _() of the rules and use cases
# _() translates like tr(); N_() marks a stored name (status, role, workflow step) for translation elsewhere.
# No line numbers, so that branches touching the same screens do not conflict on them.
LUPDATE_OPTIONS = ("-silent", "-tr-function-alias", "tr+=_,QT_TR_NOOP+=N_", "-locations", "none", "-no-obsolete")


def compile_translations() -> None:
    """Compile each translations/*.ts to the .qm Qt loads, when the .qm is missing or older (not kept in git)."""
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            sh(BIN / "pyside6-lrelease", "-silent", ts, "-qm", qm)


def lupdate(args: list[str]) -> None:
    """Extract the strings of ui/, app/ and domain/ into every translations/*.ts: new ones come in unfinished,
    vanished ones go."""
    ensure_venv("")
    sources = sorted(str(path.relative_to(ROOT)) for folder in TRANSLATED for path in (ROOT / folder).rglob("*.py"))
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        sh(BIN / "pyside6-lupdate", *LUPDATE_OPTIONS, *sources, *args, "-ts", ts.relative_to(ROOT))


def run(args: list[str]) -> None:
    ensure_venv("")
    compile_translations()
    ensure_window_system()
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                                                 or os.environ.get("QT_QPA_PLATFORM")):
        sys.exit("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it from a "
                 "desktop session, or set QT_QPA_PLATFORM=offscreen to try it without one")
    batchtrace = BIN / ("batchtrace.exe" if os.name == "nt" else "batchtrace")
    sh(batchtrace, "demo", "--if-empty")
    os.execv(str(batchtrace), [str(batchtrace), *args]) if os.name != "nt" else sh(batchtrace, *args)


def check(args: list[str]) -> None:
    ensure_venv("[dev]")
    compile_translations()
    ensure_postgresql()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sh(BIN / "ruff", "check", ".", env=env)
    sh(BIN / "lint-imports", env=env)
    sh(BIN / "mypy", env=env)
    # one worker per core (pytest-xdist): the suite is CPU-bound, and each worker starts its own PostgreSQL
    workers = [] if any(a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in args) \
        else ["-n", "auto"]
    sh(PY, "-m", "pytest", "-p", "no:cacheprovider", *workers, *args, env=env)


if __name__ == "__main__":
    commands = {"run": run, "check": check, "lupdate": lupdate}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("usage: python3 dev.py run | check [pytest args] | lupdate")
    commands[sys.argv[1]](sys.argv[2:])
