"""Printing over a real TCP socket; offline and out-of-paper printers keep the job (DEVC-5, DEVC-6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from devices.labels.queue import JobState, LabelPrinter, PrintJob, PrintQueue
from devices.labels.templates import UDI_LABEL, LabelData, resolve
from devices.labels.transports import TcpTransport
from devices.labels.tspl import TsplLanguage
from devices.labels.zpl import ZplLanguage, host_status_answer
from domain.errors import NotFound, ReasonRequired, ValidationError
from domain.label_layout import ResolvedLabel
from tests.devices.conftest import FakePrinterServer, free_port

DEVICE = LabelData(
    gtin="09506000134352", lot_number="A213B1", expiry=date(2027, 7, 31), production_date=None, serial="1234",
    product_name="Infusion set IS-20", catalog_number="IS-20",
)


@pytest.fixture
def label() -> ResolvedLabel:
    return resolve(UDI_LABEL, DEVICE)


class ListJournal:
    def __init__(self) -> None:
        self.records: list[PrintJob] = []
        self.refuse = False

    def record(self, job: PrintJob) -> None:
        if self.refuse:
            raise RuntimeError("database unavailable")
        self.records.append(job)

    def states(self, job_id: int) -> list[JobState]:
        return [job.state for job in self.records if job.id == job_id]


def zebra(port: int, **options: object) -> LabelPrinter:
    transport = TcpTransport("127.0.0.1", port, connect_timeout_s=1.0)
    return LabelPrinter("Zebra line 1", ZplLanguage(), transport, status_timeout_s=0.5, **options)  # type: ignore[arg-type]


@pytest.mark.req("DEVC-5")
@pytest.mark.req("DEVC-6")
def test_a_zpl_label_reaches_the_printer_over_tcp(printer_server: FakePrinterServer, label: ResolvedLabel) -> None:
    journal = ListJournal()
    queue = PrintQueue([zebra(printer_server.port)], journal=journal)
    job = queue.submit("Zebra line 1", label, requested_by="ada", copies=2)
    assert job.state is JobState.QUEUED
    [printed] = queue.process()
    assert printed.state is JobState.PRINTED and printed.error == "" and printed.attempts == 1
    [received] = printer_server.wait_for_jobs(1)
    assert received == job.payload
    assert b"^BXN,4,200,,,,_^FD_10109506000134352172707311" in received and b"^PQ2" in received
    assert printer_server.queries == [b"~HS"]  # the status was asked before sending
    assert journal.states(job.id) == [JobState.QUEUED, JobState.PRINTING, JobState.PRINTED]
    assert journal.records[0].requested_by == "ada" and journal.records[0].copies == 2
    assert journal.records[-1].summary["udi"] == "(01)09506000134352(17)270731(10)A213B1(21)1234"


@pytest.mark.req("DEVC-5")
def test_a_tspl_label_reaches_the_printer_over_tcp(printer_server: FakePrinterServer, label: ResolvedLabel) -> None:
    printer = LabelPrinter("TSC", TsplLanguage(), TcpTransport("127.0.0.1", printer_server.port), status_timeout_s=0.5)
    queue = PrintQueue([printer])
    job = queue.submit("TSC", label, requested_by="ada")
    assert queue.process()[0].state is JobState.PRINTED
    [received] = printer_server.wait_for_jobs(1)
    assert received == job.payload and received.startswith(b"SIZE 100 mm,60 mm\r\n")
    assert b'DMATRIX 40,120,128,128,c126,x4,"~1' in received
    assert printer_server.queries == [b"\x1b!?"]


@pytest.mark.req("DEVC-6")
def test_a_closed_port_keeps_the_job_waiting_until_retry_prints_it(
    start_printer_server: Callable[[int], FakePrinterServer], label: ResolvedLabel
) -> None:
    port = free_port()
    journal = ListJournal()
    queue = PrintQueue([zebra(port)], journal=journal)
    job = queue.submit("Zebra line 1", label, requested_by="ada")
    [waiting] = queue.process()
    assert waiting.state is JobState.WAITING
    assert waiting.error == (
        f"The printer at 127.0.0.1:{port} refused the connection: is it switched on, and is the port right?"
    )
    assert queue.jobs() == [waiting]  # kept, with its state and error visible

    server = start_printer_server(port)  # the printer is switched on
    assert queue.retry(job.id).state is JobState.QUEUED
    [printed] = queue.process()
    assert printed.state is JobState.PRINTED and printed.attempts == 2
    assert server.wait_for_jobs(1) == [job.payload]
    assert journal.states(job.id) == [
        JobState.QUEUED, JobState.PRINTING, JobState.WAITING, JobState.QUEUED, JobState.PRINTING, JobState.PRINTED,
    ]


@pytest.mark.req("DEVC-6")
def test_a_zebra_out_of_paper_gives_a_clear_error_and_the_job_is_kept(
    printer_server: FakePrinterServer, label: ResolvedLabel
) -> None:
    printer_server.status = host_status_answer(paper_out=True, head_open=True)
    queue = PrintQueue([zebra(printer_server.port)])
    job = queue.submit("Zebra line 1", label, requested_by="ada")
    [waiting] = queue.process()
    assert waiting.state is JobState.WAITING
    assert waiting.error == "Printer Zebra line 1 is not ready: out of labels (paper out), print head open."
    assert printer_server.jobs == []  # nothing was sent into an empty printer

    printer_server.status = host_status_answer()  # paper loaded, head closed
    queue.retry(job.id)
    assert queue.process()[0].state is JobState.PRINTED
    assert printer_server.wait_for_jobs(1) == [job.payload]


@pytest.mark.req("DEVC-6")
def test_a_silent_zebra_is_not_ready(printer_server: FakePrinterServer, label: ResolvedLabel) -> None:
    printer_server.status = None  # newer firmware does not answer ~HS when out of media or with the head open
    queue = PrintQueue([zebra(printer_server.port)])
    queue.submit("Zebra line 1", label, requested_by="ada")
    [waiting] = queue.process()
    assert waiting.state is JobState.WAITING
    assert "did not answer the status query within 0.5 s" in waiting.error
    assert printer_server.jobs == []


def test_status_check_can_be_switched_off_for_printers_that_do_not_answer(
    printer_server: FakePrinterServer, label: ResolvedLabel
) -> None:
    printer_server.status = None
    queue = PrintQueue([zebra(printer_server.port, check_status=False)])
    queue.submit("Zebra line 1", label, requested_by="ada")
    assert queue.process()[0].state is JobState.PRINTED
    assert printer_server.queries == []


def test_later_jobs_wait_behind_a_blocked_one(label: ResolvedLabel) -> None:
    queue = PrintQueue([zebra(free_port())])
    first = queue.submit("Zebra line 1", label, requested_by="ada")
    second = queue.submit("Zebra line 1", label, requested_by="ada")
    assert [job.id for job in queue.process()] == [first.id]
    assert queue.job(second.id).state is JobState.QUEUED


@pytest.mark.req("DEVC-6")
def test_reprints_need_a_reason_and_name_the_original(printer_server: FakePrinterServer, label: ResolvedLabel) -> None:
    journal = ListJournal()
    queue = PrintQueue([zebra(printer_server.port)], journal=journal)
    original = queue.submit("Zebra line 1", label, requested_by="ada")
    queue.process()
    with pytest.raises(ReasonRequired, match="A reprint needs a reason"):
        queue.reprint(original.id, requested_by="bob", reason=" ")
    reprint = queue.reprint(original.id, requested_by="bob", reason="label damaged", copies=1)
    assert (reprint.reprint_of, reprint.reason, reprint.requested_by) == (original.id, "label damaged", "bob")
    assert reprint.payload == original.payload
    queue.process()
    assert printer_server.wait_for_jobs(2) == [original.payload, original.payload]


@pytest.mark.req("DEVC-6")
def test_a_journal_that_refuses_stops_the_print(printer_server: FakePrinterServer, label: ResolvedLabel) -> None:
    journal = ListJournal()
    journal.refuse = True
    queue = PrintQueue([zebra(printer_server.port)], journal=journal)
    with pytest.raises(RuntimeError, match="database unavailable"):
        queue.submit("Zebra line 1", label, requested_by="ada")
    assert queue.jobs() == []
    assert printer_server.jobs == []


def test_cancel_needs_a_reason_and_keeps_the_job(label: ResolvedLabel) -> None:
    queue = PrintQueue([zebra(free_port())])
    job = queue.submit("Zebra line 1", label, requested_by="ada")
    with pytest.raises(ReasonRequired):
        queue.cancel(job.id, reason="")
    cancelled = queue.cancel(job.id, reason="wrong lot selected")
    assert cancelled.state is JobState.CANCELLED and queue.jobs() == [cancelled]
    assert queue.process() == []
    with pytest.raises(ValidationError, match="can no longer be cancelled"):
        queue.cancel(job.id, reason="again")
    with pytest.raises(ValidationError, match="only waiting or failed jobs are retried"):
        queue.retry(job.id)


def test_submit_checks_printer_and_copies(label: ResolvedLabel) -> None:
    queue = PrintQueue([zebra(free_port())])
    with pytest.raises(NotFound, match="no printer named 'Nope'"):
        queue.submit("Nope", label, requested_by="ada")
    with pytest.raises(ValidationError, match="Copies"):
        queue.submit("Zebra line 1", label, requested_by="ada", copies=0)
    with pytest.raises(NotFound, match="no print job 99"):
        queue.job(99)


def test_changes_are_announced(label: ResolvedLabel) -> None:
    seen: list[JobState] = []
    queue = PrintQueue([zebra(free_port())], on_change=lambda job: seen.append(job.state))
    queue.submit("Zebra line 1", label, requested_by="ada")
    queue.process()
    assert seen == [JobState.QUEUED, JobState.PRINTING, JobState.WAITING]
