"""The deviations page (DEV-1): an OOS deviation investigated, its impact traced in one click, and closed by QA
with a signature (SIG-1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app import deviations, quality
from app.bootstrap import AppContext
from app.signatures import SigningSession
from domain.users import Actor
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, message_text, type_into
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site
from tests.ui.quality.qc_site import resin_in_testing
from ui.quality.deviation_list_widget import DeviationListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def deviation_page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor, hub: ChangeHub
                   ) -> DeviationListWidget:
    page = DeviationListWidget(ctx, runner, actor, hub, session=SigningSession(actor))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


def snap(widget: object, name: str) -> None:
    out = Path("/tmp/h10b")
    out.mkdir(exist_ok=True)
    widget.grab().save(str(out / name))  # type: ignore[attr-defined]


@pytest.mark.req("DEV-1", "SIG-1")
def test_an_oos_deviation_is_investigated_traced_and_closed_with_a_signature(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver) -> None:
    number = resin_in_testing(ui_ctx, site)
    dev = quality.enter_result(ui_ctx.uow(), site.qc, "lot", number, "ID", ["Fail"]).deviation
    assert dev is not None
    hub = ChangeHub()
    page = deviation_page(qtbot, ui_ctx, runner, site.qa, hub)
    page.show_record(dev)
    detail = page.detail
    assert detail.values["status"].text() == "Open"
    assert detail.links.records[0] == ("lot", number)
    assert not detail.close_button.isVisibleTo(detail)  # closing comes after the investigation
    click(qtbot, detail, "startInvestigation")
    assert detail.values["status"].text() == "Investigation"

    def findings(dialog: QDialog) -> None:
        child(dialog, QPlainTextEdit, "investigationText").setPlainText("FTIR re-run on a fresh sample")  # type: ignore[attr-defined]
        combo = child(dialog, QComboBox, "rootCauseCategory")
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("Measurement"))
        child(dialog, QPlainTextEdit, "rootCauseText").setPlainText("ATR crystal contaminated")  # type: ignore[attr-defined]
        child(dialog, QPlainTextEdit, "dispositionText").setPlainText("lot released after re-test")  # type: ignore[attr-defined]
        assert layout_problems(dialog) == []
        snap(dialog, "investigation.png")
        click(qtbot, dialog, "investigationOk")

    modals.answer(findings)
    click(qtbot, detail, "recordFindings")
    modals.check()
    assert detail.values["root_cause"].text() == "Measurement: ATR crystal contaminated"

    click(qtbot, detail, "deviationImpactButton")
    assert [(i.ref, i.batches) for i in detail.impact.records] == [(number, 0)]
    with qtbot.waitSignal(page.open_record) as opened:
        detail.impact_table.selectRow(0)
        detail._open_trace()
    assert opened.args == ["trace", number]

    def close_unsigned(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "closeDeviationReason", "re-test conforms")
        type_into(qtbot, dialog, "closeDeviationUserId", site.qa.user_id)
        type_into(qtbot, dialog, "closeDeviationPassword", "wrong-password")
        click(qtbot, dialog, "closeDeviationOk")
        assert "password" in message_text(dialog, "closeDeviationMessage").lower()
        assert layout_problems(dialog) == []
        snap(dialog, "close_deviation.png")
        type_into(qtbot, dialog, "closeDeviationPassword", NEW_PASSWORD)
        click(qtbot, dialog, "closeDeviationOk")

    modals.answer(close_unsigned)
    click(qtbot, detail, "closeDeviation")
    modals.check()
    assert deviations.get_deviation(ui_ctx.read_uow(), site.qa, dev).status == "Closed"
    assert message_text(detail, "deviationDetailMessage") == f"Deviation {dev} closed (signed)."
    assert [(d.number, d.status) for d in page.model.records] == [(dev, "Closed")]  # shown by number: closed too
    snap(page, "deviations.png")
    child(page, QCheckBox, "deviationOpenOnly").setChecked(True)  # type: ignore[attr-defined]
    assert page.model.records == []
