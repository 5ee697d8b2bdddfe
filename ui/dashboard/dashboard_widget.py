"""The Dashboard page (KPI-1): the site's figures at a glance, read-only, for every logged-in user.

The figures are computed by `app.kpi.dashboard` on the database thread (it also times a trace there); the page
only shows them, as labelled numbers and small tables, and asks again on Refresh or after any write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import kpi
from app.kpi import Dashboard
from domain.i18n import _
from domain.kpi import EXPIRY_HORIZON_DAYS, WINDOW_DAYS, duration_text, milliseconds_text
from domain.users import Actor
from ui.shell.changes import ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button, quantity_text, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services


class DashboardWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.figures: Dashboard | None = None
        self._stale = False  # a write happened while the page was hidden
        self.as_of = QLabel()
        self.as_of.setObjectName("dashboardAsOf")
        top = QHBoxLayout()
        top.addWidget(self.as_of, 1)
        top.addWidget(push_button(self.tr("Refresh"), "refreshDashboard", self.refresh))

        self.status_model = RecordTableModel((
            Column(self.tr("Status"), lambda row: status_name(row[0])),
            Column(self.tr("Batches"), lambda row: str(row[1]), numeric=True),
        ), lambda row: row[0], self)
        self.age_model = RecordTableModel((
            Column(self.tr("Age"), lambda row: row[0]),
            Column(self.tr("Deviations"), lambda row: str(row[1]), numeric=True),
            Column(self.tr("CAPA"), lambda row: str(row[2]), numeric=True),
        ), lambda row: row[0], self)
        self.expiry_model = RecordTableModel((
            Column(self.tr("Lot"), lambda lot: lot.lot_number),
            Column(self.tr("Item"), lambda lot: lot.item_code),
            Column(self.tr("Expires"), lambda lot: lot.expires_on.isoformat()),
            Column(self.tr("On hand"), lambda lot: f"{quantity_text(lot.on_hand)} {lot.unit}", numeric=True),
            Column(self.tr("Status"), lambda lot: status_name(lot.status)),
        ), lambda lot: lot.lot_number, self)
        self.recall_model = RecordTableModel((
            Column(self.tr("Open recall"), lambda r: r.recall_number),
            Column(self.tr("Lot"), lambda r: r.trigger_lot_number),
            Column(self.tr("Opened"), lambda r: r.opened_at.astimezone().date().isoformat()),
            Column(self.tr("Age (days)"), lambda r: str(r.age_days), numeric=True),
            Column(self.tr("Customers completed"), lambda r: self.tr("{done} of {total}").format(
                done=r.completed, total=r.customers), numeric=True),
        ), lambda r: r.recall_number, self)

        self.numbers: dict[str, QLabel] = {}
        lead = self._numbers("lead", (("leadReleased", self.tr("Batches released")),
                                      ("leadMedian", self.tr("Median")),
                                      ("leadP90", self.tr("90th percentile"))))
        rft = self._numbers("rft", (("rftPercent", self.tr("Rate")),
                                    ("rftClean", self.tr("Released without a deviation")),
                                    ("rftRejected", self.tr("Rejected")),
                                    ("rftDecided", self.tr("Release decisions"))))
        expiring = self.tr("Expiring within {days} days").format(days=EXPIRY_HORIZON_DAYS)
        expiry = self._numbers("expiry", (("expiring", expiring), ("expired", self.tr("Expired, still in stock"))))
        self.trace_line = QLabel()
        self.trace_line.setObjectName("traceTiming")
        self.trace_line.setWordWrap(True)
        self.recall_line = QLabel()
        self.recall_line.setObjectName("recallResponse")
        self.recall_line.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(self._box("batchesByStatus", self.tr("Batches by status"),
                                 self._table("batchStatusTable", self.status_model)), 0, 0, 2, 1)
        lead_title = self.tr("Release lead time, completion to release (last {days} days)").format(days=WINDOW_DAYS)
        grid.addWidget(self._box("leadTime", lead_title, lead), 0, 1)
        rft_title = self.tr("Right first time (last {days} days)").format(days=WINDOW_DAYS)
        grid.addWidget(self._box("rightFirstTime", rft_title, rft), 1, 1)
        grid.addWidget(self._box("openByAge", self.tr("Open deviations and CAPA by age"),
                                 self._table("ageTable", self.age_model)), 0, 2, 2, 1)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        # The lots and the recalls have more columns: the lower row is shared in halves.
        lower = QHBoxLayout()
        lower.addWidget(self._box("nearExpiry", self.tr("Lots in stock near expiry"), expiry,
                                  self._table("expiryTable", self.expiry_model)), 1)
        lower.addWidget(self._box("response", self.tr("Trace and recall response"), self.trace_line,
                                  self.recall_line, self._table("recallTable", self.recall_model)), 1)
        grid.addLayout(lower, 2, 0, 1, 3)
        content = QWidget()
        content.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.message = MessageLabel(self, object_name="dashboardMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.refresh()

    # --- building ---------------------------------------------------------------------------------------
    def _numbers(self, name: str, rows: tuple[tuple[str, str], ...]) -> QWidget:
        holder = QWidget()
        holder.setObjectName(name)
        form = QFormLayout(holder)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in rows:
            number = QLabel("-")
            number.setObjectName(key)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = number.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.3)
            number.setFont(font)
            self.numbers[key] = number
            form.addRow(label, number)
        return holder

    @staticmethod
    def _table(name: str, model: RecordTableModel) -> QTableView:
        table = record_table(name, model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * 4)
        return table

    @staticmethod
    def _box(name: str, title: str, *parts: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(name)
        layout = QVBoxLayout(box)
        for part in parts:
            layout.addWidget(part)
        return box

    # --- data ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: kpi.dashboard(ctx.read_uow(), actor), on_done=self.show_figures,
                        on_error=self.message.show_error)

    def _changed(self, _changes: Changes) -> None:
        # Any write may move a figure; a hidden page asks again when it is shown, not at every write.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def show_figures(self, d: Dashboard) -> None:
        self.message.clear_message()
        self.figures = d
        self.as_of.setText(self.tr("Figures for {today}, as of {time}").format(today=d.today.isoformat(),
                                                                             time=time_text(d.at)))
        self.status_model.set_records(list(d.batches_by_status))
        self.age_model.set_records([
            *((_(label), dev, capa) for (label, dev), (_label, capa)
              in zip(d.deviations.by_label(), d.capas.by_label(), strict=True)),
            (self.tr("Total"), d.deviations.total, d.capas.total)])
        self.expiry_model.set_records(list(d.expiry.first))
        self.recall_model.set_records(list(d.open_recalls))
        lead, rft = d.lead_time, d.right_first_time
        self._set("leadReleased", str(lead.released))
        self._set("leadMedian", duration_text(lead.median_hours))
        self._set("leadP90", duration_text(lead.p90_hours))
        self._set("rftPercent", "-" if rft.percent is None else self.tr("{percent} %").format(percent=rft.percent))
        self._set("rftClean", self.tr("{clean} of {released} released").format(clean=rft.released_clean,
                                                                                released=rft.released))
        self._set("rftRejected", str(rft.rejected))
        self._set("rftDecided", str(rft.decided))
        self._set("expiring", str(d.expiry.expiring))
        self._set("expired", str(d.expiry.expired))
        timing = d.trace
        self.trace_line.setText(self.tr("No finished lot has been released: no trace timed.") if timing is None else
                                self.tr("Trace of {lot} just now: backward {backward} ({b} lines), forward {forward} "
                                        "({f} lines).").format(lot=timing.lot_number,
                                                                backward=milliseconds_text(timing.backward_ms),
                                                                b=timing.backward_records,
                                                                forward=milliseconds_text(timing.forward_ms),
                                                                f=timing.forward_records))
        self.recall_line.setText(
            self.tr("No recall has been closed yet.") if not d.closed_recalls else
            self.tr("Recalls closed: {closed}; median time from opening to closing: {median}.").format(
                closed=d.closed_recalls, median=duration_text(d.recall_median_hours)))

    def _set(self, key: str, text: str) -> None:
        self.numbers[key].setText(text)
