"""The QC worklist page (QC-2): filters, pages loaded as the view scrolls, a scanned label opens the results
entry, and the second-person review signed with the password (SIG-1, ACC-6)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import quality
from app.bootstrap import AppContext
from app.signatures import SigningSession
from domain.users import Actor
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, message_text, type_into
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site
from tests.ui.quality.qc_site import resin_in_testing
from ui.quality import qc_worklist_widget
from ui.quality.qc_worklist_widget import QcWorklistWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def worklist_page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor) -> QcWorklistWidget:
    page = QcWorklistWidget(ctx, runner, actor, ChangeHub(), session=SigningSession(actor))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


def numbers(page: QcWorklistWidget) -> list[str]:
    return [row.record_id for i in range(page.model.rowCount()) if (row := page.model.row_at(i)) is not None]


@pytest.mark.req("QC-2")
def test_the_worklist_filters_and_loads_more_as_it_scrolls(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(qc_worklist_widget, "PAGE", 2)
    lots = [resin_in_testing(ui_ctx, site, f"ACM-{i}") for i in range(5)]
    page = QcWorklistWidget(ui_ctx, runner, site.qc, ChangeHub())  # not shown yet: the first page only
    qtbot.addWidget(page)
    assert numbers(page) == lots[:2]
    assert child(page, QLabel, "qcWorklistCount").text() == "2 of 5 records shown"  # type: ignore[attr-defined]
    page.model.fetchMore(QModelIndex())  # what the view does when scrolled to the end
    assert numbers(page) == lots[:4]
    page.resize(1280, 800)
    page.show()  # a view with room to spare fetches until it is full
    qtbot.waitUntil(lambda: numbers(page) == lots)
    ModelTester(None).check(page.model)  # type: ignore[arg-type]
    assert child(page, QLabel, "qcWorklistCount").text() == "5 of 5 records shown"  # type: ignore[attr-defined]
    type_into(qtbot, page, "qcTextFilter", lots[3])
    page.refresh()
    assert numbers(page) == [lots[3]]
    type_into(qtbot, page, "qcTextFilter", "")
    items = child(page, QComboBox, "qcItemFilter")
    assert isinstance(items, QComboBox)
    items.setCurrentIndex(items.findData("TUBE-1"))
    page.refresh()
    assert numbers(page) == []
    items.setCurrentIndex(0)
    page.due_filter.set_value(date.today())  # due in five days: none is due by today
    assert numbers(page) == []
    page.due_filter.set_value(date.today() + timedelta(days=10))
    assert len(numbers(page)) == 2


@pytest.mark.req("QC-2", "SIG-1", "ACC-6", "DEVC-4")
def test_a_scanned_lot_opens_its_results_and_a_second_person_signs_the_review(
        qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner, modals: ModalDriver,
        tmp_path: Path) -> None:
    number = resin_in_testing(ui_ctx, site)
    page = worklist_page(qtbot, ui_ctx, runner, site.qc)

    def type_results(dialog: QDialog) -> None:
        for name, value in (("result_MFI_1", "9.8"), ("result_MFI_2", "10.1"), ("result_ID_1", "Pass"),
                            ("result_COL_1", "clear")):
            child(dialog, QLineEdit, name).setText(value)  # type: ignore[attr-defined]
        click(qtbot, dialog, "resultsEntryOk")

    modals.answer(type_results)
    assert page.open_scanned("lot", number)
    modals.check()
    assert message_text(page, "qcWorklistMessage") == f"3 result(s) of {number} saved."
    assert page.selected() is not None and page.selected().entered == 3  # type: ignore[union-attr]

    analyst_page = page
    modals.answer(lambda dialog: (type_into(qtbot, dialog, "reviewUserId", site.qc.user_id),
                                  type_into(qtbot, dialog, "reviewPassword", NEW_PASSWORD),
                                  click(qtbot, dialog, "reviewResultsOk"),
                                  _assert_refused(dialog), dialog.reject()))
    click(qtbot, analyst_page, "reviewResults")
    modals.check()

    qa_page = worklist_page(qtbot, ui_ctx, runner, site.qa)
    qa_page.table.selectRow(qa_page.model.row_of(number))
    assert not child(qa_page, QLabel, "qcWorklistCount").isHidden()

    def sign(dialog: QDialog) -> None:
        assert layout_problems(dialog) == []
        out = Path("/tmp/h10b")
        out.mkdir(exist_ok=True)
        dialog.grab().save(str(out / "review.png"))
        type_into(qtbot, dialog, "reviewUserId", site.qa.user_id)
        type_into(qtbot, dialog, "reviewPassword", NEW_PASSWORD)
        click(qtbot, dialog, "reviewResultsOk")

    modals.answer(sign)
    click(qtbot, qa_page, "reviewResults")
    modals.check()
    assert message_text(qa_page, "qcWorklistMessage") == f"Review of {number} signed."
    assert number not in numbers(qa_page)  # every test reviewed: off the open worklist
    view = quality.quality_of(ui_ctx.read_uow(), site.qa, "lot", number)
    assert {(r.status, r.reviewed_by) for r in view.results} == {("Reviewed", site.qa.user_id)}


def _assert_refused(dialog: QDialog) -> None:
    assert "a second person reviews it" in message_text(dialog, "reviewResultsMessage")


def test_the_page_fits_at_1280x800(qtbot: QtBot, ui_ctx: AppContext, site: Site, runner: SyncTaskRunner) -> None:
    for i in range(3):
        resin_in_testing(ui_ctx, site, f"ACM-{i}")
    page = worklist_page(qtbot, ui_ctx, runner, site.qc)
    assert layout_problems(page) == []
    out = Path("/tmp/h10b")
    out.mkdir(exist_ok=True)
    page.grab().save(str(out / "worklist.png"))
