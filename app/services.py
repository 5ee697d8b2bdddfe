"""What the desktop (`ui/`) is given to work with: unit-of-work factories, the log-in configuration, the database
it is connected to and the station's devices. The composition root's `AppContext` implements it; the ui never
imports the composition root, so it cannot reach persistence or hardware around the use cases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from app.ports import DocumentPainter, DocumentRenderer, Scanner, ScanParser, UnitOfWork, WedgeDetector

if TYPE_CHECKING:
    from app.labels import Labels
    from app.settings import Settings
    from app.site_security import SecurityView
    from app.station_settings import DeviceSettings, ScannerSettings
    from app.users import AuthConfig


@dataclass(frozen=True)
class DatabaseInfo:
    url: str  # never with a password
    kind: str  # "SQLite" or "PostgreSQL"
    location: str
    revision: str | None
    head: str


class StationDevicesPort(Protocol):
    """The station's printers and scanners (DEVC-1..DEVC-6), built on first use from devices.json."""

    settings: DeviceSettings
    labels: Labels
    scan_parser: ScanParser
    problem: str | None

    @property
    def scanner_settings(self) -> ScannerSettings: ...

    def scanners(self) -> list[Scanner]: ...

    def wedge_detector(self) -> WedgeDetector | None: ...

    def apply(self, settings: DeviceSettings) -> None: ...


class Services(Protocol):
    settings: Settings
    database: DatabaseInfo
    auth: AuthConfig
    security: SecurityView

    @property
    def uow(self) -> Callable[[], UnitOfWork]: ...

    @property
    def read_uow(self) -> Callable[[], UnitOfWork]: ...

    @property
    def devices(self) -> StationDevicesPort: ...

    @property
    def render_document(self) -> DocumentRenderer: ...

    @property
    def paint_document(self) -> DocumentPainter: ...

    def dispose(self) -> None: ...
