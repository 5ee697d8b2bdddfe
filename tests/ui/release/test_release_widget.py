"""The release screen for QA (QC-3, QC-4): what waits for a decision, the evaluation with the failed rules first,
and the signed release through the signature dialog, over a failed rule only with the QA override."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app import lots, quality
from app.bootstrap import AppContext
from app.signatures import SigningSession
from domain.quality import TestInput
from domain.users import Actor
from tests.app.change_support import effective_via_change
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, build_site
from tests.ui.signature_support import receive, signs
from tests.ui.test_every_screen_speaks_chinese import chinese, english_in  # noqa: F401 - `chinese` is a fixture
from ui.release.release_widget import ReleaseWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner
from ui.signatures.record_signer import RecordSigner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def screen(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor) -> ReleaseWidget:
    widget = ReleaseWidget(ctx, runner, actor, ChangeHub(), signer=RecordSigner(ctx, runner, SigningSession(actor)))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


@pytest.mark.req("QC-3", "QC-4", "SIG-5")
def test_qa_sees_the_failed_rule_first_and_releases_only_over_a_justified_override(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    quality.create_spec(ui_ctx.uow(), site.qc, "TUBE-1", "Tubing", [
        TestInput("OD", "Outer diameter", "SOP-7", "Numeric", "mm", "4.0", "4.2", 2)])
    effective_via_change(ui_ctx, site, "spec", "TUBE-1", 1, password=NEW_PASSWORD)
    number = receive(ui_ctx, site)
    lots.release_lot(ui_ctx.uow(), ui_ctx.auth, SigningSession(site.qc), number, NEW_PASSWORD, user_id_typed="qc")

    widget = screen(qtbot, ui_ctx, runner, site.qa)
    assert [widget.model.record_at(r).record_id for r in range(widget.model.rowCount())] == [number]
    widget.table.selectRow(0)
    detail = widget.detail
    assert child(detail, QLabel, "release_outcome").text() == "not releasable: 1 rule(s) failed"
    first = detail.rules.record_at(0)
    assert (first.key, first.passed, first.evidence) == ("required_tests", False, ("OD: no result (4 – 4.2 mm)",))
    assert "QA override" in child(detail, QLabel, "releaseNote").text()
    assert layout_problems(widget) == []

    modals.answer(signs(qtbot, user_id="qa"))
    click(qtbot, detail, "signRelease")
    modals.check()
    assert "2 of 3 signatures" in child(detail, QLabel, "releaseDetailMessage").text()
    assert lots.get_lot(ui_ctx.read_uow(), site.qa, number).status == "Quarantine"

    other = screen(qtbot, ui_ctx, runner, site.release)
    other.table.selectRow(0)
    modals.answer(signs(qtbot, user_id="rel", comment="supplier CoA accepted under CC-12 while the gauge is repaired"))
    click(qtbot, other.detail, "signRelease")
    modals.check()
    assert lots.get_lot(ui_ctx.read_uow(), site.qa, number).status == "Released"
    assert other.model.rowCount() == 0  # no longer waiting


@pytest.mark.req("QC-4")
def test_the_release_screen_offers_no_decision_without_a_signer(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    receive(ui_ctx, site)
    widget = ReleaseWidget(ui_ctx, runner, site.qa, ChangeHub(), signer=None)
    qtbot.addWidget(widget)
    widget.show()
    widget.table.selectRow(0)
    assert not child(widget.detail, QPushButton, "signRelease").isVisible()
    assert child(widget.detail, QLabel, "release_outcome").text() == "releasable"


@pytest.mark.req("GEN-6", "QC-3")
def test_the_evidence_reads_in_the_users_language_and_is_signed_as_the_rules_state_it(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, chinese: QApplication  # noqa: F811
        ) -> None:
    quality.create_spec(ui_ctx.uow(), site.qc, "TUBE-1", "Tubing", [
        TestInput("OD", "Outer diameter", "SOP-7", "Numeric", "mm", "4.0", "4.2", 2)])
    effective_via_change(ui_ctx, site, "spec", "TUBE-1", 1, password=NEW_PASSWORD)
    receive(ui_ctx, site)

    widget = screen(qtbot, ui_ctx, runner, site.qa)
    widget.table.selectRow(0)
    rules = widget.detail.rules
    evidence = {rules.record_at(row).key: rules.data(rules.index(row, 2)) for row in range(rules.rowCount())}
    assert evidence["required_tests"] == "OD：尚无结果（4 – 4.2 mm）"
    assert evidence["no_open_deviation"] == "没有关联的未关闭偏差"
    assert evidence["consumed_lots"] == "物料批不耗用物料"
    assert english_in(widget) == []
    # what the signature binds stays the rules' own English
    assert rules.record_at(0).evidence == ("OD: no result (4 – 4.2 mm)",)
