"""The composition root: settings, engine, session factories and services wired into one AppContext.

Nothing is created at import time; the GUI, the CLI and the tests each call `open_context()`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import credentials
from app.audit import verify_audit
from app.passwords import Argon2Hasher
from app.ports import DocumentPainter, DocumentRenderer, PasswordHasher, UnitOfWork
from app.services import DatabaseInfo, Services
from app.settings import Settings, load_settings, resolve_database_url
from app.site_security import SecurityView, current_security
from app.station_settings import DeviceSettings, load_device_settings
from app.users import AuthConfig
from domain.audit import ChainReport
from domain.errors import AccessDenied, DomainError, ValidationError
from domain.i18n import _
from domain.site_security import SiteSecurity
from domain.users import SYSTEM_ACTOR
from persistence import backup as db_backup
from persistence import database_owner, guard_probe, schema, station_access
from persistence import engine as db_engine
from persistence.mapping import map_domain
from persistence.uow import SqlUnitOfWork
from persistence.uow import session_factory as _session_factory

if TYPE_CHECKING:
    from app.station_devices import StationDevices


@dataclass
class AppContext:
    settings: Settings
    database: DatabaseInfo
    auth: AuthConfig
    # The site's security policy as this station read it at start (ACC-7), for the idle timer and the password
    # hints; the use cases read the database again in each transaction, so they never act on a stale copy.
    security: SecurityView
    uow: Callable[[], UnitOfWork]
    read_uow: Callable[[], UnitOfWork]
    _engine: Any = field(repr=False)
    render_document: DocumentRenderer = field(repr=False)
    paint_document: DocumentPainter = field(repr=False)
    _devices_factory: Callable[[], StationDevices] = field(repr=False)
    _devices: StationDevices | None = field(default=None, repr=False)

    @property
    def devices(self) -> StationDevices:
        """Printers, print queue and journal, scanners, barcode parser (DEVC-1..DEVC-6). Built on first use:
        the log-in window needs none of it, and its imports (biip, zxing-cpp, numpy) cost start-up time."""
        if self._devices is None:
            self._devices = self._devices_factory()
        return self._devices

    def dispose(self) -> None:
        self._engine.dispose()

    def database_owner(self) -> str:
        """Who holds the database, as the audit trail names them; refused unless the connection is the owner's
        (the tables' owner on PostgreSQL, whoever can write the file on SQLite)."""
        is_owner, who = database_owner.owner_identity(self._engine)
        if not is_owner:
            raise AccessDenied(
                _("{who} is not the database owner: connect with the role that owns the BatchTrace tables "
                  "(or, on SQLite, as the user who can write the file)", who=who),
                permission="DATABASE_OWNER", user_id=who[:32],
            )
        return who

    def services(self) -> Services:
        """This context as the desktop sees it (`app.services.Services`); mypy checks that it fits."""
        return self


def _engine_for(url_text: str, password: str | None = None) -> Any:
    url = db_engine.parse_url(url_text)
    if password is None and url.get_backend_name() == "postgresql" and url.password is None:
        password = credentials.load_password(credentials.key_for(url.username, url.host, url.port, url.database))
    return db_engine.make_engine(url, password=password)


def _info(engine: Any) -> DatabaseInfo:
    kind, location = db_engine.describe(engine.url)
    try:
        found = schema.state(engine)
    except Exception as error:  # the server is down, the password is wrong, the file is not a database
        raise DomainError(_("cannot open the {kind} database at {location}: {first_line}",
                            kind=kind, location=location, first_line=_first_line(error))) from None
    return DatabaseInfo(engine.url.render_as_string(hide_password=True), kind, location, found.current, found.head)


def _first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None) or error
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


def open_context(
    db_url: str | None = None,
    *,
    settings: Settings | None = None,
    hasher: PasswordHasher | None = None,
    require_schema: bool = True,
    device_settings: DeviceSettings | None = None,
    password: str | None = None,
) -> AppContext:
    """Open the database the station is configured for and refuse an unknown schema revision (GEN-3).
    `password`: a PostgreSQL role's password typed for this command (the database owner's), not the keyring's."""
    settings = settings or load_settings()
    map_domain()
    engine = _engine_for(resolve_database_url(db_url, settings), password)
    try:
        info = _info(engine)
        if require_schema:
            schema.require_current(engine)
    except DomainError:
        engine.dispose()
        raise
    writer = _session_factory(engine)
    reader = _session_factory(db_engine.reader(engine))
    return AppContext(
        settings=settings,
        database=info,
        auth=AuthConfig(hasher or Argon2Hasher()),
        security=_security(writer, require_schema),
        uow=lambda: SqlUnitOfWork(writer),
        read_uow=lambda: SqlUnitOfWork(reader, read_only=True, writer_factory=writer),
        _engine=engine,
        render_document=render_document,
        paint_document=_paint,
        _devices_factory=lambda: _station_devices(device_settings, lambda: SqlUnitOfWork(writer)),
    )


