"""The batch record from the batch pane (DOC-1, DOC-2): the dialog, a PDF written off the GUI thread with the
pane saying where, and printing through Qt's preview onto a printer (a PDF printer here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app import deviations, i18n
from app.bootstrap import AppContext
from app.signatures import SigningSession
from domain.documents import DocumentFormat
from domain.users import Actor
from tests.app.lots_support import build_site
from tests.reports.document_site import ReleasedBatch, pdf_text, released_batch, squeezed
from tests.ui.conftest import message_text
from tests.ui.layout_check import layout_problems
from ui.batches.batch_detail_widget import BatchDetailWidget
from ui.documents.document_button import DocumentButton
from ui.documents.document_dialog import DocumentChoice, DocumentDialog
from ui.quality.deviation_detail_widget import DeviationDetailWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner

SHOTS = Path("/tmp/h12")


@pytest.fixture
def batch(ui_ctx: AppContext, admin: Actor, ui_db_url: str, tmp_path: Path) -> tuple[ReleasedBatch, Actor]:
    site = build_site(ui_ctx, admin, ui_db_url)
    return released_batch(site, tmp_path / "labels.zpl"), site.qa


@pytest.fixture
def pane(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, batch: tuple[ReleasedBatch, Actor]
         ) -> BatchDetailWidget:
    widget = BatchDetailWidget(ui_ctx, runner, batch[1], ChangeHub())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.show_record(batch[0].number)
    return widget


@pytest.mark.req("DOC-1", "DOC-2")
def test_batch_record_button_writes_a_pdf_and_says_where(pane: BatchDetailWidget, batch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    button = pane.findChild(DocumentButton, "batchRecord")
    assert button is not None and button.isVisible()
    out = tmp_path / "record.pdf"
    monkeypatch.setattr(DocumentButton, "ask", lambda self: DocumentChoice(DocumentFormat.PDF, "zh", True, out))
    button.click()
    assert f"BR-{batch[0].number}-R1" in message_text(pane, "batchDetailMessage")
    text, pages = pdf_text(out)
    assert "批生产记录" in squeezed(text) and pages >= 2
    SHOTS.mkdir(exist_ok=True)
    pane.grab().save(str(SHOTS / "batch-pane.png"))
    assert layout_problems(pane) == []


@pytest.mark.req("DOC-2")
def test_printing_goes_through_the_preview_onto_the_printer(pane: BatchDetailWidget, batch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(DocumentButton, "ask", lambda self: DocumentChoice(DocumentFormat.PAPER, "en", False, None))

    def preview(self: DocumentButton, document, printer: QPrinter) -> None:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # the printer the user would pick
        printer.setOutputFileName(str(out))
        self.services.paint_document(document, printer)

    monkeypatch.setattr(DocumentButton, "preview", preview)
    pane.findChild(DocumentButton, "batchRecord").click()
    assert f"BR-{batch[0].number}-R1 issued for printing" in message_text(pane, "batchDetailMessage")
    text, pages = pdf_text(out)
    assert "UNCONTROLLED COPY" in text and f"Page {pages} of {pages}" in text
    for sig in batch[0].signatures:
        assert squeezed(sig.printed_name) in squeezed(text)


def test_the_dialog_offers_print_pdf_and_word_and_needs_a_file(qtbot: QtBot, runner: SyncTaskRunner) -> None:
    dialog = DocumentDialog(runner, "Batch record", "BR-B1")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.path_row.isEnabled()
    dialog.output.setCurrentIndex(1)
    assert dialog.path.text().endswith("BR-B1.pdf") and dialog.path_row.isEnabled()
    dialog.output.setCurrentIndex(2)
    assert dialog.path.text().endswith("BR-B1.docx")
    dialog.language.setCurrentIndex(1)
    dialog.path.setText("")
    dialog.submit()
    assert dialog.result_value is None and "Give the file" in message_text(dialog, "documentMessage")
    dialog.path.setText("/tmp/x.docx")
    dialog.submit()
    assert dialog.result_value == DocumentChoice(DocumentFormat.DOCX, "zh", True, Path("/tmp/x.docx"))
    dialog.resize(1280, 800)
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "document-dialog.png"))
    assert layout_problems(dialog) == []


@pytest.mark.req("GEN-6")
def test_a_chinese_station_issues_chinese_documents_unless_told_otherwise(qtbot: QtBot,
                                                                         runner: SyncTaskRunner) -> None:
    i18n.use_language(i18n.CHINESE)
    dialog = DocumentDialog(runner, "Batch record", "BR-B1")
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "zh"
    i18n.use_language(i18n.ENGLISH)
    english = DocumentDialog(runner, "Batch record", "BR-B1")
    qtbot.addWidget(english)
    assert english.language.currentData() == "en"


@pytest.mark.req("DEV-1", "DOC-2")
def test_deviation_report_from_the_deviation_pane(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                  batch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    released, qa = batch
    dev = deviations.open_deviation(ui_ctx.uow(), qa, "Seal check", "seal strength drifted low", "Minor",
                                    [("batch", released.number)])
    pane = DeviationDetailWidget(ui_ctx, runner, qa, ChangeHub(), session=SigningSession(qa))
    qtbot.addWidget(pane)
    pane.resize(1280, 800)
    pane.show()
    pane.show_record(dev.number)
    button = pane.findChild(DocumentButton, "deviationReport")
    assert button is not None and button.isVisible()
    out = tmp_path / "deviation.pdf"
    monkeypatch.setattr(DocumentButton, "ask", lambda self: DocumentChoice(DocumentFormat.PDF, "en", True, out))
    button.click()
    assert f"DR-{dev.number}-R1" in message_text(pane, "deviationDetailMessage")
    text, _pages = pdf_text(out)
    assert f"Deviation report {dev.number}" in text and "Seal check" in text and released.number in text
    SHOTS.mkdir(exist_ok=True)
    pane.grab().save(str(SHOTS / "deviation-pane.png"))
    assert layout_problems(pane) == []
