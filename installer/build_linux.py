"""Build the Linux bundle and its .deb (VAL-3): `python3 installer/build_linux.py [--out DIR]`.

1. the project's environment with the build tools (dev.py's .venv, PyInstaller included), this script re-run in it;
2. PyInstaller (installer/batchtrace.spec) -> OUT/batchtrace/, one folder;
3. manifest.json in that folder: every file with its SHA-256, the version and the build time (the IQ checks it);
4. OUT/batchtrace_<version>_amd64.deb: the folder in /opt/batchtrace, `batchtrace` in /usr/bin and a desktop
   entry in /usr/share/applications (dpkg-deb, present on every Debian/Ubuntu).

OUT defaults to dist/ in the project. Prints the paths of the bundle and the package.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import dev  # noqa: E402  (the project's own environment handling: venv, apt, Debian package names)

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=BatchTrace
Comment=Batch traceability for medical-device manufacturers under GMP
Comment[zh_CN]=医疗器械批次追溯
Exec=/opt/batchtrace/batchtrace
Terminal=false
Categories=Office;Database;
"""
CONTROL = """Package: batchtrace
Version: {version}
Architecture: amd64
Maintainer: BatchTrace <validation@batchtrace.invalid>
Depends: {depends}
Recommends: {recommends}
Section: misc
Priority: optional
Description: BatchTrace batch traceability (GMP, medical devices)
 Self-contained bundle with its migrations, fonts and requirements list;
 /opt/batchtrace/manifest.json lists every installed file with its SHA-256
 for the installation qualification (batchtrace validate iq).
"""


# Libraries the bundle may leave to the system, by soname; each one's Debian package by dev.py's rule
# (`dev.debian_package`, as `dev.py run` installs Qt's). PyInstaller does not bundle the C library, the OpenGL/EGL
# dispatchers and drivers, or what the build host lacks (a host without libxcb-icccm4 builds a bundle that needs it
# from the system). A fresh minimal Debian 12 with only the .deb's Depends once lacked libGL.so.1,
# libxcb-icccm.so.4 and libxcb-keysyms.so.1: the desktop did not start. An external soname missing from both lists
# stops the build, naming it: a new one is looked at, not guessed.
C_LIBRARY = frozenset({  # libc6, Essential: on every Debian system, never declared
    "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libresolv.so.2", "libutil.so.1",
    "ld-linux-x86-64.so.2"})
SYSTEM_LIBRARIES = frozenset({
    # OpenGL / EGL (libglvnd) and the kernel's rendering manager: the graphics stack comes from the system
    "libGL.so.1", "libGLX.so.0", "libGLdispatch.so.0", "libEGL.so.1", "libOpenGL.so.0", "libdrm.so.2", "libgbm.so.1",
    # X11 (Qt's xcb window) and Wayland
    "libxcb.so.1", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0", "libxcb-image.so.0",
    "libxcb-shape.so.0", "libxcb-randr.so.0", "libxcb-render-util.so.0", "libxcb-render.so.0", "libxcb-shm.so.0",
    "libxcb-sync.so.1", "libxcb-xfixes.so.0", "libxcb-xkb.so.1", "libxcb-glx.so.0", "libxcb-util.so.1",
    "libxkbcommon.so.0", "libxkbcommon-x11.so.0", "libX11.so.6", "libX11-xcb.so.1",
    "libwayland-client.so.0", "libwayland-cursor.so.0", "libwayland-egl.so.1",
    "libfontconfig.so.1", "libfreetype.so.6", "libdbus-1.so.3", "libglib-2.0.so.0", "libgthread-2.0.so.0",
    # printing to the OS spooler (Qt's CUPS plugin), bundled only when the build host has CUPS
    "libcups.so.2",
})


def package_of(soname: str) -> str | None:
    """The Debian package to depend on for a library the bundle takes from the system: "" for the C library,
    None for one this script does not know."""
    if soname in C_LIBRARY:
        return ""
    return dev.debian_package(soname) if soname in SYSTEM_LIBRARIES else None


# Always declared, whatever the bundle holds: fontconfig's configuration and a font come with libfontconfig1 (a
# minimal system has no font at all, and the screens would draw empty boxes).
ALWAYS = ("libfontconfig1",)
# Plugins Qt loads only when their libraries are there: the GTK theme (native dialogs on a GTK desktop). Their
# libraries are recommended, not required.
OPTIONAL_PLUGINS = {"libqgtk3.so": ("libgtk-3-0",)}


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def external_sonames(bundle: Path) -> dict[str, set[str]]:
    """soname -> the bundled files that need it, for every library the bundle's programs and libraries resolve
    outside the bundle (or not at all on this host), as the bundle's own loader path sees them (ldd)."""
    bundle = bundle.resolve()
    env = {"LD_LIBRARY_PATH": str(bundle / "_internal"), "PATH": "/usr/bin:/bin"}
    needs: dict[str, set[str]] = {}
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.name in OPTIONAL_PLUGINS or not is_elf(path):
            continue
        listed = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False).stdout
        for line in listed.splitlines():
            name, arrow, target = line.strip().partition(" => ")
            if not arrow:
                continue
            if target.startswith("not found") or not target.startswith(str(bundle)):
                needs.setdefault(name, set()).add(str(path.relative_to(bundle)))
    return needs


