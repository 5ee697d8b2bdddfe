"""One CAPA (DEV-2): what it is for and where it stands, its actions (overdue ones in red) and what comes next:
plan an action, close one with its evidence, record the effectiveness check, QA's signed closure."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app import capa
from app.capa import ActionView, CapaView
from app.signatures import SigningSession
from domain.capa import CapaStatus
from domain.users import Actor, Permission
from ui.capa.capa_action_dialog import CapaActionDialog
from ui.capa.close_capa_dialog import CloseCapaDialog
from ui.capa.effectiveness_dialog import EffectivenessDialog
from ui.shell.changes import ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.detail_pane import DetailPane
from ui.widgets.local_time import local_text
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button, record_table

if TYPE_CHECKING:
    from app.services import Services

CAPA = "capa"  # the kind announced after a write
OVERDUE_COLOUR = QColor("#b00020")


class CapaDetailWidget(DetailPane[CapaView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *, session: SigningSession,
                 on_account_locked: Callable[[str], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, changes, name="capa", title=self.tr("CAPA"), kinds=(CAPA,),
                         empty_text=self.tr("Select a CAPA to see its actions and effectiveness."), parent=parent)
        self.ctx, self.actor, self.session, self.on_account_locked = ctx, actor, session, on_account_locked
        for key, caption in (("number", self.tr("Number")), ("title", self.tr("Title")),
                             ("status", self.tr("Status")), ("deviation", self.tr("From deviation")),
                             ("opened", self.tr("Opened")), ("description", self.tr("Description")),
                             ("due", self.tr("Effectiveness check due")), ("effectiveness", self.tr("Effectiveness")),
                             ("closed", self.tr("Closed"))):
            self.add_field(key, caption)
        self.actions = RecordTableModel([
            Column(self.tr("No."), lambda a: str(a.action_no), numeric=True),
            Column(self.tr("Kind"), lambda a: status_name(a.kind)),
            Column(self.tr("Owner"), lambda a: a.owner),
            Column(self.tr("Due"), lambda a: str(a.due_on)),
            Column(self.tr("State"), lambda a: self.tr("done") if a.done_at else
                   self.tr("OVERDUE") if a.overdue else self.tr("open")),
            Column(self.tr("Action"), lambda a: a.description, tooltip=lambda a: a.description),
            Column(self.tr("Evidence"), lambda a: a.evidence or "", tooltip=lambda a: a.evidence or ""),
        ], key=lambda a: str(a.action_no), parent=self, colour=lambda a: OVERDUE_COLOUR if a.overdue else None)
        self.actions_table = record_table("capaActions", self.actions)
        self.buttons = QHBoxLayout()
        self.add_button = push_button(self.tr("Plan action..."), "planCapaAction", self.plan_action)
        self.done_button = push_button(self.tr("Close action..."), "closeCapaAction", self.close_action)
        self.check_button = push_button(self.tr("Effectiveness check..."), "checkEffectiveness", self.check)
        self.close_button = push_button(self.tr("Close (signed)..."), "closeCapa", self.close_signed)
        for button in (self.add_button, self.done_button, self.check_button, self.close_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.body.addWidget(QLabel(self.tr("Actions")))
        self.body.addWidget(self.actions_table, 1)
        self.body.addLayout(self.buttons)
        self.finish(stretch=False)

    def fetch(self, number: str) -> Callable[[], CapaView]:
        ctx, actor = self.ctx, self.actor
        return lambda: capa.get_capa(ctx.read_uow(), actor, number)

    def present(self, record: CapaView | None) -> None:
        self.actions.set_records(list(record.actions) if record else [])
        is_open = record is not None and record.status == CapaStatus.OPEN.value
        manage = self.actor.can(Permission.MANAGE_CAPA)
        mine = record is not None and any(a.owner == self.actor.user_id and a.done_at is None for a in record.actions)
        self.add_button.setVisible(is_open and manage)
        self.done_button.setVisible(is_open and (manage or mine))
        self.check_button.setVisible(is_open and manage)
        self.close_button.setVisible(is_open and self.actor.can(Permission.CLOSE_CAPA))
        if record is None:
            return
        verdict = ("" if record.effective is None else
                   self.tr("effective") if record.effective else self.tr("not effective"))
        self.set_values(
            number=record.number, title=record.title, status=f"{status_name(record.status)} ({record.stage})",
            deviation=record.deviation or self.tr("(none)"),
            opened=f"{local_text(record.opened_at)}, {record.opened_by}",
            description=record.description,
            due=str(record.effectiveness_due) + (self.tr(" (overdue)") if record.effectiveness_overdue else ""),
            effectiveness=(f"{verdict}: {record.effectiveness} ({record.checked_by})" if verdict
                           else self.tr("(not yet)")),
            closed=f"{local_text(record.closed_at)}, {record.closed_by}" if record.closed_at else "")

    def _selected_action(self) -> ActionView | None:
        rows = self.actions_table.selectionModel().selectedRows()
        found = self.actions.record_at(rows[0].row()) if rows else None
        return found if isinstance(found, ActionView) else None

    # --- acting -------------------------------------------------------------------------------------
    def plan_action(self) -> None:
        if self.record is not None:
            self._saved(CapaActionDialog.ask(self.ctx, self.runner, self.actor, self.record.number, self),
                        self.tr("Action planned."))

    def close_action(self) -> None:
        record, action = self.record, self._selected_action()
        if record is None:
            return
        if action is None or action.done_at is not None:
            self.show_error(self.tr("Select an open action first."))
            return
        evidence = ReasonDialog.ask(self.tr("Close action {n} of CAPA {number}: {what}").format(
            n=action.action_no, number=record.number, what=action.description), self,
            example=self.tr("The evidence that it was done: a record, a document number, a result"))
        if evidence is None:
            return
        ctx, actor, number, action_no = self.ctx, self.actor, record.number, action.action_no
        self.runner.run(lambda: capa.close_action(ctx.uow(), actor, number, action_no, evidence),
                        on_done=lambda view: self._saved(view, self.tr("Action closed.")), on_error=self.show_error)

    def check(self) -> None:
        if self.record is not None:
            self._saved(EffectivenessDialog.ask(self.ctx, self.runner, self.actor, self.record.number, self),
                        self.tr("Effectiveness check recorded."))

    def close_signed(self) -> None:
        if self.record is not None:
            self._saved(CloseCapaDialog.ask(self.ctx, self.runner, self.session, self.record, self,
                                            on_account_locked=self.on_account_locked),
                        self.tr("CAPA closed (signed)."))

    def _saved(self, view: CapaView | None, text: str) -> None:
        if view is None:
            return
        self.show_info(text)
        self.changes.announce(Changes.of(CAPA, numbers=[view.number]))
