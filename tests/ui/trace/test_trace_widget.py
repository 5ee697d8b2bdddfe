"""The trace page from both ends (TRC-1, TRC-2), its CSV export, and opening a recall from it (TRC-4)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QPushButton, QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import lots, recalls
from app.bootstrap import AppContext
from app.trace import CSV_COLUMNS
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import Flow, Site, build_site, column_texts, give_reason, produce_and_ship, row_texts
from ui.recalls.recall_list_widget import RecallListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner, TaskRunner
from ui.trace.trace_widget import TraceWidget


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


@pytest.fixture
def flow(ui_ctx: AppContext, site: Site) -> Flow:
    return produce_and_ship(ui_ctx, site)


def trace_page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner | TaskRunner, actor: Actor,
               hub: ChangeHub | None = None) -> TraceWidget:
    page = TraceWidget(ctx, runner, actor, hub or ChangeHub())
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    return page


def tree_lines(page: TraceWidget) -> list[tuple[int, ...]]:
    """Every row of the tree as (depth, kind, number, item, status, quantity, unit, supplier, customer, date)."""
    model = page.model
    found: list[tuple[int, ...]] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            cells = tuple(model.index(row, c, parent).data() for c in range(model.columnCount()))
            found.append((depth, *cells))  # type: ignore[arg-type]
            walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    return found


def trace(qtbot: QtBot, page: TraceWidget, number: str, direction: str) -> None:
    type_into(qtbot, page, "traceNumber", number)
    combo = child(page, QComboBox, "traceDirection")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(direction))
    click(qtbot, page, "runTrace")


def select_node(qtbot: QtBot, page: TraceWidget, number: str) -> None:
    tree = child(page, QTreeView, "traceTree")
    assert isinstance(tree, QTreeView)
    hits = page.model.match(page.model.index(0, 1), Qt.ItemDataRole.DisplayRole, number, 1,
                            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert hits, f"{number} is not in the tree"
    rect = tree.visualRect(hits[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    node = page.selected_node()
    assert node is not None
    assert node.number == number


@pytest.mark.req("TRC-1")
def test_backward_from_the_finished_lot_reaches_suppliers_and_supplier_lots(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, flow: Flow) -> None:
    page = trace_page(qtbot, ui_ctx, runner, site.warehouse)
    assert not child(page, QPushButton, "openRecall").isVisible(), "the warehouse does not open recalls"
    trace(qtbot, page, flow.finished_lot, "backward")
    lines = tree_lines(page)
    assert [(d, kind, number) for d, kind, number, *_ in lines] == [
        (0, "Backward: where it came from", ""),
        (1, "Lot", flow.finished_lot),
        (2, "Batch", flow.batch),
        (3, "Lot", flow.tubing_lot),
        (3, "Lot", flow.resin_lot),
    ]
    assert lines[3][3:8] == ("TUBE-1", "Released", "48", "m", "ACME / TUBE-1-S1")
    assert lines[4][3:8] == ("RES-PC", "Released", "10", "kg", "ACME / RES-PC-S1")
    assert child(page, type(page.summary), "traceSummary").text().startswith(
        f"Lot {flow.finished_lot}: backward 3 records. Traced in ")


@pytest.mark.req("TRC-2")
def test_forward_from_a_material_lot_reaches_the_customer_and_exports_csv(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, flow: Flow, modals: ModalDriver,
        tmp_path: Path, qtmodeltester: ModelTester) -> None:
    page = trace_page(qtbot, ui_ctx, runner, site.warehouse)
    trace(qtbot, page, "RES-PC-S1", "both")  # the supplier's lot number finds our lot
    lines = tree_lines(page)
    forward = lines[lines.index(next(ln for ln in lines if ln[1] == "Forward: where it went")):]
    assert [(d, kind, number) for d, kind, number, *_ in forward] == [
        (0, "Forward: where it went", ""),
        (1, "Lot", flow.resin_lot),
        (2, "Batch", flow.batch),
        (3, "Lot", flow.finished_lot),
        (4, "Shipment", flow.shipment),
    ]
    # Each line shows what flowed along its edge, in the unit of the lot at its end: 10 kg of resin went into
    # the batch of syringes, which made 990 pcs; 500 pcs were shipped.
    assert forward[2][5:7] == ("10", "kg")
    assert forward[3][3:7] == ("SYR-5", "Released", "990", "pcs")
    assert forward[4][5:7] == ("500", "pcs")
    qtmodeltester.check(page.model)
    assert forward[4][8:] == ("HOSP1 (City Hospital)", date.today().isoformat())
    assert message_text(page, "traceMessage") == ""

    target = tmp_path / "trace.csv"

    def save_as(dialog: QFileDialog) -> None:  # type: ignore[override]
        assert dialog.objectName() == "exportFileDialog"
        name_field = child(dialog, QLineEdit, "fileNameEdit")
        assert isinstance(name_field, QLineEdit)
        name_field.setText(str(target))
        dialog.accept()

    modals.answer(save_as)  # type: ignore[arg-type]
    click(qtbot, page, "exportTrace")
    modals.check()
    assert message_text(page, "traceMessage") == f"Trace exported to {target}."
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    shipped = [r for r in rows[1:] if r[3] == "Shipment"]
    assert [(r[0], r[4], r[11], r[12], r[7]) for r in shipped] == [
        ("forward", flow.shipment, "HOSP1", "City Hospital", "500")]
    assert {r[0] for r in rows[1:]} == {"backward", "forward"}


@pytest.mark.req("TRC-1", "TRC-2")
def test_a_node_reached_twice_is_marked_see_above(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                  site: Site, flow: Flow) -> None:
    from app import shipments

    shipments.ship(ui_ctx.uow(), site.warehouse, "HOSP1", None,
                   [shipments.ShipmentLineInput(flow.finished_lot, "100")])
    page = trace_page(qtbot, ui_ctx, runner, site.warehouse)
    trace(qtbot, page, flow.batch, "forward")
    numbers = [number for _d, _k, number, *_ in tree_lines(page)]
    assert numbers[:3] == ["", flow.batch, flow.finished_lot]
    assert len(numbers) == 5, "two shipments of the finished lot"
    unknown = trace_page(qtbot, ui_ctx, runner, site.warehouse)
    trace(qtbot, unknown, "NOPE-1", "both")
    assert message_text(unknown, "traceMessage") == "no lot, batch, shipment or supplier lot 'NOPE-1'"


@pytest.mark.req("TRC-4")
def test_open_a_recall_from_the_trace_and_see_its_scope_and_customers(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, flow: Flow,
        modals: ModalDriver) -> None:
    hub = ChangeHub()
    page = trace_page(qtbot, ui_ctx, runner, site.qa, hub)
    recall_page = RecallListWidget(ui_ctx, runner, site.qa, hub)
    qtbot.addWidget(recall_page)
    recall_page.resize(1300, 700)
    recall_page.show()
    opened: list[tuple[str, str]] = []
    page.open_record.connect(lambda kind, number: (opened.append((kind, number)), recall_page.show_record(number)))
    trace(qtbot, page, flow.finished_lot, "backward")
    select_node(qtbot, page, flow.resin_lot)
    modals.answer(give_reason(qtbot, "resin contamination found by the supplier"))
    click(qtbot, page, "openRecall")
    modals.check()
    recall = recalls.list_recalls(ui_ctx.read_uow(), site.qa)[0]
    assert opened == [("recall", recall.recall_number)]
    assert message_text(page, "traceMessage") == (
        f"Recall {recall.recall_number} opened: 4 records in scope, 1 customers to notify.")
    assert column_texts(recall_page, "recallTable", 0) == [recall.recall_number]
    assert [row_texts(recall_page, "recallScopeTable", r)[0].strip() for r in range(4)] == [
        flow.resin_lot, flow.batch, flow.finished_lot, flow.shipment]
    assert column_texts(recall_page, "recallScopeTable", 7) == [
        "stock put on hold", "batch put on hold", "stock put on hold", "notify customer"]
    assert row_texts(recall_page, "recallCustomerTable", 0)[:6] == [
        "HOSP1", "City Hospital", flow.shipment, "500", "0", "Pending"]
    assert "Reason: resin contamination found by the supplier" in recall_page.detail.header.text()
    # The trace, refreshed by the change, shows the lots on hold now.
    assert lots.get_lot(ui_ctx.read_uow(), site.qa, flow.resin_lot).status == "On hold"
    assert [line[4] for line in tree_lines(page)[1:]][:1] == ["On hold"]


@pytest.mark.req("TRC-3")
def test_the_trace_runs_on_the_task_runner(qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner,
                                           site: Site, flow: Flow) -> None:
    page = trace_page(qtbot, ui_ctx, thread_runner, site.warehouse)
    with qtbot.waitSignal(thread_runner.idle, timeout=10_000):
        trace(qtbot, page, flow.resin_lot, "forward")
        assert message_text(page, "traceMessage") == f"Tracing {flow.resin_lot}…", "the GUI is not blocked"
    assert [number for _d, _k, number, *_ in tree_lines(page)][1:] == [
        flow.resin_lot, flow.batch, flow.finished_lot, flow.shipment]
