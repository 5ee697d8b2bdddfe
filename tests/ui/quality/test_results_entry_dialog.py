"""Results entry at the lab desk (QC-2): keyboard only, limits beside each field, out of spec red as typed,
replicates and their mean, corrections with a reason; an OOS opens its deviation (DEV-1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from app import deviations, quality
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import child, message_text
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site
from tests.ui.quality.qc_site import resin_in_testing
from ui.quality.results_entry_dialog import RED, ResultsEntryDialog
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def entry(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor, number: str) -> ResultsEntryDialog:
    dialog = ResultsEntryDialog(ctx, runner, actor, "lot", number)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    return dialog


def typed(qtbot: QtBot, dialog: ResultsEntryDialog, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Type into the field that has the focus, then leave it with Tab (or Enter), as at the desk."""
    focused = dialog.focusWidget()
    assert isinstance(focused, QLineEdit), focused
    qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, key)


def label(dialog: ResultsEntryDialog, name: str) -> QLabel:
    found = child(dialog, QLabel, name)
    assert isinstance(found, QLabel)
    return found


@pytest.mark.req("QC-2", "DEV-1")
def test_results_typed_with_the_keyboard_alone_show_out_of_spec_as_typed(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner) -> None:
    number = resin_in_testing(ui_ctx, site)
    dialog = entry(qtbot, ui_ctx, runner, site.qc, number)
    assert label(dialog, "limits_MFI").text() == "8 – 12 g/10min"
    assert dialog.focusWidget() is child(dialog, QLineEdit, "result_MFI_1")  # the first field of the first test
    typed(qtbot, dialog, "12.3")
    assert label(dialog, "outcome_MFI").text() == "1 of 2 replicates"
    typed(qtbot, dialog, "12.4", Qt.Key.Key_Return)  # Enter goes on to the next field, it does not save
    assert dialog.isVisible()
    assert label(dialog, "outcome_MFI").text() == "mean 12.4 g/10min · OUT OF SPEC"
    assert label(dialog, "outcome_MFI").styleSheet() == RED
    assert "#b00020" in child(dialog, QLineEdit, "result_MFI_1").styleSheet()  # the field itself turns red
    assert dialog.focusWidget() is child(dialog, QLineEdit, "result_ID_1")
    typed(qtbot, dialog, "maybe")
    assert "neither Pass nor Fail" in label(dialog, "outcome_ID").text()
    focused = child(dialog, QLineEdit, "result_ID_1")
    assert isinstance(focused, QLineEdit)
    focused.setFocus()
    focused.selectAll()
    typed(qtbot, dialog, "p")
    assert label(dialog, "outcome_ID").text() == "Pass · within spec"
    typed(qtbot, dialog, "Clear")
    assert dialog.focusWidget() is child(dialog, QLineEdit, "resultsInstrument")
    qtbot.keyClicks(dialog.focusWidget(), "MFI-02")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save
    assert dialog.result() == dialog.DialogCode.Accepted, message_text(dialog, "resultsEntryMessage")
    saved = {r.test_code: r for r in dialog.result_value or []}
    assert (saved["MFI"].replicates, saved["MFI"].reported, saved["MFI"].within_spec) == (("12.3", "12.4"), "12.4",
                                                                                          False)
    assert saved["MFI"].analyst == site.qc.user_id and saved["MFI"].instrument == "MFI-02"
    opened = saved["MFI"].deviation
    assert opened and deviations.get_deviation(ui_ctx.read_uow(), site.qa, opened).links[0] == ("lot", number)


@pytest.mark.req("QC-2", "AUD-4")
def test_a_changed_recorded_result_needs_the_reason(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner) -> None:
    number = resin_in_testing(ui_ctx, site)
    quality.enter_result(ui_ctx.uow(), site.qc, "lot", number, "ID", ["Fail"])
    dialog = entry(qtbot, ui_ctx, runner, site.qc, number)
    field = child(dialog, QLineEdit, "result_ID_1")
    assert isinstance(field, QLineEdit) and field.text() == "Fail"  # what is recorded, to correct
    dialog.submit()
    assert message_text(dialog, "resultsEntryMessage") == "Nothing to save: type a result first."
    field.setText("Pass")
    dialog.submit()
    assert "say why in Reason for correction" in message_text(dialog, "resultsEntryMessage")
    child(dialog, QLineEdit, "resultsReason").setText("transcription error")  # type: ignore[attr-defined]
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    view = quality.quality_of(ui_ctx.read_uow(), site.qa, "lot", number)
    assert [(r.test_code, r.reported) for r in view.results] == [("ID", "Pass")]


def test_the_dialog_fits_at_1280x800_and_with_larger_text(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, tmp_path: Path) -> None:
    number = resin_in_testing(ui_ctx, site)
    quality.enter_result(ui_ctx.uow(), site.qc, "lot", number, "MFI", ["13", "13.4"], instrument="MFI-02")
    dialog = entry(qtbot, ui_ctx, runner, site.qc, number)
    child(dialog, QLineEdit, "result_ID_1").setText("Pass")  # type: ignore[attr-defined]
    assert layout_problems(dialog) == []
    dialog.grab().save(str(tmp_path / "results_entry.png"))
    out = Path("/tmp/h10b")
    out.mkdir(exist_ok=True)
    dialog.grab().save(str(out / "results_entry.png"))
