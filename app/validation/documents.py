"""The frame of the IQ and OQ reports: identity, page words and the signature lines, in English (validation
records are reviewed in the language of the validation plan; the batch documents have their Chinese version)."""

from __future__ import annotations

import platform
import socket
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

from domain.documents import Document, DocumentKind, Fields, PageWords, Paragraph, Section, Table
from domain.version import batchtrace_version

PASS, FAIL = "PASS", "FAIL"
# the libraries whose versions the IQ checks and the OQ's test run records
LIBRARIES = ("PySide6-Essentials", "SQLAlchemy", "alembic", "psycopg", "python-docx", "keyring", "argon2-cffi",
             "hidapi", "biip", "zxing-cpp", "platformdirs")


def library_versions() -> str:
    return ", ".join(f"{name} {_library_version(name)}" for name in LIBRARIES)


def _library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "(no metadata in this bundle)"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def environment() -> Fields:
    return Fields((
        ("BatchTrace version", batchtrace_version()),
        ("Date and time (UTC)", utc_now()),
        ("Computer", socket.gethostname()),
        ("Operating system", platform.platform()),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
    ))


def signature_section(roles: Iterable[str]) -> Section:
    """Lines for the people who sign the printed report by hand (or in the site's document system)."""
    rows = tuple((role, "", "", "") for role in roles)
    return Section("Signatures", (
        Paragraph("By signing, the reviewer confirms that the results above were checked against the "
                  "acceptance criteria; the approver releases the installation for use."),
        Table(("Role", "Printed name", "Signature", "Date"), rows, widths=(20, 30, 30, 20)),
    ))


def number_stamp(iso_time: str) -> str:
    """'2026-12-05T12:22:02+00:00' -> '20261205T122202Z': two reports of one day get different numbers."""
    digits = iso_time.replace("+00:00", "").rstrip("Z").replace("-", "").replace(":", "")
    return f"{digits}Z"


def validation_document(kind: DocumentKind, title: str, sections: Iterable[Section], *, subject: str,
                        generated: str) -> Document:
    number = f"{kind.prefix}-{subject}"
    identity = Fields((("Document number", number), ("BatchTrace version", batchtrace_version()),
                       ("Generated at (UTC)", generated)))
    return Document(
        kind=kind, number=number, language="en", title=title, running_header=f"{title} · {number}",
        identity=identity, sections=tuple(sections),
        words=PageWords("Page {page} of {pages}", "Content SHA-256", "VALIDATION RECORD"),
        meta={"subject": subject},
    )


def check_table(rows: Iterable[tuple[str, str, str]]) -> Table:
    """(check, result, detail) rows; a failed check is red."""
    listed = tuple(rows)
    return Table(("Check", "Result", "Details"), listed, widths=(25, 10, 65),
                 failed=frozenset(i for i, row in enumerate(listed) if row[1] != PASS))
