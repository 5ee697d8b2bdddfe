"""The one detail-pane base (ui/widgets/detail_pane.py) as the lot, batch and recall panes use it: a record
shown by its number, the pane emptied when nothing is selected, a load error in the pane's one message line, and
a write announced by another screen shown without a new selection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import lots, recalls
from app.bootstrap import AppContext
from domain.lots import LotStatus
from domain.users import Actor
from tests.ui.conftest import child, message_text
from tests.ui.lot_site import Flow, Site, build_site, produce_and_ship
from ui.batches.batch_detail_widget import BatchDetailWidget
from ui.lots.lot_detail_widget import LotDetailWidget
from ui.recalls.recall_detail_widget import RecallDetailWidget
from ui.shell.changes import LOT, RECALL, ChangeHub, Changes
from ui.shell.task_runner import SyncTaskRunner
from ui.widgets.detail_pane import DetailPane


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[AppContext, SyncTaskRunner, Site, ChangeHub], DetailPane[object]]
    number: Callable[[Flow], str]
    shown: Callable[[DetailPane[object]], str]  # a text of the pane that names the record


CASES = [
    Case("lot", lambda ctx, runner, site, hub: LotDetailWidget(ctx, runner, site.qa, hub),
         lambda flow: flow.finished_lot, lambda pane: child(pane, QLabel, "lot_number").text()),
    Case("batch", lambda ctx, runner, site, hub: BatchDetailWidget(ctx, runner, site.qa, hub),
         lambda flow: flow.batch, lambda pane: child(pane, QLabel, "batchHeader").text()),
    Case("recall", lambda ctx, runner, site, hub: RecallDetailWidget(ctx, runner, site.qa, hub),
         lambda flow: "", lambda pane: child(pane, QLabel, "recallHeader").text()),
]


@pytest.fixture
def flow(ui_ctx: AppContext, admin: Actor) -> tuple[Site, Flow, str]:
    site = build_site(ui_ctx, admin)
    flow = produce_and_ship(ui_ctx, site)
    recall = recalls.open_recall(ui_ctx.uow(), site.qa, flow.resin_lot, "resin contaminated").recall_number
    return site, flow, recall


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_pane_shows_its_record_empties_and_says_a_load_error_once(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, flow: tuple[Site, Flow, str], case: Case) -> None:
    site, made, recall = flow
    pane = case.build(ui_ctx, runner, site, ChangeHub())
    qtbot.addWidget(pane)
    pane.show()
    empty = child(pane, QLabel, f"{case.name}DetailEmpty")
    assert empty.isVisible() and pane.record is None

    number = case.number(made) or recall
    pane.show_record(number)
    assert pane.record is not None and pane.number == number
    assert not empty.isVisible()
    assert number in case.shown(pane)

    pane.show_record("NO-SUCH-RECORD")
    assert message_text(pane, f"{case.name}DetailMessage"), "the refusal of the read is said in the pane"
    assert pane.record is None and number not in case.shown(pane), "nothing of the last record stays on show"
    pane.show_record(number)
    pane.show_record(None)  # the selection left the list
    assert pane.record is None and empty.isVisible()
    assert number not in case.shown(pane)
    assert not message_text(pane, f"{case.name}DetailMessage"), "a new selection starts without the old message"


def test_a_write_elsewhere_refreshes_the_pane_that_shows_it(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, flow: tuple[Site, Flow, str]) -> None:
    site, made, recall = flow
    hub = ChangeHub()
    lot_pane = LotDetailWidget(ui_ctx, runner, site.qa, hub)
    recall_pane = RecallDetailWidget(ui_ctx, runner, site.qa, hub)
    for pane in (lot_pane, recall_pane):
        qtbot.addWidget(pane)
    lot_pane.show_record(made.tubing_lot)
    recall_pane.show_record(recall)
    assert child(lot_pane, QLabel, "lot_status").text() == "Released"

    lots.change_lot_status(ui_ctx.uow(), site.qa, made.tubing_lot, LotStatus.ON_HOLD, "seal check")
    hub.announce(Changes.of(RECALL, numbers=[recall]))  # a kind the lot pane does not show: it keeps its state
    assert child(lot_pane, QLabel, "lot_status").text() == "Released"
    hub.announce(Changes.of(LOT, numbers=[made.tubing_lot]))
    assert child(lot_pane, QLabel, "lot_status").text() == "On hold"
    assert recall_pane.number == recall and recall_pane.record is not None
