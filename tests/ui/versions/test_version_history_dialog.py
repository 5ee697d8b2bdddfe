"""The version history and compare dialogs (ui/versions), reached from the master batch records page and the item
list, and the batch pane's line on the master record version it keeps (CHG-2, CHG-3, LOT-6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QTableView
from pytestqt.qtbot import QtBot

from app import batches, mbr, process_steps, quality
from app.bootstrap import AppContext
from app.process_steps import ParameterInput, StepInput
from domain.quality import TestInput
from tests.app.change_support import effective_via_change
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, message_text
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, column_texts, effective_mbr, select_row, shown, site_fixture  # noqa: F401
from ui.batches.batch_detail_widget import BatchDetailWidget
from ui.masterdata.item_list_widget import ItemListWidget
from ui.mbr.mbr_list_widget import MbrListWidget
from ui.quality.qc_worklist_widget import QcWorklistWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner
from ui.versions.version_compare_dialog import FILLS
from ui.versions.version_history_dialog import VersionHistoryDialog

SHOTS = Path(os.environ.get("BATCHTRACE_SHOTS", "/tmp/h13b"))
LONG = ("Mould the barrels on press 4 with the cavity pressure monitor switched on; reject the first ten shots "
        "after every stop longer than five minutes")


def _second_version(ctx: AppContext, site: Site) -> None:
    """SYR-5 v2: a long instruction, a changed limit, tubing replaced by more resin; effective."""
    draft = mbr.create_draft(ctx.uow(), site.production, "SYR-5", "Syringe",
                             [mbr.BomInput("RES-PC", "0.012", "5")])
    process_steps.add_steps(ctx.uow(), site.production, "SYR-5", draft.version, [StepInput(LONG, "Press", (
        ParameterInput("Melt temperature", "°C", "285", "278", "295"),))])
    effective_via_change(ctx, site, "mbr", "SYR-5", draft.version, password=NEW_PASSWORD)


def _table(dialog: QDialog, name: str) -> QTableView:
    table = child(dialog, QTableView, name)
    assert isinstance(table, QTableView)
    return table


def _look(widget: QDialog, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.mark.req("CHG-2", "CHG-3", "LOT-6")
def test_compare_two_versions_and_see_the_open_batches_on_one(qtbot: QtBot, ui_ctx: AppContext,
                                                               runner: SyncTaskRunner, site: Site,
                                                               modals: ModalDriver) -> None:
    effective_mbr(ui_ctx, site)
    planned = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "1000").batch_number
    _second_version(ui_ctx, site)
    page = MbrListWidget(ui_ctx, runner, site.production, ChangeHub())
    shown(qtbot, page)
    select_row(qtbot, page, "mbrTable", 0)

    def compare_dialog(dialog: QDialog) -> None:
        assert dialog.objectName() == "versionCompareDialog"
        dialog.resize(1280, 800)
        table = _table(dialog, "versionCompareTable")
        model = table.model()
        rows = {(model.index(r, 1).data(), model.index(r, 2).data()): r for r in range(model.rowCount())}
        removed = rows[("BOM line TUBE-1", "Quantity per unit")]
        assert model.index(removed, 0).data() == "Removed"
        assert model.index(removed, 0).data(Qt.ItemDataRole.BackgroundRole) == FILLS[model.index(removed, 0).data(
            Qt.ItemDataRole.UserRole).kind]
        changed = rows[("BOM line RES-PC", "Quantity per unit")]
        assert [model.index(changed, c).data() for c in (0, 3, 4)] == ["Changed", "0.01", "0.012"]
        added = rows[("Step 1", "Instruction")]
        assert model.index(added, 4).data() == LONG  # whole: wrapped in its cell, never elided
        assert table.rowHeight(added) > table.rowHeight(changed)
        assert table.columnWidth(4) >= table.fontMetrics().horizontalAdvance("Melt temperature")
        assert layout_problems(dialog) == []
        _look(dialog, "version_compare_1280x800")
        dialog.close()

    def history_opens(dialog: QDialog) -> None:
        assert dialog.objectName() == "versionHistoryDialog"
        assert column_texts(dialog, "versionTable", 1) == ["Superseded", "Effective"]
        dialog.close()

    modals.answer(history_opens)
    click(qtbot, page, "mbrVersions")
    modals.check()

    dialog = VersionHistoryDialog(ui_ctx, runner, site.production, "mbr", "SYR-5")
    shown(qtbot, dialog, 1280, 800)
    modals.answer(compare_dialog)
    click(qtbot, dialog, "compareVersions")  # the two latest are selected when it opens
    modals.check()
    _table(dialog, "versionTable").clearSelection()
    select_row(qtbot, dialog, "versionTable", 0)
    click(qtbot, dialog, "versionBatches")
    assert column_texts(dialog, "versionBatchTable", 0) == [planned]
    caption = child(dialog, QLabel, "versionBatchesCaption")
    assert isinstance(caption, QLabel) and caption.text() == "Open batches on SYR-5 v1: 1"
    assert layout_problems(dialog) == []
    _look(dialog, "version_history_1280x800")

    pane = BatchDetailWidget(ui_ctx, runner, site.production, ChangeHub())
    shown(qtbot, pane, 1280, 800)
    pane.show_record(planned)
    line = child(pane, QLabel, "batchMasterRecord")
    assert isinstance(line, QLabel)
    assert line.text().startswith("Master record: SYR-5 v1 (v2 effective since 20")
    newer = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "10").batch_number
    pane.show_record(newer)
    assert line.text() == "Master record: SYR-5 v2 (the effective version)"


@pytest.mark.req("CHG-2")
def test_specification_versions_from_the_item_list(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                    site: Site, modals: ModalDriver) -> None:
    mfi = TestInput("MFI", "Melt flow index", "ISO 1133", unit="g/10 min", lower="8", upper="12", decimals=1)
    quality.create_spec(ui_ctx.uow(), site.qc, "RES-PC", "Resin incoming", [mfi])
    effective_via_change(ui_ctx, site, "spec", "RES-PC", 1, password=NEW_PASSWORD)
    quality.create_spec(ui_ctx.uow(), site.qc, "RES-PC", "Resin incoming", [
        TestInput("MFI", "Melt flow index", "ISO 1133", unit="g/10 min", lower="8.5", upper="12", decimals=1)])
    page = ItemListWidget(ui_ctx, runner, site.qc, ChangeHub())
    shown(qtbot, page)
    select_row(qtbot, page, "itemTable", column_texts(page, "itemTable", 0).index("RES-PC"))

    def compare_dialog(dialog: QDialog) -> None:
        model = _table(dialog, "versionCompareTable").model()
        texts = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
        assert ["Changed", "Test MFI", "Lower limit", "8", "8.5"] in texts
        dialog.close()

    def history_opens(dialog: QDialog) -> None:
        assert dialog.objectName() == "versionHistoryDialog"
        assert column_texts(dialog, "versionTable", 0) == ["1", "2"]
        dialog.close()

    modals.answer(history_opens)
    click(qtbot, page, "itemSpecVersions")
    modals.check()
    worklist = QcWorklistWidget(ui_ctx, runner, site.qc, ChangeHub())
    shown(qtbot, worklist)
    click(qtbot, worklist, "qcSpecVersions")
    assert message_text(worklist, "qcWorklistMessage") == "Select a lot or batch, or an item in the filter, first."
    items = child(worklist, QComboBox, "qcItemFilter")
    assert isinstance(items, QComboBox)
    items.setCurrentIndex(items.findData("RES-PC"))
    modals.answer(history_opens)
    click(qtbot, worklist, "qcSpecVersions")
    modals.check()

    dialog = VersionHistoryDialog(ui_ctx, runner, site.qc, "spec", "RES-PC")
    shown(qtbot, dialog)
    assert not child(dialog, QLabel, "versionHistoryNote").text().endswith("selected version.")
    assert not _table(dialog, "versionBatchTable").isVisible()
    modals.answer(compare_dialog)
    click(qtbot, dialog, "compareVersions")
    modals.check()
