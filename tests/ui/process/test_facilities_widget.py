"""Rooms, sensors and equipment on the master data page, and the imports from the desktop (PRC-3, PRC-4,
INT-1): equipment out of service with a reason, a logger file checked in a dry run then stored after the user
saw its excursion, a file with bad lines refused with each line named and nothing stored, a cancelled import
leaving nothing behind, and MES values whose value out of limits opens its deviation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QDialog, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app import process_steps
from app.bootstrap import AppContext
from domain.users import Actor
from tests.app.lots_support import Site, build_site, count_rows, trail
from tests.app.test_process_steps import process_site
from tests.app.test_readings import T0, day_of_readings, rooms
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.layout_check import layout_problems
from tests.ui.shell.test_language import chinese  # noqa: F401 (the fixture)
from ui.process.facilities_widget import FacilitiesWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner, TaskState

SHOTS = Path("/tmp/h11")


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor, ui_db_url: str) -> Site:
    return build_site(ui_ctx, admin, ui_db_url)


def page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor) -> FacilitiesWidget:
    widget = FacilitiesWidget(ctx, runner, actor, ChangeHub())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def box(seen: list[str], *, answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
        name: str) -> Callable[[QDialog], None]:
    def handler(dialog: QDialog) -> None:
        assert dialog.objectName() == name, dialog.objectName()
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text() + "\n" + dialog.informativeText())
        dialog.done(answer)
    return handler


@pytest.mark.req("PRC-3")
def test_equipment_goes_out_of_service_and_back_with_a_reason(qtbot: QtBot, ui_ctx: AppContext, site: Site,
                                                             runner: SyncTaskRunner, modals: ModalDriver) -> None:
    rooms(site)
    process_site(site)
    widget = page(qtbot, ui_ctx, runner, site.admin)
    m = widget.sensor_model
    assert [(m.index(r, 1).data(), m.index(r, 3).data()) for r in range(m.rowCount())] == [
        ("H1", "30 .. 60 %RH"), ("T1", "18 .. 25 °C")]
    e = widget.equipment_model
    assert [e.index(r, 0).data() for r in range(e.rowCount())] == ["DRY-1", "MM-1", "MM-2"]
    widget.equipment_table.selectRow(0)

    def reason(dialog: QDialog) -> None:
        qtbot.keyClicks(child(dialog, QPlainTextEdit, "reason"), "bearing noise, WO-77")
        click(qtbot, dialog, "reasonOk")

    modals.answer(reason)
    click(qtbot, widget, "equipmentService")
    modals.check()
    assert message_text(widget, "facilitiesMessage") == "DRY-1 is now out of service."
    assert e.index(0, 3).data() == "Out of service"
    assert widget.service_button.text() == "Back in service..."
    change = [x for x in trail(site, record_type="equipment") if x.action == "UPDATE"][-1]
    assert (change.change_map()["status"], change.reason) == (["In service", "Out of service"], "bearing noise, WO-77")
    widget.show()
    assert layout_problems(widget) == []
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / "facilities.png"))


@pytest.mark.req("INT-1", "PRC-3", "PRC-4")
def test_readings_are_checked_first_then_stored_with_their_excursion(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver,
        tmp_path: Path) -> None:
    rooms(site)
    widget = page(qtbot, ui_ctx, runner, site.production)
    bad = tmp_path / "bad.csv"
    lines = day_of_readings({100: 26.0})
    lines[5] = lines[5].replace("21.5,°C", "21.5,K")
    lines[9] = f"{T0.replace(tzinfo=None).isoformat()},T1,21,°C\n"
    bad.write_text("".join(lines), encoding="utf-8")
    seen: list[str] = []
    modals.answer(box(seen, name="importRejected"))
    widget.importer.import_readings(bad)
    modals.check()
    assert seen[0].startswith("bad.csv: 2 of 576 lines rejected; nothing was stored.")
    assert "line 6:" in seen[0] and "line 10:" in seen[0]
    assert count_rows(site.db_url, "readings") == 0

    good = tmp_path / "cr1.csv"
    good.write_text("".join(day_of_readings({100: 26.0, 101: 26.5})), encoding="utf-8")
    def store_then_cancel(dialog: QDialog) -> None:
        cancelled = TaskState()
        cancelled.cancel()
        runner.next_state = cancelled  # the user presses Cancel while the readings are stored
        box([], name="importConfirm", answer=QMessageBox.StandardButton.Yes)(dialog)

    modals.answer(store_then_cancel)
    widget.importer.import_readings(good)
    modals.check()
    assert message_text(widget, "facilitiesMessage") == "Import cancelled: nothing was stored."
    assert count_rows(site.db_url, "readings") == 0 and count_rows(site.db_url, "reading_imports") == 0

    modals.answer(box(seen, name="importConfirm", answer=QMessageBox.StandardButton.Yes))
    widget.importer.import_readings(good)
    modals.check()
    assert seen[1].startswith("cr1.csv: 576 new readings (0 already stored), 1 new excursion(s).")
    start = (T0 + timedelta(minutes=500)).strftime("%Y-%m-%d %H:%M")
    assert f"T1 (CR-1) out of limits {start}" in seen[1] and "Each excursion opens a deviation." in seen[1]
    assert message_text(widget, "facilitiesMessage") == "cr1.csv: stored 576 readings, 1 new excursion(s)."
    assert count_rows(site.db_url, "readings") == 576 and count_rows(site.db_url, "deviations") == 1

    # the same file again adds nothing
    modals.answer(box(seen, name="importConfirm", answer=QMessageBox.StandardButton.Yes))
    widget.importer.import_readings(good)
    modals.check()
    assert seen[2].startswith("cr1.csv: 0 new readings (576 already stored), 0 new excursion(s).")
    assert count_rows(site.db_url, "readings") == 576 and count_rows(site.db_url, "deviations") == 1


@pytest.mark.req("INT-1", "PRC-2", "PRC-4")
def test_mes_values_are_checked_then_recorded_and_one_out_of_limits_opens_a_deviation(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver,
        tmp_path: Path) -> None:
    batch = process_site(site)
    widget = page(qtbot, ui_ctx, runner, site.production)
    mes = tmp_path / "mes.csv"
    mes.write_text(f"batch,step,parameter,value,equipment\n{batch},1,Drying temperature,126,DRY-1\n"
                   f"{batch},1,Drying time,4,\n", encoding="utf-8")
    seen: list[str] = []
    modals.answer(box(seen, name="importConfirm", answer=QMessageBox.StandardButton.Cancel))
    widget.importer.import_values(mes)
    modals.check()
    assert seen[0].startswith("mes.csv: 2 values, 1 out of limits.\nstep 1 Drying temperature = 126 °C")
    assert message_text(widget, "facilitiesMessage") == "Import not stored: nothing was changed."
    assert count_rows(site.db_url, "parameter_values") == 0

    modals.answer(box(seen, name="importConfirm", answer=QMessageBox.StandardButton.Yes))
    widget.importer.import_values(mes)
    modals.check()
    assert message_text(widget, "facilitiesMessage") == "Recorded 2 values, 1 out of limits."
    state = process_steps.batch_process(ui_ctx.read_uow(), site.production, batch)
    assert [p.current.value for p in state.steps[0].parameters if p.current] == [126, 4]
    assert count_rows(site.db_url, "deviations") == 1


@pytest.mark.req("PRC-3")
def test_rooms_sensors_and_equipment_are_created_and_a_calibration_recorded(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver) -> None:
    process_site(site)
    widget = page(qtbot, ui_ctx, runner, site.admin)

    def room(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "roomCode", "CR-9")
        type_into(qtbot, dialog, "roomName", "Packing room 9")
        click(qtbot, dialog, "roomOk")

    def sensor(dialog: QDialog) -> None:
        assert layout_problems(dialog) == []
        type_into(qtbot, dialog, "sensorCode", "CR9-DP")
        kind = child(dialog, QComboBox, "sensorKind")
        assert isinstance(kind, QComboBox)
        kind.setCurrentIndex(kind.findData("Differential pressure"))
        type_into(qtbot, dialog, "sensorLower", "30")
        type_into(qtbot, dialog, "sensorUpper", "10")
        click(qtbot, dialog, "sensorOk")
        assert message_text(dialog, "sensorMessage") == "lower limit 30 is above upper limit 10"
        type_into(qtbot, dialog, "sensorUpper", "60")
        click(qtbot, dialog, "sensorOk")

    def equipment(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "equipmentCode", "SEAL-9")
        type_into(qtbot, dialog, "equipmentName", "Pouch sealer 9")
        type_into(qtbot, dialog, "equipmentClass", "Pouch sealer")
        click(qtbot, dialog, "equipmentOk")

    modals.answer(room, sensor, equipment)
    click(qtbot, widget, "newRoom")
    click(qtbot, widget, "newSensor")
    click(qtbot, widget, "newEquipment")
    modals.check()
    m = widget.sensor_model
    assert [(m.index(r, 0).data(), m.index(r, 1).data(), m.index(r, 3).data()) for r in range(m.rowCount())] == [
        ("CR-9 – Packing room 9", "CR9-DP", "30 .. 60 Pa")]
    e = widget.equipment_model
    assert e.index(e.row_of("SEAL-9"), 4).data() == "not needed"

    widget.equipment_table.selectRow(e.row_of("MM-2"))  # past its calibration date

    def calibration(dialog: QDialog) -> None:
        assert layout_problems(dialog) == []
        child(dialog, QDateEdit, "calibrationDue").setDate(QDate(2027, 6, 30))  # type: ignore[attr-defined]
        click(qtbot, dialog, "calibrationOk")
        assert message_text(dialog, "calibrationMessage") == "Say why: the certificate or what was done."
        type_into(qtbot, dialog, "calibrationReason", "calibrated, certificate CAL-26-0412")
        click(qtbot, dialog, "calibrationOk")

    modals.answer(calibration)
    click(qtbot, widget, "equipmentCalibrated")
    modals.check()
    assert e.index(e.row_of("MM-2"), 4).data() == "2027-06-30"
    change = [x for x in trail(site, record_type="equipment") if x.action == "UPDATE"][-1]
    assert (change.change_map()["calibration_due"][1], change.reason) == ("2027-06-30",
                                                                         "calibrated, certificate CAL-26-0412")
    assert {x.record_type for x in trail(site, action="CREATE", user_id="admin")} >= {"room", "sensor", "equipment"}


@pytest.mark.req("GEN-6")
def test_sensor_kinds_and_equipment_statuses_read_in_chinese(qtbot: QtBot, ui_ctx: AppContext, site: Site,
                                                            runner: SyncTaskRunner,
                                                            chinese: QApplication) -> None:  # noqa: F811
    """The kinds and statuses are stored in English (the domain's values) and shown in the reader's language."""
    rooms(site)
    process_site(site)
    widget = page(qtbot, ui_ctx, runner, site.admin)
    m, e = widget.sensor_model, widget.equipment_model
    assert [(m.index(r, 1).data(), m.index(r, 2).data()) for r in range(m.rowCount())] == [("H1", "湿度"),
                                                                                            ("T1", "温度")]
    assert {e.index(r, 3).data() for r in range(e.rowCount())} == {"在用"}
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / "facilities_zh.png"))
    assert layout_problems(widget) == []
