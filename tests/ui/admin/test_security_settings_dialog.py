"""The site's security settings as the administrator changes them (ACC-7): shown from the database, saved as
a new audited version with a reason, fitting at 1280x800."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from app import audit, site_security
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.site_security import SecurityValues
from domain.users import Actor, Role
from tests.ui.conftest import ModalDriver, child, click, make_user, message_text
from tests.ui.layout_check import layout_problems
from ui.admin.security_settings_dialog import SecuritySettingsDialog
from ui.admin.user_admin_widget import UserAdminWidget
from ui.shell.task_runner import SyncTaskRunner


def set_value(dialog: QDialog, name: str, value: int) -> None:
    box = child(dialog, QSpinBox, name)
    assert isinstance(box, QSpinBox)
    box.setValue(value)


@pytest.mark.req("ACC-7", "AUD-4")
def test_an_administrator_changes_the_site_policy_with_a_reason(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor, modals: ModalDriver
) -> None:
    page = UserAdminWidget(ui_ctx, runner, admin)
    qtbot.addWidget(page)
    page.show()

    def change(dialog: QDialog) -> None:
        assert child(dialog, QSpinBox, "max_failed_logins").value() == 5  # type: ignore[attr-defined]
        assert "never changed" in child(dialog, QLabel, "securityVersion").text()  # type: ignore[attr-defined]
        click(qtbot, dialog, "securitySettingsOk")
        assert message_text(dialog, "securitySettingsMessage") == "Nothing changed."
        set_value(dialog, "max_failed_logins", 3)
        set_value(dialog, "idle_lock_minutes", 15)
        click(qtbot, dialog, "securitySettingsOk")
        assert message_text(dialog, "securitySettingsMessage").startswith("Say why the rules change")
        qtbot.keyClicks(child(dialog, QPlainTextEdit, "securityReason"), "SOP-012 rev 4")
        click(qtbot, dialog, "securitySettingsOk")

    modals.answer(change)
    click(qtbot, page, "securitySettings")
    modals.check()
    assert message_text(page, "userMessage") == (
        "Security settings saved as version 1: they apply at every station.")
    assert ui_ctx.security.values == SecurityValues(max_failed_logins=3, idle_lock_minutes=15)
    assert site_security.current_security(ui_ctx.read_uow()).values == ui_ctx.security.values
    entry = audit.audit_page(ui_ctx.read_uow(), admin, AuditFilter(record_type="site_security"), limit=1)[0]
    assert (entry.action, entry.user_id, entry.reason) == ("CREATE", "admin", "SOP-012 rev 4")


@pytest.mark.req("ACC-7", "ACC-4")
def test_a_refusal_shows_in_the_dialog(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor
) -> None:
    clerk = make_user(ui_ctx, admin, "wes", frozenset({Role.WAREHOUSE}))
    assert clerk is not None
    dialog = SecuritySettingsDialog(ui_ctx, runner, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    set_value(dialog, "max_failed_logins", 10)
    qtbot.keyClicks(child(dialog, QPlainTextEdit, "securityReason"), "I keep mistyping")
    click(qtbot, dialog, "securitySettingsOk")
    assert "may not manage users" in message_text(dialog, "securitySettingsMessage")
    assert site_security.current_security(ui_ctx.read_uow()).version == 0


@pytest.mark.req("ACC-7")
def test_the_dialog_fits_its_content(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor) -> None:
    site_security.change_security(ui_ctx.uow(), admin, {"password_expiry_days": 180}, "SOP-012 rev 5")
    dialog = SecuritySettingsDialog(ui_ctx, runner, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "version 1, set by admin" in child(dialog, QLabel, "securityVersion").text()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: layout_problems(dialog) == [])
