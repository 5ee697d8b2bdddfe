"""User administration as the administrator does it: every change with a reason, errors shown plainly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from app import audit, users
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.errors import AuthenticationFailed
from domain.users import Actor, Role
from tests.ui.conftest import (
    NEW_PASSWORD,
    USER_PASSWORD,
    ModalDriver,
    child,
    click,
    make_user,
    message_text,
    tick,
    type_into,
)
from ui.admin.user_admin_widget import UserAdminWidget
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def page(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor) -> UserAdminWidget:
    widget = UserAdminWidget(ui_ctx, runner, admin)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    return widget


def select(qtbot: QtBot, page: UserAdminWidget, user_id: str) -> None:
    row = page.model.row_of(user_id)
    assert row >= 0, f"{user_id} is not listed"
    table = child(page, QTableView, "userTable")
    assert isinstance(table, QTableView)
    rect = table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_user() is not None
    assert page.selected_user().user_id == user_id  # type: ignore[union-attr]


def status_of(page: UserAdminWidget, user_id: str) -> str:
    return str(page.model.index(page.model.row_of(user_id), 3).data())


def fill_new_user(qtbot: QtBot, user_id: str, password: str = USER_PASSWORD):  # type: ignore[no-untyped-def]
    def handler(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "userId", user_id)
        type_into(qtbot, dialog, "printedName", "Bob Builder")
        tick(qtbot, dialog, "role_PRODUCTION")
        type_into(qtbot, dialog, "temporaryPassword", password)
        type_into(qtbot, dialog, "repeatPassword", password)
        click(qtbot, dialog, "addUserOk")
        if password != USER_PASSWORD:  # the weak password stays in the form, with the rule
            assert message_text(dialog, "addUserMessage") == "the password must have at least 10 characters"
            type_into(qtbot, dialog, "temporaryPassword", USER_PASSWORD)
            type_into(qtbot, dialog, "repeatPassword", USER_PASSWORD)
            click(qtbot, dialog, "addUserOk")
    return handler


def give_reason(qtbot: QtBot, reason: str):  # type: ignore[no-untyped-def]
    def handler(dialog: QDialog) -> None:
        assert not child(dialog, QPushButton, "reasonOk").isEnabled(), "no change without a reason"
        qtbot.keyClicks(child(dialog, QPlainTextEdit, "reason"), reason)
        click(qtbot, dialog, "reasonOk")
    return handler


@pytest.mark.req("ACC-1", "ACC-2")
def test_add_a_user(qtbot: QtBot, page: UserAdminWidget, modals: ModalDriver) -> None:
    modals.answer(fill_new_user(qtbot, "bob", password="short1"))
    click(qtbot, page, "addUser")
    modals.check()
    assert message_text(page, "userMessage") == "User 'bob' added: the user sets a new password at the first log-in."
    assert status_of(page, "bob") == "Must set a new password"
    assert page.model.index(page.model.row_of("bob"), 2).data() == "Production"


@pytest.mark.req("ACC-1", "AUD-4")
def test_deactivate_with_a_reason_and_the_id_is_never_reused(qtbot: QtBot, ui_ctx: AppContext, admin: Actor,
                                                             page: UserAdminWidget, modals: ModalDriver) -> None:
    make_user(ui_ctx, admin, "bob")
    click(qtbot, page, "refreshUsers")
    select(qtbot, page, "bob")
    modals.answer(give_reason(qtbot, "left the company"))
    click(qtbot, page, "deactivateUser")
    modals.check()
    assert status_of(page, "bob") == "Deactivated"
    assert message_text(page, "userMessage") == "User 'bob' deactivated."
    change = audit.audit_page(ui_ctx.read_uow(), admin, AuditFilter(record_id="bob", action="UPDATE"), limit=1)[0]
    assert change.reason == "left the company"
    assert change.change_map()["active"] == [True, False]

    modals.answer(fill_new_user(qtbot, "bob"))
    click(qtbot, page, "addUser")
    modals.check()
    assert message_text(page, "userMessage") == (
        "user ID 'bob' already exists (deactivated): user IDs are never reused")


@pytest.mark.req("AUD-4")
def test_cancelling_the_reason_changes_nothing(qtbot: QtBot, ui_ctx: AppContext, admin: Actor,
                                               page: UserAdminWidget, modals: ModalDriver) -> None:
    make_user(ui_ctx, admin, "bob")
    click(qtbot, page, "refreshUsers")
    select(qtbot, page, "bob")
    modals.answer(lambda dialog: dialog.reject())
    click(qtbot, page, "deactivateUser")
    modals.check()
    assert status_of(page, "bob") == "Active"


@pytest.mark.req("ACC-3")
def test_unlock_a_locked_user(qtbot: QtBot, ui_ctx: AppContext, admin: Actor, page: UserAdminWidget,
                              modals: ModalDriver) -> None:
    make_user(ui_ctx, admin, "carol")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.log_in(ui_ctx.uow(), ui_ctx.auth, "carol", "wrong-password-1")
    # the right password is refused now, with the one answer every refused log-in gets (issue 9, finding 8)
    with pytest.raises(AuthenticationFailed, match="or the account is locked"):
        users.log_in(ui_ctx.uow(), ui_ctx.auth, "carol", NEW_PASSWORD)
    click(qtbot, page, "refreshUsers")
    assert status_of(page, "carol") == "Locked"
    select(qtbot, page, "carol")
    modals.answer(give_reason(qtbot, "identity checked by phone"))
    click(qtbot, page, "unlockUser")
    modals.check()
    assert status_of(page, "carol") == "Active"
    assert users.log_in(ui_ctx.uow(), ui_ctx.auth, "carol", NEW_PASSWORD).user_id == "carol"


@pytest.mark.req("ACC-4", "AUD-4")
def test_rename_change_roles_and_reset_password(qtbot: QtBot, ui_ctx: AppContext, admin: Actor,
                                                page: UserAdminWidget, modals: ModalDriver) -> None:
    make_user(ui_ctx, admin, "dave")
    click(qtbot, page, "refreshUsers")
    select(qtbot, page, "dave")

    def rename(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "printedName", "David Smith")
        click(qtbot, dialog, "renameUserOk")

    modals.answer(rename, give_reason(qtbot, "name misspelt"))
    click(qtbot, page, "renameUser")
    modals.check()
    assert page.model.index(page.model.row_of("dave"), 1).data() == "David Smith"

    def roles(dialog: QDialog) -> None:
        for name in ("role_PRODUCTION", "role_QC_ANALYST"):
            tick(qtbot, dialog, name)
        click(qtbot, dialog, "changeRolesOk")

    modals.answer(roles, give_reason(qtbot, "moved to the QC lab"))
    click(qtbot, page, "changeRoles")
    modals.check()
    # a signing role waits for a second administrator or QA (ACC-6, tests/ui/admin/test_role_grants_dialog.py)
    assert page.model.index(page.model.row_of("dave"), 2).data() == "QC Analyst (pending)"

    def reset(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "temporaryPassword", "Reset-pass-2026")
        type_into(qtbot, dialog, "repeatPassword", "Reset-pass-2026")
        click(qtbot, dialog, "resetPasswordOk")

    modals.answer(reset, give_reason(qtbot, "forgot the password"))
    click(qtbot, page, "resetPassword")
    modals.check()
    assert status_of(page, "dave") == "Must set a new password"
    reasons = [e.reason for e in audit.audit_page(ui_ctx.read_uow(), admin, AuditFilter(record_id="dave",
                                                                                       action="UPDATE"))]
    assert reasons[:3] == ["forgot the password", "moved to the QC lab", "name misspelt"]


@pytest.mark.req("ACC-4")
def test_an_administrator_cannot_deactivate_their_own_account(qtbot: QtBot, page: UserAdminWidget) -> None:
    select(qtbot, page, "admin")
    assert not child(page, QPushButton, "deactivateUser").isEnabled()
    assert Role.ADMINISTRATOR.value in str(page.model.index(page.model.row_of("admin"), 2).data())
