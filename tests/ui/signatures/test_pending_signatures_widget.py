"""The "Waiting for my signature" page (SIG-5, ACC-6): what the logged-in user can sign next, and signing it from
there (the record's page opens, then its signature dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from app import signatures
from app.bootstrap import AppContext
from domain.lots import LotStatus
from domain.users import Actor
from tests.app.signing import sign
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, message_text
from tests.ui.lot_site import Site, build_site, row_texts, select_row
from tests.ui.signature_support import batch_in_qa_review, label_text, receive, signs, window_for
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner
from ui.signatures.signature_dialog import SignatureDialog
from ui.widgets.local_time import local_text


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def pending_page(window: MainWindow) -> QWidget:
    assert window.navigation is not None
    row = next(r for r in range(window.navigation.count())
               if window.navigation.item(r).data(Qt.ItemDataRole.UserRole) == "signatures")
    window.navigation.setCurrentRow(row)
    return window.pages["signatures"]


def pending_rows(page: QWidget) -> list[list[str]]:
    table = child(page, QTableView, "pendingTable")
    assert isinstance(table, QTableView)
    return [row_texts(page, "pendingTable", row) for row in range(table.model().rowCount())]


@pytest.mark.req("SIG-5", "ACC-6")
def test_the_qa_reviewer_sees_the_lot_after_the_qc_review_and_signs_it_from_the_list(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    number = receive(ui_ctx, site)
    window = window_for(qtbot, ui_ctx, runner, site.qa)
    page = pending_page(window)
    assert pending_rows(page) == [], "the QC review comes first: nothing for QA yet"
    assert child(page, QWidget, "pendingEmpty").isVisible()

    qc_signed = sign(ui_ctx, site.qc, "lot", number, LotStatus.RELEASED, NEW_PASSWORD)
    click(qtbot, page, "refreshPending")
    assert pending_rows(page) == [[
        f"Lot {number}", "Quarantine", "release (to Released)", "QA approval", "Approved",
        "1 of 2 signatures: QC review by Qc Person; QA approval missing", local_text(qc_signed.signature.at)]]
    assert not child(page, QWidget, "pendingEmpty").isVisible()

    select_row(qtbot, page, "pendingTable", 0)
    seen: list[str] = []
    modals.answer(signs(qtbot, user_id="qa", seen=seen))
    click(qtbot, page, "signPending")
    modals.check()
    assert seen[0] == f"You sign the QA approval for the release of lot {number} (to Released)."
    lots_page = window.pages["lots"]
    assert window.stack is not None and window.stack.currentWidget() is lots_page, "the record's page is shown"
    assert label_text(lots_page, "lot_number") == number
    assert label_text(lots_page, "lot_status") == "Released", "refreshed after signing"
    assert pending_rows(page) == [], "signed: no longer waiting"
    assert window.statusBar().currentMessage() == f"QA approval signed: lot {number} is now Released."
    pending_page(window)
    assert message_text(page, "pendingMessage") == f"QA approval signed: lot {number} is now Released."


@pytest.mark.req("SIG-5")
def test_a_double_click_opens_the_record_and_its_dialog_and_cancel_leaves_it_waiting(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    number = receive(ui_ctx, site)
    window = window_for(qtbot, ui_ctx, runner, site.qc)
    page = pending_page(window)
    assert [r[:4] for r in pending_rows(page)] == [[f"Lot {number}", "Quarantine", "release (to Released)",
                                                    "QC review"]], "awaited before anyone signed"
    opened: list[str] = []

    def cancel(dialog: object) -> None:
        assert isinstance(dialog, SignatureDialog)
        opened.append(dialog.record_id)
        click(qtbot, dialog, "signatureCancel")

    modals.answer(cancel)
    table = child(page, QTableView, "pendingTable")
    assert isinstance(table, QTableView)
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    modals.check()
    assert opened == [number]
    assert window.stack is not None and window.stack.currentWidget() is window.pages["lots"]
    assert signatures.signatures_for(ui_ctx.read_uow(), site.qc, "lot", number) == []
    assert len(pending_rows(page)) == 1


@pytest.mark.req("SIG-5", "ACC-6")
def test_a_batch_waits_for_qa_review_then_for_qa_release_never_for_its_producer(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    number = batch_in_qa_review(ui_ctx, site)
    waiting = {actor.user_id: [r[:4] for r in pending_rows(pending_page(window_for(qtbot, ui_ctx, runner, actor)))
                               if r[0].startswith("Batch")]
               for actor in (site.qa, site.release, site.production)}
    assert waiting == {"qa": [[f"Batch {number}", "QA review", "release (to Released)", "QA review"]],
                       "rel": [], "prod": []}
    sign(ui_ctx, site.qa, "batch", number, "Released", NEW_PASSWORD)
    window = window_for(qtbot, ui_ctx, runner, site.release)
    assert [r[:4] for r in pending_rows(pending_page(window))] == [
        [f"Batch {number}", "QA review", "release (to Released)", "QA release"]]


def test_nothing_waiting_says_so(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    page = pending_page(window_for(qtbot, ui_ctx, runner, site.warehouse))
    assert pending_rows(page) == []
    assert label_text(page, "pendingEmpty") == "Nothing is waiting for your signature."
