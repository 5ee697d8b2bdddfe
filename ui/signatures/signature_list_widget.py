"""The signatures of one record wherever it is shown (SIG-2, SIG-3): printed name, user ID, meaning, the local
date and time with its zone (UTC in the tooltip), and validity: a signature whose record changed since signing
is shown as INVALIDATED. Above them, the progress of the record's pending signed transitions (e.g. 1 of 2).

One entry of two or three lines per signature, as a signed paper record lists them, all of them shown: it reads
in the narrow lot pane as well as in the wide batch pane, where seven table columns would not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app import signatures, signed_records
from app.signatures import AWAITED, ProgressView, SignatureView
from app.signing_rules import MACHINES
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.status_names import requirement_name, status_name, transition_name
from ui.widgets.widget_parts import retire, time_text

if TYPE_CHECKING:
    from app.services import Services

_VALID_STYLE = "padding: 2px 0;"
_INVALID_STYLE = "padding: 2px 0; color: #b00020; font-weight: bold;"


@dataclass(frozen=True)
class _Loaded:
    record: tuple[str, str]
    signatures: list[SignatureView]
    pending: list[ProgressView]


def validity_text(signature: SignatureView) -> str:
    if signature.valid:
        return QCoreApplication.translate("SignatureListWidget", "valid")
    return QCoreApplication.translate("SignatureListWidget", "INVALIDATED: the record changed after signing")


def entry_text(signature: SignatureView) -> str:
    """"Qc Person (qc): Reviewed, QC review" / local time with zone / validity, and the comment if any."""
    translate = QCoreApplication.translate
    lines = [translate("SignatureListWidget", "{name} ({uid}): {meaning}, {requirement}").format(
                 name=signature.printed_name, uid=signature.user_id, meaning=status_name(signature.meaning),
                 requirement=requirement_name(signature.requirement)),
             translate("SignatureListWidget", "{when} — {validity}").format(when=time_text(signature.at),
                                                                    validity=validity_text(signature))]
    if signature.comment:
        lines.append(translate("SignatureListWidget", "Comment: {comment}").format(comment=signature.comment))
    if signature.evaluation:  # a release signature: the evaluation it signed (QC-4), its outcome and failed rules
        lines.append(translate("SignatureListWidget", "Release evaluation signed: {lines}").format(
            lines="; ".join(signature.evaluation)))
    return "\n".join(lines)


def _tooltip(signature: SignatureView) -> str:
    text = QCoreApplication.translate("SignatureListWidget", "Signed {utc} UTC; signed content {version}:{hash}")
    return text.format(
        utc=signature.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), version=signature.content_version,
        hash=signature.content_hash[:16])


def _load(ctx: Services, actor: Actor, record_type: str, record_id: str, status: str) -> _Loaded:
    """The record's signatures, and the progress of each signed transition from its status that is awaited
    (a lot's release) or has been started (someone signed a rejection): never the empty ones."""
    machine = MACHINES[record_type]
    source = signed_records.parse_target(record_type, status)
    pending = []
    for transition in machine.allowed_from(source):
        if not transition.signatures:
            continue
        view = signatures.signing_progress(ctx.read_uow(), actor, record_type, record_id, transition.target)
        if view.applied or (record_type, transition.source, transition.target) in AWAITED:
            pending.append(view)
    return _Loaded((record_type, record_id), signatures.signatures_for(ctx.read_uow(), actor, record_type,
                                                                        record_id), pending)


class SignatureListWidget(QWidget):
    """`show_record(record_type, record_id, status)` loads what to show; `clear()` shows nothing."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureList")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self._record: tuple[str, str] | None = None
        self.progress = QLabel()
        self.progress.setObjectName("signatureProgress")
        self.progress.setWordWrap(True)
        self.signatures: list[SignatureView] = []
        self.entries = QWidget()
        self.entries.setObjectName("signatureEntries")
        self.entries_layout = QVBoxLayout(self.entries)
        self.entries_layout.setContentsMargins(0, 0, 0, 0)
        self.entries_layout.setSpacing(4)
        self.invalidated = QLabel()
        self.invalidated.setObjectName("signaturesInvalidated")
        self.invalidated.setWordWrap(True)
        self.invalidated.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message = MessageLabel(self, object_name="signatureListMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.invalidated)
        layout.addWidget(self.entries)
        layout.addWidget(self.message)
        self.clear()

    def clear(self) -> None:
        self._record = None
        self._show(None)

    def show_record(self, record_type: str, record_id: str, status: str) -> None:
        self._record = (record_type, record_id)
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: _load(ctx, actor, record_type, record_id, status), on_done=self._loaded,
                        on_error=self.message.show_error)

    def _loaded(self, loaded: _Loaded) -> None:
        if loaded.record == self._record:  # not an answer for a record shown before
            self._show(loaded)

    def _show(self, loaded: _Loaded | None) -> None:
        self.message.clear_message()
        shown = loaded.signatures if loaded else []
        self.signatures = list(shown)
        while self.entries_layout.count():
            old = self.entries_layout.takeAt(0).widget()
            if old is not None:
                retire(old)
        for row, signature in enumerate(shown):
            entry = QLabel(entry_text(signature))
            entry.setObjectName(f"signatureEntry_{row}")
            entry.setWordWrap(True)
            entry.setToolTip(_tooltip(signature))
            entry.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            entry.setStyleSheet(_VALID_STYLE if signature.valid else _INVALID_STYLE)
            self.entries_layout.addWidget(entry)
        self.entries.setVisible(bool(shown))
        progress = [self.tr("{transition}: {summary}").format(
            transition=transition_name(p.transition).capitalize(), summary=p.summary())
            for p in (loaded.pending if loaded else [])]
        if loaded is not None and not shown:
            progress.append(self.tr("No signatures yet."))
        self.progress.setText("\n".join(progress))
        self.progress.setVisible(bool(progress))
        invalid = sum(1 for s in shown if not s.valid)
        self.invalidated.setText(self.tr(
            "{n} signature(s) INVALIDATED: the record changed after signing.").format(n=invalid) if invalid else "")
        self.invalidated.setVisible(bool(invalid))