def _security(writer: Any, require_schema: bool) -> SecurityView:
    if not require_schema:  # `db upgrade` and `db current` on an older schema: the table may not exist yet
        return SecurityView.of(SiteSecurity.defaults())
    return current_security(SqlUnitOfWork(writer, read_only=True))


def cjk_font_file() -> Path:
    """The CJK font shipped with the documents, the GUI's fallback for Chinese text too (GEN-6)."""
    from reports import CJK_FONT_FILE

    return CJK_FONT_FILE


def render_document(document: Any, file_format: Any) -> bytes:
    """reports/ renders documents (DOCX, PDF); imported on first use, Qt's PDF writer is not needed to log in."""
    import reports

    return reports.render(document, file_format)


def _paint(document: Any, device: Any) -> None:
    import reports

    reports.paint(document, device)


def _station_devices(settings: DeviceSettings | None, uow: Callable[[], SqlUnitOfWork]) -> StationDevices:
    """The station's devices from devices.json; a broken file leaves the station without printers (and says
    why on `devices.problem`) rather than keeping everyone from working."""
    from app import station_devices  # here, not at import: see AppContext.devices

    try:
        return station_devices.build(settings or load_device_settings(), uow)
    except ValidationError as error:
        return station_devices.build(DeviceSettings(), uow, problem=str(error))


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str | None
    database: DatabaseInfo
    station: station_access.StationAccess | None = None  # PostgreSQL: what to give each station
    backup: Path | None = None  # SQLite: the copy of the database as it was before the migrations


def upgrade_database(db_url: str | None = None, *, settings: Settings | None = None) -> UpgradeResult:
    """Apply the migrations shipped with this version (`batchtrace db upgrade`); the upgrade is audited.
    An SQLite database of an earlier revision is first copied whole (online backup API) to
    `backups/<name>-<revision>-before-upgrade-<UTC time>.sqlite3` beside it; no copy, no migration. A shared
    PostgreSQL database is backed up by its owner first (`db backup`, which needs the owner's rights)."""
    settings = settings or load_settings()
    map_domain()
    engine = _engine_for(resolve_database_url(db_url, settings))
    try:
        info = _info(engine)
        backup = _backup_before_upgrade(engine, info) if (
            _earlier_revision(engine, info) and engine.dialect.name == "sqlite") else None
        before, after = schema.upgrade(engine)
        station = station_access.install(engine) if engine.dialect.name == "postgresql" else None
        if station is not None and station.new_key and station.earlier_entries:
            # An existing chain switches to keyed entries: this entry, the first keyed one, says where.
            _record_system_event(engine, "KEYED_CHAIN", "audit_log", "v3", "audit entries from here on are keyed "
                                 f"by the database (HMAC-SHA256); the stations connect as {station.role}")
        if before != after:
            copied = f"; the database before it was backed up to {backup}" if backup else ""
            _record_system_event(engine, "SCHEMA_UPGRADE", "schema", str(after),
                                 f"from {before or 'empty'} to {after}{copied}")
        if station is not None:
            station = replace(station, keyed_from=station_access.first_keyed_entry(engine))
        return UpgradeResult(before, after, _info(engine), station, backup)
    finally:
        engine.dispose()


def _backup_before_upgrade(engine: Any, info: DatabaseInfo) -> Path:
    """The copy to go back to if the upgrade must be undone: the file as the earlier version left it. Taken
    before any migration runs, without reading it through this version's mapping (the tables are the old ones)."""
    database = Path(engine.url.database or "")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = database.parent / "backups" / f"{database.stem}-{info.revision}-before-upgrade-{stamp}.sqlite3"
    try:
        return db_backup.backup(engine, out)
    except (OSError, sqlite3.Error) as error:
        raise DomainError(_("cannot back up the database to {path} before its upgrade: {error}; the database "
                            "was not changed", path=out, error=error)) from None


@dataclass(frozen=True)
class PendingUpgrade:
    """The station's own SQLite database needs the migrations of this version before the app can use it."""

    url: str
    location: str
    revision: str | None  # None: a new database, nothing to back up
    head: str


def embedded_database_to_upgrade(db_url: str | None = None, *,
                                 settings: Settings | None = None) -> PendingUpgrade | None:
    """For the desktop's start (GEN-1, GEN-3): an SQLite database without the schema, or of an earlier revision
    this version knows (the first start after installing a new version), is one the user may let the app
    upgrade (with the backup of `upgrade_database`). None for one that is current or newer, and for a shared
    PostgreSQL database: its owner upgrades it, a station may not."""
    url = resolve_database_url(db_url, settings or load_settings())
    if db_engine.parse_url(url).get_backend_name() != "sqlite":
        return None
    engine = _engine_for(url)
    try:
        info = _info(engine)
        if info.revision is not None and not _earlier_revision(engine, info):
            return None
    except DomainError:  # a newer schema: open_context refuses it and says so
        return None
    finally:
        engine.dispose()
    return PendingUpgrade(url, info.location, info.revision, info.head)


