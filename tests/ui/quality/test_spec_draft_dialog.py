"""Writing the next version of a specification as a draft from the QC worklist (QC-1): the dialog starts from
the tests of the version in effect, refuses what the rules refuse (inline, nothing stored), and the stored version
is a Draft listed beside the one in effect, which stays in effect (change control makes a draft effective)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel
from pytestqt.qtbot import QtBot

from app import quality
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site, select_row
from tests.ui.quality.qc_site import resin_in_testing
from ui.quality.qc_worklist_widget import QcWorklistWidget
from ui.quality.spec_draft_dialog import LOWER, REQUIRED, UPPER, SpecDraftDialog
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def cells(dialog: SpecDraftDialog, column: int) -> list[str]:
    return [dialog.tests.item(r, column).text() for r in range(dialog.tests.rowCount())]  # type: ignore[union-attr]


def set_cell(dialog: SpecDraftDialog, row: int, column: int, text: str) -> None:
    dialog.tests.item(row, column).setText(text)  # type: ignore[union-attr]


@pytest.mark.req("QC-1")
def test_a_new_specification_version_is_written_as_a_draft_from_the_one_in_effect(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver) -> None:
    resin_in_testing(ui_ctx, site)
    page = QcWorklistWidget(ui_ctx, runner, site.qc, ChangeHub())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    select_row(qtbot, page, "qcWorklistTable", 0)

    def write(dialog: QDialog) -> None:
        assert isinstance(dialog, SpecDraftDialog)
        assert child(dialog, QComboBox, "specItem").currentData() == "RES-PC"  # type: ignore[attr-defined]
        assert child(dialog, QLabel, "specVersions").text().startswith(  # type: ignore[attr-defined]
            "v1 Effective since ")
        assert dialog.title_edit.text() == "Resin incoming"
        assert cells(dialog, 0) == ["MFI", "ID", "COL"] and cells(dialog, LOWER) == ["8", "", ""]
        assert [dialog.tests.item(r, REQUIRED).checkState() for r in range(3)] == [  # type: ignore[union-attr]
            Qt.CheckState.Checked, Qt.CheckState.Checked, Qt.CheckState.Unchecked]
        set_cell(dialog, 0, UPPER, "13")  # a wider MFI range
        click(qtbot, dialog, "addSpecTest")
        for column, text in enumerate(("DENS", "Density", "ISO 1183", "", "g/cm3", "1.22", "1.18", "3", "2")):
            if text:
                set_cell(dialog, 3, column, text)
        click(qtbot, dialog, "specDraftOk")
        assert message_text(dialog, "specDraftMessage") == (
            "test DENS: the lower limit 1.22 is above the upper limit 1.18")
        set_cell(dialog, 3, 7, "three")
        click(qtbot, dialog, "specDraftOk")
        assert message_text(dialog, "specDraftMessage") == "test 4: decimals must be a whole number, not 'three'"
        assert len(quality.list_specs(ui_ctx.read_uow(), site.qc, "RES-PC")) == 1  # nothing stored
        set_cell(dialog, 3, 7, "3")
        set_cell(dialog, 3, LOWER, "1.18")
        set_cell(dialog, 3, UPPER, "1.22")
        dialog.title_edit.setText("Resin incoming, with density")
        assert layout_problems(dialog) == []
        dialog.grab().save(str(Path("/tmp/h10") / "spec_draft.png"))
        click(qtbot, dialog, "specDraftOk")

    modals.answer(write)
    click(qtbot, page, "newSpecVersion")
    modals.check()
    draft = quality.get_spec(ui_ctx.read_uow(), site.qc, "RES-PC", 2)
    assert (draft.status, draft.title) == ("Draft", "Resin incoming, with density")
    assert [(t.code, t.lower, t.upper, t.decimals, t.replicates, t.required_for_release) for t in draft.tests][::3] == [
        ("MFI", 8, 13, 1, 2, True), ("DENS", Decimal("1.18"), Decimal("1.22"), 3, 2, True)]
    assert quality.get_spec(ui_ctx.read_uow(), site.qc, "RES-PC").version == 1  # still the one in effect
    assert message_text(page, "qcWorklistMessage") == (
        "Specification RES-PC version 2 saved as Draft: it takes effect through a change request.")
    assert layout_problems(page) == []
    page.grab().save(str(Path("/tmp/h10") / "qc_worklist_spec.png"))

    def look_again(dialog: QDialog) -> None:
        assert isinstance(dialog, SpecDraftDialog)
        versions = child(dialog, QLabel, "specVersions").text()  # type: ignore[attr-defined]
        assert versions.splitlines()[1] == "v2 Draft: Resin incoming, with density"
        assert cells(dialog, 0) == ["MFI", "ID", "COL"]  # from the version in effect, not the draft
        dialog.reject()

    modals.answer(look_again)
    click(qtbot, page, "newSpecVersion")
    modals.check()
