"""The installation qualification (VAL-2): `batchtrace validate iq` checks this installation and writes the
IQ report. Each check is PASS or FAIL with what was found; the IQ passes only when every check passes.

Checks: the version, every installed file against the build's manifest (naming each altered, missing or added
file), the Python and library versions, the database (reachable, schema revision, append-only guards, audit
chain; on PostgreSQL also the role the station connects as, the keyed chain's functions and the triggers), the
OS keyring, and the station's printers and scanners as configured in devices.json.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import bootstrap
from app.station_settings import device_settings_path, load_device_settings
from app.validation.documents import (
    FAIL,
    PASS,
    check_table,
    environment,
    library_versions,
    number_stamp,
    signature_section,
    utc_now,
)
from app.validation.documents import validation_document as frame
from app.validation.manifest import MANIFEST_NAME, check_manifest
from domain.documents import Document, DocumentKind, Paragraph, Section
from domain.errors import DomainError
from domain.i18n import N_
from domain.version import UNKNOWN, batchtrace_version

Check = tuple[str, str, str]


@dataclass(frozen=True)
class IqResult:
    checks: tuple[Check, ...]
    install_dir: Path | None
    generated: str

    @property
    def passed(self) -> bool:
        return all(result == PASS for _name, result, _detail in self.checks)


def installation_folder() -> Path | None:
    """The bundle's top folder (manifest.json beside the program) when running from an installed bundle."""
    return Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else None


def run_iq(db_url: str | None, install_dir: Path | None = None) -> IqResult:
    folder = install_dir or installation_folder()
    checks: list[Check] = []
    manifest_version = _files(folder, checks)
    found = batchtrace_version()
    ok = found != UNKNOWN and (manifest_version is None or manifest_version == found)
    checks.insert(0, (N_("Version"), PASS if ok else FAIL,
                      f"{found}" + (f"; the manifest was built for {manifest_version}" if manifest_version else "")))
    checks.append((N_("Python"), PASS, f"{platform.python_version()} on {platform.platform()}"))
    checks.append((N_("Libraries"), PASS, library_versions()))
    shared = _database(db_url, checks)
    _guarded(N_("Keyring"), checks, lambda: _keyring(shared))
    _guarded(N_("Printers and scanners"), checks, _devices)
    return IqResult(tuple(checks), folder, utc_now())


def _files(folder: Path | None, checks: list[Check]) -> str | None:
    if folder is None:
        checks.append((N_("Installed files"), FAIL, "not started from an installed bundle (give --install-dir)"))
        return None
    try:
        report = check_manifest(folder)
    except DomainError as error:
        checks.append((N_("Installed files"), FAIL, str(error)))
        return None
    # The manifest's own SHA-256: compared with the one the build printed (the release record), it shows the
    # manifest is the one built, not one rewritten to match altered files.
    detail = (f"{report.files} files in {folder} match the manifest built {report.built_utc}" if report.intact
              else "; ".join(report.problems())) + f"; {MANIFEST_NAME} SHA-256 {report.manifest_sha256}"
    checks.append((N_("Installed files"), PASS if report.intact else FAIL, detail))
    return report.version


def _database(db_url: str | None, checks: list[Check]) -> bool:
    """The database checks; True when the database is a shared PostgreSQL one (its password needs the keyring)."""
    try:
        info = bootstrap.database_state(db_url)
    except DomainError as error:
        checks.append((N_("Database reachable"), FAIL, str(error)))
        return "postgres" in (db_url or "")
    checks.append((N_("Database reachable"), PASS, f"{info.kind} at {info.location}"))
    current = info.revision == info.head
    checks.append((N_("Schema revision"), PASS if current else FAIL,
                   f"{info.revision or 'none'} (this version needs {info.head})"))
    if info.revision is None:
        return info.kind == "PostgreSQL"
    for guard, refused, said in bootstrap.probe_database_guards(db_url):
        checks.append((f"Guard: {guard}", PASS if refused else FAIL, said))
    for name, passed, found in bootstrap.station_access_checks(db_url):  # PostgreSQL (issue 9, AUD-7)
        checks.append((name, PASS if passed else FAIL, found))
    chain = bootstrap.verify_database_chain(db_url)
    checks.append((N_("Audit chain"), PASS if chain.intact else FAIL,
                   f"intact: {chain.entries} entries, head {chain.head_seq} {chain.head_hash}" if chain.intact
                   else f"{chain.problem.message if chain.problem else ''}"))
    return info.kind == "PostgreSQL"


def _guarded(name: str, checks: list[Check], check: Callable[[], tuple[bool, str]]) -> None:
    try:
        ok, detail = check()
    except (DomainError, OSError) as error:
        ok, detail = False, str(error)
    checks.append((name, PASS if ok else FAIL, detail))


def _keyring(shared_database: bool) -> tuple[bool, str]:
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "fail" not in name.split(".") and "null" not in name.lower():
        return True, name
    if shared_database:
        return False, f"{name}: no OS keyring, so the shared database's password cannot be kept (GEN-5)"
    return True, f"{name}: no OS keyring; not needed on this station's SQLite database (needed for PostgreSQL)"


def _devices() -> tuple[bool, str]:
    settings = load_device_settings()  # a broken devices.json raises with the file and the field
    printers = [f"{p.name} ({p.language} over {p.transport.kind} {p.transport.target})" for p in settings.printers]
    scanners = [kind for kind, on in (("keyboard wedge", settings.scanners.wedge.enabled),
                                      ("HID POS", settings.scanners.hid_pos.enabled),
                                      ("simulator", settings.scanners.simulator)) if on]
    return True, (f"{device_settings_path()}: printers: {', '.join(printers) or 'none'}; default "
                  f"{settings.default_printer or 'none'}; scanners: {', '.join(scanners) or 'none'}")


def iq_document(result: IqResult, performed_by: str | None = None, signed: tuple[str, str, str, str] | None = None
                ) -> Document:
    """The IQ report; `signed` (printed name, user ID, date and time with zone, meaning) when its performer
    signed it electronically: then only the QA review and approval are left as lines to sign by hand."""
    verdict = ("The installation PASSES its qualification: every check passed." if result.passed else
               "The installation FAILS its qualification: see the checks marked FAIL.")
    return frame(DocumentKind.IQ_REPORT, "Installation qualification (IQ) report", (
        Section("Environment", (environment(),)),
        Section("Checks", (Paragraph(verdict, emphasis=True), check_table(result.checks))),
        signature_section(("Reviewed by", "Approved by"), (("Performed by", *signed),)) if signed else
        signature_section(("Performed by", "Reviewed by", "Approved by")),
    ), subject=f"{batchtrace_version()}-{number_stamp(result.generated)}", generated=result.generated,
       generated_by=performed_by)
