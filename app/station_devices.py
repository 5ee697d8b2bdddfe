"""The composition root's half for this station's hardware: label printers, the print queue and its journal
in the database, scanners and the barcode parser, built from devices.json (app/station_settings.py).

Only app/bootstrap.py imports this module. Like bootstrap it may import devices/ and persistence/ (see the
import-linter contract in pyproject.toml); it is split off so that the wiring of the hardware stays
readable and the shared bootstrap module small. Everything else in app/ sees the hardware through
app/ports.py (`PrintStation`, `ScanParser`) and the `Labels` service.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from app.labels import Labels
from app.ports import LabelRequest, PrinterInfo, PrintJobView, Scanner, ScanParser, UnitOfWork, WedgeDetector
from app.station_settings import DeviceSettings, PrinterSettings, ScannerSettings, TransportSetting
from devices.gs1 import parse_barcode
from devices.hid_pos import HidPosScanner
from devices.labels.language import LabelLanguage
from devices.labels.queue import LabelPrinter, PrintJob, PrintQueue
from devices.labels.templates import BUILTIN_TEMPLATES, LabelData, LabelTemplate, resolve
from devices.labels.transports import DeviceFileTransport, FileTransport, SpoolerTransport, TcpTransport, Transport
from devices.labels.tspl import TsplLanguage
from devices.labels.zpl import ZplLanguage
from devices.simulator import SimulatedScanner
from devices.wedge import WedgeBurstDetector
from domain.errors import NotFound, ValidationError
from domain.i18n import _
from domain.label_layout import ResolvedLabel
from domain.users import Actor
from persistence.print_journal import JobOrigin, SqlPrintJournal
from persistence.uow import SqlUnitOfWork

JobListener = Callable[[PrintJobView], None]


def language(name: str) -> LabelLanguage:
    return ZplLanguage() if name == "ZPL" else TsplLanguage()


def transport(setting: TransportSetting) -> Transport:
    if setting.kind == "tcp":
        host, port = setting.tcp_address()
        return TcpTransport(host, port)
    if setting.kind == "device":
        return DeviceFileTransport(setting.target)
    if setting.kind == "spooler":
        return SpoolerTransport(setting.target)
    return FileTransport(setting.target)


def label_printer(settings: PrinterSettings) -> LabelPrinter:
    return LabelPrinter(settings.name, language(settings.language), transport(settings.transport),
                        check_status=settings.check_status)


class StationPrinting:
    """`app.ports.PrintStation` over the devices' `PrintQueue`, journalled in the database."""

    def __init__(self, settings: DeviceSettings, uow: Callable[[], SqlUnitOfWork],
                 templates: Mapping[str, LabelTemplate] = BUILTIN_TEMPLATES) -> None:
        self._settings = settings
        self._uow = uow
        # One journal per queue: it maps this queue's job numbers (from 1) to the journal's lasting ones.
        journal = self._journal = SqlPrintJournal(uow)
        self._templates = dict(templates)
        for printer in settings.printers:
            for template in (printer.lot_label_template, printer.udi_label_template):
                if template not in self._templates:
                    raise ValidationError(_("devices.json: printer '{printer_name}': there is no label template "
                                            "{template}: use one of {choices}",
                                            printer_name=printer.name, template=template,
                                            choices=', '.join(sorted(self._templates))))
        self._listeners: list[JobListener] = []
        self.queue = PrintQueue([label_printer(p) for p in settings.printers], journal=journal,
                                on_change=self._changed)

    @property
    def default_printer(self) -> str | None:
        return self._settings.default_printer

    def printers(self) -> Sequence[PrinterInfo]:
        return [PrinterInfo(p.name, p.language, self.queue.printers[p.name].transport.description, p.dpi,
                            p.lot_label_template, p.udi_label_template) for p in self._settings.printers]

    def templates(self) -> Sequence[str]:
        return sorted(self._templates)

    def submit(self, request: LabelRequest) -> PrintJobView:
        printer = self._settings.printer(request.printer)
        label = resolve(self._template(request.template_id, printer.dpi), LabelData(request.data))
        origin = JobOrigin(
            request.actor, request.record_type, request.record_id, printer.language,
            self.queue.printers[printer.name].transport.description,
            content=label.summary.get("udi") or request.record_id, reprint_of=request.reprint_of,
            reason=request.reason,
        )
        with self._journal.submitting(origin):
            job = self.queue.submit(printer.name, label, requested_by=request.actor.user_id,
                                    copies=request.copies, reason=request.reason or "")
        return self._view(job)

    def process(self) -> list[PrintJobView]:
        return [self._view(job) for job in self.queue.process()]

    def jobs(self) -> list[PrintJobView]:
        return [self._view(job) for job in sorted(self.queue.jobs(), key=lambda job: job.id)]

    def retry(self, actor: Actor, job_id: int) -> PrintJobView:
        with self._journal.acting(actor, f"retried by {actor.printed_name}"):
            return self._view(self.queue.retry(self._queue_id(job_id)))

    def cancel(self, actor: Actor, job_id: int, reason: str) -> PrintJobView:
        with self._journal.acting(actor, reason):
            return self._view(self.queue.cancel(self._queue_id(job_id), reason=reason))

    def label_layout(self, template_id: str, data: Mapping[str, object], dpi: int | None = None) -> ResolvedLabel:
        return resolve(self._template(template_id, dpi), LabelData(data))

    def subscribe(self, listener: JobListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: JobListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def open_jobs(self) -> int:
        return sum(1 for job in self.jobs() if job.open)

    def with_settings(self, settings: DeviceSettings) -> StationPrinting:
        """A new queue for changed settings, told to the same listeners."""
        station = StationPrinting(settings, self._uow, self._templates)
        station._listeners.extend(self._listeners)
        return station

    # --- internals ------------------------------------------------------------------------------------

    def _template(self, template_id: str, dpi: int | None) -> LabelTemplate:
        if template_id not in self._templates:
            raise NotFound(_("there is no label template {template_id}", template_id=template_id))
        template = self._templates[template_id]
        return template if dpi is None or dpi == template.dpi else replace(template, dpi=dpi)

    def _queue_id(self, job_id: int) -> int:
        queue_id = self._journal.queue_id(job_id)
        if queue_id is None:
            raise NotFound(_("print job {job_id} is not in this station's queue (it was queued at another station or "
                             "before the last start): print the label again, with a reason",
                             job_id=job_id))
        return queue_id

    def _changed(self, job: PrintJob) -> None:
        view = self._view(job)
        for listener in list(self._listeners):
            listener(view)

    def _view(self, job: PrintJob) -> PrintJobView:
        entry = self._journal.entry(job.id)
        if entry is None:  # not journalled: the queue refuses such jobs, so this is never shown for long
            raise NotFound(_("print job {id} of this session has no journal entry", id=job.id))
        journal_id, origin = entry
        return PrintJobView(
            journal_id, job.state.value, job.error, job.printer, origin.language, origin.transport,
            origin.record_type, origin.record_id, job.template_id, job.copies, origin.actor.user_id,
            origin.actor.printed_name, job.created_at, job.attempts, origin.content, origin.reprint_of,
            origin.reason,
        )



def scanners(settings: ScannerSettings) -> list[Scanner]:
    """New, stopped scanner objects for the configured HID POS scanner and the simulator; the GUI starts
    them (and stops them on quit). The keyboard wedge is a Qt filter: see `wedge_detector`."""
    found: list[Scanner] = []
    if settings.hid_pos.enabled:
        hid = settings.hid_pos
        found.append(HidPosScanner(name="HID POS scanner", vendor_id=hid.vendor_id, product_id=hid.product_id))
    if settings.simulator:
        found.append(SimulatedScanner())
    return found


def wedge_detector(settings: ScannerSettings) -> WedgeDetector | None:
    """The keystroke-timing detector for `ui.devices.wedge_filter.KeyboardWedgeFilter`, or None when off."""
    wedge = settings.wedge
    if not wedge.enabled:
        return None
    return WedgeBurstDetector(max_interkey_ms=wedge.max_interkey_ms, min_length=wedge.min_length,
                              prefix=wedge.prefix or None, suffix=wedge.suffix or None)


@dataclass
class StationDevices:
    """This station's hardware on `AppContext.devices`."""

    settings: DeviceSettings
    print_queue: StationPrinting
    labels: Labels
    scan_parser: ScanParser
    problem: str | None = None  # why devices.json could not be used: the station then runs without printers

    @property
    def scanner_settings(self) -> ScannerSettings:
        return self.settings.scanners

    def scanners(self) -> list[Scanner]:
        return scanners(self.settings.scanners)

    def wedge_detector(self) -> WedgeDetector | None:
        return wedge_detector(self.settings.scanners)

    def apply(self, settings: DeviceSettings) -> None:
        """Use changed settings now (after the settings dialog saved them); refused while jobs are open,
        because a new queue would not carry them."""
        open_jobs = self.print_queue.open_jobs()
        if open_jobs:
            raise ValidationError(_("{open_jobs} print job(s) are still open: let them print or cancel them first",
                                    open_jobs=open_jobs))
        self.settings = settings
        self.print_queue = self.print_queue.with_settings(settings)
        self.labels.station = self.print_queue
        self.problem = None


def build(settings: DeviceSettings, uow: Callable[[], SqlUnitOfWork], *, problem: str | None = None
          ) -> StationDevices:
    station = StationPrinting(settings, uow)
    app_uow: Callable[[], UnitOfWork] = uow
    return StationDevices(settings, station, Labels(station, app_uow), parse_barcode, problem)
