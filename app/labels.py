"""Lot labels (LOT-4, DEVC-5, DEVC-6): print, reprint with a reason, preview, and the station's print queue.

A received or intermediate lot gets the material lot label (its number as Code 128, which a scan opens);
a finished-device lot gets the UDI label: GS1 DataMatrix, GS1-128 and the human-readable line of
(01) the item's GTIN, (11) production date, (17) expiry, (10) lot. The template comes from the printer's
station settings and is journalled with its version. A lot whose label was printed before (or is still
waiting to print) needs a reason for another one, which is then a reprint naming that job.

`Labels` is bound to the station's `PrintStation` (devices, built by app/station_devices.py) and is also
the `LabelPrinting` seam of `app.lots.receive_lot`: after a receipt the lot label goes to the default
printer, if the station has one. A label problem never undoes the receipt; a printer problem leaves the
job in the queue, waiting, where `print_queue_status()` shows it.

Printing is not a permission of its own: whoever handles lots (receives, issues, produces, ships or
releases them) may print their labels.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from app import i18n
from app.lots import LotView
from app.ports import LabelRequest, PrinterInfo, PrintJobView, PrintStation, UnitOfWork
from app.station_settings import DEFAULT_LOT_TEMPLATE, DEFAULT_UDI_TEMPLATE
from domain.errors import NotFound, ReasonRequired, ValidationError
from domain.i18n import _
from domain.items import Item, ItemType
from domain.label_layout import ResolvedLabel
from domain.lots import Lot
from domain.printing import PrintRecord, PrintState, check_copies
from domain.quantities import fmt
from domain.users import Actor, Permission

log = logging.getLogger(__name__)

LOT = "lot"
LABEL_RIGHTS = (Permission.RECEIVE_LOT, Permission.ISSUE_MATERIAL, Permission.PRODUCE_BATCH, Permission.SHIP,
                Permission.RELEASE_LOT, Permission.RELEASE_BATCH)
Work = Callable[[], object]


def can_print_labels(actor: Actor) -> bool:
    """For showing the print buttons and the print journal page; the services check again."""
    return any(actor.can(permission) for permission in LABEL_RIGHTS)


def require_label_right(actor: Actor) -> None:
    if not can_print_labels(actor):
        actor.require(Permission.RECEIVE_LOT)  # raises AccessDenied, which the unit of work audits


def is_udi_lot(item: Item) -> bool:
    return item.item_type is ItemType.FINISHED_DEVICE


def lot_label_data(lot: Lot, item: Item) -> dict[str, object]:
    """The label fields, named as devices/labels/templates.py's templates use them."""
    if is_udi_lot(item):
        return {"gtin": item.gtin, "lot_number": lot.lot_number, "expiry": lot.expires_on,
                "production_date": lot.manufactured_on, "serial": None, "product_name": item.name,
                "catalog_number": item.code}
    return {"material_name": item.name, "material_code": item.code, "lot_number": lot.lot_number,
            "expiry": lot.expires_on, "quantity": fmt(lot.quantity), "unit": lot.unit.value,
            "supplier_lot": lot.supplier_lot, "status": lot.status.value.upper(),
            # for the Chinese templates (material-lot-zh): the status as the glossary words it, whatever the
            # language of the user who prints
            "status_zh": i18n.context_catalogue(i18n.CHINESE, "Status").get(lot.status.value, lot.status.value)}


def journal_view(entry: PrintRecord) -> PrintJobView:
    assert entry.id is not None
    return PrintJobView(
        entry.id, entry.state.value, entry.last_error or "", entry.printer, entry.language, entry.transport,
        entry.record_type, entry.record_id, entry.template_id, entry.copies, entry.user_id, entry.user_name,
        entry.created_at, entry.attempts, entry.content, entry.reprint_of, entry.reason,
    )


