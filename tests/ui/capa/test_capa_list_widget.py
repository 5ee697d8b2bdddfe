"""The CAPA page (DEV-2): open a CAPA, plan an action, its owner closes it with evidence, the effectiveness
check, QA's signed closure; overdue actions in red and counted in their owner's status bar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app import capa
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, type_into
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site
from tests.ui.signature_support import window_for
from ui.capa.capa_list_widget import CapaListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor) -> CapaListWidget:
    widget = CapaListWidget(ctx, runner, actor, ChangeHub())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def text_into(qtbot: QtBot, dialog: QDialog, name: str, text: str) -> None:
    qtbot.keyClicks(child(dialog, QPlainTextEdit, name), text)


@pytest.mark.req("DEV-2", "SIG-1")
def test_a_capa_from_opening_to_its_signed_closure_on_the_page(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    widget = page(qtbot, ui_ctx, runner, site.qa)

    def open_dialog(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "capaTitle", "Pouch sealer drift")
        text_into(qtbot, dialog, "capaDescription", "seal temperature drifted after maintenance")
        click(qtbot, dialog, "openCapaOk")

    modals.answer(open_dialog)
    click(qtbot, widget, "openCapa")
    modals.check()
    assert widget.model.rowCount() == 1
    widget.table.selectRow(0)
    number = widget.model.record_at(0).number

    def plan(dialog: QDialog) -> None:
        text_into(qtbot, dialog, "capaActionDescription", "recalibrate the sealer")
        type_into(qtbot, dialog, "capaActionOwner", "prod")
        click(qtbot, dialog, "capaActionOk")

    modals.answer(plan)
    click(qtbot, widget.detail, "planCapaAction")
    modals.check()
    assert widget.detail.actions.rowCount() == 1
    assert "1 of 1 actions open" in child(widget.detail, QLabel, "capa_status").text()
    assert layout_problems(widget) == []

    widget.detail.actions_table.selectRow(0)

    def evidence(dialog: QDialog) -> None:
        text_into(qtbot, dialog, "reason", "calibration certificate CAL-26-77")
        click(qtbot, dialog, "reasonOk")

    modals.answer(evidence)
    click(qtbot, widget.detail, "closeCapaAction")
    modals.check()

    def effective(dialog: QDialog) -> None:
        text_into(qtbot, dialog, "effectivenessFinding", "no leak in 3 lots")
        click(qtbot, dialog, "effectivenessOk")

    modals.answer(effective)
    click(qtbot, widget.detail, "checkEffectiveness")
    modals.check()
    assert "ready for QA closure" in child(widget.detail, QLabel, "capa_status").text()

    def sign(dialog: QDialog) -> None:
        assert layout_problems(dialog) == []
        type_into(qtbot, dialog, "closeCapaUserId", "qa")
        type_into(qtbot, dialog, "closeCapaPassword", NEW_PASSWORD)
        click(qtbot, dialog, "closeCapaOk")

    modals.answer(sign)
    click(qtbot, widget.detail, "closeCapa")
    modals.check()
    view = capa.get_capa(ui_ctx.read_uow(), site.qa, number)
    assert view.status == "Closed" and view.closed_by is not None and view.closed_by.endswith("(qa)")
    assert widget.model.rowCount() == 0  # open ones only


@pytest.mark.req("DEV-2")
def test_overdue_actions_are_red_on_the_page_and_counted_in_the_owners_status_bar(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    u = ui_ctx.uow
    today = capa.local_today
    number = capa.open_capa(u(), site.qa, "Label mix-up", "wrong label version", _later(ui_ctx, site, 30)).number
    capa.add_action(u(), site.qa, number, "Corrective", "purge old labels", "prod", _later(ui_ctx, site, 2))
    monkeypatch.setattr(capa, "local_today", lambda tx: today(tx) + timedelta(days=5))

    widget = page(qtbot, ui_ctx, runner, site.production)
    widget.table.selectRow(0)
    assert widget.detail.actions.record_at(0).overdue
    assert child(widget.detail, QLabel, "capa_status").text().startswith("Open")
    window = window_for(qtbot, ui_ctx, runner, site.production)
    label = child(window, QLabel, "statusOverdueActions")
    assert label.isVisible() and label.text() == "1 CAPA action(s) overdue"
    assert number in label.toolTip()
    assert not child(window_for(qtbot, ui_ctx, runner, site.qa), QLabel, "statusOverdueActions").isVisible()


def _later(ctx: AppContext, site: Site, days: int) -> date:
    with ctx.read_uow().acting_as(site.qa) as tx:
        return capa.local_today(tx) + timedelta(days=days)
