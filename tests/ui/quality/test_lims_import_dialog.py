"""LIMS import from the QC worklist (QC-2, INT-1): the dry run shown before anything is stored, every rejected
row with its line, the import with progress, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app import quality
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site
from tests.ui.quality.qc_site import resin_in_testing
from ui.quality.qc_worklist_widget import QcWorklistWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def snap(widget: QDialog, name: str) -> None:
    out = Path("/tmp/h10b")
    out.mkdir(exist_ok=True)
    widget.grab().save(str(out / name))


@pytest.mark.req("QC-2", "INT-1")
def test_a_lims_file_is_checked_shown_and_imported(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver,
        tmp_path: Path) -> None:
    number = resin_in_testing(ui_ctx, site)
    page = QcWorklistWidget(ui_ctx, runner, site.qc, ChangeHub())
    qtbot.addWidget(page)
    page.show()
    bad = tmp_path / "bad.csv"
    bad.write_text(f"record,test,values\n{number},MFI,9\nR-NONE,ID,Pass\n", encoding="utf-8")

    def refused(dialog: QDialog) -> None:
        assert "2 of 2 rows rejected; nothing was stored" in child(dialog, QLabel, "limsSummary").text()  # type: ignore[attr-defined]
        assert not child(dialog, QPushButton, "limsImportOk").isEnabled()
        rows = dialog.model.records  # type: ignore[attr-defined]
        assert [(r.line, r.reason) for r in rows] == [(2, "test MFI needs 2 replicate(s), 1 given"),
                                                      (3, "no lot or batch R-NONE")]
        snap(dialog, "lims_refused.png")
        dialog.reject()

    modals.answer(refused)
    page.import_lims_file(bad)
    modals.check()

    good = tmp_path / "lims.csv"
    good.write_bytes(f"record,test,values,unit,instrument\n{number},MFI,12.6;12.8,g/10min,MFI-02\n"
                     f"{number},ID,合格,,FTIR-1\n{number},COL,Clear,,\n".encode("gb18030"))

    def imported(dialog: QDialog) -> None:
        assert "(CSV, GB18030): would store 3 results, 0 already stored; 1 out of spec" in child(
            dialog, QLabel, "limsSummary").text()  # type: ignore[attr-defined]
        assert layout_problems(dialog) == []
        snap(dialog, "lims_dry_run.png")
        click(qtbot, dialog, "limsImportOk")

    modals.answer(imported)
    page.import_lims_file(good)
    modals.check()
    assert "stored 3 results" in message_text(page, "qcWorklistMessage")
    assert "Deviation(s) opened: DEV" in message_text(page, "qcWorklistMessage")
    view = quality.quality_of(ui_ctx.read_uow(), site.qa, "lot", number)
    assert sorted((r.test_code, r.reported) for r in view.results) == [("COL", "Clear"), ("ID", "Pass"),
                                                                       ("MFI", "12.7")]
