"""The manifest of an installed bundle (VAL-2, VAL-3): every file with its SHA-256, written at build time by
installer/build_linux.py (and the Windows build), checked by the IQ (`batchtrace validate iq`).

`manifest.json` sits in the bundle's top folder, next to the `batchtrace` executable, and lists every other
file below that folder by its path relative to it (always with "/").
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from domain.errors import ValidationError
from domain.i18n import _

MANIFEST_NAME = "manifest.json"
FORMAT = "batchtrace-manifest-1"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _bundle_files(folder: Path) -> dict[str, Path]:
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.is_symlink() and path.relative_to(folder).as_posix() != MANIFEST_NAME}


def write_manifest(folder: Path, version: str) -> Path:
    folder = Path(folder)
    files = {name: sha256_of(path) for name, path in _bundle_files(folder).items()}
    document = {
        "format": FORMAT, "product": "BatchTrace", "version": version,
        "built_utc": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "build_platform": platform.platform(), "python": platform.python_version(), "files": files,
    }
    out = folder / MANIFEST_NAME
    out.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return out


@dataclass(frozen=True)
class ManifestCheck:
    version: str
    built_utc: str
    files: int
    altered: tuple[str, ...]
    missing: tuple[str, ...]
    added: tuple[str, ...]
    manifest_sha256: str

    @property
    def intact(self) -> bool:
        return not (self.altered or self.missing or self.added)

    def problems(self) -> list[str]:
        return ([f"altered: {name}" for name in self.altered] + [f"missing: {name}" for name in self.missing]
                + [f"not in the manifest: {name}" for name in self.added])


def check_manifest(folder: Path) -> ManifestCheck:
    """Compare the installed files with the manifest: altered, missing and added files, each by name."""
    folder = Path(folder)
    try:
        document = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(_("no {manifest} in {folder}: not an installed BatchTrace bundle",
                                manifest=MANIFEST_NAME, folder=folder)) from None
    except ValueError as error:
        raise ValidationError(_("{path} is not a readable manifest: {error}",
                                path=folder / MANIFEST_NAME, error=error)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(_("{path} is not a {format} manifest", path=folder / MANIFEST_NAME, format=FORMAT))
    expected: dict[str, str] = document["files"]
    present = _bundle_files(folder)
    altered = tuple(name for name, digest in expected.items() if name in present and sha256_of(present[name]) != digest)
    return ManifestCheck(
        version=str(document["version"]), built_utc=str(document["built_utc"]), files=len(expected),
        altered=altered, missing=tuple(name for name in expected if name not in present),
        added=tuple(name for name in present if name not in expected),
        manifest_sha256=sha256_of(folder / MANIFEST_NAME),
    )
