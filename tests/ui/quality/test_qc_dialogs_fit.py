"""The QC lab's dialogs show their text whole at 100 % and with the text 1.5 times larger (as
tests/ui/test_every_dialog_fits.py does for the demo site's dialogs; the demo has no QC records to open these on)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app import deviations, quality
from app.batches import AlertView
from app.bootstrap import AppContext
from app.lims_import import import_lims_results
from app.signatures import SigningSession
from domain.users import Actor
from tests.ui.conftest import child
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site
from tests.ui.quality.qc_site import resin_in_testing
from ui.quality.close_deviation_dialog import CloseDeviationDialog
from ui.quality.investigation_dialog import InvestigationDialog
from ui.quality.lims_import_dialog import LimsImportDialog
from ui.quality.open_deviation_dialog import OpenDeviationDialog
from ui.quality.results_entry_dialog import ResultsEntryDialog
from ui.quality.review_results_dialog import ReviewResultsDialog
from ui.quality.spec_draft_dialog import SpecDraftDialog
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def qc_dialogs(ctx: AppContext, site: Site, runner: SyncTaskRunner) -> dict[str, Callable[[], QDialog]]:
    number = resin_in_testing(ctx, site)
    oos = quality.enter_result(ctx.uow(), site.qc, "lot", number, "MFI", ["13", "13.4"], instrument="MFI-02")
    assert oos.deviation is not None
    deviations.start_investigation(ctx.uow(), site.qa, oos.deviation)
    deviation = deviations.record_investigation(
        ctx.uow(), site.qa, oos.deviation, investigation="re-test of a retained sample, same value",
        root_cause_category="Material", root_cause="resin batch moister than the supplier's certificate says",
        disposition="lot rejected, supplier complaint SC-12")
    data = (f"record,test,values,unit,instrument\n{number},ID,Pass,,FTIR-1\n{number},COL,Clear,,\n"
            "R-NONE,ID,Pass,,\n").encode()
    checked = import_lims_results(ctx.read_uow(), site.qc, data, "lims-export-2026-12-05.csv", dry_run=True)
    return {
        "results entry": lambda: ResultsEntryDialog(ctx, runner, site.qc, "lot", number),
        "review": lambda: ReviewResultsDialog(ctx, runner, SigningSession(site.qa), "lot", number),
        "investigation": lambda: InvestigationDialog(ctx, runner, site.qa, deviation),
        "close deviation": lambda: CloseDeviationDialog(ctx, runner, SigningSession(site.qa), deviation),
        "lims import": lambda: LimsImportDialog(ctx, runner, site.qc, Path("lims-export-2026-12-05.csv"), data,
                                                checked),
        "new deviation": lambda: OpenDeviationDialog(ctx, runner, site.qc, [("lot", number)]),
        "escalate alert": lambda: OpenDeviationDialog(ctx, runner, site.qa, alert=refused_issue_alert()),
        "specification draft": lambda: SpecDraftDialog(ctx, runner, site.qc, "RES-PC"),
    }


def refused_issue_alert() -> AlertView:
    """A refused issue's alert, as the batch's alerts tab hands it to the dialog."""
    return AlertView(7, "issue_refused", "issuing 20 kg of RES-PC brings the batch to 20, above the 10.5 allowed "
                     "(10 ±5%)", "FD-IVC-20-2612-0013", "R26339-0001", "prod",
                     datetime(2026, 12, 5, 9, 30, tzinfo=UTC), "Open")


@pytest.mark.parametrize("scale", [1.0, 1.5], ids=["100%", "150%"])
def test_the_qc_dialogs_show_their_text_whole(qtbot: QtBot, qapp: QApplication, ui_ctx: AppContext, site: Site,
                                              runner: SyncTaskRunner, scale: float) -> None:
    builders = qc_dialogs(ui_ctx, site, runner)
    normal = qapp.font()
    larger = QFont(normal)
    larger.setPointSizeF(normal.pointSizeF() * scale)
    qapp.setFont(larger)
    problems: dict[str, list[str]] = {}
    out = Path("/tmp/h10b")
    out.mkdir(exist_ok=True)
    try:
        for name, build in builders.items():
            dialog = build()
            qtbot.addWidget(dialog)
            if name == "results entry":
                child(dialog, QLineEdit, "result_ID_1").setText("Pass")  # type: ignore[attr-defined]
            dialog.show()
            qtbot.waitExposed(dialog)
            found = layout_problems(dialog)
            if dialog.width() > 1280:  # the station's screen: 1280x800
                found.append(f"{dialog.width()} px wide, more than a 1280-pixel screen")
            if found:
                problems[name] = found
            dialog.grab().save(str(out / f"{name.replace(' ', '_')}_{int(scale * 100)}.png"))
            dialog.close()
    finally:
        qapp.setFont(normal)
    assert problems == {}
