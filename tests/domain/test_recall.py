"""Recall progress (domain/recall.py, TRC-4): customers advance one step at a time; the recall closes when all are
done."""

from __future__ import annotations

import pytest

from domain.errors import ValidationError
from domain.recall import NotificationStatus, Recall, RecallCustomer
from tests.domain.factories import NOW, D

# --- TRC-4: recall progress --------------------------------------------------------------------------------


@pytest.mark.req("TRC-4")
def test_recall_customers_advance_one_step_at_a_time_and_the_recall_closes_when_all_are_done() -> None:
    with pytest.raises(ValidationError, match="a recall needs its reason"):
        Recall("RC-1", 1, "R-1", "  ", NOW)
    recall = Recall("RC-1", 1, "R-1", " resin   contamination ", NOW)
    assert recall.reason == "resin contamination"
    a = RecallCustomer(1, "HOSP1", "City Hospital", "S-1", D(15), NOW)
    b = RecallCustomer(1, "HOSP2", "County Clinic", "S-2", D(20), NOW)
    with pytest.raises(ValidationError, match="customer HOSP1: cannot go from Pending to Confirmed"):
        a.advance(NotificationStatus.CONFIRMED, None, NOW)
    for step in (NotificationStatus.NOTIFIED, NotificationStatus.CONFIRMED):
        a.advance(step, None, NOW)
    with pytest.raises(ValidationError, match="returned quantity must be between 0 and 15"):
        a.advance(NotificationStatus.COMPLETED, D(16), NOW)
    a.advance(NotificationStatus.COMPLETED, D(12), NOW)
    assert (a.status, a.returned_quantity) == (NotificationStatus.COMPLETED, D(12))
    with pytest.raises(ValidationError, match="cannot go from Completed to Pending"):
        a.advance(NotificationStatus.PENDING, None, NOW)
    with pytest.raises(ValidationError, match="recall RC-1 cannot close: customers not completed: HOSP2"):
        recall.close([a, b], NOW)
    for step in (NotificationStatus.NOTIFIED, NotificationStatus.CONFIRMED, NotificationStatus.COMPLETED):
        b.advance(step, None, NOW)
    recall.close([a, b], NOW)
    with pytest.raises(ValidationError, match="already closed"):
        recall.close([a, b], NOW)
