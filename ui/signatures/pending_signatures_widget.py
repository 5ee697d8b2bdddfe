"""The "Waiting for my signature" page (SIG-5): the records whose next required signature the logged-in user
may apply now, what is awaited, and since when; signing one opens the record's page and its signature dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import signatures, signed_records
from app.signatures import PendingSignature
from domain.users import Actor
from ui.shell.changes import BATCH, LOT, MBR, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.signatures.signature_dialog import record_kind
from ui.widgets.message_label import MessageLabel
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import requirement_name, status_name, transition_name
from ui.widgets.widget_parts import Signer, push_button, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services


def _awaited(p: PendingSignature) -> str:
    return QCoreApplication.translate("PendingSignaturesWidget", "{transition} (to {target})").format(
        transition=transition_name(p.transition), target=status_name(p.target))


def _since_tooltip(p: PendingSignature) -> str:
    return time_text(p.since)  # the station's time with its zone (GEN-4)


class PendingSignaturesWidget(QWidget):
    """`open_record(kind, number)` asks the window to show the record before its signature dialog opens;
    `status_message(text)` says what the signature did, seen on the record's page (the status bar)."""

    open_record = Signal(str, str)
    status_message = Signal(str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 signer: Signer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingSignatures")
        self.ctx, self.runner, self.actor, self.changes, self.signer = ctx, runner, actor, changes, signer
        self._shown_before = False
        heading = QLabel(self.tr("Records waiting for your signature: {name} ({uid}).").format(
            name=actor.printed_name, uid=actor.user_id))
        heading.setWordWrap(True)
        self.model = RecordTableModel((
            Column(self.tr("Record"), lambda p: f"{record_kind(p.record_type)} {p.record_id}"),
            Column(self.tr("Status"), lambda p: status_name(p.status)),
            Column(self.tr("Awaited"), _awaited),
            Column(self.tr("Your signature"), lambda p: requirement_name(p.requirement)),
            Column(self.tr("Meaning"), lambda p: status_name(p.meaning)),
            Column(self.tr("Progress"), lambda p: p.progress.summary(), tooltip=lambda p: p.progress.summary()),
            Column(self.tr("Waiting since"), lambda p: time_text(p.since), tooltip=_since_tooltip),
        ), lambda p: f"{p.record_type}:{p.record_id}:{p.target}", self)
        self.table = record_table("pendingTable", self.model)
        self.table.doubleClicked.connect(lambda _index: self.sign_selected())
        self.empty = QLabel(self.tr("Nothing is waiting for your signature."))
        self.empty.setObjectName("pendingEmpty")
        self.sign_button = push_button(self.tr("Sign..."), "signPending", self.sign_selected)
        self.sign_button.setVisible(signer is not None)
        self.refresh_button = push_button(self.tr("Refresh"), "refreshPending", self.refresh)
        self.message = MessageLabel(self, object_name="pendingMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: signatures.pending_for(ctx.read_uow(), actor), on_done=self._loaded,
                        on_error=self.message.show_error)

    def _loaded(self, pending: list[PendingSignature]) -> None:
        self.model.set_records(pending)
        self.empty.setVisible(not pending)
        self.sign_button.setEnabled(bool(pending))

    def _changed(self, changes: Changes) -> None:
        if changes.touches(LOT, BATCH):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_before:  # signatures applied at other stations meanwhile
            self.refresh()
        self._shown_before = True

    def selected(self) -> PendingSignature | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def sign_selected(self) -> None:
        """Show the record on its page, then its signature dialog; every open page refreshes after signing."""
        pending = self.selected()
        if self.signer is None:
            return
        if pending is None:
            self.message.show_error(self.tr("Select the record you want to sign."))
            return
        self.message.clear_message()
        self.open_record.emit(pending.record_type, pending.record_id)
        target = signed_records.parse_target(pending.record_type, pending.target)
        said = self.signer(self.window(), pending.record_type, pending.record_id, target)
        if said is None:
            return
        self.message.show_info(said)
        self.status_message.emit(said)
        kinds = {"lot": (LOT,), "change": ("change", MBR)}.get(pending.record_type, (BATCH, LOT))
        self.changes.announce(Changes.of(*kinds, numbers=[pending.record_id]))
