"""The PDF renderer needs a Qt GUI application; it makes a QGuiApplication when there is none (the command
line), which would keep the widget tests that run later in this process from making their QApplication. So
document tests run inside pytest-qt's QApplication."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.lots_support import Site, site_fixture
from tests.reports.document_site import ReleasedBatch, released_batch

site = site_fixture  # the demo-free site of the lots tests, built through the use cases


@pytest.fixture(autouse=True)
def _qt_application(qapp):  # type: ignore[no-untyped-def]
    return qapp


@pytest.fixture
def batch(site: Site, tmp_path: Path) -> ReleasedBatch:
    """A released batch with its lots, shipped, signed: what every document reports on."""
    return released_batch(site, tmp_path / "labels.zpl")
