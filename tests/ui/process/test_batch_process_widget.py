"""The Process tab of a batch, driven as operators would (PRC-1, PRC-2, PRC-4, SIG-1): equipment scanned or
chosen and refused with the reason, values typed with out-of-limits shown before they are recorded, a
correction that keeps the old value and its reason, and the performed and verified signatures in the signature
dialog, by a second person."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from app import facilities
from app.bootstrap import AppContext
from app.signatures import SigningSession
from domain.users import Actor
from tests.app.lots_support import PASSWORD, Site, build_site
from tests.app.test_process_steps import process_site
from tests.app.test_readings import rooms
from tests.ui.conftest import ModalDriver, click, message_text, type_into
from tests.ui.layout_check import layout_problems
from tests.ui.signature_support import refused_box, signs
from ui.batches.batch_detail_widget import BatchDetailWidget
from ui.process.batch_process_widget import BatchProcessWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner
from ui.signatures.record_signer import RecordSigner

SHOTS = Path("/tmp/h11")


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor, ui_db_url: str) -> Site:
    return build_site(ui_ctx, admin, ui_db_url)


def pane(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor, batch: str
         ) -> tuple[BatchDetailWidget, BatchProcessWidget]:
    detail = BatchDetailWidget(ctx, runner, actor, ChangeHub(), signer=RecordSigner(ctx, runner,
                                                                                   SigningSession(actor)))
    qtbot.addWidget(detail)
    detail.resize(1280, 800)
    detail.show()
    detail.show_record(batch)
    tabs = detail.findChild(QTabWidget, "batchTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentWidget(detail.process_tab)
    return detail, detail.process_tab


def steps_shown(tab: BatchProcessWidget) -> list[tuple[str, str]]:
    m = tab.steps_model
    return [(m.index(r, 0).data(), m.index(r, 1).data()) for r in range(m.rowCount())]


def parameters_shown(tab: BatchProcessWidget) -> list[tuple[str, ...]]:
    m = tab.parameter_model
    return [tuple(m.index(r, c).data() for c in (0, 2, 3, 4)) for r in range(m.rowCount())]


def choose_parameter(tab: BatchProcessWidget, name: str) -> None:
    tab.parameter_table.selectRow(tab.parameter_model.row_of(name))


def choose_step(tab: BatchProcessWidget, step_no: int) -> None:
    tab.steps_table.selectRow(tab.steps_model.row_of(str(step_no)))


def scan(qtbot: QtBot, tab: BatchProcessWidget, code: str) -> None:
    combo = tab.findChild(QComboBox, "stepEquipment")
    assert isinstance(combo, QComboBox)
    combo.setEditText("")
    qtbot.keyClicks(combo.lineEdit(), code)


def deviations(db_url: str) -> list[str]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as c:
            return [r[0] for r in c.execute(text("SELECT title FROM deviations ORDER BY id"))]
    finally:
        engine.dispose()


@pytest.mark.req("PRC-2", "PRC-3", "PRC-4", "SIG-1")
def test_an_operator_runs_a_step_records_values_corrects_one_and_signs(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver) -> None:
    rooms(site)
    batch = process_site(site)
    detail, tab = pane(qtbot, ui_ctx, runner, site.production, batch)
    assert steps_shown(tab) == [("1", "Not started"), ("2", "Not started"), ("3", "Not started")]
    assert tab.step_title.text() == "Step 1: Dry the resin at 120 °C for 4 h"
    assert "Needs a Dryer." in tab.step_state.text()

    # equipment refused with the reason: none, the wrong class, out of service
    click(qtbot, tab, "startStep")
    assert message_text(tab, "processMessage") == "step 1 needs a Dryer: scan or choose it"
    scan(qtbot, tab, "MM-1")
    click(qtbot, tab, "startStep")
    assert message_text(tab, "processMessage") == "MM-1 is a Moulding machine: the step needs a Dryer"
    facilities.change_equipment(ui_ctx.uow(), site.admin, "DRY-1", "bearing noise", status="Out of service")
    detail.show_record(batch)
    assert tab.equipment.itemText(0) == "DRY-1 – Resin dryer 1 (out of service)"
    tab.equipment.setCurrentIndex(0)
    click(qtbot, tab, "startStep")
    assert message_text(tab, "processMessage") == "DRY-1 is out of service: it cannot be used"
    facilities.change_equipment(ui_ctx.uow(), site.admin, "DRY-1", "bearing replaced", status="In service")
    detail.show_record(batch)
    tab.equipment.setCurrentIndex(0)
    tab.room.setCurrentIndex(tab.room.findData("CR-1"))
    click(qtbot, tab, "startStep")
    assert message_text(tab, "processMessage") == "Step 1 started."
    assert steps_shown(tab)[0] == ("1", "Started") and not tab.start_button.isVisible()

    # a value out of limits is shown as it is typed, then recorded with its deviation
    choose_parameter(tab, "Drying temperature")
    type_into(qtbot, tab, "parameterValue", "126")
    verdict = tab.findChild(QLabel, "valueVerdict")
    assert isinstance(verdict, QLabel) and verdict.text() == "Out of limits: recording it opens a deviation"
    type_into(qtbot, tab, "parameterValue", "122")
    assert verdict.text() == "Within limits"
    type_into(qtbot, tab, "parameterValue", "123.5")
    assert verdict.text() == "In alert band"
    type_into(qtbot, tab, "parameterValue", "126")
    click(qtbot, tab, "recordValue")
    assert message_text(tab, "processMessage") == ("Drying temperature = 126 °C recorded. It is out of limits: a "
                                                   "deviation was opened.")
    assert parameters_shown(tab)[0] == ("Drying temperature", "115 .. 125", "126 °C", "Out of limits")
    assert deviations(site.db_url) == [f"Drying temperature out of limits in step 1 of batch {batch}"]

    # a correction needs a reason and keeps the old value
    def correct(dialog: QDialog) -> None:
        assert dialog.objectName() == "correctValueDialog"
        assert layout_problems(dialog) == []
        type_into(qtbot, dialog, "correctValueNew", "121")
        click(qtbot, dialog, "correctValueOk")
        assert message_text(dialog, "correctValueMessage") == "A correction needs a reason."
        type_into(qtbot, dialog, "correctValueReason", "misread the display, 121 on the dryer log")
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "correct_value.png"))
        click(qtbot, dialog, "correctValueOk")

    modals.answer(correct)
    click(qtbot, tab, "correctValue")
    modals.check()
    assert parameters_shown(tab)[0] == ("Drying temperature", "115 .. 125", "121 °C", "Within limits")
    assert "126 °C (pat, " in tab.history.text()
    assert "corrected to 121 by pat: misread the display, 121 on the dryer log" in tab.history.text()

    # performed needs every value; the signature dialog asks for the user ID on the session's first signature
    choose_parameter(tab, "Drying time")
    type_into(qtbot, tab, "parameterValue", "4")
    qtbot.keyClick(tab.value_edit, "\r")
    assert parameters_shown(tab)[1] == ("Drying time", "3.5 .. 6", "4 h", "Within limits")
    seen: list[str] = []
    modals.answer(signs(qtbot, user_id=site.production.user_id, password=PASSWORD, seen=seen))
    click(qtbot, tab, "signPerformed")
    modals.check()
    assert seen[0] == f"You sign step 1 of batch {batch} as performed."
    assert seen[2] == "0 of 1 signatures: Performed missing"
    assert message_text(tab, "processMessage") == "Step 1 signed as performed."
    assert steps_shown(tab)[0] == ("1", "Performed")
    assert tab.step_title.text() == "Step 2: Mould the barrels"  # on to the next step
    choose_step(tab, 1)
    assert "Performed by pat at" in tab.step_state.text()
    assert " on DRY-1 in CR-1." in tab.step_state.text()
    assert not tab.correct_button.isEnabled()  # a performed step's values no longer change

    # step 2 in order, on a moulding machine past its calibration date: refused with the date; the room of
    # step 1 is offered
    choose_step(tab, 2)
    assert tab.room.currentData() == "CR-1"
    scan(qtbot, tab, "MM-2")
    click(qtbot, tab, "startStep")
    assert "MM-2 was due for calibration on" in message_text(tab, "processMessage")
    scan(qtbot, tab, "MM-1")
    click(qtbot, tab, "startStep")
    type_into(qtbot, tab, "parameterValue", "291")
    click(qtbot, tab, "recordValue")
    modals.answer(signs(qtbot, user_id=None, password=PASSWORD))  # later signatures: the password alone
    click(qtbot, tab, "signPerformed")
    modals.check()
    assert steps_shown(tab)[1] == ("2", "Performed, to verify")
    qtbot.wait(20)  # the layout settles as it would between two clicks
    SHOTS.mkdir(exist_ok=True)
    detail.grab().save(str(SHOTS / "process_tab.png"))
    assert layout_problems(detail) == []

    # the performer cannot verify: the box says why and the dialog never opens
    choose_step(tab, 2)
    modals.answer(refused_box("step 2 was performed by pat: a second person verifies it"))
    click(qtbot, tab, "signVerified")
    modals.check()

    # a second person (QA) verifies
    _qa_detail, qa_tab = pane(qtbot, ui_ctx, runner, site.qa, batch)
    choose_step(qa_tab, 2)
    assert not qa_tab.start_button.isVisible()
    modals.answer(signs(qtbot, user_id=site.qa.user_id, password=PASSWORD))
    click(qtbot, qa_tab, "signVerified")
    modals.check()
    assert steps_shown(qa_tab)[1] == ("2", "Verified")
    assert qa_tab.step_title.text() == "Step 3: Visual check of the first 20 barrels"
    choose_step(qa_tab, 2)
    assert "Verified by quinn at" in qa_tab.step_state.text()


@pytest.mark.req("PRC-2")
def test_a_batch_not_in_production_shows_its_steps_but_records_nothing(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner) -> None:
    process_site(site)
    from app import batches
    planned = batches.plan_batch(ui_ctx.uow(), site.production, "SYR", "10").batch_number
    _detail, tab = pane(qtbot, ui_ctx, runner, site.production, planned)
    assert [s for s, _ in steps_shown(tab)] == ["1", "2", "3"]
    assert "The batch is not in production: nothing can be recorded now." in tab.step_state.text()
    assert not tab.start_button.isEnabled() and not tab.value_edit.isEnabled()
    assert not tab.sign_performed.isEnabled()
