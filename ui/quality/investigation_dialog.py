"""The findings of a deviation's investigation (DEV-1): what was investigated, the root cause (category and
text) and the disposition; each change is audited with the reason given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from app import deviations
from app.deviations import DeviationView
from domain.deviations import RootCause
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


def _text_box(name: str, text: str | None) -> QPlainTextEdit:
    box = QPlainTextEdit(text or "")
    box.setObjectName(name)
    box.setTabChangesFocus(True)  # keyboard only: Tab goes to the next field
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
    return box


class InvestigationDialog(FormDialog[DeviationView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, deviation: DeviationView,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="investigation", title=self.tr("Findings: deviation {number}").format(
            number=deviation.number), ok_text=self.tr("Record findings"), parent=parent)
        self.ctx, self.actor, self.number = ctx, actor, deviation.number
        self.investigation = self.add_row(self.tr("Investigation"),
                                          _text_box("investigationText", deviation.investigation))
        self.category = self.add_row(self.tr("Root cause category"), QComboBox())
        self.category.setObjectName("rootCauseCategory")
        self.category.addItem(self.tr("(not yet known)"), None)
        for cause in RootCause:
            self.category.addItem(status_name(cause.value), cause.value)
        self.category.setCurrentIndex(max(self.category.findData(deviation.root_cause_category), 0))
        self.root_cause = self.add_row(self.tr("Root cause"), _text_box("rootCauseText", deviation.root_cause))
        self.disposition = self.add_row(self.tr("Disposition"),
                                        _text_box("dispositionText", deviation.disposition))
        self.reason = self.add_row(self.tr("Reason for the change"), line_edit(
            "investigationReason", self.tr("e.g. lab investigation report LIR-12")))
        self.finish()

    def submit(self) -> None:
        ctx, actor, number = self.ctx, self.actor, self.number
        investigation, category = self.investigation.toPlainText(), self.category.currentData()
        root_cause, disposition = self.root_cause.toPlainText(), self.disposition.toPlainText()
        reason = self.reason.text().strip() or "investigation findings recorded"
        self.run(lambda: deviations.record_investigation(
            ctx.uow(), actor, number, investigation=investigation, root_cause_category=category,
            root_cause=root_cause, disposition=disposition, reason=reason))
