"""A value judged against its parameter's limits while it is typed (PRC-2, PRC-4: out of limits shown at once,
before it is recorded), and the way limits are written on the process screens."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from app.process_steps import ParameterState
from domain.process import Limits, Verdict
from ui.widgets.widget_parts import quantity_text

OUT_COLOUR = QColor("#b00020")
ALERT_COLOUR = QColor("#8d5a00")


def limits_text(p: ParameterState) -> str:
    """"target 120 °C, limits 115 .. 125, alert band 117 .. 123"."""
    text = QCoreApplication.translate("ValueVerdict", "target {target} {unit}, limits {lower} .. {upper}").format(
        target=quantity_text(p.target), unit=p.unit, lower=quantity_text(p.lower), upper=quantity_text(p.upper))
    if p.alert_lower is not None or p.alert_upper is not None:
        text += QCoreApplication.translate("ValueVerdict", ", alert band {lower} .. {upper}").format(
            lower=quantity_text(p.alert_lower if p.alert_lower is not None else p.lower),
            upper=quantity_text(p.alert_upper if p.alert_upper is not None else p.upper))
    return text


def verdict_of(p: ParameterState, text: str) -> Verdict | None:
    """The verdict of a typed value, or None while it is not a number."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    return Limits(p.lower, p.upper, p.alert_lower, p.alert_upper).verdict(value)


def verdict_name(verdict: str) -> str:
    return {Verdict.WITHIN.value: QCoreApplication.translate("ValueVerdict", "Within limits"),
            Verdict.ALERT.value: QCoreApplication.translate("ValueVerdict", "In alert band"),
            Verdict.OUT.value: QCoreApplication.translate("ValueVerdict", "Out of limits")}.get(verdict, verdict)


def verdict_colour(verdict: str) -> QColor | None:
    return {Verdict.OUT.value: OUT_COLOUR, Verdict.ALERT.value: ALERT_COLOUR}.get(verdict)


class VerdictLabel(QLabel):
    """Says, as the user types, whether the value is within limits, in the alert band or out of limits."""

    def __init__(self, parameter: ParameterState | None, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.parameter = parameter
        self.verdict: Verdict | None = None

    def judge(self, text: str) -> None:
        p = self.parameter
        self.verdict = verdict_of(p, text) if p is not None and text.strip() else None
        if self.verdict is None:
            typed = p is not None and bool(text.strip())
            self.setText(QCoreApplication.translate("ValueVerdict", "Not a number") if typed else "")
            self.setStyleSheet("")
            return
        message = verdict_name(self.verdict.value)
        if self.verdict is Verdict.OUT:
            message = QCoreApplication.translate("ValueVerdict", "{verdict}: recording it opens a deviation").format(
                verdict=message)
        colour = verdict_colour(self.verdict.value)
        self.setText(message)
        self.setStyleSheet(f"color: {colour.name()}; font-weight: bold;" if colour else "color: #1b5e20;")
