"""Every dialog of the demo site shows its labels, buttons and table headers whole, at 100 % and with the
text 1.5 times larger (what a 150 % setting does to text), as the desk issue asks (issue 8)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app import batches, bootstrap, capa, deviations, facilities, lots, masterdata, recalls, users
from app.bootstrap import AppContext
from app.capa import ActionView, CapaView
from app.demo.loader import DEMO_PASSWORD, load_demo_data
from app.process_steps import ParameterState, ValueView
from app.settings import Settings
from app.signatures import SigningSession
from app.versions import VersionComparison, VersionSummary
from domain.lots import LotStatus
from domain.recall import NotificationStatus
from domain.users import Actor
from domain.version_diff import ChangeKind, DiffRow
from tests.conftest import FAST_HASHER
from tests.ui.layout_check import layout_problems
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Iterator[AppContext]:
    url = f"sqlite:///{(Path(tmp_path_factory.mktemp('demo')) / 'demo.sqlite3').as_posix()}"
    bootstrap.upgrade_database(url)
    context = bootstrap.open_context(url, settings=Settings(), hasher=FAST_HASHER)
    load_demo_data(context.uow, context.auth)
    try:
        yield context
    finally:
        context.dispose()


def person(ctx: AppContext, user_id: str) -> Actor:
    return users.log_in(ctx.uow(), ctx.auth, user_id, DEMO_PASSWORD)


def dialogs(ctx: AppContext, runner: SyncTaskRunner) -> dict[str, Callable[[], QDialog]]:
    from ui.admin.add_user_dialog import AddUserDialog
    from ui.admin.change_roles_dialog import ChangeRolesDialog
    from ui.admin.rename_user_dialog import RenameUserDialog
    from ui.admin.reset_password_dialog import ResetPasswordDialog
    from ui.batches.complete_batch_dialog import CompleteBatchDialog
    from ui.batches.issue_material_dialog import IssueMaterialDialog
    from ui.batches.plan_batch_dialog import PlanBatchDialog
    from ui.capa.capa_action_dialog import CapaActionDialog
    from ui.capa.close_capa_dialog import CloseCapaDialog
    from ui.capa.effectiveness_dialog import EffectivenessDialog
    from ui.capa.open_capa_dialog import OpenCapaDialog
    from ui.changes.new_change_dialog import NewChangeDialog
    from ui.devices.station_settings_dialog import StationSettingsDialog
    from ui.labels.print_label_dialog import PrintLabelDialog
    from ui.lots.receive_lot_dialog import ReceiveLotDialog
    from ui.masterdata.approve_supplier_dialog import ApproveSupplierDialog
    from ui.masterdata.customer_dialog import CustomerDialog
    from ui.masterdata.item_dialog import ItemDialog
    from ui.mbr.mbr_draft_dialog import MbrDraftDialog
    from ui.process.calibration_dialog import CalibrationDialog
    from ui.process.correct_value_dialog import CorrectValueDialog
    from ui.process.equipment_dialog import EquipmentDialog
    from ui.process.room_dialog import RoomDialog
    from ui.process.sensor_dialog import SensorDialog
    from ui.quality.open_deviation_dialog import OpenDeviationDialog
    from ui.quality.spec_draft_dialog import SpecDraftDialog
    from ui.recalls.recall_progress_dialog import RecallProgressDialog
    from ui.shell.change_password_dialog import ChangePasswordDialog
    from ui.shell.first_administrator_dialog import FirstAdministratorDialog
    from ui.shell.lock_dialog import LockDialog
    from ui.shell.login_dialog import LoginDialog
    from ui.shipments.new_shipment_dialog import NewShipmentDialog
    from ui.signatures.signature_dialog import SignatureDialog
    from ui.versions.version_compare_dialog import VersionCompareDialog
    from ui.versions.version_history_dialog import VersionHistoryDialog
    from ui.widgets.reason_dialog import ReasonDialog

    admin, qa, qc, prod, ward = (person(ctx, u) for u in ("admin", "qa", "qc", "prod", "ward"))
    policy = ctx.security.values.password_policy
    some_user = users.list_users(ctx.read_uow(), admin)[0]
    running = next(b for b in batches.list_batches(ctx.read_uow(), prod) if b.status == "In production")
    quarantined = next(lot for lot in lots.list_lots(ctx.read_uow(), qc) if lot.status == "Quarantine")
    items = masterdata.list_items(ctx.read_uow(), admin)
    recall = recalls.get_recall(ctx.read_uow(), qa, recalls.list_recalls(ctx.read_uow(), qa)[0].recall_number)
    first_deviation = min(d.number for d in deviations.list_deviations(ctx.read_uow(), qa))  # DEV<year>-0001
    first_capa = min(c.number for c in capa.list_capas(ctx.read_uow(), qa))
    return {
        "receive": lambda: ReceiveLotDialog(ctx, runner, ward),
        "plan": lambda: PlanBatchDialog(ctx, runner, prod),
        "issue": lambda: IssueMaterialDialog(ctx, runner, prod, running.batch_number),
        "complete": lambda: CompleteBatchDialog(ctx, runner, prod, running),
        "signature": lambda: SignatureDialog(ctx, runner, SigningSession(qc), "lot", quarantined.lot_number,
                                             LotStatus.RELEASED),
        "rejection": lambda: SignatureDialog(ctx, runner, SigningSession(qa), "lot", quarantined.lot_number,
                                             LotStatus.REJECTED),
        "add user": lambda: AddUserDialog(policy),
        "roles": lambda: ChangeRolesDialog(some_user),
        "rename": lambda: RenameUserDialog(some_user),
        "reset password": lambda: ResetPasswordDialog(some_user, policy),
        "station devices": lambda: StationSettingsDialog(ctx, runner),
        "print label": lambda: PrintLabelDialog(quarantined.lot_number, [], None),
        "approve supplier": lambda: ApproveSupplierDialog(masterdata.list_suppliers(ctx.read_uow(), admin)[0],
                                                          items),
        "customer": lambda: CustomerDialog(),
        "item": lambda: ItemDialog(items[0]),
        "master record draft": lambda: MbrDraftDialog(ctx, runner, admin),
        "change password": lambda: ChangePasswordDialog(ctx, runner, "admin",
                                                        explanation="Your password has expired: choose a new one."),
        "first administrator": lambda: FirstAdministratorDialog(ctx, runner),
        "lock": lambda: LockDialog(ctx, runner, admin),
        "login": lambda: LoginDialog(ctx, runner, notice="Your session was locked and has ended."),
        "shipment": lambda: NewShipmentDialog(ctx, runner, ward),
        "reason": lambda: ReasonDialog(
            "Open a recall for lot R26339-0001? Everything traced forward from it that is in stock or not yet "
            "released is put on hold, released batches are marked recalled, and the customers it reached are "
            "listed. Say what was found and by whom."),
        "recall progress": lambda: RecallProgressDialog(recall.customers[0], NotificationStatus.NOTIFIED),
        "correct value": lambda: CorrectValueDialog(ctx, runner, prod, 1, drying_temperature()),
        "room": lambda: RoomDialog(ctx, runner, admin),
        "sensor": lambda: SensorDialog(ctx, runner, admin, facilities.list_rooms(ctx.read_uow(), admin)),
        "equipment": lambda: EquipmentDialog(ctx, runner, admin),
        "calibration": lambda: CalibrationDialog(ctx, runner, admin, facilities.list_equipment(ctx.read_uow(),
                                                                                               admin)[0]),
        "open capa": lambda: OpenCapaDialog(ctx, runner, qa, first_deviation),
        "capa action": lambda: CapaActionDialog(ctx, runner, qa, first_capa),
        "effectiveness": lambda: EffectivenessDialog(ctx, runner, qa, first_capa),
        "close capa": lambda: CloseCapaDialog(ctx, runner, SigningSession(qa), sealer_capa()),
        "version history": lambda: VersionHistoryDialog(ctx, runner, prod, "mbr", "FD-IVC-20"),
        "version compare": lambda: VersionCompareDialog(limit_change(), services=ctx, runner=runner, actor=qa),
        "new deviation": lambda: OpenDeviationDialog(ctx, runner, qa, [("batch", running.batch_number)]),
        "specification draft": lambda: SpecDraftDialog(ctx, runner, qc, "RM-PP-01"),
        "new change request": lambda: NewChangeDialog(ctx, runner, prod),
    }


def limit_change() -> VersionComparison:
    """v1 -> v2 of a record with a changed limit, a new step with a long instruction and a removed BOM line."""
    at = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
    old = VersionSummary("mbr", "FD-IVC-20", 1, "Superseded", "IV catheter 20G assembly", at, at)
    new = VersionSummary("mbr", "FD-IVC-20", 2, "Effective", "IV catheter 20G assembly", at, at)
    changed, added, removed = ChangeKind.CHANGED, ChangeKind.ADDED, ChangeKind.REMOVED
    return VersionComparison(old, new, (
        DiffRow("Header", "", "Status", "Effective", "Superseded", changed),
        DiffRow("BOM line", "RM-SIL-02", "Quantity per unit", Decimal("0.00001"), None, removed),
        DiffRow("Parameter", "2 · Test pressure", "Lower limit", Decimal(280), Decimal(285), changed),
        DiffRow("Step", "3", "Instruction", None, "Seal the pouch at 180 °C for 2.5 s and check the seal width on "
                "the first pouch of every carton against the seal gauge", added),
        DiffRow("Step", "3", "Verified signature", None, True, added),
    ))


def sealer_capa() -> CapaView:
    """A CAPA ready for QA's closure, as its page hands it to the closure dialog."""
    at = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
    action = ActionView(1, "Corrective", "Recalibrate the pouch sealer and add it to the preventive maintenance "
                        "plan", "prod", date(2026, 12, 19), False, "Calibration certificate CAL-26-77", "prod", at)
    return CapaView("CAPA2026-0001", "Pouch sealer drift after maintenance", "Seal temperature drifted.",
                    "DEV2026-0001", "Open", "qa", at, date(2027, 3, 5), "No leak in 3 lots of 2,000 pouches", True,
                    "qa", None, None, (action,), False)


