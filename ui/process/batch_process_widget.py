"""The "Process" tab of a batch (PRC-1, PRC-2, PRC-4): the steps of its master batch record in order, and for the
chosen step its instruction, the equipment it needs (scanned or chosen; refused with the reason when out of
service or past calibration), the room it runs in, its critical parameters with target and limits, the values
recorded (out of limits shown as they are typed; a correction keeps the old value and its reason), and the
"performed" and "verified" signatures in the signature dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import facilities, process_steps
from app.facilities import EquipmentView, RoomView
from app.process_steps import BatchProcess, ParameterState, StepState, ValueView
from domain.users import Actor, Permission
from ui.process.correct_value_dialog import CorrectValueDialog
from ui.process.value_verdict import VerdictLabel, limits_text, verdict_colour, verdict_name
from ui.shell.changes import BATCH, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.height_for_width import keep_height_for_width
from ui.widgets.message_label import MessageLabel
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.widget_parts import line_edit, push_button, quantity_text, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services

# Signs step `step_no` of a batch "performed" or "verified" in the signature dialog: the batch's process after,
# or None when cancelled or refused (ui.signatures.record_signer.RecordSigner.sign_step).
StepSigner = Callable[[QWidget, str, int, str], "BatchProcess | None"]


@dataclass(frozen=True)
class _Loaded:
    process: BatchProcess
    equipment: list[EquipmentView]
    rooms: list[RoomView]


class BatchProcessWidget(QWidget):
    """Shown by the batch pane, which calls `show_batch`; after every write (a value, a correction, a step
    started or signed) it announces the batch as changed, and the pane reloads it (and this tab with it)."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 step_signer: StepSigner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchProcess")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self.step_signer = step_signer
        self.loaded: _Loaded | None = None
        self._number: str | None = None
        self._step_no: int | None = None
        self._parameter_name: str | None = None  # kept while the same step is reloaded
        self.steps_model = RecordTableModel((
            Column(self.tr("Step"), lambda s: str(s.step_no), numeric=True),
            Column(self.tr("State"), self._step_state),
            Column(self.tr("Instruction"), lambda s: s.instruction, tooltip=lambda s: s.instruction),
        ), lambda s: str(s.step_no), self)
        self.steps_table = record_table("processSteps", self.steps_model)
        self.steps_table.selectionModel().selectionChanged.connect(lambda *_: self._step_chosen())
        self.parameter_model = RecordTableModel((
            Column(self.tr("Parameter"), lambda p: p.name),
            Column(self.tr("Target"), lambda p: f"{quantity_text(p.target)} {p.unit}", numeric=True),
            Column(self.tr("Limits"), lambda p: f"{quantity_text(p.lower)} .. {quantity_text(p.upper)}"),
            Column(self.tr("Value"), lambda p: f"{quantity_text(p.current.value)} {p.unit}" if p.current else "",
                   numeric=True),
            Column(self.tr("Verdict"), lambda p: verdict_name(p.current.verdict) if p.current else ""),
            Column(self.tr("Entered by"), lambda p: p.current.entered_by if p.current else ""),
            Column(self.tr("Entered at"), lambda p: time_text(p.current.entered_at) if p.current else ""),
        ), lambda p: p.name, self, colour=lambda p: verdict_colour(p.current.verdict) if p.current else None)
        self.parameter_table = record_table("processParameters", self.parameter_model)
        self.parameter_table.selectionModel().selectionChanged.connect(lambda *_: self._parameter_chosen())
        self.message = MessageLabel(self, object_name="processMessage")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.steps_table)
        splitter.addWidget(self._step_panel())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self._show_step(None)

    # --- building -----------------------------------------------------------------------------------
    def _step_panel(self) -> QScrollArea:
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        self.step_title.setWordWrap(True)
        self.step_title.setStyleSheet("font-weight: bold;")
        self.step_state = QLabel()
        self.step_state.setObjectName("stepState")  # short lines, unwrapped: always its full height
        self.equipment = QComboBox()
        self.equipment.setObjectName("stepEquipment")
        self.equipment.setEditable(True)  # a scanner (keyboard wedge) or the keyboard types the code
        self.equipment.setMinimumContentsLength(24)
        self.equipment.lineEdit().setPlaceholderText(self.tr("Scan or choose"))
        self.room = QComboBox()
        self.room.setObjectName("stepRoom")
        self.room.setMinimumContentsLength(20)
        self.room.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # a room name shown whole
        self.start_button = push_button(self.tr("Start step"), "startStep", self.start_step)
        self.equipment_caption = QLabel(self.tr("Equipment"))
        self.room_caption = QLabel(self.tr("Room"))
        start_row = QHBoxLayout()
        start_row.addWidget(self.equipment_caption)
        start_row.addWidget(self.equipment, 1)
        start_row.addWidget(self.room_caption)
        start_row.addWidget(self.room)  # as wide as its longest room name; the equipment field takes the rest
        start_row.addWidget(self.start_button)
        self.value_caption = QLabel()
        self.value_caption.setObjectName("valueCaption")
        self.value_edit = line_edit("parameterValue", self.tr("Actual value"))
        self.value_edit.textChanged.connect(self._judge)
        self.value_edit.returnPressed.connect(self.record_value)
        self.verdict = VerdictLabel(None, "valueVerdict")
        self.record_button = push_button(self.tr("Record value"), "recordValue", self.record_value)
        self.correct_button = push_button(self.tr("Correct..."), "correctValue", self.correct_value)
        value_row = QGridLayout()
        value_row.addWidget(self.value_caption, 0, 0)
        value_row.addWidget(self.value_edit, 0, 1)
        value_row.addWidget(self.record_button, 0, 2)
        value_row.addWidget(self.correct_button, 0, 3)
        value_row.addWidget(self.verdict, 1, 1, 1, 3)
        value_row.setColumnStretch(1, 1)
        self.history = QLabel()
        self.history.setObjectName("parameterHistory")
        self.history.setWordWrap(True)
        self.sign_performed = push_button(self.tr("Sign performed..."), "signPerformed",
                                          lambda: self.sign_step("performed"))
        self.sign_verified = push_button(self.tr("Sign verified..."), "signVerified",
                                         lambda: self.sign_step("verified"))
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign_performed)
        sign_row.addWidget(self.sign_verified)
        sign_row.addStretch(1)
        panel = QWidget()
        keep_height_for_width(panel)  # the wrapped instruction and state get their lines; the area scrolls
        layout = QVBoxLayout(panel)
        layout.addWidget(self.step_title)
        layout.addWidget(self.step_state)
        layout.addLayout(start_row)
        layout.addWidget(self.parameter_table, 1)
        layout.addLayout(value_row)
        layout.addWidget(self.history)
        layout.addLayout(sign_row)
        scroll = QScrollArea()
        scroll.setObjectName("stepPanel")
        scroll.setWidgetResizable(True)
        scroll.setWidget(panel)
        return scroll

    # --- showing ------------------------------------------------------------------------------------
    def show_batch(self, number: str | None) -> None:
        if number != self._number:
            self.message.clear_message()
            self._step_no = None
        self._number = number
        if number is None:
            self.loaded = None
            self.steps_model.set_records([])
            self._show_step(None)
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: _Loaded(process_steps.batch_process(ctx.read_uow(), actor, number),
                                        facilities.list_equipment(ctx.read_uow(), actor),
                                        facilities.list_rooms(ctx.read_uow(), actor)),
                        on_done=self._loaded, on_error=self.message.show_error)

    def _loaded(self, loaded: _Loaded) -> None:
        if loaded.process.batch_number != self._number:
            return  # another batch was chosen meanwhile
        self.loaded = loaded
        self.room.clear()
        self.room.addItem(self.tr("(no room)"), "")
        for room in loaded.rooms:
            self.room.addItem(f"{room.code} – {room.name}", room.code)
        self.steps_model.set_records(loaded.process.steps)
        wanted = self._step_no or self._next_step_no(loaded.process)
        row = self.steps_model.row_of(str(wanted)) if wanted is not None else -1
        if row >= 0:
            self.steps_table.selectRow(row)
        self._show_step(self.step)

    @staticmethod
    def _next_step_no(process: BatchProcess) -> int | None:
        """The first step not yet complete: where the operator carries on."""
        return next((s.step_no for s in process.steps if not s.complete),
                    process.steps[0].step_no if process.steps else None)

    @property
    def step(self) -> StepState | None:
        if self.loaded is None or self._step_no is None:
            return None
        return next((s for s in self.loaded.process.steps if s.step_no == self._step_no), None)

    @property
    def parameter(self) -> ParameterState | None:
        rows = self.parameter_table.selectionModel().selectedRows()
        record = self.parameter_model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, ParameterState) else None

    def _step_state(self, s: StepState) -> str:
        if s.verified_at is not None:
            return self.tr("Verified")
        if s.performed_at is not None:
            return self.tr("Performed, to verify") if s.needs_verified else self.tr("Performed")
        if s.started_at is not None:
            return self.tr("Started")
        return self.tr("Not started")

    def _step_chosen(self) -> None:
        rows = self.steps_table.selectionModel().selectedRows()
        record = self.steps_model.record_at(rows[0].row()) if rows else None
        step_no = record.step_no if isinstance(record, StepState) else None
        if step_no != self._step_no:
            self._step_no, self._parameter_name = step_no, None
            self._show_step(self.step)

    def _show_step(self, step: StepState | None) -> None:
        process = self.loaded.process if self.loaded else None
        running = process is not None and process.status == "In production"
        may_record = self.actor.can(Permission.RECORD_PROCESS)
        if step is None:
            self.step_title.setText(self.tr("Choose a step to record its values and sign it.") if process
                                    and process.steps else self.tr("The master batch record of this batch has no "
                                                                   "steps.") if process else "")
            self.step_state.clear()
        else:
            self.step_title.setText(self.tr("Step {n}: {instruction}").format(n=step.step_no,
                                                                              instruction=step.instruction))
            self.step_state.setText(self._describe(step, running))
        started = step is not None and step.started_at is not None
        self._fill_equipment(step)
        self._suggest_room(process)
        for widget in (self.equipment_caption, self.equipment, self.room_caption, self.room, self.start_button):
            widget.setVisible(step is not None and may_record and not started)
            widget.setEnabled(running)
        self.parameter_model.set_records(step.parameters if step else [])
        if step is not None and step.parameters:
            kept = self.parameter_model.row_of(self._parameter_name) if self._parameter_name else -1
            self.parameter_table.selectRow(kept if kept >= 0 else next(
                (i for i, p in enumerate(step.parameters) if p.current is None), 0))
        self.sign_performed.setVisible(may_record)
        self.sign_verified.setVisible(self.actor.can(Permission.VERIFY_STEP) and step is not None
                                      and step.needs_verified)
        self.sign_performed.setEnabled(running and started and step is not None and step.performed_at is None
                                       and self.step_signer is not None)
        self.sign_verified.setEnabled(running and step is not None and step.performed_at is not None
                                      and step.verified_at is None and self.step_signer is not None)
        self._parameter_chosen()

    def _describe(self, step: StepState, running: bool) -> str:
        needs = [self.tr("Needs a {equipment}.").format(equipment=step.equipment_class)] if step.equipment_class \
            else []
        needs.append(self.tr("Signatures: performed and verified by a second person.") if step.needs_verified
                     else self.tr("Signature: performed."))
        if step.any_order:
            needs.append(self.tr("May run before the earlier steps."))
        lines = [" ".join(needs)]
        if step.started_at is not None:
            lines.append(self.tr("Started {at} on {equipment} in {room}.").format(
                at=time_text(step.started_at), equipment=step.equipment_code or self.tr("no equipment"),
                room=step.room_code or self.tr("no room")))
        if step.performed_at is not None:
            lines.append(self.tr("Performed by {user} at {at}.").format(user=step.performed_by,
                                                                        at=time_text(step.performed_at)))
        if step.verified_at is not None:
            lines.append(self.tr("Verified by {user} at {at}.").format(user=step.verified_by,
                                                                       at=time_text(step.verified_at)))
        if not running and self.loaded is not None:
            lines.append(self.tr("The batch is not in production: nothing can be recorded now."))
        return "\n".join(lines)

    def _suggest_room(self, process: BatchProcess | None) -> None:
        """The room the batch's latest started step ran in: the next step usually runs there too."""
        rooms = [s.room_code for s in (process.steps if process else ()) if s.started_at is not None and s.room_code]
        index = self.room.findData(rooms[-1]) if rooms else -1
        self.room.setCurrentIndex(max(index, 0))

    def _fill_equipment(self, step: StepState | None) -> None:
        """The equipment of the class the step needs, each with what would refuse it (the app checks again)."""
        self.equipment.clear()
        if step is None or self.loaded is None:
            return
        wanted = (step.equipment_class or "").casefold()
        for e in self.loaded.equipment:
            if wanted and e.equipment_class.casefold() != wanted:
                continue
            note = ""
            if e.status != "In service":
                note = self.tr(" (out of service)")
            elif e.calibration_due is not None:
                note = self.tr(" (calibration due {day})").format(day=e.calibration_due.isoformat())
            self.equipment.addItem(f"{e.code} – {e.name}{note}", e.code)
        self.equipment.setCurrentIndex(-1)
        self.equipment.setEditText("")

    def _parameter_chosen(self) -> None:
        step, p = self.step, self.parameter
        if p is not None:
            self._parameter_name = p.name
        running = self.loaded is not None and self.loaded.process.status == "In production"
        may_record = self.actor.can(Permission.RECORD_PROCESS)
        open_step = step is not None and step.started_at is not None and step.performed_at is None
        for widget in (self.value_caption, self.value_edit, self.verdict, self.record_button, self.correct_button):
            widget.setVisible(p is not None and may_record)
        self.verdict.parameter = p
        if p is not None:
            self.value_caption.setText(self.tr("{parameter} ({unit})").format(parameter=p.name, unit=p.unit))
            self.value_edit.setToolTip(limits_text(p))
        self.value_edit.clear()
        self.value_edit.setEnabled(running and open_step and p is not None and p.current is None)
        self.record_button.setEnabled(self.value_edit.isEnabled())
        self.correct_button.setEnabled(running and open_step and p is not None and p.current is not None)
        self.history.setText(self._history(p) if p is not None else "")
        self.history.setVisible(bool(self.history.text()))

    def _history(self, p: ParameterState) -> str:
        """The values entered before the one in force, each with the correction's reason (AUD-4)."""
        lines = [limits_text(p)]
        by_id = {v.id: v for v in p.history}
        for v in p.history:
            if v.replaces_id is not None and v.replaces_id in by_id:
                old = by_id[v.replaces_id]
                lines.append(self.tr("{old} {unit} ({by}, {at}) corrected to {new} by {user}: {reason}").format(
                    old=quantity_text(old.value), unit=p.unit, by=old.entered_by, at=time_text(old.entered_at),
                    new=quantity_text(v.value), user=v.entered_by, reason=v.reason or ""))
        return "\n".join(lines)

    def _judge(self, text: str) -> None:
        self.verdict.judge(text)

    # --- acting -------------------------------------------------------------------------------------
    def _equipment_code(self) -> str | None:
        """The chosen item's code, or what was scanned or typed (its first word)."""
        text = self.equipment.currentText().strip()
        index = self.equipment.findText(text)
        if index >= 0:
            return str(self.equipment.itemData(index))
        return text.split()[0] if text else None

    def start_step(self) -> None:
        step, number = self.step, self._number
        if step is None or number is None:
            return
        ctx, actor, step_no = self.ctx, self.actor, step.step_no
        equipment, room = self._equipment_code(), str(self.room.currentData() or "") or None
        self.runner.run(lambda: process_steps.start_step(ctx.uow(), actor, number, step_no, equipment, room),
                        on_done=lambda _p: self._done(self.tr("Step {n} started.").format(n=step_no)),
                        on_error=self.message.show_error)

    def record_value(self) -> None:
        step, p, number = self.step, self.parameter, self._number
        text = self.value_edit.text().strip()
        if step is None or p is None or number is None or not self.value_edit.isEnabled():
            return
        if not text:
            self.message.show_error(self.tr("Type the value of {parameter}.").format(parameter=p.name))
            return
        ctx, actor, step_no, name = self.ctx, self.actor, step.step_no, p.name
        self.runner.run(lambda: process_steps.record_value(ctx.uow(), actor, number, step_no, name, text),
                        on_done=self._value_recorded, on_error=self.message.show_error)

    def _value_recorded(self, value: ValueView) -> None:
        text = self.tr("{parameter} = {value} {unit} recorded.").format(
            parameter=value.parameter, value=quantity_text(value.value), unit=value.unit)
        if value.out_of_limits:
            self.message.show_error(text + " " + self.tr("It is out of limits: a deviation was opened."))
            self._refresh()
            return
        self._done(text)

    def correct_value(self) -> None:
        step, p = self.step, self.parameter
        if step is None or p is None or p.current is None:
            return
        corrected = CorrectValueDialog.ask(self.ctx, self.runner, self.actor, step.step_no, p, self)
        if corrected is not None:
            self._value_recorded(corrected)

    def sign_step(self, meaning: str) -> None:
        step, number = self.step, self._number
        if step is None or number is None or self.step_signer is None:
            return
        if self.step_signer(self, number, step.step_no, meaning) is None:
            return
        self._step_no = None  # carry on at the first step not complete
        self._done(self.tr("Step {n} signed as {meaning}.").format(
            n=step.step_no, meaning=self.tr("performed") if meaning == "performed" else self.tr("verified")))

    def _done(self, text: str) -> None:
        self.message.show_info(text)
        self._refresh()

    def _refresh(self) -> None:
        if self._number is not None:
            self.changes.announce(Changes.of(BATCH, numbers=[self._number]))
