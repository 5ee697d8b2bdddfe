"""The evidence of the release rules in the reader's language (QC-3, GEN-6), at display time only.

A release signature binds the evaluation as the rules state it, in English (`app/signatures.py` compares it again
later), so the rules keep producing that text; the CLI and the screens show each line through `evidence_text`.
Each form the rules produce (domain/release_rules.py, app/release.py, app/process_release.py) is a pattern with
named groups and the same sentence as a template: its translation is filled with the groups, stored names in them
(statuses, classifications, excursion kinds) named as the screens name them. A line of another form (a rule
added later, user data) is shown as it is; in English every line reads exactly as signed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from app.i18n import status_name
from domain.i18n import N_, _
from domain.readings import ExcursionKind

_STEP = r"step (?P<step>\d+)"
_TIME = r"\d{4}-\d\d-\d\d \d\d:\d\d"
_EXCURSION = (rf"(?P<sensor>\S+) \((?P<room>[^()]*)\) (?P<kind>{'|'.join(k.value.lower() for k in ExcursionKind)}) "
              rf"(?P<start>{_TIME}) - (?P<end>\d\d:\d\d) UTC")

_LINES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(pattern, re.S), template) for pattern, template in (
    # required tests
    (r"no effective specification applied when it entered testing",
     N_("no effective specification applied when it entered testing")),
    (r"(?P<spec>.+): no test is required for release", N_("{spec}: no test is required for release")),
    (r"(?P<item>\S+) has no specification: no QC test is required for release",
     N_("{item} has no specification: no QC test is required for release")),
    (r"(?P<code>\S+): no result \((?P<limits>.*)\)", N_("{code}: no result ({limits})")),
    (r"(?P<code>\S+): (?P<reported>.*) is out of spec \((?P<limits>.*)\)",
     N_("{code}: {reported} is out of spec ({limits})")),
    (r"(?P<code>\S+): (?P<reported>.*) is not reviewed yet", N_("{code}: {reported} is not reviewed yet")),
    (r"(?P<code>\S+): (?P<reported>.*) within (?P<limits>.*), reviewed",
     N_("{code}: {reported} within {limits}, reviewed")),
    (r"(?P<spec>\S+ spec v\d+):", N_("{spec}:")),
    # open deviations
    (r"no open deviation is linked", N_("no open deviation is linked")),
    (r"(?P<number>\S+) \((?P<classification>Minor|Major|Critical)\) is open: (?P<title>.*)",
     N_("{number} ({classification}) is open: {title}")),
    # consumed lots
    (r"no material was issued to it", N_("no material was issued to it")),
    (r"a lot consumes no material", N_("a lot consumes no material")),
    (r"(?P<lot>\S+) was of unknown status when issued", N_("{lot} was of unknown status when issued")),
    (r"(?P<lot>\S+) was (?P<status>.+) when issued", N_("{lot} was {status} when issued")),
    (r"(?P<lot>\S+) is Rejected now", N_("{lot} is Rejected now")),
    (r"(?P<n>\d+) lot\(s\) Released when issued, none Rejected: (?P<lots>.*)",
     N_("{n} lot(s) Released when issued, none Rejected: {lots}")),
    # open alerts (the alert's message is shown as it was raised)
    (r"no open alert", N_("no open alert")),
    (r"alert (?P<alert>\d+): (?P<message>.*)", N_("alert {alert}: {message}")),
    # the process record
    (r"a lot has no process record of its own", N_("a lot has no process record of its own")),
    (r"nothing blocks release", N_("nothing blocks release")),
    (rf"{_STEP} \((?P<instruction>.*)\) is not signed as performed",
     N_("step {step} ({instruction}) is not signed as performed")),
    (rf"{_STEP} \((?P<instruction>.*)\) is not verified by a second person",
     N_("step {step} ({instruction}) is not verified by a second person")),
    (rf"{_STEP} (?P<measured>.+) is outside (?P<lower>\S+) \.\. (?P<upper>\S+)",
     N_("step {step} {measured} is outside {lower} .. {upper}")),
    (rf"environment excursion \((?P<deviation>\S+) open\): {_EXCURSION}, worst (?P<worst>\S+)",
     N_("environment excursion ({deviation} open): {sensor} ({room}) {kind} {start} - {end} UTC, worst {worst}")),
    (rf"environment excursion \((?P<deviation>\S+) open\): {_EXCURSION}",
     N_("environment excursion ({deviation} open): {sensor} ({room}) {kind} {start} - {end} UTC")),
    (rf"environment excursion: {_EXCURSION}, worst (?P<worst>\S+)",
     N_("environment excursion: {sensor} ({room}) {kind} {start} - {end} UTC, worst {worst}")),
    (rf"environment excursion: {_EXCURSION}",
     N_("environment excursion: {sensor} ({room}) {kind} {start} - {end} UTC")),
    # an excursion as the readings import reports it
    (rf"{_EXCURSION}, worst (?P<worst>\S+)", N_("{sensor} ({room}) {kind} {start} - {end} UTC, worst {worst}")),
    (_EXCURSION, N_("{sensor} ({room}) {kind} {start} - {end} UTC")),
    (rf"{_STEP}: (?P<sensor>\S+) in (?P<room>.+) has no readings for the whole time of the step "
     rf"\((?P<start>{_TIME}) - (?P<end>\d\d:\d\d) UTC\)",
     N_("step {step}: {sensor} in {room} has no readings for the whole time of the step ({start} - {end} UTC)")),
))

def _kind(lowered: str) -> str:
    """An excursion kind as the describe() of an excursion writes it ("out of limits"), in the reader's language."""
    kind = next(k for k in ExcursionKind if k.value.lower() == lowered)
    shown = _(kind.value)
    return lowered if shown == kind.value else shown


# Groups that hold a stored name: shown as the screens name it. A specification's label ("RES-PC spec v2") is
# shown as every screen shows it (the change requests list it so), like a code.
_NAMED: dict[str, Callable[[str], str]] = {"status": status_name, "classification": status_name, "kind": _kind}


def evidence_text(line: str) -> str:
    """One evidence line as the reader reads it; the English is the line as signed."""
    for pattern, template in _LINES:
        found = pattern.fullmatch(line)
        if found:
            values = {k: _NAMED.get(k, str)(v) for k, v in found.groupdict().items() if v is not None}
            return _(template, **values)
    return line


def evidence_lines(lines: Iterable[str]) -> tuple[str, ...]:
    return tuple(evidence_text(line) for line in lines)
