"""The trace page (TRC-1..TRC-4): the first level at once, nodes opened level by level and 200 at a time, the
scope in the summary, the whole tree exported to CSV, and a recall opened from it."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLineEdit, QPlainTextEdit, QPushButton, QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import lots, recalls, shipments
from app.bootstrap import AppContext
from app.trace import CSV_COLUMNS
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.layout_check import CELL_PADDING, layout_problems
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
    """Every row the tree holds now (what has been opened) as (depth, kind, number, item, status, quantity, unit,
    supplier, customer, date)."""
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


def find(page: TraceWidget, number: str, start: QModelIndex | None = None) -> QModelIndex:
    model = page.model
    hits = model.match(start or model.index(0, 1), Qt.ItemDataRole.DisplayRole, number, 1,
                       Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert hits, f"{number} is not in the tree"
    return hits[0].siblingAtColumn(0)


def open_node(qtbot: QtBot, page: TraceWidget, number: str) -> None:
    """Click the node's expander, as a user opens it."""
    tree = child(page, QTreeView, "traceTree")
    assert isinstance(tree, QTreeView)
    index = find(page, number)
    assert page.model.hasChildren(index) and page.model.rowCount(index) == 0, f"{number} is not closed"
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # opens the selected node
    assert tree.isExpanded(index)
    qtbot.waitUntil(lambda: page.model.rowCount(index) > 0, timeout=10_000)


def select_node(qtbot: QtBot, page: TraceWidget, number: str) -> None:
    tree = child(page, QTreeView, "traceTree")
    assert isinstance(tree, QTreeView)
    rect = tree.visualRect(find(page, number).siblingAtColumn(1))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    node = page.selected_node()
    assert node is not None
    assert node.number == number


def cut_off(page: TraceWidget) -> list[str]:
    """Every loaded row's cells wider than their column (with the row's indentation in the first column)."""
    tree = child(page, QTreeView, "traceTree")
    assert isinstance(tree, QTreeView)
    model, metrics, found = page.model, tree.fontMetrics(), []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(1 if depth == 0 else 0, model.columnCount()):  # titles span the tree
                text = model.index(row, column, parent).data() or ""
                indent = (depth + 1) * tree.indentation() if column == 0 else 0
                if metrics.horizontalAdvance(text) + indent + CELL_PADDING > tree.columnWidth(column):
                    found.append(text)
            walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    return found


def summary(page: TraceWidget) -> str:
    return child(page, type(page.summary), "traceSummary").text()


@pytest.mark.req("TRC-1", "TRC-3")
def test_backward_shows_the_first_level_then_each_node_opened(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, flow: Flow) -> None:
    page = trace_page(qtbot, ui_ctx, runner, site.warehouse)
    assert not child(page, QPushButton, "openRecall").isVisible(), "the warehouse does not open recalls"
    trace(qtbot, page, flow.finished_lot, "backward")
    assert [(d, kind, number) for d, kind, number, *_ in tree_lines(page)] == [
        (0, "Backward: where it came from", ""),
        (1, "Lot", flow.finished_lot),
        (2, "Batch", flow.batch),  # the first level; the batch can be opened, nothing below it is loaded yet
    ]
    assert page.model.hasChildren(find(page, flow.batch))
    open_node(qtbot, page, flow.batch)
    lines = tree_lines(page)
    assert [(d, kind, number) for d, kind, number, *_ in lines[3:]] == [
        (3, "Lot", flow.tubing_lot), (3, "Lot", flow.resin_lot)]
    assert lines[3][3:8] == ("TUBE-1", "Released", "48", "m", "ACME / TUBE-1-S1")
    assert lines[4][3:8] == ("RES-PC", "Released", "10", "kg", "ACME / RES-PC-S1")
    assert not page.model.hasChildren(find(page, flow.resin_lot)), "a received lot comes from no batch"
    text = summary(page)
    assert text.startswith(f"Lot {flow.finished_lot}: backward: batches 1, lots 2, suppliers 1. First level in "), text


@pytest.mark.req("TRC-2", "TRC-3")
def test_forward_opens_level_by_level_and_exports_the_whole_tree(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, flow: Flow, modals: ModalDriver,
        tmp_path: Path, qtmodeltester: ModelTester) -> None:
    page = trace_page(qtbot, ui_ctx, runner, site.warehouse)
    trace(qtbot, page, "RES-PC-S1", "both")  # the supplier's lot number finds our lot
    assert summary(page).startswith(
        f"Lot {flow.resin_lot}: backward: batches 0, lots 0, suppliers 0; forward: batches 1, lots 1 (finished 1), "
        "shipments 1, customers 1. First level in ")
    open_node(qtbot, page, flow.batch)
    open_node(qtbot, page, flow.finished_lot)
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
    assert forward[4][8:] == ("HOSP1 (City Hospital)", f"shipped {date.today().isoformat()}")
    qtmodeltester.check(page.model)
    assert message_text(page, "traceMessage") == ""
    page.resize(1280, 800)
    assert layout_problems(page) == [] and cut_off(page) == []

    trace(qtbot, page, flow.resin_lot, "forward")  # a new trace: only its first level is loaded again
    assert [number for _d, _k, number, *_ in tree_lines(page)] == ["", flow.resin_lot, flow.batch]
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
    assert message_text(page, "traceMessage") == f"Trace exported to {target} (4 lines)."
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    # the whole tree, down to the shipment that was never opened on screen
    assert [(r[0], r[1], r[3], r[4]) for r in rows[1:]] == [
        ("forward", "0", "Lot", flow.resin_lot), ("forward", "1", "Batch", flow.batch),
        ("forward", "2", "Lot", flow.finished_lot), ("forward", "3", "Shipment", flow.shipment)]
    assert (rows[4][11], rows[4][12], rows[4][7], rows[4][8]) == ("HOSP1", "City Hospital", "500", "pcs")


