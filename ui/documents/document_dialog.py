"""Asks how to issue a document: printed (with preview), as PDF or as Word file; in English or Chinese; as a
controlled or an uncontrolled copy. It writes nothing itself: the caller generates off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLineEdit, QWidget

from domain.documents import DocumentFormat
from domain.i18n import language
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import push_button


@dataclass(frozen=True)
class DocumentChoice:
    file_format: DocumentFormat  # PAPER: print with a preview
    language: str  # "en" or "zh"
    controlled: bool
    path: Path | None  # for PDF and DOCX


class DocumentDialog(FormDialog[DocumentChoice]):
    def __init__(self, runner: Runner, title: str, file_stem: str, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="document", title=title, ok_text=self.tr("Generate"), parent=parent)
        self.file_stem = file_stem
        self.output = QComboBox()
        self.output.setObjectName("documentOutput")
        self.output.addItem(self.tr("Print (with preview)"), DocumentFormat.PAPER)
        self.output.addItem(self.tr("PDF file"), DocumentFormat.PDF)
        self.output.addItem(self.tr("Word file (DOCX)"), DocumentFormat.DOCX)
        self.add_row(self.tr("Output"), self.output)
        self.language = QComboBox()
        self.language.setObjectName("documentLanguage")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem("简体中文", "zh")
        if language().startswith("zh"):  # a Chinese station issues Chinese documents unless the user picks English
            self.language.setCurrentIndex(1)
        self.add_row(self.tr("Language"), self.language)
        self.controlled = QCheckBox(self.tr("Controlled copy (unticked: marked UNCONTROLLED COPY)"))
        self.controlled.setObjectName("documentControlled")
        self.controlled.setChecked(True)
        self.add_row("", self.controlled)
        self.path = QLineEdit()
        self.path.setObjectName("documentPath")
        self.browse = push_button(self.tr("Browse..."), "documentBrowse", self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.path_row = QWidget()
        self.path_row.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_row(self.tr("File"), self.path_row)
        self.output.currentIndexChanged.connect(self._output_changed)
        self._output_changed()
        self.finish()

    @property
    def file_format(self) -> DocumentFormat:
        value: DocumentFormat = self.output.currentData()
        return value

    def _output_changed(self) -> None:
        to_file = self.file_format is not DocumentFormat.PAPER
        self.path_row.setEnabled(to_file)
        if to_file:
            current = self.path.text().strip()
            folder = Path(current).parent if current else Path(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
            self.path.setText(str(folder / f"{self.file_stem}.{self.file_format.value}"))

    def _browse(self) -> None:
        suffix = self.file_format.value
        name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(),
                                              self.tr("{kind} files (*.{suffix})").format(kind=suffix.upper(),
                                                                                          suffix=suffix))
        if name:
            self.path.setText(name if name.lower().endswith(f".{suffix}") else f"{name}.{suffix}")

    def submit(self) -> None:
        self.message.clear_message()
        path = None
        if self.file_format is not DocumentFormat.PAPER:
            text = self.path.text().strip()
            if not text:
                self.fail(self.tr("Give the file to write."))
                return
            path = Path(text)
        self.done_with(DocumentChoice(self.file_format, self.language.currentData(), self.controlled.isChecked(),
                                      path))