def system_packages(bundle: Path) -> tuple[list[str], list[str]]:
    """(Depends, Recommends) of the .deb: the packages of every library the bundle needs from the system."""
    needs = external_sonames(bundle)
    packages = {name: package_of(name) for name in needs}
    unknown = sorted(name for name, package in packages.items() if package is None)
    if unknown:
        raise SystemExit("the bundle needs libraries this script cannot name a Debian package for: "
                         + "; ".join(f"{n} (by {sorted(needs[n])[0]})" for n in unknown)
                         + " -- add them to SYSTEM_LIBRARIES in installer/build_linux.py")
    depends = sorted({package for package in packages.values() if package} | set(ALWAYS))
    recommends = sorted({pkg for pkgs in OPTIONAL_PLUGINS.values() for pkg in pkgs} - set(depends))
    return depends, recommends


# The programs the build runs besides Python: PyInstaller refuses to start without objdump (binutils, absent from a
# fresh Debian or Ubuntu desktop), ldd finds the bundle's system libraries, dpkg-deb packs the .deb. Found missing
# on a minimal Debian 12 (installer/README.md), with Python's shared library and the libraries Qt's tools load.
SYSTEM_TOOLS = {"objdump": "binutils", "ldd": "libc-bin", "dpkg-deb": "dpkg"}


# PyInstaller bundles Python's shared library; Debian's python3 is linked statically and ships it apart.
PYTHON_LIBRARY = f"libpython{sys.version_info.major}.{sys.version_info.minor}.so.1.0"
PYTHON_LIBRARY_PACKAGE = f"libpython{sys.version_info.major}.{sys.version_info.minor}"


def has_python_library() -> bool:
    libdir = sysconfig.get_config_var("LIBDIR") or ""
    if (Path(libdir) / PYTHON_LIBRARY).exists() or (Path(sys.base_prefix) / "lib" / PYTHON_LIBRARY).exists():
        return True
    known = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout if shutil.which(
        "ldconfig") else ""
    return PYTHON_LIBRARY in known


def ensure_system_tools() -> None:
    """Install the missing ones with apt-get as root (as `dev.py run` does for Qt's libraries), else name them all."""
    missing = sorted({package for tool, package in SYSTEM_TOOLS.items() if shutil.which(tool) is None}
                     | ({PYTHON_LIBRARY_PACKAGE} if not has_python_library() else set()))
    dev.ensure_packages(missing, "building the bundle", f"what this machine lacks ({', '.join(missing)})",
                        "python3 installer/build_linux.py")


def in_project_environment() -> None:
    """Re-run this script with the project's .venv interpreter (created with the build tools if needed)."""
    ensure_system_tools()
    dev.ensure_venv("[dev]")
    dev.ensure_translation_compiler("python3 installer/build_linux.py")
    if Path(sys.prefix).resolve() != Path(dev.VENV).resolve():
        sys.exit(subprocess.run([str(dev.PY), __file__, *sys.argv[1:]], check=False).returncode)


def build(out: Path, work: Path) -> tuple[Path, Path]:
    from app.validation.manifest import write_manifest
    from domain.version import batchtrace_version

    version = batchtrace_version()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN", f"--distpath={out}",
                    f"--workpath={work}", str(ROOT / "installer" / "batchtrace.spec")], check=True, cwd=ROOT)
    bundle = out / "batchtrace"
    write_manifest(bundle, version)
    return bundle, make_deb(bundle, out, work / "deb", version)


def make_deb(bundle: Path, out: Path, staging: Path, version: str) -> Path:
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(bundle, staging / "opt" / "batchtrace", symlinks=True)
    (staging / "usr" / "bin").mkdir(parents=True)
    (staging / "usr" / "bin" / "batchtrace").symlink_to("/opt/batchtrace/batchtrace")
    (staging / "usr" / "share" / "applications").mkdir(parents=True)
    (staging / "usr" / "share" / "applications" / "batchtrace.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    (staging / "DEBIAN").mkdir()
    depends, recommends = system_packages(bundle)
    (staging / "DEBIAN" / "control").write_text(
        CONTROL.format(version=version, depends=", ".join(depends), recommends=", ".join(recommends)),
        encoding="utf-8")
    deb = out / f"batchtrace_{version}_amd64.deb"
    # gzip: quicker than dpkg's default xz on a 270 MB folder, and every dpkg reads it
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build", str(staging), str(deb)], check=True,
                   stdout=subprocess.DEVNULL)
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the BatchTrace Linux bundle and .deb")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the bundle and .deb go (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "installer", help="PyInstaller's work folder")
    args = parser.parse_args()
    in_project_environment()
    bundle, deb = build(args.out.resolve(), args.work.resolve())
    from app.validation.manifest import MANIFEST_NAME, sha256_of

    print(f"bundle: {bundle}")
    print(f"package: {deb}")
    # for the release record: the IQ report prints the installed manifest's SHA-256, to be compared with this
    print(f"{MANIFEST_NAME} SHA-256: {sha256_of(bundle / MANIFEST_NAME)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