def _earlier_revision(engine: Any, info: DatabaseInfo) -> bool:
    """True for a schema of a revision before this version's head; raises for one newer than this version."""
    if info.revision is None or info.revision == info.head:
        return False
    try:
        schema.require_current(engine)
    except DomainError as error:
        if "newer" in str(error):
            raise
    return True


def database_state(db_url: str | None = None, *, settings: Settings | None = None) -> DatabaseInfo:
    settings = settings or load_settings()
    engine = _engine_for(resolve_database_url(db_url, settings))
    try:
        return _info(engine)
    finally:
        engine.dispose()


def connect_shared_database(url_text: str, password: str) -> DatabaseInfo:
    """`batchtrace db connect`: check the server answers with this password, keep the password in the OS
    keyring and only the password-free URL in the settings."""
    url = db_engine.parse_url(url_text)
    if url.get_backend_name() != "postgresql":
        raise ValidationError(_("'db connect' is for a shared PostgreSQL database: postgresql://user@host/db"))
    if url.password is not None:
        raise ValidationError(_("do not put the password in the URL: BatchTrace asks for it and keeps it in the "
                                "keyring"))
    engine = db_engine.make_engine(url, password=password)
    try:
        info = _info(engine)
    finally:
        engine.dispose()
    credentials.store_password(credentials.key_for(url.username, url.host, url.port, url.database), password)
    from app.settings import save_settings

    save_settings(load_settings().with_changes(database_url=url.render_as_string(hide_password=True)))
    return info


# --- backup and restore (issue 15) --------------------------------------------------------------------

@dataclass(frozen=True)
class BackupResult:
    path: Path
    database: DatabaseInfo
    audit: ChainReport  # the chain as it was verified: before the backup, or in the restored copy


def backup_database(out: Path, db_url: str | None = None, *, settings: Settings | None = None) -> BackupResult:
    """`batchtrace db backup FILE`: the whole database to one file (SQLite online backup API, pg_dump). The
    chain is verified first, so a backup of a tampered database says so; the backup is audited after it."""
    settings = settings or load_settings()
    map_domain()
    engine = _engine_for(resolve_database_url(db_url, settings))
    try:
        info = _info(engine)
        report = _verified_chain(engine)
        db_backup.backup(engine, Path(out))
        _record_system_event(engine, "BACKUP", "database", str(info.revision),
                             f"to {Path(out).name}: audit head {report.head_seq} {report.head_hash}")
        return BackupResult(Path(out), info, report)
    finally:
        engine.dispose()


def restore_database(backup_file: Path, db_url: str | None = None, *,
                     settings: Settings | None = None) -> BackupResult:
    """`batchtrace db restore FILE`: into an empty database only, then the audit chain of what was restored is
    verified; when intact the restore itself is audited in it (the entry after the backup's head)."""
    settings = settings or load_settings()
    map_domain()
    engine = _engine_for(resolve_database_url(db_url, settings))
    try:
        db_backup.restore(Path(backup_file), engine)
        report = _verified_chain(engine)
        info = _info(engine)
        if report.intact:
            _record_system_event(engine, "RESTORE", "database", str(info.revision),
                                 f"from {Path(backup_file).name}: audit head {report.head_seq} {report.head_hash}")
        return BackupResult(Path(backup_file), info, report)
    finally:
        engine.dispose()


def _verified_chain(engine: Any) -> ChainReport:
    return verify_audit(SqlUnitOfWork(_session_factory(db_engine.reader(engine)), read_only=True), SYSTEM_ACTOR)


def _record_system_event(engine: Any, action: str, record_type: str, record_id: str, reason: str) -> None:
    with SqlUnitOfWork(_session_factory(engine)).acting_as(SYSTEM_ACTOR) as tx:
        tx.audit_event(action, record_type, record_id, reason=reason)
        tx.commit()


def probe_database_guards(db_url: str | None = None, *,
                          settings: Settings | None = None) -> list[tuple[str, bool, str]]:
    """For the IQ: whether the database refuses what its triggers must refuse (nothing is changed)."""
    engine = _engine_for(resolve_database_url(db_url, settings or load_settings()))
    try:
        return guard_probe.probe_guards(engine)
    finally:
        engine.dispose()


def station_access_checks(db_url: str | None = None, *,
                          settings: Settings | None = None) -> list[tuple[str, bool, str]]:
    """For the IQ on PostgreSQL: the role this station connects as, the keyed chain's functions, the triggers."""
    engine = _engine_for(resolve_database_url(db_url, settings or load_settings()))
    try:
        return station_access.checks(engine) if engine.dialect.name == "postgresql" else []
    finally:
        engine.dispose()


def verify_database_chain(db_url: str | None = None, *, settings: Settings | None = None) -> ChainReport:
    engine = _engine_for(resolve_database_url(db_url, settings or load_settings()))
    try:
        return _verified_chain(engine)
    finally:
        engine.dispose()
