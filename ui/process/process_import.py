"""Import data-logger readings and MES values from the desktop (INT-1, PRC-2..PRC-4), as the CLI does: every
line is checked in a dry run first (progress and Cancel), each rejected line is listed with its number and
nothing is stored; a clean file is stored all or nothing only after the user has seen what it would add (new
readings, excursions and values out of limits, each opening its deviation)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app import process_steps, readings
from app.process_steps import ValuesImport
from app.readings import ImportReport
from domain.errors import Cancelled
from domain.users import Actor
from ui.shell.changes import BATCH, ChangeHub, Changes
from ui.shell.task_runner import Runner, TaskState, user_message
from ui.widgets.widget_parts import quantity_text

if TYPE_CHECKING:
    from app.services import Services

SHOWN_REJECTIONS = 200  # a box lists this many rejected lines; the rest are counted


def _readings(ctx: Services, actor: Actor, path: Path, dry_run: bool, state: TaskState) -> ImportReport:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return readings.import_readings(ctx.uow(), actor, handle, path.name, dry_run=dry_run, progress=state)


def _values(ctx: Services, actor: Actor, path: Path, dry_run: bool, state: TaskState) -> ValuesImport:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = handle.readlines()
    return process_steps.import_values(ctx.uow(), actor, lines, dry_run=dry_run, progress=state)


class ProcessImport(QObject):
    """`finished(text, ok)` with what was stored, or why nothing was (rejected lines, cancelled, refused)."""

    finished = Signal(str, bool)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.actor, self.changes, self.window = ctx, runner, actor, changes, parent

    # --- starting -----------------------------------------------------------------------------------
    def choose_readings(self) -> None:
        path = self._open(self.tr("Import data-logger readings"))
        if path is not None:
            self.import_readings(path)

    def choose_values(self) -> None:
        path = self._open(self.tr("Import MES process values"))
        if path is not None:
            self.import_values(path)

    def _open(self, title: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(self.window, title, "", self.tr("CSV files (*.csv);;All files (*)"))
        return Path(name) if name else None

    def import_readings(self, path: Path) -> None:
        self._check(path, _readings, self._readings_checked)

    def import_values(self, path: Path) -> None:
        self._check(path, _values, self._values_checked)

    def _check(self, path: Path, job: Callable[..., Any], checked: Callable[[Path, Any], None]) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run_long(lambda state: job(ctx, actor, path, True, state),
                             title=self.tr("Checking every line of {file}...").format(file=path.name),
                             parent=self.window, on_done=lambda result: checked(path, result),
                             on_error=self._not_imported)

    # --- after the dry run --------------------------------------------------------------------------
    def _readings_checked(self, path: Path, report: ImportReport) -> None:
        if report.rejections:
            self._rejected(path, report.rows, [str(r) for r in report.rejections])
            return
        lines = [self.tr("{file}: {new} new readings ({already} already stored), {n} new excursion(s).").format(
            file=path.name, new=report.new_readings, already=report.already_stored, n=len(report.excursions))]
        lines += [e.describe() for e in report.excursions]
        if report.excursions:
            lines.append(self.tr("Each excursion opens a deviation."))
        if self._confirm("\n".join(lines)):
            self._store(path, _readings, self._readings_stored)

    def _values_checked(self, path: Path, result: ValuesImport) -> None:
        if result.rejections:
            self._rejected(path, result.rows, [self.tr("line {line}: {reason}").format(line=line, reason=reason)
                                               for line, reason in result.rejections])
            return
        flagged = [v for v in result.values if v.out_of_limits]
        lines = [self.tr("{file}: {n} values, {out} out of limits.").format(file=path.name, n=len(result.values),
                                                                            out=len(flagged))]
        lines += [self.tr("step {step} {parameter} = {value} {unit}").format(
            step=v.step_no, parameter=v.parameter, value=quantity_text(v.value), unit=v.unit) for v in flagged]
        if flagged:
            lines.append(self.tr("Each value out of limits opens a deviation."))
        if self._confirm("\n".join(lines)):
            self._store(path, _values, self._values_stored)

    def _rejected(self, path: Path, rows: int, reasons: list[str]) -> None:
        text = self.tr("{file}: {n} of {rows} lines rejected; nothing was stored.").format(
            file=path.name, n=len(reasons), rows=rows)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import refused"), text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("importRejected")
        shown = reasons[:SHOWN_REJECTIONS]
        more = len(reasons) - len(shown)
        box.setInformativeText("\n".join(shown[:10]) + ("\n..." if len(shown) > 10 else ""))
        box.setDetailedText("\n".join(shown) + (self.tr("\n... and {n} more").format(n=more) if more else ""))
        try:
            box.exec()
        finally:
            box.deleteLater()
        self.finished.emit(text, False)

    def _confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Store the import?"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("importConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Store all"))
        try:
            stored = box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()
        if not stored:
            self.finished.emit(self.tr("Import not stored: nothing was changed."), False)
        return stored

    # --- storing ------------------------------------------------------------------------------------
    def _store(self, path: Path, job: Callable[..., Any], stored: Callable[[Any], None]) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run_long(lambda state: job(ctx, actor, path, False, state),
                             title=self.tr("Storing {file}...").format(file=path.name), parent=self.window,
                             on_done=stored, on_error=self._not_imported)

    def _readings_stored(self, report: ImportReport) -> None:
        if report.rejections:  # the data changed between the check and the store: nothing was stored
            self.finished.emit(report.summary(), False)
            return
        self.changes.announce(Changes.of(BATCH))
        self.finished.emit(self.tr("{file}: stored {new} readings, {n} new excursion(s).").format(
            file=report.file_name, new=report.new_readings, n=len(report.excursions)), True)

    def _values_stored(self, result: ValuesImport) -> None:
        if result.rejections:
            self.finished.emit(self.tr("{n} lines rejected; nothing was stored.").format(n=len(result.rejections)),
                               False)
            return
        self.changes.announce(Changes.of(BATCH))
        self.finished.emit(self.tr("Recorded {n} values, {out} out of limits.").format(
            n=len(result.values), out=sum(1 for v in result.values if v.out_of_limits)), True)

    def _not_imported(self, error: Exception) -> None:
        """Said by the page that started the import (it has the message line); a cancel is no error."""
        if isinstance(error, Cancelled):
            self.finished.emit(self.tr("Import cancelled: nothing was stored."), False)
            return
        self.finished.emit(user_message(error), False)
