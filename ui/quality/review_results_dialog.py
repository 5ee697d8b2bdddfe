"""The second-person review of a lot's or batch's QC results, signed (QC-2, SIG-1, ACC-6): the results waiting
for review as they were entered, the meaning of the signature, and re-authentication (user ID and password at
the first signing of the session, then the password alone). The use case refuses the analyst who entered them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from app import quality
from app.quality import QualityView, ResultView
from app.result_review import sign_review
from app.signatures import SigningSession
from domain.errors import AccountLocked
from ui.shell.change_password_dialog import password_field
from ui.shell.task_runner import Runner, user_message
from ui.widgets.form_dialog import FormDialog
from ui.widgets.local_time import local_text
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.widget_parts import line_edit, record_table

if TYPE_CHECKING:
    from app.services import Services


class ReviewResultsDialog(FormDialog[list[ResultView]]):
    def __init__(self, ctx: Services, runner: Runner, session: SigningSession, record_type: str, record_id: str,
                 parent: QWidget | None = None, *, on_account_locked: Callable[[str], object] | None = None) -> None:
        super().__init__(runner, name="reviewResults", title=self.tr("Review QC results: {number}").format(
            number=record_id), ok_text=self.tr("Sign review"), parent=parent)
        self.ctx, self.session, self.record_type, self.record_id = ctx, session, record_type, record_id
        self.on_account_locked = on_account_locked
        self.model = RecordTableModel([
            Column(self.tr("Test"), lambda r: r.test_code),
            Column(self.tr("Replicates"), lambda r: "; ".join(r.replicates)),
            Column(self.tr("Result"), lambda r: f"{r.reported} {r.unit}".rstrip(), numeric=True),
            Column(self.tr("Within spec"), lambda r: self.tr("yes") if r.within_spec else self.tr("NO")),
            Column(self.tr("Analyst"), lambda r: r.analyst),
            Column(self.tr("Instrument"), lambda r: r.instrument),
            Column(self.tr("Entered"), lambda r: local_text(r.entered_at)),
        ], key=lambda r: r.test_code, parent=self)
        self.table = record_table("reviewResultsTable", self.model)
        self.body.insertWidget(0, self.table)
        actor = session.actor
        meaning = QLabel(self.tr("Meaning: Reviewed. I, {name} ({uid}), have checked these results against their "
                                 "records and the specification. This electronic signature is the legally binding "
                                 "equivalent of my handwritten signature.").format(name=actor.printed_name,
                                                                                   uid=actor.user_id))
        meaning.setObjectName("reviewMeaning")
        meaning.setWordWrap(True)
        self.body.insertWidget(1, meaning)
        self.user_id = self.add_row(self.tr("User ID"), line_edit("reviewUserId", self.tr("Your user ID")))
        self.password = self.add_row(self.tr("Password"), password_field("reviewPassword"))
        self.form.setRowVisible(self.user_id, session.user_id_required)
        self.finish()
        self.ok_button.setEnabled(False)
        self.load(lambda: quality.quality_of(ctx.read_uow(), actor, record_type, record_id), self._loaded)

    def _loaded(self, view: QualityView) -> None:
        waiting = [r for r in view.results if r.status == "Entered"]
        self.model.set_records(waiting)
        # every column whole: the reviewer signs what is shown, nothing hidden behind a scroll bar
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(self.table.horizontalHeader().length() + frame)
        if not waiting:
            self.message.show_info(self.tr("No result of {number} is waiting for review.").format(
                number=view.record_id))
            return
        self.ok_button.setEnabled(True)
        (self.user_id if self.session.user_id_required else self.password).setFocus()

    def submit(self) -> None:
        ctx, session, kind, number = self.ctx, self.session, self.record_type, self.record_id
        password, typed = self.password.text(), self.user_id.text().strip() or None
        codes = [r.test_code for r in self.model.records]  # exactly what the reviewer saw
        self.password.clear()
        self.run(lambda: sign_review(ctx.uow(), ctx.auth, session, kind, number, password, user_id_typed=typed,
                                     test_codes=codes))

    def fail(self, error: Exception | str) -> None:
        super().fail(error)
        if isinstance(error, AccountLocked) and self.on_account_locked is not None:
            self.ok_button.setEnabled(False)
            self.on_account_locked(user_message(error))
