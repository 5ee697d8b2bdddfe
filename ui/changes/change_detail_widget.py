"""One change request (CHG-1): what it changes and why, its versions, the impact assessment filled in at
submission, its approvals, and what comes next: submit, approve (signed), implement, cancel, reject (QA)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app import change_control, signatures
from app.change_control import ChangeView
from domain.change_control import ChangeStatus
from domain.users import Actor, Permission
from ui.shell.changes import MBR, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.detail_pane import DetailPane
from ui.widgets.local_time import local_text
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import record_type_name, status_name
from ui.widgets.widget_parts import Signer, push_button, quantity_text, record_table

if TYPE_CHECKING:
    from app.ports import UnitOfWork
    from app.services import Services

CHANGE = "change"  # the kind announced after a write


class ChangeDetailWidget(DetailPane[ChangeView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 signer: Signer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, changes, name="change", title=self.tr("Change request"), kinds=(CHANGE,),
                         empty_text=self.tr("Select a change request to see its versions, impact and approvals."),
                         parent=parent)
        self.ctx, self.actor, self.signer = ctx, actor, signer
        for key, caption in (("number", self.tr("Number")), ("title", self.tr("Title")),
                             ("status", self.tr("Status")), ("requested", self.tr("Requested")),
                             ("reason", self.tr("Reason")), ("effective", self.tr("Effective on")),
                             ("approvals", self.tr("Approvals"))):
            self.add_field(key, caption)
        self.items = RecordTableModel([
            Column(self.tr("Action"), lambda i: status_name(i.action)),
            Column(self.tr("Version"), lambda i: i.label),
            Column(self.tr("Status now"), lambda i: status_name(i.status)),
        ], key=lambda i: str(i.item_no), parent=self)
        self.impact = RecordTableModel([
            Column(self.tr("Record"), lambda i: record_type_name(i.what)),
            Column(self.tr("Number"), lambda i: i.number),
            Column(self.tr("Status"), lambda i: status_name(i.status)),
            Column(self.tr("Version"), lambda i: "" if i.version is None else f"v{i.version}"),
            Column(self.tr("Quantity"), lambda i: "" if i.quantity is None else quantity_text(i.quantity),
                   numeric=True),
        ], key=lambda i: f"{i.what}:{i.number}", parent=self)
        self.body.addWidget(QLabel(self.tr("Versions")))
        self.body.addWidget(record_table("changeItems", self.items), 1)
        self.body.addWidget(QLabel(self.tr("Impact (filled in at submission)")))
        self.body.addWidget(record_table("changeImpact", self.impact), 2)
        self.buttons = QHBoxLayout()
        self.submit_button = push_button(self.tr("Submit for approval"), "submitChange", self.submit)
        self.approve_button = push_button(self.tr("Approve (signed)..."), "approveChange", self.approve)
        self.implement_button = push_button(self.tr("Implement"), "implementChange", self.implement)
        self.cancel_button = push_button(self.tr("Cancel change..."), "cancelChange", self.cancel)
        self.reject_button = push_button(self.tr("Reject..."), "rejectChange", self.reject)
        for button in (self.submit_button, self.approve_button, self.implement_button, self.cancel_button,
                       self.reject_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.body.addLayout(self.buttons)
        self.finish(stretch=False)

    def fetch(self, number: str) -> Callable[[], tuple[ChangeView, str]]:  # type: ignore[override]
        ctx, actor = self.ctx, self.actor

        def read() -> tuple[ChangeView, str]:
            view = change_control.get_change(ctx.read_uow(), actor, number)
            approvals = ""
            if view.status == ChangeStatus.SUBMITTED.value:
                approvals = signatures.signing_progress(ctx.read_uow(), actor, "change", number,
                                                        ChangeStatus.APPROVED).summary()
            elif view.approved_at is not None:
                approvals = "; ".join(s.manifestation() for s in
                                      signatures.signatures_for(ctx.read_uow(), actor, "change", number))
            return view, approvals
        return read

    def _present(self, record: object) -> None:  # type: ignore[override]
        view, self._approvals = record if isinstance(record, tuple) else (None, "")
        super()._present(view)

    def present(self, record: ChangeView | None) -> None:
        self.items.set_records(list(record.items) if record else [])
        self.impact.set_records(list(record.impact) if record else [])
        status = record.status if record else ""
        can_open = self.actor.can(Permission.OPEN_CHANGE)
        self.submit_button.setVisible(status == ChangeStatus.DRAFT.value and can_open)
        self.approve_button.setVisible(status == ChangeStatus.SUBMITTED.value and self.signer is not None)
        self.implement_button.setVisible(status == ChangeStatus.APPROVED.value
                                         and self.actor.can(Permission.IMPLEMENT_CHANGE))
        self.cancel_button.setVisible(status in (ChangeStatus.DRAFT.value, ChangeStatus.SUBMITTED.value)
                                      and can_open)
        self.reject_button.setVisible(status in (ChangeStatus.DRAFT.value, ChangeStatus.SUBMITTED.value)
                                      and self.actor.can(Permission.IMPLEMENT_CHANGE))
        if record is None:
            return
        self.set_values(
            number=record.number, title=record.title,
            status=f"{status_name(record.status)} ({status_name(record.classification)})",
            requested=f"{local_text(record.requested_at)}, {record.requester}", reason=record.reason,
            effective=str(record.effective_on), approvals=self._approvals or self.tr("(none yet)"))

    # --- acting -------------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.record is not None:
            ctx, actor, number = self.ctx, self.actor, self.record.number
            self.runner.run(lambda: change_control.submit(ctx.uow(), actor, number),
                            on_done=lambda view: self._saved(view, self.tr("Submitted for approval.")),
                            on_error=self.show_error)

    def approve(self) -> None:
        if self.record is not None and self.signer is not None:
            outcome = self.signer(self, "change", self.record.number, ChangeStatus.APPROVED)
            if outcome is not None:
                self.show_info(outcome)
                self.changes.announce(Changes.of(CHANGE, MBR, numbers=[self.record.number]))

    def implement(self) -> None:
        if self.record is not None:
            ctx, actor, number = self.ctx, self.actor, self.record.number
            self.runner.run(lambda: change_control.implement(ctx.uow(), actor, number),
                            on_done=lambda view: self._saved(view, self.tr("Implemented: its versions are "
                                                                           "effective.")),
                            on_error=self.show_error)

    def cancel(self) -> None:
        if self.record is not None:
            self._end(self.tr("Cancel change request {number}?").format(number=self.record.number),
                      change_control.cancel, self.tr("Change request cancelled."))

    def reject(self) -> None:
        if self.record is not None:
            self._end(self.tr("Reject change request {number}?").format(number=self.record.number),
                      change_control.reject, self.tr("Change request rejected: its versions are drafts again."))

    def _end(self, question: str, action: Callable[[UnitOfWork, Actor, str, str], ChangeView], done: str) -> None:
        """Cancel or reject: the reason first (nothing happens without one), then the use case."""
        reason = ReasonDialog.ask(question, self)
        if reason is not None and self.record is not None:
            ctx, actor, number = self.ctx, self.actor, self.record.number
            self.runner.run(lambda: action(ctx.uow(), actor, number, reason),
                            on_done=lambda view: self._saved(view, done), on_error=self.show_error)

    def _saved(self, view: ChangeView, text: str) -> None:
        self.show_info(text)
        self.changes.announce(Changes.of(CHANGE, MBR, numbers=[view.number]))
