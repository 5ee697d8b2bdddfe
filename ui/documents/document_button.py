"""The button that issues a record's document (the batch record on the batch pane, the recall report, the
certificate of analysis of a lot): asks how (`DocumentDialog`), generates off the GUI thread with progress and
cancel, and for paper opens Qt's print preview, whose Print button goes through the printer dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QPushButton, QWidget

from app.documents.issuing import DocumentRequest, IssuedDocumentView, issue_document, issue_for_print
from app.services import Services
from domain.documents import Document, DocumentFormat, DocumentKind
from domain.users import Actor, Permission
from ui.documents.document_dialog import DocumentChoice, DocumentDialog
from ui.shell.task_runner import Runner, user_message


class DocumentButton(QPushButton):
    """`issued(text)` and `failed(text)` are for the pane's message line."""

    issued = Signal(str)
    failed = Signal(str)

    def __init__(self, services: Services, runner: Runner, actor: Actor, kind: DocumentKind, text: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName(name)
        self.services, self.runner, self.actor, self.kind = services, runner, actor, kind
        self.subject: str | None = None
        self.clicked.connect(lambda _checked=False: self.generate())
        self.set_subject(None)

    def set_subject(self, number: str | None) -> None:
        """The record the document is about; the button shows only to those who may generate documents."""
        self.subject = number
        self.setVisible(number is not None and self.actor.can(Permission.ISSUE_DOCUMENT))

    def ask(self) -> DocumentChoice | None:
        return DocumentDialog.ask(self.runner, self.text().rstrip("."), f"{self.kind.prefix}-{self.subject}",
                                  parent=self.window())

    def generate(self) -> None:
        subject = self.subject
        choice = self.ask() if subject else None
        if subject is None or choice is None:
            return
        request = DocumentRequest(self.kind, subject, choice.file_format, choice.language, choice.controlled)
        services, actor = self.services, self.actor
        title = self.text().rstrip(".")
        if choice.file_format is DocumentFormat.PAPER:
            self.runner.run_long(lambda state: issue_for_print(services.uow(), actor, request, state), title=title,
                                 parent=self.window(), on_done=self._print, on_error=self._not_written)
            return
        path = choice.path
        assert path is not None
        self.runner.run_long(
            lambda state: issue_document(services.uow(), actor, services.render_document, request, path, state),
            title=title, parent=self.window(), on_done=self._written, on_error=self._not_written, database=False)

    def _written(self, view: IssuedDocumentView) -> None:
        self.issued.emit(self.tr("Document {number} written to {file} (SHA-256 {sha}).").format(
            number=view.number, file=view.file_name, sha=view.file_sha256[:16] + "…"))

    def _print(self, result: tuple[Document, IssuedDocumentView]) -> None:
        document, view = result
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(document.number)
        self.preview(document, printer)
        self.issued.emit(self.tr("Document {number} issued for printing.").format(number=view.number))

    def preview(self, document: Document, printer: QPrinter) -> None:
        """Qt's print preview: its toolbar prints through the system's printer dialog."""
        dialog = QPrintPreviewDialog(printer, self.window())
        dialog.setObjectName("documentPreview")
        dialog.paintRequested.connect(lambda device: self.services.paint_document(document, device))
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _not_written(self, error: Exception) -> None:
        """The page holding the button shows it in its own message line (the button has none)."""
        self.failed.emit(user_message(error))