class Labels:
    """Label printing at this station. Methods that take a `uow` read the database: run them on the
    database thread; sending queued jobs does network I/O: never the GUI thread."""

    def __init__(self, station: PrintStation, uow: Callable[[], UnitOfWork],
                 dispatch: Callable[[Work], None] | None = None) -> None:
        self.station = station
        self._uow = uow
        # How queued jobs get sent: None sends at once on the calling thread (CLI, tests); the GUI sets
        # `lambda work: runner.run(work, database=False)` so the devices pool does it.
        self.dispatch = dispatch
        self.on_problem: Callable[[str], None] | None = None  # an automatic label that could not be queued

    # --- the station ----------------------------------------------------------------------------------

    def printers(self) -> list[PrinterInfo]:
        return list(self.station.printers())

    @property
    def default_printer(self) -> str | None:
        return self.station.default_printer

    def subscribe(self, listener: Callable[[PrintJobView], None]) -> None:
        """`listener` is called on every job change, from the thread that made it (bridge it to the GUI)."""
        self.station.subscribe(listener)

    def unsubscribe(self, listener: Callable[[PrintJobView], None]) -> None:
        """Stop telling `listener` (a window that closes: the station outlives the session)."""
        self.station.unsubscribe(listener)

    # --- printing -------------------------------------------------------------------------------------

    def print_lot_label(self, uow: UnitOfWork, actor: Actor, lot_number: str, *, printer: str | None = None,
                        copies: int = 1, reason: str | None = None) -> PrintJobView:
        """Journal and queue the lot's label, then send it; returns the job with its state (waiting, with
        the printer's message, when the printer cannot take it). A second label of a lot needs `reason`."""
        check_copies(copies)
        info = self._printer(printer)
        with uow.acting_as(actor) as tx:
            require_label_right(actor)
            lot, item = _lot_and_item(tx, lot_number)
            number = lot.lot_number  # read inside: the objects expire when the transaction ends
            reprint_of = _earlier_job(tx.print_jobs.for_record(LOT, number), number, reason)
            template = info.udi_label_template if is_udi_lot(item) else info.lot_label_template
            data = lot_label_data(lot, item)
        self._known_template(template)
        job = self.station.submit(LabelRequest(info.name, template, data, copies, actor, LOT, number, reprint_of,
                                               reason))
        self._send()
        return self._latest(job)

    def lot_received(self, lot: LotView, actor: Actor) -> None:
        """The `app.lots.LabelPrinting` seam: the new lot's label on the default printer, if there is one."""
        if self.default_printer is None:
            return
        try:
            self.print_lot_label(self._uow(), actor, lot.lot_number)
        except Exception as error:  # the receipt is committed: a label problem must not look like its failure
            log.exception("the label of lot %s was not queued", lot.lot_number)
            if self.on_problem is not None:
                self.on_problem(f"Lot {lot.lot_number} was received, but its label was not queued: {error}")

    def label_preview(self, uow: UnitOfWork, actor: Actor, lot_number: str, template: str | None = None,
                      printer: str | None = None) -> ResolvedLabel:
        """The lot's label laid out in printer dots at the printer's resolution, as it will print; the desktop
        draws it (ui/labels/label_image.py)."""
        with uow.acting_as(actor) as tx:
            require_label_right(actor)
            lot, item = _lot_and_item(tx, lot_number)
            data, udi = lot_label_data(lot, item), is_udi_lot(item)
        info = self._printer(printer) if printer or self.default_printer else None
        if template is None:
            template = (info.udi_label_template if udi else info.lot_label_template) if info else (
                DEFAULT_UDI_TEMPLATE if udi else DEFAULT_LOT_TEMPLATE)
        self._known_template(template)
        return self.station.label_layout(template, data, info.dpi if info else None)

    # --- the queue ------------------------------------------------------------------------------------

    def print_queue_status(self) -> list[PrintJobView]:
        """This station's jobs of this session, oldest first, each with its state and error."""
        return self.station.jobs()

    def retry_job(self, actor: Actor, job_id: int) -> PrintJobView:
        """Put a waiting or failed job back in line and send it."""
        self._check_right(actor)
        job = self.station.retry(actor, job_id)
        self._send()
        return self._latest(job)

    def cancel_job(self, actor: Actor, job_id: int, reason: str) -> PrintJobView:
        self._check_right(actor)
        if not reason or not reason.strip():
            raise ReasonRequired(_("cancelling a print job needs a reason"))
        return self.station.cancel(actor, job_id, reason.strip())

    def print_journal(self, uow: UnitOfWork, actor: Actor, *, record_id: str | None = None,
                      open_only: bool = False, limit: int = 500) -> list[PrintJobView]:
        """Every station's label jobs from the database, newest first (the print journal page)."""
        with uow.acting_as(actor) as tx:
            if not actor.can(Permission.VIEW_AUDIT):
                require_label_right(actor)
            states = [s for s in PrintState if s.open] if open_only else []
            return [journal_view(e) for e in tx.print_jobs.list(states=states, record_id=record_id, limit=limit)]

    # --- internals ------------------------------------------------------------------------------------

    def _printer(self, name: str | None) -> PrinterInfo:
        wanted = name or self.default_printer
        if wanted is None:
            raise ValidationError(_("this station has no default label printer: choose one in the station settings"))
        for info in self.station.printers():
            if info.name == wanted:
                return info
        raise NotFound(_("this station has no printer named '{wanted}'", wanted=wanted))

    def _check_right(self, actor: Actor) -> None:
        """Inside a unit of work, so that a refusal is audited like every other."""
        with self._uow().acting_as(actor):
            require_label_right(actor)

    def _known_template(self, template: str) -> None:
        if template not in self.station.templates():
            raise NotFound(_("there is no label template {template}: use one of {choices}",
                             template=template, choices=', '.join(self.station.templates())))

    def _send(self) -> None:
        if self.dispatch is None:
            self.station.process()
        else:
            self.dispatch(self.station.process)

    def _latest(self, job: PrintJobView) -> PrintJobView:
        return next((j for j in self.station.jobs() if j.job_id == job.job_id), job)


def _lot_and_item(tx: UnitOfWork, lot_number: str) -> tuple[Lot, Item]:
    lot = tx.lots.by_number(lot_number.strip())
    if lot is None:
        raise NotFound(_("no lot {lot_number}", lot_number=lot_number))
    item = tx.master_data.item(lot.item_code)
    assert item is not None
    return lot, item


def _earlier_job(earlier: Sequence[PrintRecord], lot_number: str, reason: str | None) -> int | None:
    """The job a new label repeats (None for the first label); without a reason a repeat is refused."""
    kept: list[PrintRecord] = [e for e in earlier if e.state is not PrintState.CANCELLED]
    if not kept:
        return None
    printed = [e for e in kept if e.state is PrintState.PRINTED]
    last = (printed or kept)[-1]
    if not reason or not reason.strip():
        if printed:
            raise ReasonRequired(_("the label of lot {lot_number} was printed before (print job {id}): a reprint "
                                   "needs a reason",
                                   lot_number=lot_number, id=last.id))
        raise ReasonRequired(_("lot {lot_number} already has a label job that is {state} (print job {id}): retry it, "
                               "or give a reason to print another",
                               lot_number=lot_number, state=_(last.state.value), id=last.id))
    return last.id
