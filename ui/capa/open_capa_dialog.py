"""Open a CAPA (DEV-2), from a deviation or on its own, with the date its effectiveness is to be checked."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit, QWidget

from app import capa
from app.capa import CapaView
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


def date_field(name: str, days_ahead: int) -> QDateEdit:
    field = QDateEdit(QDate(date.today() + timedelta(days=days_ahead)))
    field.setObjectName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    return field


def text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # keyboard only: Tab goes to the next field
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
    return box


class OpenCapaDialog(FormDialog[CapaView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, deviation: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="openCapa", title=self.tr("Open CAPA"), ok_text=self.tr("Open CAPA"),
                         parent=parent)
        self.ctx, self.actor = ctx, actor
        self.title = self.add_row(self.tr("Title"), line_edit("capaTitle", self.tr("e.g. Pouch sealer drift")))
        self.description = self.add_row(self.tr("Description"), text_box(
            "capaDescription", self.tr("The problem and what the CAPA is to achieve")))
        self.deviation = self.add_row(self.tr("From deviation"), line_edit(
            "capaDeviation", self.tr("Deviation number (optional)")))
        self.deviation.setText(deviation or "")
        self.due = self.add_row(self.tr("Effectiveness check due"), date_field("capaEffectivenessDue", 90))
        self.finish()

    def submit(self) -> None:
        ctx, actor = self.ctx, self.actor
        title, description, deviation = self.title.text(), self.description.toPlainText(), self.deviation.text()
        due = self.due.date().toPython()
        self.run(lambda: capa.open_capa(ctx.uow(), actor, title, description, due, deviation or None))
