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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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
Depends: libxcb-cursor0, libxkbcommon-x11-0, libegl1, libfontconfig1, libdbus-1-3
Section: misc
Priority: optional
Description: BatchTrace batch traceability (GMP, medical devices)
 Self-contained bundle with its migrations, fonts and requirements list;
 /opt/batchtrace/manifest.json lists every installed file with its SHA-256
 for the installation qualification (batchtrace validate iq).
"""


def in_project_environment() -> None:
    """Re-run this script with the project's .venv interpreter (created with the build tools if needed)."""
    sys.path.insert(0, str(ROOT))
    import dev  # the project's own environment handling

    dev.ensure_venv("[dev]")
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
    (staging / "DEBIAN" / "control").write_text(CONTROL.format(version=version), encoding="utf-8")
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
