"""Driving the signature dialog as a signer at the screen would, and the records the signature tests sign."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import Enum

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app import batches, lots
from app.bootstrap import AppContext
from app.signatures import SigningSession
from domain.batches import BatchStatus
from domain.lots import LotStatus
from domain.users import Actor
from tests.app.lots_support import count_rows
from tests.ui.conftest import NEW_PASSWORD, child, click, message_text, type_into
from tests.ui.lot_site import Site, effective_mbr, released_lot
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner
from ui.signatures.signature_dialog import SignatureDialog


def receive(ctx: AppContext, site: Site, supplier_lot: str = "T-9") -> str:
    return lots.receive_lot(ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", supplier_lot, "40", "m"),
                            ).lot_number


def batch_in_qa_review(ctx: AppContext, site: Site, producer: Actor | None = None) -> str:
    """A batch produced by `producer` (started, issued, completed, submitted; `site.production` by default) and
    passed to QA review."""
    made_by = producer or site.production
    resin = released_lot(ctx, site, "RES-PC", "25", "kg", manufactured_on=date.today() - timedelta(days=10))
    tubing = released_lot(ctx, site, "TUBE-1", "5000", "cm")
    effective_mbr(ctx, site)
    number = batches.plan_batch(ctx.uow(), made_by, "SYR-5", "1000").batch_number
    batches.change_batch_status(ctx.uow(), made_by, number, BatchStatus.IN_PRODUCTION, None)
    batches.issue_material(ctx.uow(), made_by, number, resin, "10")
    batches.issue_material(ctx.uow(), made_by, number, tubing, "48")
    batches.complete_batch(ctx.uow(), made_by, number, "990")
    batches.change_batch_status(ctx.uow(), made_by, number, BatchStatus.QC_TESTING, None)
    batches.change_batch_status(ctx.uow(), site.qc, number, BatchStatus.QA_REVIEW, None)
    return number


def open_dialog(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, session: SigningSession, number: str,
                record_type: str = "lot", target: Enum = LotStatus.RELEASED) -> SignatureDialog:
    """The dialog shown without its own event loop, so a test drives it step by step."""
    dialog = SignatureDialog(ctx, runner, session, record_type, number, target)
    qtbot.addWidget(dialog)
    assert dialog.refusal is None, dialog.refusal
    dialog.show()
    return dialog


def user_id_asked(dialog: QWidget) -> bool:
    return child(dialog, QLineEdit, "signerUserId").isVisible()


def fill(qtbot: QtBot, dialog: QWidget, *, password: str = NEW_PASSWORD, user_id: str | None = None,
         comment: str | None = None) -> None:
    """Type what the dialog asks for and press Sign."""
    if comment is not None:
        qtbot.keyClicks(child(dialog, QPlainTextEdit, "signatureComment"), comment)
    if user_id is not None:
        assert user_id_asked(dialog), "the dialog does not ask for the user ID"
        type_into(qtbot, dialog, "signerUserId", user_id)
    type_into(qtbot, dialog, "signerPassword", password)
    click(qtbot, dialog, "signatureOk")


def signs(qtbot: QtBot, *, user_id: str | None, password: str = NEW_PASSWORD, comment: str | None = None,
          seen: list[str] | None = None) -> Callable[[QDialog], None]:
    """A ModalDriver handler: the signer types the user ID (None: the dialog must not ask for it) and the
    password; `seen` collects what the dialog showed (what is signed, meaning, progress)."""

    def handler(dialog: QDialog) -> None:
        assert dialog.objectName() == "signatureDialog", dialog.objectName()
        assert user_id_asked(dialog) == (user_id is not None), "user ID asked on the first signing only (SIG-1)"
        if seen is not None:
            seen.extend(label_text(dialog, name) for name in ("signingWhat", "signatureMeaning", "signingProgress"))
        fill(qtbot, dialog, password=password, user_id=user_id, comment=comment)
        if dialog.isVisible():
            raise AssertionError(f"not signed: {message_text(dialog, 'signatureMessage')}")
    return handler


def refused_box(expected: str, seen: list[str] | None = None) -> Callable[[QDialog], None]:
    """A ModalDriver handler for the box that says why this user may not sign (the dialog does not open)."""

    def handler(box: QDialog) -> None:
        assert box.objectName() == "signingRefused", box.objectName()
        text = box.text()  # type: ignore[attr-defined]
        if seen is not None:
            seen.append(text)
        assert expected in text, text
        box.accept()
    return handler


def label_text(parent: QWidget, name: str) -> str:
    label = child(parent, QLabel, name)
    assert isinstance(label, QLabel)
    return label.text()


def signature_entries(parent: QWidget) -> list[str]:
    """The signatures a record's detail pane shows, one text per signature: "name (uid): meaning, requirement",
    then "local time — validity", then the comment if any."""
    entries = parent.findChild(QWidget, "signatureEntries")
    assert entries is not None and entries.isVisible(), "no signatures shown"
    found = []
    while (entry := entries.findChild(QLabel, f"signatureEntry_{len(found)}")) is not None:
        found.append(entry)
    return [e.text() for e in found]


def counts(db_url: str) -> tuple[int, int]:
    """(signatures, audit entries): what a signing attempt left behind."""
    return count_rows(db_url, "signatures"), count_rows(db_url, "audit_log")


def window_for(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: object) -> MainWindow:
    window = MainWindow(ctx, runner, actor)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    return window
