"""Results entry at the lab desk (QC-2): one row per test of the specification that applied, the replicate
fields beside the test's limits and unit, the mean and the judgement shown as typed (out of spec in red).
Keyboard only: Tab or Enter moves to the next field, Ctrl+Enter saves. The analyst is the logged-in user, the
time the database server's clock; a changed recorded result is a correction and needs the reason."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from app import quality
from app.quality import QualityView, ResultInput, ResultView, TestView
from domain.errors import ValidationError
from domain.users import Actor
from ui.shell.task_runner import Runner, user_message
from ui.widgets.form_dialog import FormDialog
from ui.widgets.local_time import local_text
from ui.widgets.status_names import kind_name, status_name
from ui.widgets.widget_parts import date_text, line_edit

if TYPE_CHECKING:
    from app.services import Services

RED, GREEN = "color: #b00020; font-weight: bold", "color: #1b5e20"
_KIND_LETTER = {"lot": "L", "batch": "B"}


class _TestRow:
    """The widgets of one test: its replicate fields, the mean and the judgement."""

    def __init__(self, test: TestView, result: ResultView | None, fields: list[QLineEdit], outcome: QLabel) -> None:
        self.test, self.result, self.fields, self.outcome = test, result, fields, outcome

    def values(self) -> tuple[str, ...]:
        return tuple(f.text().strip() for f in self.fields)

    def changed(self) -> bool:
        """Something typed that is not what is recorded (a new result, or a correction of the recorded one)."""
        values = self.values()
        if not any(values):
            return False
        if self.result is None:
            return True
        try:
            return self.test.judge(values).values != self.result.replicates
        except ValidationError:
            return True


class ResultsEntryDialog(FormDialog[list[ResultView]]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, record_type: str, record_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="resultsEntry",
                         title=self.tr("QC results: {kind} {number}").format(
                             kind=kind_name(_KIND_LETTER.get(record_type, record_type)).lower(), number=record_id),
                         ok_text=self.tr("Save results"), parent=parent)
        self.ctx, self.actor, self.record_type, self.record_id = ctx, actor, record_type, record_id
        self.rows: list[_TestRow] = []
        self.heading = QLabel(self.tr("Loading the specification..."))
        self.heading.setObjectName("resultsHeading")
        self.heading.setWordWrap(True)
        self.body.insertWidget(0, self.heading)  # the tests first, then who, with what and why
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.body.insertLayout(1, self.grid)
        self.instrument = self.add_row(self.tr("Instrument"), line_edit("resultsInstrument",
                                                                        self.tr("e.g. HPLC-03")))
        analyst = QLabel(self.tr("{name} ({uid}), the logged-in user").format(name=actor.printed_name,
                                                                             uid=actor.user_id))
        analyst.setObjectName("resultsAnalyst")
        self.add_row(self.tr("Analyst"), analyst)
        self.add_row(self.tr("Time"), QLabel(self.tr("the database server's clock when you save")))
        self.reason = self.add_row(self.tr("Reason for correction"), line_edit(
            "resultsReason", self.tr("needed when you change a recorded result")))
        self.finish()
        self.ok_button.setEnabled(False)
        self.ok_button.setAutoDefault(False)
        self.load(lambda: quality.quality_of(ctx.read_uow(), actor, record_type, record_id), self._loaded)

    # --- building -----------------------------------------------------------------------------------
    def _loaded(self, view: QualityView) -> None:
        if view.spec is None:
            self.heading.setText(self.tr("No specification applied to {number} when it entered testing: make one "
                                         "effective for item {item}.").format(number=view.record_id,
                                                                               item=view.item_code))
            return
        self.heading.setText(self.tr("{item} · {title} (version {version}) · due {due} · {status}").format(
            item=view.item_code, title=view.spec.title, version=view.spec.version, due=date_text(view.due_on),
            status=status_name(view.status)))
        for column, header in enumerate((self.tr("Test"), self.tr("Limits"), self.tr("Replicates"),
                                         self.tr("Result"), self.tr("Recorded"))):
            label = QLabel(header)
            label.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(label, 0, column)
        recorded = {r.test_code: r for r in view.results}
        for test in view.spec.tests:
            self._add_test(test, recorded.get(test.code))
        self.grid.setColumnStretch(2, 1)
        self.ok_button.setEnabled(True)
        chain = [f for r in self.rows for f in r.fields] + [self.instrument, self.reason, self.ok_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)  # through the tests in order, then instrument and reason
        chain[0].setFocus()

    def _add_test(self, test: TestView, result: ResultView | None) -> None:
        line = len(self.rows) + 1
        identifier = f"{test.code} — {test.name}"  # the test's code and name as the specification has them
        name = QLabel(identifier)
        name.setToolTip(self.tr("Method: {method}").format(method=test.method))
        self.grid.addWidget(name, line, 0)
        limits = QLabel(test.limits if test.result_type != "Pass/fail" else self.tr("Pass / Fail"))
        limits.setObjectName(f"limits_{test.code}")
        self.grid.addWidget(limits, line, 1)
        fields = QWidget()
        boxes = QGridLayout(fields)
        boxes.setContentsMargins(0, 0, 0, 0)
        edits = []
        hint = {"Pass/fail": self.tr("Pass or Fail"), "Text": test.expected_text or ""}.get(test.result_type, "")
        for i in range(test.replicates):
            edit = line_edit(f"result_{test.code}_{i + 1}", hint or (f"#{i + 1}" if test.replicates > 1 else ""))
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000.000") + 16)
            if result is not None and i < len(result.replicates):
                edit.setText(result.replicates[i])
            edit.textChanged.connect(lambda _text, code=test.code: self._judge(code))
            boxes.addWidget(edit, i // 5, i % 5)
            edits.append(edit)
        if test.unit:
            boxes.addWidget(QLabel(test.unit), 0, min(test.replicates, 5))
        self.grid.addWidget(fields, line, 2)
        outcome = QLabel()
        outcome.setObjectName(f"outcome_{test.code}")
        self.grid.addWidget(outcome, line, 3)
        self.grid.addWidget(QLabel(self._recorded_text(result)), line, 4)
        self.rows.append(_TestRow(test, result, edits, outcome))
        self._judge(test.code)

    def _recorded_text(self, result: ResultView | None) -> str:
        if result is None:
            return self.tr("not yet")
        # on two lines: the dialog stays narrower than a 1280-pixel screen with the text 1.5 times larger
        text = self.tr("{reported} by {analyst}").format(reported=result.reported, analyst=result.analyst)
        text += "\n" + local_text(result.entered_at)
        if result.reviewed_by:
            text += "\n" + self.tr("reviewed by {reviewer}").format(reviewer=result.reviewed_by)
        return text

    # --- as typed -----------------------------------------------------------------------------------
    def row(self, code: str) -> _TestRow:
        return next(r for r in self.rows if r.test.code == code)

    def _judge(self, code: str) -> None:
        """The mean and within/out of spec as the analyst types; the same rule the save applies."""
        row = self.row(code)
        values = [v for v in row.values() if v]
        style = ""
        if not values:
            text = ""
        elif len(values) < row.test.replicates:
            text = self.tr("{n} of {m} replicates").format(n=len(values), m=row.test.replicates)
        else:
            try:
                judgement = row.test.judge(values)
            except ValidationError as error:
                text, style = user_message(error), RED
            else:
                mean = self.tr("mean {value}").format(value=judgement.reported) if row.test.replicates > 1 \
                    and row.test.result_type == "Numeric" else judgement.reported
                verdict = self.tr("within spec") if judgement.within_spec else self.tr("OUT OF SPEC")
                text, style = f"{mean} {row.test.unit if row.test.result_type == 'Numeric' else ''}".rstrip() \
                    + f" · {verdict}", GREEN if judgement.within_spec else RED
        row.outcome.setText(text)
        row.outcome.setStyleSheet(style)
        for edit in row.fields:
            edit.setStyleSheet("QLineEdit { color: #b00020; font-weight: bold }" if style == RED else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a result field goes to the next field (as Tab); Ctrl+Enter saves from anywhere."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submit()
            return
        if enter and any(self.focusWidget() in r.fields for r in self.rows):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    # --- saving -------------------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        changed = [r for r in self.rows if r.changed()]
        if not changed:
            self.fail(self.tr("Nothing to save: type a result first."))
            return
        entries = [ResultInput(r.test.code, r.values()) for r in changed]
        reason = self.reason.text().strip() or None
        if reason is None and any(r.result is not None for r in changed):
            self.fail(self.tr("You changed a recorded result: say why in Reason for correction."))
            self.reason.setFocus()
            return
        ctx, actor, kind, number = self.ctx, self.actor, self.record_type, self.record_id
        instrument = self.instrument.text()
        self.run(lambda: quality.enter_results(ctx.uow(), actor, kind, number, entries, instrument=instrument,
                                               reason=reason))
