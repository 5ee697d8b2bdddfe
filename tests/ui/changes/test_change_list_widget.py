"""The change-control page (ui/changes/change_list_widget.py, CHG-1, SIG-1): a new change request naming a draft,
submitted with its impact, approved with two signatures in the signature dialog, implemented; its lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app import audit, change_control, mbr
from app.bootstrap import AppContext
from app.ports import AuditFilter
from app.signatures import SigningSession
from domain.users import Actor
from tests.ui.conftest import ModalDriver, click, message_text, type_into
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, row_texts, select_row, shown, site_fixture  # noqa: F401
from tests.ui.signature_support import signs
from ui.changes.change_list_widget import ChangeListWidget
from ui.changes.new_change_dialog import NewChangeDialog
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner
from ui.signatures.record_signer import RecordSigner


def page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor, hub: ChangeHub) -> ChangeListWidget:
    widget = ChangeListWidget(ctx, runner, actor, hub, signer=RecordSigner(ctx, runner, SigningSession(actor)))
    shown(qtbot, widget)
    return widget


@pytest.mark.req("CHG-1", "SIG-1")
def test_raise_submit_approve_twice_and_implement(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                  site: Site, modals: ModalDriver, tmp_path: Path) -> None:
    mbr.create_draft(ui_ctx.uow(), site.production, "SYR-5", "Syringe", [mbr.BomInput("RES-PC", "0.01", "5")])
    hub = ChangeHub()
    author = page(qtbot, ui_ctx, runner, site.production, hub)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NewChangeDialog)
        assert not layout_problems(dialog)
        type_into(qtbot, dialog, "changeTitle", "Syringe into use")
        dialog.reason.setPlainText("first version of the syringe record")
        dialog.tick("SYR-5 v1")
        click(qtbot, dialog, "newChangeOk")

    modals.answer(fill)
    click(qtbot, author, "newChange")
    modals.check()
    assert message_text(author, "changeListMessage").startswith("Change request CR-")
    select_row(qtbot, author, "changeTable", 0)
    click(qtbot, author.detail, "submitChange")
    assert row_texts(author, "changeTable", 0)[1] == "In review"
    assert author.detail.values["approvals"].text().startswith("0 of 2 signatures")

    for actor in (site.release, site.qa):
        approver = page(qtbot, ui_ctx, runner, actor, hub)
        approver.which.setCurrentIndex(approver.which.findData("approval"))
        approver._which_chosen(0)
        select_row(qtbot, approver, "changeTable", 0)
        modals.answer(signs(qtbot, user_id=actor.user_id))
        click(qtbot, approver.detail, "approveChange")
        modals.check()
    assert row_texts(author, "changeTable", 0)[1] == "Approved"

    approver.which.setCurrentIndex(approver.which.findData("all"))
    approver._which_chosen(0)
    select_row(qtbot, approver, "changeTable", 0)
    approver.resize(1280, 800)
    approver.grab().save(str(tmp_path / "change_page.png"))
    assert not layout_problems(approver)
    click(qtbot, approver.detail, "implementChange")
    assert approver.detail.values["status"].text().startswith("Implemented")
    assert row_texts(author, "changeTable", 0)[1] == "Implemented"
    assert [v.status for v in mbr.list_mbrs(ui_ctx.read_uow(), site.release)] == ["Effective"]


@pytest.mark.req("CHG-1", "AUD-4")
def test_qa_rejects_a_submitted_change_with_a_reason(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                     site: Site, modals: ModalDriver) -> None:
    """QA turns a change request down from its page: Reject..., the reason, and the change is Rejected with its
    draft a draft again (free for a new change); the requester has no such button."""
    mbr.create_draft(ui_ctx.uow(), site.production, "SYR-5", "Syringe", [mbr.BomInput("RES-PC", "0.01", "5")])
    hub = ChangeHub()
    author = page(qtbot, ui_ctx, runner, site.production, hub)
    number = change_control.open_change(
        ui_ctx.uow(), site.production, "Syringe into use", "first version of the syringe record", "Minor",
        change_control.today(ui_ctx.uow(), site.production), [change_control.ItemInput("mbr", "SYR-5", 1)]).number
    change_control.submit(ui_ctx.uow(), site.production, number)
    author.refresh()
    select_row(qtbot, author, "changeTable", 0)
    assert not author.detail.reject_button.isVisibleTo(author), "the requester cannot reject"
    assert author.detail.cancel_button.isVisibleTo(author)

    qa = page(qtbot, ui_ctx, runner, site.qa, hub)
    qa.which.setCurrentIndex(qa.which.findData("all"))
    qa._which_chosen(0)
    select_row(qtbot, qa, "changeTable", 0)
    assert qa.detail.reject_button.isVisibleTo(qa)

    def give_reason(dialog: QDialog) -> None:
        assert any(number in label.text() for label in dialog.findChildren(QLabel))
        dialog.findChild(QPlainTextEdit, "reason").setPlainText("the impact on open batches is not assessed")
        click(qtbot, dialog, "reasonOk")

    modals.answer(give_reason)
    click(qtbot, qa.detail, "rejectChange")
    modals.check()
    assert qa.detail.values["status"].text().startswith("Rejected")
    assert not qa.detail.reject_button.isVisibleTo(qa)
    assert row_texts(author, "changeTable", 0)[1] == "Rejected"
    assert change_control.get_change(ui_ctx.read_uow(), site.qa, number).status == "Rejected"
    assert [v.status for v in mbr.list_mbrs(ui_ctx.read_uow(), site.qa)] == ["Draft"]
    entry = audit.audit_page(ui_ctx.read_uow(), site.admin, AuditFilter(record_id=number, action="UPDATE"),
                             limit=1)[0]
    assert entry.reason == "the impact on open batches is not assessed"
    assert entry.user_id == site.qa.user_id
