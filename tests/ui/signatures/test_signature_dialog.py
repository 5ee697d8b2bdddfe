"""The signature dialog (SIG-1, SIG-4, ACC-3): what is signed, re-authentication with user ID and password on the
first signing of a session and the password alone later, wrong passwords counting toward lock-out, nobody
signing as someone else, and a cancelled dialog leaving nothing behind."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from app import audit, lots, quality, signatures, users
from app.bootstrap import AppContext
from app.ports import AuditFilter
from app.signatures import SigningSession
from domain.errors import AuthenticationFailed
from domain.lots import LotStatus
from domain.quality import TestInput
from domain.users import Actor, Role
from tests.app.change_support import effective_via_change
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, make_user, message_text
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site
from tests.ui.signature_support import (
    counts,
    fill,
    label_text,
    open_dialog,
    receive,
    refused_box,
    signs,
    user_id_asked,
)
from ui.shell.task_runner import SyncTaskRunner, TaskRunner
from ui.signatures.signature_dialog import SignatureDialog


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def shown(ctx: AppContext, site: Site, number: str) -> list[signatures.SignatureView]:
    return signatures.signatures_for(ctx.read_uow(), site.warehouse, "lot", number)


def failures(ctx: AppContext, site: Site, user_id: str) -> list[str]:
    entries = audit.audit_page(ctx.read_uow(), site.admin, AuditFilter(action="LOGIN_FAILED", record_id=user_id))
    return [e.reason or "" for e in entries]


@pytest.mark.req("SIG-1", "SIG-2")
def test_the_dialog_shows_the_record_its_key_values_the_meaning_and_the_progress(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    number = receive(ui_ctx, site)
    dialog = open_dialog(qtbot, ui_ctx, runner, SigningSession(site.qc), number)
    assert label_text(dialog, "signingWhat") == (
        f"You sign the QC review for the release of lot {number} (to Released).")
    assert label_text(dialog, "signedValue_Lot") == number
    assert label_text(dialog, "signedValue_Quantity") == "40 m"
    assert label_text(dialog, "signedValue_Status") == "Quarantine"
    assert label_text(dialog, "signatureMeaning") == "QC review, meaning: Reviewed"
    assert label_text(dialog, "signingProgress") == "0 of 2 signatures: QC review missing; QA approval missing"
    assert "Signing as Qc Person (qc)" in label_text(dialog, "signingStatement")
    comment = child(dialog, QPlainTextEdit, "signatureComment")
    assert comment.isVisible() and comment.placeholderText().startswith("Optional"), "a release may carry a remark"
    user_id = child(dialog, QLineEdit, "signerUserId")
    assert isinstance(user_id, QLineEdit)
    assert user_id.isVisible() and user_id.text() == "", "the user types the ID: never pre-filled"


@pytest.mark.req("SIG-1", "SIG-2")
def test_an_approval_signature_keeps_an_optional_comment(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                         site: Site) -> None:
    number = receive(ui_ctx, site)
    dialog = open_dialog(qtbot, ui_ctx, runner, SigningSession(site.qc), number)
    fill(qtbot, dialog, user_id="qc", comment="CoA checked against PO 4711")
    assert not dialog.isVisible()
    assert [(s.meaning, s.comment) for s in shown(ui_ctx, site, number)] == [
        ("Reviewed", "CoA checked against PO 4711")]


@pytest.mark.req("SIG-1", "ACC-5")
def test_the_first_signing_asks_for_user_id_and_password_later_ones_for_the_password(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    first, second, third = (receive(ui_ctx, site, f"T-{n}") for n in (1, 2, 3))
    session = SigningSession(site.qc)
    dialog = open_dialog(qtbot, ui_ctx, runner, session, first)
    assert user_id_asked(dialog)
    fill(qtbot, dialog, user_id="qc")
    assert not dialog.isVisible()
    assert dialog.signed is not None
    assert dialog.signed.progress.summary() == "1 of 2 signatures: QC review by Qc Person; QA approval missing"
    assert session.signed_once
    assert [(s.user_id, s.requirement, s.meaning, s.valid) for s in shown(ui_ctx, site, first)] == [
        ("qc", "QC review", "Reviewed", True)]

    later = open_dialog(qtbot, ui_ctx, runner, session, second)
    assert not user_id_asked(later), "later in the same session: the password alone"
    fill(qtbot, later)
    assert later.signed is not None and not later.isVisible()
    assert len(shown(ui_ctx, site, second)) == 1

    session.reset()  # as log-out, the idle lock and unlocking do
    again = open_dialog(qtbot, ui_ctx, runner, session, third)
    assert user_id_asked(again)
    fill(qtbot, again)
    assert message_text(again, "signatureMessage") == (
        "Type your user ID and your password: the first signature of a session needs both.")
    assert again.signed is None


@pytest.mark.req("SIG-4", "ACC-3")
def test_a_wrong_password_says_how_many_tries_remain_and_writes_no_signature(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    number = receive(ui_ctx, site)
    session = SigningSession(site.qc)
    dialog = open_dialog(qtbot, ui_ctx, runner, session, number)
    fill(qtbot, dialog, user_id="qc", password="not-my-password-1")
    assert message_text(dialog, "signatureMessage") == (
        "wrong user ID or password: 4 tries left before the account locks")
    assert dialog.isVisible() and dialog.signed is None
    assert child(dialog, QLineEdit, "signerPassword").text() == "", "the password is cleared"  # type: ignore[attr-defined]
    assert user_id_asked(dialog) and not session.signed_once
    assert shown(ui_ctx, site, number) == []
    assert failures(ui_ctx, site, "qc") == [f"wrong password at signing lot {number} (1 of 5)"]

    fill(qtbot, dialog, user_id="qc")  # the right one now
    assert dialog.signed is not None
    assert len(shown(ui_ctx, site, number)) == 1


@pytest.mark.req("SIG-4", "ACC-3")
def test_the_fifth_wrong_password_locks_the_account_and_the_dialog_says_so(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    number = receive(ui_ctx, site)
    dialog = open_dialog(qtbot, ui_ctx, runner, SigningSession(site.qc), number)
    for tries_left in (4, 3, 2, 1):
        fill(qtbot, dialog, user_id="qc", password="not-my-password-1")
        assert f"{tries_left} tr" in message_text(dialog, "signatureMessage")
    with qtbot.waitSignal(dialog.account_locked) as locked:
        fill(qtbot, dialog, user_id="qc", password="not-my-password-1")
    notice = "wrong password: account 'qc' is now locked; an administrator must unlock it"
    assert locked.args == [notice]
    assert message_text(dialog, "signatureMessage") == notice
    assert not child(dialog, QPushButton, "signatureOk").isEnabled(), "nothing more to try here"
    assert child(dialog, QPushButton, "signatureCancel").text() == "Close"  # type: ignore[attr-defined]
    assert shown(ui_ctx, site, number) == []
    assert failures(ui_ctx, site, "qc")[0] == (
        f"wrong password at signing lot {number}: account locked after 5 failures")
    with pytest.raises(AuthenticationFailed, match="or the account is locked"):  # the log-in's one answer
        users.log_in(ui_ctx.uow(), ui_ctx.auth, "qc", NEW_PASSWORD)
    click(qtbot, dialog, "signatureCancel")
    assert not dialog.isVisible()


@pytest.mark.req("SIG-1")
def test_cancel_leaves_nothing_behind(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site,
                                      modals: ModalDriver, ui_db_url: str) -> None:
    number = receive(ui_ctx, site)
    before = counts(ui_db_url)
    session = SigningSession(site.qc)

    def cancel(dialog: object) -> None:
        assert isinstance(dialog, SignatureDialog)
        qtbot.keyClicks(child(dialog, QLineEdit, "signerUserId"), "qc")
        qtbot.keyClicks(child(dialog, QLineEdit, "signerPassword"), NEW_PASSWORD)
        click(qtbot, dialog, "signatureCancel")

    modals.answer(cancel)
    assert SignatureDialog.ask(ui_ctx, runner, session, "lot", number, LotStatus.RELEASED) is None
    modals.check()
    assert counts(ui_db_url) == before, "no signature, no audit entry"
    assert not session.signed_once


@pytest.mark.req("SIG-4")
def test_nobody_signs_as_someone_else(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    number = receive(ui_ctx, site)
    dialog = open_dialog(qtbot, ui_ctx, runner, SigningSession(site.qc), number)
    fill(qtbot, dialog, user_id="qa", password=NEW_PASSWORD)  # qa's password is the same: the ID still decides
    assert message_text(dialog, "signatureMessage") == (
        "you are logged in as qc: you sign only as yourself, never as 'qa'")
    assert dialog.isVisible() and dialog.signed is None
    assert shown(ui_ctx, site, number) == []
    refused = audit.audit_page(ui_ctx.read_uow(), site.admin, AuditFilter(action="SIGN_REFUSED"))
    assert [(e.user_id, e.record_id) for e in refused] == [("qc", "qc")]


@pytest.mark.req("SIG-5", "ACC-6")
def test_someone_who_may_not_sign_gets_a_box_saying_why_and_no_dialog(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver,
        ui_db_url: str) -> None:
    number = receive(ui_ctx, site)
    seen: list[str] = []
    modals.answer(refused_box("does not have that role", seen))
    assert SignatureDialog.ask(ui_ctx, runner, SigningSession(site.warehouse), "lot", number,
                               LotStatus.RELEASED) is None
    modals.check()
    assert seen == [f"the release of lot {number} needs the QC review (QC Analyst) next: Ward Person (ward) does "
                    "not have that role"]
    assert shown(ui_ctx, site, number) == []


@pytest.mark.req("SIG-5", "SIG-2")
def test_a_rejection_asks_for_the_reason_and_keeps_it_with_the_signature(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    number = receive(ui_ctx, site)
    dialog = open_dialog(qtbot, ui_ctx, runner, SigningSession(site.qa), number, target=LotStatus.REJECTED)
    assert label_text(dialog, "signatureMeaning") == "QA rejection, meaning: Rejected"
    assert child(dialog, QPlainTextEdit, "signatureComment").isVisible()
    fill(qtbot, dialog, user_id="qa")
    assert message_text(dialog, "signatureMessage") == "The QA rejection needs a reason: type why."
    assert dialog.signed is None
    fill(qtbot, dialog, user_id="qa", comment="particles in the tubing")
    assert dialog.signed is not None and dialog.signed.completed and dialog.signed.status == "Rejected"
    assert [(s.meaning, s.comment) for s in shown(ui_ctx, site, number)] == [("Rejected", "particles in the tubing")]


@pytest.mark.req("SIG-1")
def test_ask_returns_the_signature_through_the_dialogs_own_loop(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    number = receive(ui_ctx, site)
    seen: list[str] = []
    modals.answer(signs(qtbot, user_id="qc", seen=seen))
    result = SignatureDialog.ask(ui_ctx, runner, SigningSession(site.qc), "lot", number, LotStatus.RELEASED)
    modals.check()
    assert result is not None and not result.completed
    assert result.signature.printed_name == "Qc Person"
    assert seen[1:] == ["QC review, meaning: Reviewed", "0 of 2 signatures: QC review missing; QA approval missing"]


@pytest.mark.req("SIG-1", "SIG-4")
def test_a_user_with_two_roles_still_signs_once_per_transition(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    both = make_user(ui_ctx, site.admin, "twohats", frozenset({Role.QC_ANALYST, Role.QA_REVIEWER}))
    assert both is not None
    number = receive(ui_ctx, site)
    session = SigningSession(both)
    dialog = open_dialog(qtbot, ui_ctx, runner, session, number)
    fill(qtbot, dialog, user_id="twohats")
    assert dialog.signed is not None
    modals.answer(refused_box("the QA approval must be signed by a different person"))
    assert SignatureDialog.ask(ui_ctx, runner, session, "lot", number, LotStatus.RELEASED) is None
    modals.check()
    assert len(shown(ui_ctx, site, number)) == 1


@pytest.mark.req("SIG-1", "GEN-1")
def test_on_the_real_runner_the_dialog_fills_in_and_signs_off_the_gui_thread(
        qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner, site: Site, modals: ModalDriver) -> None:
    number, other = receive(ui_ctx, site, "T-1"), receive(ui_ctx, site, "T-2")

    def sign_when_loaded(dialog: object) -> None:
        assert isinstance(dialog, SignatureDialog)
        qtbot.waitUntil(lambda: dialog.request is not None, timeout=10_000)
        fill(qtbot, dialog, user_id="qc")
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    session = SigningSession(site.qc)
    modals.answer(sign_when_loaded)
    result = SignatureDialog.ask(ui_ctx, thread_runner, session, "lot", number, LotStatus.RELEASED)
    modals.check()
    assert result is not None and result.signature.user_id == "qc"

    modals.answer(refused_box("one person signs a transition once"))
    assert SignatureDialog.ask(ui_ctx, thread_runner, session, "lot", number, LotStatus.RELEASED) is None
    modals.check()
    assert len(shown(ui_ctx, site, number)) == 1 and shown(ui_ctx, site, other) == []


@pytest.mark.req("SIG-1")
def test_at_150_percent_text_on_a_short_screen_the_signed_record_is_never_squeezed(
        qtbot: QtBot, qapp: QApplication, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    """Qt first sizes a window to at most 2/3 of the screen (480 logical pixels on a 1080p screen at 150 %):
    the dialog then grows to what its wrapped text needs instead of squeezing its rows into each other."""
    number = receive(ui_ctx, site)
    normal = qapp.font()
    larger = QFont(normal)
    larger.setPointSizeF(normal.pointSizeF() * 1.5)
    qapp.setFont(larger)
    try:
        dialog = SignatureDialog(ui_ctx, runner, SigningSession(site.qc), "lot", number, LotStatus.RELEASED)
        qtbot.addWidget(dialog)
        dialog.resize(dialog.minimumWidth(), 400)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert layout_problems(dialog) == []
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and label.text():
                assert label.height() >= label.heightForWidth(label.width()) if label.wordWrap() else \
                    label.height() >= label.fontMetrics().height(), label.objectName() or label.text()
        assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    finally:
        qapp.setFont(normal)


@pytest.mark.req("QC-4", "QC-3", "SIG-1")
def test_a_release_shows_the_evaluation_it_signs_and_an_override_asks_for_the_justification(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    quality.create_spec(ui_ctx.uow(), site.qc, "TUBE-1", "Tubing", [
        TestInput("OD", "Outer diameter", "SOP-7", "Numeric", "mm", "4.0", "4.2", 2)])
    effective_via_change(ui_ctx, site, "spec", "TUBE-1", 1, password=NEW_PASSWORD)
    number = receive(ui_ctx, site)
    dialog = open_dialog(qtbot, ui_ctx, runner, SigningSession(site.qc), number)
    assert child(dialog, QGroupBox, "signedEvaluation").isVisible()
    assert label_text(dialog, "evaluationOutcome").startswith("Not releasable: 1 rule(s) failed.")
    assert label_text(dialog, "evaluationRule_required_tests") == (
        "FAILED: Every required test has a reviewed result within spec\n    OD: no result (4 – 4.2 mm)")
    assert label_text(dialog, "evaluationRule_no_open_deviation") == "passed: No open deviation touches it"
    fill(qtbot, dialog, user_id="qc")
    lots.release_lot(ui_ctx.uow(), ui_ctx.auth, SigningSession(site.qa), number, NEW_PASSWORD, user_id_typed="qa")

    dialog = open_dialog(qtbot, ui_ctx, runner, SigningSession(site.release), number)
    assert label_text(dialog, "signatureMeaning") == "QA override, meaning: Approved"
    caption = dialog.form.labelForField(child(dialog, QPlainTextEdit, "signatureComment"))
    assert isinstance(caption, QLabel) and caption.text() == "Justification (required)"
    dialog.resize(1280, 800)
    assert layout_problems(dialog) == []
    fill(qtbot, dialog, user_id="rel")
    assert message_text(dialog, "signatureMessage") == (
        "The QA override needs a justification: type why the release may go ahead.")
    fill(qtbot, dialog, user_id="rel", comment="gauge out of calibration; supplier CoA accepted under CC-12")
    assert dialog.signed is not None and dialog.signed.completed and dialog.signed.status == "Released"
    assert [s.requirement for s in shown(ui_ctx, site, number)] == ["QC review", "QA approval", "QA override"]
