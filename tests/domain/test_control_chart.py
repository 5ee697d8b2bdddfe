"""Control limits and the Western Electric rules (PRC-5)."""

from __future__ import annotations

import pytest

from domain.control_chart import ControlLimits, control_limits, western_electric


@pytest.mark.req("PRC-5")
def test_limits_from_the_average_moving_range() -> None:
    limits = control_limits([10.0, 12.0, 10.0, 12.0])
    assert limits.mean == 11.0
    assert limits.sigma == pytest.approx(2 / 1.128)
    assert (limits.lower, limits.upper) == pytest.approx((11 - 6 / 1.128, 11 + 6 / 1.128))
    with pytest.raises(ValueError, match="at least two values"):
        control_limits([1.0])


@pytest.mark.req("PRC-5")
def test_each_rule_names_the_point_that_completes_it() -> None:
    limits = ControlLimits(0.0, 1.0)
    assert [(b.rule, b.index) for b in western_electric([0, 0.5, -0.5, 3.5], limits)] == [(1, 3)]
    assert [(b.rule, b.index) for b in western_electric([0, 2.5, 0.1, 2.2], limits)] == [(2, 3)]
    assert [(b.rule, b.index) for b in western_electric([1.5, 1.2, -0.2, 1.1, 1.3], limits)] == [(3, 4)]
    eight = [0.3, 0.2, 0.4, 0.1, 0.5, 0.2, 0.3, 0.6]
    assert [(b.rule, b.index) for b in western_electric(eight, limits)] == [(4, 7)]
    assert western_electric([0.1, -0.2, 0.3, -0.1], limits) == []
    assert western_electric([5.0, 5.0], ControlLimits(5.0, 0.0)) == []
