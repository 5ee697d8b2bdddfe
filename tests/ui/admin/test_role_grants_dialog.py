"""Four eyes on signing roles in the administration page (ACC-6): the warning and the site's acceptance when one
person would hold both halves of a pair, the pending role shown, and its approval by a second administrator
signed with their password; every dialog fits at 1280x800."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QListWidget
from pytestqt.qtbot import QtBot

from app import role_grants, users
from app.bootstrap import AppContext
from domain.users import Actor, Role
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import NEW_PASSWORD, USER_PASSWORD, ModalDriver, child, click, message_text, tick, type_into
from tests.ui.layout_check import layout_problems
from ui.admin.add_user_dialog import AddUserDialog
from ui.admin.role_grants_dialog import RoleGrantsDialog
from ui.admin.user_admin_widget import UserAdminWidget
from ui.shell.task_runner import SyncTaskRunner


def second_admin(ctx: AppContext, admin: Actor) -> Actor:
    users.add_user(ctx.uow(), admin, ctx.auth, "bea", "Bea Second", {Role.ADMINISTRATOR}, USER_PASSWORD)
    return users.change_own_password(ctx.uow(), ctx.auth, "bea", USER_PASSWORD, NEW_PASSWORD)


@pytest.mark.req("ACC-6")
def test_one_person_in_both_halves_of_a_pair_needs_the_sites_reason(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor, modals: ModalDriver
) -> None:
    page = UserAdminWidget(ui_ctx, runner, admin)
    qtbot.addWidget(page)
    page.show()

    def fill(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "userId", "solo")
        type_into(qtbot, dialog, "printedName", "Sol Solo")
        tick(qtbot, dialog, "role_QC_ANALYST")
        assert child(dialog, QLabel, "pendingRolesNote").isVisible()
        assert not child(dialog, QLabel, "fourEyesWarning").isVisible()
        tick(qtbot, dialog, "role_QA_RELEASE")
        warning = child(dialog, QLabel, "fourEyesWarning")
        assert warning.isVisible() and "QC testing and the release it supports" in warning.text()  # type: ignore[attr-defined]
        type_into(qtbot, dialog, "temporaryPassword", USER_PASSWORD)
        type_into(qtbot, dialog, "repeatPassword", USER_PASSWORD)
        click(qtbot, dialog, "addUserOk")
        assert message_text(dialog, "addUserMessage").startswith("Say why the site accepts")
        assert layout_problems(dialog) == []
        type_into(qtbot, dialog, "fourEyesAcceptance", "two-person site, QA head decision QA-2026-04")
        click(qtbot, dialog, "addUserOk")

    modals.answer(fill)
    click(qtbot, page, "addUser")
    modals.check()
    assert page.model.index(page.model.row_of("solo"), 2).data() == (
        "QA Release (pending), QC Analyst (pending)")
    [grant] = role_grants.pending_grants(ui_ctx.read_uow(), admin)
    assert grant.conflicts_accepted == ("two-person site, QA head decision QA-2026-04 "
                                        "[accepted: QC Analyst + QA Release]")


@pytest.mark.req("ACC-6", "SIG-1")
def test_a_second_administrator_approves_with_a_password(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor, modals: ModalDriver
) -> None:
    bea = second_admin(ui_ctx, admin)
    users.add_user(ui_ctx.uow(), admin, ui_ctx.auth, "cleo", "Cleo Analyst", {Role.QC_ANALYST}, USER_PASSWORD)

    mine = RoleGrantsDialog(ui_ctx, runner, admin)  # who asked cannot approve
    qtbot.addWidget(mine)
    mine.show()
    type_into(qtbot, mine, "approverPassword", ADMIN_PASSWORD)
    click(qtbot, mine, "roleGrantsOk")
    assert "cannot approve it" in message_text(mine, "roleGrantsMessage")

    page = UserAdminWidget(ui_ctx, runner, bea)
    qtbot.addWidget(page)
    page.show()

    def approve(dialog: QDialog) -> None:
        grants = child(dialog, QListWidget, "grantList")
        assert grants.count() == 1  # type: ignore[attr-defined]
        assert "Cleo Analyst (cleo): QC Analyst\nasked by admin" in grants.item(0).text()  # type: ignore[attr-defined]
        assert layout_problems(dialog) == []
        click(qtbot, dialog, "roleGrantsOk")
        assert message_text(dialog, "roleGrantsMessage").startswith("Type your password")
        type_into(qtbot, dialog, "approverPassword", NEW_PASSWORD)
        click(qtbot, dialog, "roleGrantsOk")

    modals.answer(approve)
    click(qtbot, page, "roleGrants")
    modals.check()
    assert message_text(page, "userMessage") == "Grant #1 approved: cleo now holds QC Analyst."
    assert page.model.index(page.model.row_of("cleo"), 2).data() == "QC Analyst"


@pytest.mark.req("ACC-6")
def test_the_add_user_dialog_fits_with_the_warning(qtbot: QtBot, ui_ctx: AppContext) -> None:
    dialog = AddUserDialog(ui_ctx.security.values.password_policy)
    qtbot.addWidget(dialog)
    dialog.show()
    for name in ("role_QC_ANALYST", "role_QA_REVIEWER", "role_QA_RELEASE", "role_PRODUCTION"):
        tick(qtbot, dialog, name)
    qtbot.waitUntil(lambda: layout_problems(dialog) == [])
