"""Control charts across batches (PRC-5): centre line, 3-sigma limits and the Western Electric rules.

Sigma is estimated from the average moving range (individuals chart: MR-bar / 1.128), the usual choice for one
value per batch. Each rule names the points that break it, so a chart can mark them and a review can list them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from domain.i18n import N_, _

D2 = 1.128  # the d2 constant for moving ranges of two


@dataclass(frozen=True)
class ControlLimits:
    mean: float
    sigma: float

    @property
    def upper(self) -> float:
        return self.mean + 3 * self.sigma

    @property
    def lower(self) -> float:
        return self.mean - 3 * self.sigma


@dataclass(frozen=True)
class RuleBreak:
    rule: int  # 1..4
    index: int  # the point that completes the pattern
    text: str


RULES = {  # marked for translation; shown through _() (ui/widgets/status_names.stored_name)
    1: N_("one point beyond 3 sigma"),
    2: N_("two of three successive points beyond 2 sigma on the same side"),
    3: N_("four of five successive points beyond 1 sigma on the same side"),
    4: N_("eight successive points on the same side of the centre line"),
}


def control_limits(values: Sequence[float]) -> ControlLimits:
    if len(values) < 2:
        raise ValueError(_("a control chart needs at least two values"))
    mean = sum(values) / len(values)
    ranges = [abs(b - a) for a, b in pairwise(values)]
    return ControlLimits(mean, sum(ranges) / len(ranges) / D2)


def western_electric(values: Sequence[float], limits: ControlLimits) -> list[RuleBreak]:
    """Every point that completes a Western Electric pattern (rules 1-4); one entry per rule and point."""
    if limits.sigma == 0:
        return []
    z = [(v - limits.mean) / limits.sigma for v in values]
    found: list[RuleBreak] = []

    def window(i: int, size: int, needed: int, beyond: float) -> bool:
        if i + 1 < size:
            return False
        part = z[i + 1 - size:i + 1]
        side = 1 if z[i] > 0 else -1
        return abs(z[i]) > beyond and sum(1 for x in part if x * side > beyond) >= needed

    for i, x in enumerate(z):
        if abs(x) > 3:
            found.append(RuleBreak(1, i, RULES[1]))
        if window(i, 3, 2, 2):
            found.append(RuleBreak(2, i, RULES[2]))
        if window(i, 5, 4, 1):
            found.append(RuleBreak(3, i, RULES[3]))
        if i >= 7 and (all(v > 0 for v in z[i - 7:i + 1]) or all(v < 0 for v in z[i - 7:i + 1])):
            found.append(RuleBreak(4, i, RULES[4]))
    return found
