"""Open a deviation by hand (DEV-1): what happened, its classification and the lots and batches it touches (each
number checked by the service: an unknown one is refused and nothing is stored). From a refused material issue's
alert (LOT-7) the same dialog escalates the alert: the deviation is linked to the alert, its batch and its lot, and
the alert is acknowledged with the deviation's number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from app import deviations
from app.batches import AlertView
from app.deviations import DeviationView
from domain.deviations import Classification
from domain.users import Actor
from ui.capa.open_capa_dialog import text_box
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services

_SEPARATORS = re.compile(r"[\s,;]+")


def numbers_in(text: str) -> list[str]:
    """The numbers typed in a field, separated by commas, semicolons or spaces; each once, in order."""
    return list(dict.fromkeys(n for n in _SEPARATORS.split(text.strip()) if n))


class OpenDeviationDialog(FormDialog[DeviationView]):
    """`links`: (kind, number) pairs to start from (the lot or batch whose pane it was opened from); `alert`: the
    refused issue's alert to escalate instead (then no title or links are asked: they come from the alert)."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, links: Sequence[tuple[str, str]] = (), *,
                 alert: AlertView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="openDeviation", title=self.tr("Escalate alert to a deviation") if alert
                         else self.tr("New deviation"), ok_text=self.tr("Open deviation"), parent=parent)
        self.ctx, self.actor, self.alert = ctx, actor, alert
        if alert is not None:
            touched = ", ".join(n for n in (alert.batch_number, alert.lot_number) if n)
            self.add_note(self.tr("Alert {id}: {message}\nLinked to the alert and to: {records}\nThe alert is "
                                  "acknowledged with the deviation's number.").format(
                id=alert.id, message=alert.message, records=touched or self.tr("nothing else")),
                "openDeviationAlert")
        else:
            self.title = self.add_row(self.tr("Title"), line_edit(
                "deviationTitle", self.tr("e.g. Torn bag at receipt")))
        self.description = self.add_row(self.tr("Description"), text_box(
            "deviationDescription", self.tr("What happened, where and when, and what was done at once")))
        if alert is not None:
            self.description.setPlainText(alert.message)
        self.classification = self.add_row(self.tr("Classification"), QComboBox())
        self.classification.setObjectName("deviationClassification")
        for grade in Classification:
            self.classification.addItem(status_name(grade.value), grade.value)
        if alert is None:
            self.lots = self.add_row(self.tr("Linked lots"), line_edit(
                "deviationLots", self.tr("Lot numbers, separated by commas")))
            self.batches = self.add_row(self.tr("Linked batches"), line_edit(
                "deviationBatches", self.tr("Batch numbers, separated by commas")))
            self.lots.setText(", ".join(ref for kind, ref in links if kind == "lot"))
            self.batches.setText(", ".join(ref for kind, ref in links if kind == "batch"))
        self.finish()

    def links(self) -> list[tuple[str, str]]:
        return ([("lot", n) for n in numbers_in(self.lots.text())]
                + [("batch", n) for n in numbers_in(self.batches.text())])

    def submit(self) -> None:
        ctx, actor = self.ctx, self.actor
        grade, description = str(self.classification.currentData()), self.description.toPlainText()
        if self.alert is not None:
            alert_id = self.alert.id
            self.run(lambda: deviations.escalate_alert(ctx.uow(), actor, alert_id, grade, description))
            return
        title, links = self.title.text(), self.links()
        self.run(lambda: deviations.open_deviation(ctx.uow(), actor, title, description, grade, links))
