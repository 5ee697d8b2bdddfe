"""The signing session of the main window (SIG-1, ACC-5, ACC-3): one per log-in; the idle lock, unlocking and
log-out start it again, so the next signature asks for the user ID again; an account locked by wrong passwords
at signing ends the session."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app import signatures
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, click, type_into
from tests.ui.lot_site import Site, build_site
from tests.ui.signature_support import fill, receive, signs, window_for
from ui.shell.task_runner import SyncTaskRunner
from ui.signatures.signature_dialog import SignatureDialog


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


@pytest.mark.req("ACC-5", "SIG-1")
def test_after_the_idle_lock_and_unlock_the_next_signature_asks_for_the_user_id_again(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    first, second, third = (receive(ui_ctx, site, f"T-{n}") for n in (1, 2, 3))
    window = window_for(qtbot, ui_ctx, runner, site.qc)
    page = window.pages["lots"]
    for number, user_id in ((first, "qc"), (second, None)):  # then the password alone: same continuous session
        window.open_record("lot", number)
        modals.answer(signs(qtbot, user_id=user_id))
        click(qtbot, page, "lotSign_RELEASED")
        modals.check()
    assert window.signing_session.signed_once

    window.lock()
    lock = window.idle_lock.dialog
    assert lock is not None
    assert window.signing_session.user_id_required, "locking ends the continuous session"
    type_into(qtbot, lock, "password", NEW_PASSWORD)
    click(qtbot, lock, "lockOk")
    assert not window.idle_lock.locked

    window.open_record("lot", third)
    modals.answer(signs(qtbot, user_id="qc"))  # fails unless the dialog asks for the user ID again
    click(qtbot, page, "lotSign_RELEASED")
    modals.check()
    assert [len(signatures.signatures_for(ui_ctx.read_uow(), site.qc, "lot", n)) for n in (first, second, third)
            ] == [1, 1, 1]


@pytest.mark.req("ACC-5", "SIG-1")
def test_log_out_ends_the_signing_session(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site,
                                         modals: ModalDriver) -> None:
    window = window_for(qtbot, ui_ctx, runner, site.qc)
    window.open_record("lot", receive(ui_ctx, site))
    modals.answer(signs(qtbot, user_id="qc"))
    click(qtbot, window.pages["lots"], "lotSign_RELEASED")
    modals.check()
    session = window.signing_session
    assert session.signed_once
    with qtbot.waitSignal(window.session_ended):
        window.log_out()
    assert session.user_id_required
    assert window_for(qtbot, ui_ctx, runner, site.qc).signing_session.user_id_required, "a new log-in, a new session"


@pytest.mark.req("ACC-3", "SIG-4")
def test_an_account_locked_at_signing_ends_the_session(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                       site: Site, modals: ModalDriver) -> None:
    number = receive(ui_ctx, site)
    window = window_for(qtbot, ui_ctx, runner, site.qc)
    window.open_record("lot", number)

    def five_wrong(dialog: object) -> None:
        assert isinstance(dialog, SignatureDialog)
        for _ in range(5):
            fill(qtbot, dialog, user_id="qc", password="not-my-password-1")

    modals.answer(five_wrong)
    with qtbot.waitSignal(window.session_ended) as ended:
        click(qtbot, window.pages["lots"], "lotSign_RELEASED")
    modals.check()
    assert ended.args == ["logout", "wrong password: account 'qc' is now locked; an administrator must unlock it"]
    assert not window.isVisible()
    assert signatures.signatures_for(ui_ctx.read_uow(), site.admin, "lot", number) == []