def drying_temperature() -> ParameterState:
    """A recorded value out of limits, as the Process tab hands it to the correction dialog."""
    recorded = ValueView(7, 1, "Drying temperature", Decimal("126.5"), "°C", "Out of limits", "prod",
                         datetime(2026, 12, 5, 9, 30, tzinfo=UTC), None, None)
    return ParameterState("Drying temperature", "°C", Decimal(120), Decimal(115), Decimal(125), Decimal(117),
                          Decimal(123), recorded, (recorded,))


NAMES = ["receive", "plan", "issue", "complete", "signature", "rejection", "add user", "roles", "rename",
         "reset password", "station devices", "print label", "approve supplier", "customer", "item",
         "master record draft", "change password", "first administrator", "lock", "login", "shipment", "reason",
         "recall progress", "correct value", "room", "sensor", "equipment", "calibration", "open capa",
         "capa action", "effectiveness", "close capa", "version history", "version compare", "new deviation",
         "specification draft", "new change request"]


@pytest.mark.parametrize("scale", [1.0, 1.5], ids=["100%", "150%"])
def test_every_dialog_shows_its_text_whole(qtbot: QtBot, qapp: QApplication, demo: AppContext, scale: float) -> None:
    normal = qapp.font()
    larger = QFont(normal)
    larger.setPointSizeF(normal.pointSizeF() * scale)
    qapp.setFont(larger)
    problems: dict[str, list[str]] = {}
    try:
        builders = dialogs(demo, SyncTaskRunner())
        assert sorted(builders) == sorted(NAMES)
        for name in NAMES:
            dialog = builders[name]()
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            found = layout_problems(dialog)
            if found:
                problems[name] = found
            dialog.close()
    finally:
        qapp.setFont(normal)
    assert problems == {}