@pytest.mark.req("TRC-2", "TRC-3")
def test_a_node_with_many_children_shows_200_then_more_on_request(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, flow: Flow) -> None:
    for _ in range(201):  # the finished lot shipped 202 times in all
        shipments.ship(ui_ctx.uow(), site.warehouse, "HOSP1", None,
                       [shipments.ShipmentLineInput(flow.finished_lot, "1")])
    page = trace_page(qtbot, ui_ctx, runner, site.warehouse)
    trace(qtbot, page, flow.finished_lot, "forward")
    root = find(page, flow.finished_lot)
    model = page.model
    assert model.rowCount(root) == 201, "200 shipments and the row that shows more"
    more = model.index(200, 0, root)
    assert (more.data(), more.siblingAtColumn(1).data()) == ("Show more…", "200 of 202 shown")
    tree = child(page, QTreeView, "traceTree")
    assert isinstance(tree, QTreeView)
    tree.scrollTo(more)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(more).center())
    assert model.rowCount(root) == 202, "every shipment, and no more row"
    numbers = [model.index(r, 1, root).data() for r in range(202)]
    assert numbers == sorted(numbers) and flow.shipment in numbers
    assert summary(page).startswith(f"Lot {flow.finished_lot}: forward: batches 0, lots 0 (finished 0), "
                                    "shipments 202, customers 1.")
    page.resize(1280, 800)
    assert layout_problems(page) == []
    assert cut_off(page) == [], "no number in the tree is cut off, at any depth"


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
    open_node(qtbot, page, flow.batch)
    select_node(qtbot, page, flow.resin_lot)
    examples: list[str] = []

    def reason_example(dialog: QDialog) -> None:  # the example fits a recall, not a user's account
        examples.append(child(dialog, QPlainTextEdit, "reason").placeholderText())
        give_reason(qtbot, "resin contamination found by the supplier")(dialog)

    modals.answer(reason_example)
    click(qtbot, page, "openRecall")
    modals.check()
    assert examples[0].startswith("e.g. complaint") and "left the company" not in examples[0]
    recall = recalls.list_recalls(ui_ctx.read_uow(), site.qa)[0]
    assert opened == [("recall", recall.recall_number)]
    assert message_text(page, "traceMessage") == (
        f"Recall {recall.recall_number} opened. Records in scope: 4; customers to notify: 1.")
    assert column_texts(recall_page, "recallTable", 0) == [recall.recall_number]
    assert [row_texts(recall_page, "recallScopeTable", r)[0].strip() for r in range(4)] == [
        flow.resin_lot, flow.batch, flow.finished_lot, flow.shipment]
    assert column_texts(recall_page, "recallScopeTable", 7) == [
        "stock put on hold", "batch put on hold", "stock put on hold", "notify customer"]
    customer = row_texts(recall_page, "recallCustomerTable", 0)
    assert customer[:5] + customer[6:] == ["HOSP1", "City Hospital", "500", "0", "Pending", flow.shipment]
    assert "Reason: resin contamination found by the supplier" in recall_page.detail.header.text()
    recall_page.resize(1280, 800)
    assert layout_problems(recall_page) == []
    # The trace, refreshed by the change, shows the traced lot on hold now.
    assert lots.get_lot(ui_ctx.read_uow(), site.qa, flow.resin_lot).status == "On hold"
    assert tree_lines(page)[1][4] == "On hold"


@pytest.mark.req("TRC-3")
def test_the_trace_and_each_opened_node_load_on_the_task_runner(
        qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner, site: Site, flow: Flow) -> None:
    page = trace_page(qtbot, ui_ctx, thread_runner, site.warehouse)
    with qtbot.waitSignal(thread_runner.idle, timeout=10_000):
        trace(qtbot, page, flow.resin_lot, "forward")
        assert summary(page) == f"Tracing {flow.resin_lot}…", "the GUI is not blocked"
    qtbot.waitUntil(lambda: "shipments 1" in summary(page), timeout=10_000)
    with qtbot.waitSignal(thread_runner.idle, timeout=10_000):
        open_node(qtbot, page, flow.batch)
    assert [number for _d, _k, number, *_ in tree_lines(page)][1:] == [flow.resin_lot, flow.batch, flow.finished_lot]
    unknown = trace_page(qtbot, ui_ctx, thread_runner, site.warehouse)
    with qtbot.waitSignal(thread_runner.idle, timeout=10_000):
        trace(qtbot, unknown, "NOPE-1", "both")
    assert message_text(unknown, "traceMessage") == "no lot, batch, shipment or supplier lot 'NOPE-1'"
