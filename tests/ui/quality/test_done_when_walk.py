"""Issue 10's "done when", tried on the screens as a new user would: a lot received into Quarantine (its
specification in effect), its QC results entered with one out of spec, the deviation appearing, investigated,
a CAPA from it closed and the deviation closed (both signed), the correction and the review of the results (signed),
while the release screen lists exactly what still blocks release; then the release with its two signatures."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app import capa, deviations, lots
from app.bootstrap import AppContext
from app.signatures import SigningSession
from domain.users import Actor
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, message_text, type_into
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site, select_row
from tests.ui.quality.qc_site import resin_in_testing
from tests.ui.signature_support import signs
from ui.capa.capa_list_widget import CapaListWidget
from ui.quality.deviation_list_widget import DeviationListWidget
from ui.quality.qc_worklist_widget import QcWorklistWidget
from ui.release.release_widget import ReleaseWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner
from ui.signatures.record_signer import RecordSigner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def shown(qtbot: QtBot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def text_into(qtbot: QtBot, dialog: QDialog, name: str, text: str) -> None:
    box = child(dialog, QPlainTextEdit, name)
    assert isinstance(box, QPlainTextEdit)
    box.clear()
    qtbot.keyClicks(box, text)


def blocking(screen: ReleaseWidget, number: str) -> list[str]:
    """What the release screen lists as failed for the lot, read from its rules table."""
    screen.show_record(number)
    rules = screen.detail.rules
    return [rules.record_at(r).key for r in range(rules.rowCount()) if not rules.record_at(r).passed]


def results(qtbot: QtBot, values: dict[str, str], reason: str = ""):  # type: ignore[no-untyped-def]
    def handler(dialog: QDialog) -> None:
        for name, value in values.items():
            type_into(qtbot, dialog, name, value)
        if reason:
            type_into(qtbot, dialog, "resultsReason", reason)
        click(qtbot, dialog, "resultsEntryOk")
    return handler


@pytest.mark.req("QC-1", "QC-2", "QC-3", "QC-4", "DEV-1", "DEV-2", "SIG-1")
def test_a_lot_from_receipt_through_an_oos_its_deviation_and_capa_to_its_signed_release(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver) -> None:
    number = resin_in_testing(ui_ctx, site)  # received into Quarantine: on the worklist, under RES-PC v1
    hub = ChangeHub()
    qc_desk = shown(qtbot, QcWorklistWidget(ui_ctx, runner, site.qc, hub))
    release = shown(qtbot, ReleaseWidget(ui_ctx, runner, site.qa, hub,
                                         signer=RecordSigner(ui_ctx, runner, SigningSession(site.qa))))
    assert blocking(release, number) == ["required_tests"]

    # QC enters the results; the melt flow index is out of spec and its deviation opens at once.
    select_row(qtbot, qc_desk, "qcWorklistTable", 0)
    modals.answer(results(qtbot, {"result_MFI_1": "13", "result_MFI_2": "13.4", "result_ID_1": "Pass",
                                  "result_COL_1": "Clear"}))
    click(qtbot, qc_desk, "enterResults")
    modals.check()
    [dev] = deviations.deviations_touching(ui_ctx.read_uow(), site.qa, "lot", number)
    assert message_text(qc_desk, "qcWorklistMessage").endswith(f"Out of spec: MFI; deviation {dev.number} opened.")
    assert blocking(release, number) == ["required_tests", "no_open_deviation"]

    # QA sees it on the deviations page and investigates; the retained sample is re-tested within spec.
    qa_deviations = shown(qtbot, DeviationListWidget(ui_ctx, runner, site.qa, hub, session=SigningSession(site.qa)))
    assert [d.number for d in qa_deviations.model.records] == [dev.number]
    qa_deviations.show_record(dev.number)
    click(qtbot, qa_deviations.detail, "startInvestigation")

    def findings(dialog: QDialog) -> None:
        text_into(qtbot, dialog, "investigationText", "re-test of the retained sample: 10.2 and 10.4 g/10min")
        combo = child(dialog, QComboBox, "rootCauseCategory")
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("Measurement"))
        text_into(qtbot, dialog, "rootCauseText", "die of the plastometer not cleaned between samples")
        text_into(qtbot, dialog, "dispositionText", "first result invalid; lot usable on the re-test")
        click(qtbot, dialog, "investigationOk")

    modals.answer(findings)
    click(qtbot, qa_deviations.detail, "recordFindings")
    modals.check()
    modals.answer(results(qtbot, {"result_MFI_1": "10.2", "result_MFI_2": "10.4"},
                          reason=f"re-test of the retained sample, {dev.number}"))
    click(qtbot, qc_desk, "enterResults")
    modals.check()
    assert len(deviations.deviations_touching(ui_ctx.read_uow(), site.qa, "lot", number)) == 1  # no second one

    # A CAPA from the deviation: its action done, its effectiveness checked, closed with QA's signature.
    capa_page = shown(qtbot, CapaListWidget(ui_ctx, runner, site.qa, hub))

    def open_capa(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "capaTitle", "Plastometer cleaning")
        text_into(qtbot, dialog, "capaDescription", "the die was not cleaned between two resins")
        type_into(qtbot, dialog, "capaDeviation", dev.number)
        click(qtbot, dialog, "openCapaOk")

    def plan(dialog: QDialog) -> None:
        text_into(qtbot, dialog, "capaActionDescription", "cleaning step added to SOP-QC-011")
        type_into(qtbot, dialog, "capaActionOwner", "qa")
        click(qtbot, dialog, "capaActionOk")

    def evidence(dialog: QDialog) -> None:
        text_into(qtbot, dialog, "reason", "SOP-QC-011 rev. 4 in effect, analysts trained")
        click(qtbot, dialog, "reasonOk")

    def effective(dialog: QDialog) -> None:
        text_into(qtbot, dialog, "effectivenessFinding", "no MFI out of spec in the next 20 lots")
        click(qtbot, dialog, "effectivenessOk")

    def sign_capa(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "closeCapaUserId", "qa")
        type_into(qtbot, dialog, "closeCapaPassword", NEW_PASSWORD)
        click(qtbot, dialog, "closeCapaOk")

    modals.answer(open_capa)
    click(qtbot, capa_page, "openCapa")
    modals.check()
    capa_page.table.selectRow(0)
    for handler, button in ((plan, "planCapaAction"), (evidence, "closeCapaAction"),
                            (effective, "checkEffectiveness"), (sign_capa, "closeCapa")):
        if button == "closeCapaAction":
            capa_page.detail.actions_table.selectRow(0)
        modals.answer(handler)
        click(qtbot, capa_page.detail, button)
        modals.check()
    [done] = capa.list_capas(ui_ctx.read_uow(), site.qa, deviation=dev.number)
    assert done.status == "Closed"
    assert blocking(release, number) == ["required_tests", "no_open_deviation"]  # the deviation is still open

    def close_deviation(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "closeDeviationReason", f"re-test within spec; {done.number} closed")
        type_into(qtbot, dialog, "closeDeviationUserId", "qa")
        type_into(qtbot, dialog, "closeDeviationPassword", NEW_PASSWORD)
        click(qtbot, dialog, "closeDeviationOk")

    qa_deviations.show_record(dev.number)
    modals.answer(close_deviation)
    click(qtbot, qa_deviations.detail, "closeDeviation")
    modals.check()
    assert blocking(release, number) == ["required_tests"]  # the results are not reviewed yet

    # A second person reviews the results (signed); nothing blocks the release any more.
    qa_desk = shown(qtbot, QcWorklistWidget(ui_ctx, runner, site.qa, hub))
    select_row(qtbot, qa_desk, "qcWorklistTable", 0)
    modals.answer(lambda dialog: (type_into(qtbot, dialog, "reviewUserId", "qa"),
                                  type_into(qtbot, dialog, "reviewPassword", NEW_PASSWORD),
                                  click(qtbot, dialog, "reviewResultsOk")))
    click(qtbot, qa_desk, "reviewResults")
    modals.check()
    assert blocking(release, number) == []
    assert layout_problems(release) == []

    # Released with its two signatures, each signer at their own release screen.
    qc_release = shown(qtbot, ReleaseWidget(ui_ctx, runner, site.qc, hub,
                                            signer=RecordSigner(ui_ctx, runner, SigningSession(site.qc))))
    qc_release.show_record(number)
    modals.answer(signs(qtbot, user_id="qc"))
    click(qtbot, qc_release.detail, "signRelease")
    modals.check()
    assert lots.get_lot(ui_ctx.read_uow(), site.qa, number).status == "Quarantine"
    release.show_record(number)
    modals.answer(signs(qtbot, user_id="qa"))
    click(qtbot, release.detail, "signRelease")
    modals.check()
    assert lots.get_lot(ui_ctx.read_uow(), site.qa, number).status == "Released"
