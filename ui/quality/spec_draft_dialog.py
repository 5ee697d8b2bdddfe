"""A new version of an item's specification, written as a draft (QC-1): its title and its tests (code, name,
method, result type, unit, lower and upper limit, decimals, replicates, expected text, required for release),
starting from the tests of the version in effect. The draft takes effect through change control, never here:
the dialog lists the item's versions with their status, so the new one shows as Draft beside the one in effect."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app import masterdata, quality
from app.masterdata import ItemView
from app.quality import SpecView, TestView
from domain.quality import ResultType, TestInput
from domain.quantities import fmt
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.local_time import local_text
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import fit_columns_to_content, line_edit, push_button

if TYPE_CHECKING:
    from app.services import Services

CODE, NAME, METHOD, TYPE, UNIT, LOWER, UPPER, DECIMALS, REPLICATES, EXPECTED, REQUIRED = range(11)


@dataclass(frozen=True)
class _Versions:
    code: str
    versions: list[SpecView]


def _limit(value: Decimal | None) -> str:
    return "" if value is None else fmt(value)  # 8, not the stored 8.000000


class SpecDraftDialog(FormDialog[SpecView]):
    """`ask(ctx, runner, actor, item_code)`: the stored draft, or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, item_code: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="specDraft", title=self.tr("New specification version"),
                         ok_text=self.tr("Save draft"), parent=parent)
        self.ctx, self.actor, self._wanted = ctx, actor, item_code
        self.item = QComboBox()
        self.item.setObjectName("specItem")
        self.item.activated.connect(lambda _row: self._item_chosen())
        self.add_row(self.tr("Item"), self.item)
        self.versions = QLabel()
        self.versions.setObjectName("specVersions")
        self.versions.setWordWrap(True)
        self.add_row(self.tr("Versions"), self.versions)
        self.title_edit = self.add_row(self.tr("Title"), line_edit(
            "specTitle", self.tr("e.g. Polycarbonate resin, incoming inspection")))
        note = QLabel(self.tr("Tests (double-click a cell to change it). The draft takes effect through a change "
                              "request, not here."))
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.body.addWidget(self._test_table(), 1)
        self.body.addLayout(self._test_buttons())
        self.finish()
        self.resize(1200, 560)  # the whole tests table at 150 % on a 1280x800 screen
        self.load(lambda: masterdata.list_items(ctx.read_uow(), actor), self._items_loaded)

    def _test_table(self) -> QTableWidget:
        self.tests = QTableWidget(0, 11)
        self.tests.setObjectName("specTests")
        self.tests.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Method"), self.tr("Type"), self.tr("Unit"), self.tr("Lower"),
            self.tr("Upper"), self.tr("Decimals"), self.tr("Replicates"), self.tr("Expected text"),
            self.tr("Required")])
        self.tests.horizontalHeaderItem(REQUIRED).setToolTip(self.tr("Required for release"))
        self.tests.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tests.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.tests.verticalHeader().setVisible(False)
        fit_columns_to_content(self.tests)
        # a typed code or limit is shown whole too (the fit above follows rows, not edits)
        self.tests.itemChanged.connect(lambda item: self.tests.resizeColumnToContents(item.column()))
        return self.tests

    def _test_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(push_button(self.tr("Add test"), "addSpecTest", lambda: self.add_test()))
        row.addWidget(push_button(self.tr("Remove test"), "removeSpecTest", self.remove_test))
        row.addStretch(1)
        return row

    # --- the item and its versions --------------------------------------------------------------------
    def _items_loaded(self, items: list[ItemView]) -> None:
        for view in items:
            self.item.addItem(f"{view.code} — {view.name}", view.code)
        self.item.setCurrentIndex(max(self.item.findData(self._wanted), 0))
        self._item_chosen()

    def _item_chosen(self) -> None:
        code = self.item.currentData()
        if code is None:
            return
        ctx, actor = self.ctx, self.actor
        self.load(lambda: _Versions(code, quality.list_specs(ctx.read_uow(), actor, code)), self._versions_loaded)

    def _versions_loaded(self, found: _Versions) -> None:
        if found.code != self.item.currentData():
            return  # another item was chosen meanwhile
        ordered = sorted(found.versions, key=lambda s: s.version)
        self.versions.setText("\n".join(self._version_text(s) for s in ordered) or self.tr("none yet: this is the "
                                                                                          "first version"))
        effective = next((s for s in ordered if s.status == "Effective"), None)
        start = effective or (ordered[-1] if ordered else None)  # else the latest draft, else an empty table
        self.title_edit.setText(start.title if start else "")
        self.tests.setRowCount(0)
        for test in start.tests if start else ():
            self.add_test(test)

    def _version_text(self, spec: SpecView) -> str:
        if spec.effective_at is not None:
            return self.tr("v{version} {status} since {at}: {title}").format(
                version=spec.version, status=status_name(spec.status), at=local_text(spec.effective_at),
                title=spec.title)
        return self.tr("v{version} {status}: {title}").format(version=spec.version, status=status_name(spec.status),
                                                             title=spec.title)

    # --- the tests ------------------------------------------------------------------------------------
    def add_test(self, test: TestView | None = None) -> None:
        row = self.tests.rowCount()
        self.tests.insertRow(row)
        texts = ((test.code, test.name, test.method, "", test.unit, _limit(test.lower), _limit(test.upper),
                  str(test.decimals), str(test.replicates), test.expected_text or "") if test else
                 ("", "", "", "", "", "", "", "2", "1", ""))
        for column, text in enumerate(texts):
            if column != TYPE:
                self.tests.setItem(row, column, QTableWidgetItem(text))
        kind = QComboBox()
        kind.setObjectName(f"specTestType_{row}")
        for result_type in ResultType:
            kind.addItem(status_name(result_type.value), result_type.value)
        kind.setCurrentIndex(max(kind.findData(test.result_type if test else ResultType.NUMERIC.value), 0))
        self.tests.setCellWidget(row, TYPE, kind)
        required = QTableWidgetItem()
        required.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        required.setCheckState(Qt.CheckState.Checked if test is None or test.required_for_release
                               else Qt.CheckState.Unchecked)
        self.tests.setItem(row, REQUIRED, required)
        if test is None:
            self.tests.setCurrentCell(row, CODE)
            self.tests.editItem(self.tests.item(row, CODE))

    def remove_test(self) -> None:
        row = self.tests.currentRow()
        if row >= 0:
            self.tests.removeRow(row)

    def _text(self, row: int, column: int) -> str:
        item = self.tests.item(row, column)
        return item.text().strip() if item is not None else ""

    def _whole(self, row: int, column: int, what: str) -> int:
        text = self._text(row, column)
        if not text.isdigit():
            raise ValueError(self.tr("test {row}: {what} must be a whole number, not '{text}'").format(
                row=row + 1, what=what, text=text))
        return int(text)

    def test_inputs(self) -> list[TestInput]:
        """The table's rows as the service takes them (it checks limits, units and types; the dialog reads the
        whole numbers it needs to build them)."""
        found = []
        for row in range(self.tests.rowCount()):
            kind = self.tests.cellWidget(row, TYPE)
            assert isinstance(kind, QComboBox)
            required = self.tests.item(row, REQUIRED)
            found.append(TestInput(
                self._text(row, CODE), self._text(row, NAME), self._text(row, METHOD), str(kind.currentData()),
                self._text(row, UNIT), self._text(row, LOWER) or None, self._text(row, UPPER) or None,
                self._whole(row, DECIMALS, self.tr("decimals")), self._text(row, EXPECTED) or None,
                self._whole(row, REPLICATES, self.tr("replicates")),
                required is not None and required.checkState() == Qt.CheckState.Checked))
        return found

    def submit(self) -> None:
        code = self.item.currentData()
        if code is None:
            self.fail(self.tr("Choose the item."))
            return
        try:
            tests = self.test_inputs()
        except ValueError as error:
            self.fail(str(error))
            return
        ctx, actor, title = self.ctx, self.actor, self.title_edit.text()
        self.run(lambda: quality.create_spec(ctx.uow(), actor, code, title, tests))
