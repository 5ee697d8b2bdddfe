"""Releasing lots and batches in the main window with the right people signing (SIG-1, SIG-2, SIG-5, ACC-6), the
refusals of every way around the rules, and a signed record changed behind the application shown as
INVALIDATED on screen (SIG-3)."""

from __future__ import annotations

from datetime import UTC

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app import signatures
from app.bootstrap import AppContext
from domain.users import Actor, Role
from tests.app.lots_support import plain_connection
from tests.app.signing import release_lot
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, make_user, message_text
from tests.ui.lot_site import Site, build_site
from tests.ui.signature_support import (
    batch_in_qa_review,
    label_text,
    receive,
    refused_box,
    signature_entries,
    signs,
    window_for,
)
from ui.shell.changes import LOT, Changes
from ui.shell.task_runner import SyncTaskRunner
from ui.widgets.local_time import local_text


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def lot_page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor, number: str) -> QWidget:
    window = window_for(qtbot, ctx, runner, actor)
    window.open_record("lot", number)
    return window.pages["lots"]


def batch_page(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor, number: str) -> QWidget:
    window = window_for(qtbot, ctx, runner, actor)
    window.open_record("batch", number)
    return window.pages["batches"]


def entry(page: QWidget, row: int) -> QLabel:
    label = child(page, QLabel, f"signatureEntry_{row}")
    assert isinstance(label, QLabel)
    return label


def times(ctx: AppContext, site: Site, record_type: str, number: str) -> list[str]:
    return [local_text(s.at) for s in signatures.signatures_for(ctx.read_uow(), site.admin, record_type, number)]


@pytest.mark.req("SIG-1", "SIG-2", "SIG-5")
def test_qc_reviews_then_qa_approves_and_the_lot_shows_released_with_both_signatures(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    number = receive(ui_ctx, site)
    qc_page = lot_page(qtbot, ui_ctx, runner, site.qc, number)
    assert label_text(qc_page, "signatureProgress") == (
        "Release: 0 of 2 signatures: QC review missing; QA approval missing\nNo signatures yet.")
    seen: list[str] = []
    modals.answer(signs(qtbot, user_id="qc", seen=seen))
    click(qtbot, qc_page, "lotSign_RELEASED")
    modals.check()
    assert seen[0] == f"You sign the QC review for the release of lot {number} (to Released)."
    assert message_text(qc_page, "lotDetailMessage") == (
        "QC review signed. 1 of 2 signatures: QC review by Qc Person; QA approval missing")
    assert label_text(qc_page, "lot_status") == "Quarantine", "partial progress: not released yet"
    assert label_text(qc_page, "signatureProgress") == (
        "Release: 1 of 2 signatures: QC review by Qc Person; QA approval missing")
    (signed_at,) = times(ui_ctx, site, "lot", number)
    bound = "\nRelease evaluation signed: releasable"  # QC-4: the evaluation each release signature signed
    assert signature_entries(qc_page) == [f"Qc Person (qc): Reviewed, QC review\n{signed_at} — valid{bound}"]

    qa_page = lot_page(qtbot, ui_ctx, SyncTaskRunner(), site.qa, number)  # another station, another person
    modals.answer(signs(qtbot, user_id="qa"))
    click(qtbot, qa_page, "lotSign_RELEASED")
    modals.check()
    assert message_text(qa_page, "lotDetailMessage") == f"QA approval signed: lot {number} is now Released."
    assert label_text(qa_page, "lot_status") == "Released"
    reviewed, approved = times(ui_ctx, site, "lot", number)  # the station's local time with its zone
    assert signature_entries(qa_page) == [f"Qc Person (qc): Reviewed, QC review\n{reviewed} — valid{bound}",
                                          f"Qa Person (qa): Approved, QA approval\n{approved} — valid{bound}"]
    at = signatures.signatures_for(ui_ctx.read_uow(), site.qa, "lot", number)[0].at.astimezone(UTC)
    assert entry(qa_page, 0).toolTip().startswith(f"Signed {at:%Y-%m-%d %H:%M:%S} UTC; signed content s2:"), \
        "UTC kept"
    assert label_text(qc_page, "lot_status") == "Quarantine", "the other station's window reads it on refresh"


@pytest.mark.req("ACC-6", "SIG-5")
def test_the_same_person_cannot_sign_twice_nor_approve_their_own_review(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    number = receive(ui_ctx, site)
    page = lot_page(qtbot, ui_ctx, runner, site.qc, number)
    modals.answer(signs(qtbot, user_id="qc"),
                  refused_box(f"you already signed the QC review of the release of lot {number}: one person signs "
                              "a transition once"))
    click(qtbot, page, "lotSign_RELEASED")
    click(qtbot, page, "lotSign_RELEASED")
    modals.check()

    both = make_user(ui_ctx, site.admin, "twohats", frozenset({Role.QC_ANALYST, Role.QA_REVIEWER}))
    assert both is not None
    other = receive(ui_ctx, site, "T-2")
    page = lot_page(qtbot, ui_ctx, runner, both, other)
    modals.answer(signs(qtbot, user_id="twohats"),
                  refused_box(f"you signed the QC review of the release of lot {other}: the QA approval must be "
                              "signed by a different person"))
    click(qtbot, page, "lotSign_RELEASED")
    click(qtbot, page, "lotSign_RELEASED")
    modals.check()
    assert label_text(page, "lot_status") == "Quarantine"
    assert len(signature_entries(page)) == 1


@pytest.mark.req("SIG-5", "ACC-6", "SIG-2")
def test_qa_review_then_qa_release_release_a_batch_in_signing_order(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    number = batch_in_qa_review(ui_ctx, site)
    producer = batch_page(qtbot, ui_ctx, runner, site.production, number)
    assert not producer.detail.sign_buttons, "production signs no release"  # type: ignore[attr-defined]

    releaser = batch_page(qtbot, ui_ctx, runner, site.release, number)
    modals.answer(refused_box(f"the release of batch {number} needs the QA review (QA Reviewer) next: "
                              "Rel Person (rel) does not have that role"))
    click(qtbot, releaser, "batchSign_RELEASED")
    modals.check()

    reviewer = batch_page(qtbot, ui_ctx, runner, site.qa, number)
    modals.answer(signs(qtbot, user_id="qa"))
    click(qtbot, reviewer, "batchSign_RELEASED")
    modals.check()
    assert message_text(reviewer, "batchDetailMessage") == (
        "QA review signed. 1 of 2 signatures: QA review by Qa Person; QA release missing")
    assert label_text(reviewer, "signatureProgress") == (
        "Release: 1 of 2 signatures: QA review by Qa Person; QA release missing")

    modals.answer(signs(qtbot, user_id="rel"))
    click(qtbot, releaser, "batchSign_RELEASED")
    modals.check()
    assert message_text(releaser, "batchDetailMessage") == f"QA release signed: batch {number} is now Released."
    assert "Status: Released" in label_text(releaser, "batchHeader")
    assert [e.replace("\n", " | ").split(" | ")[0] for e in signature_entries(releaser)] == [
        "Qa Person (qa): Reviewed, QA review", "Rel Person (rel): Released, QA release"]
    assert all(e.splitlines()[1].endswith(" — valid") for e in signature_entries(releaser))


@pytest.mark.req("SIG-3", "SIG-2")
def test_a_signed_lot_changed_behind_the_application_shows_its_signatures_invalidated(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, ui_db_url: str) -> None:
    number = receive(ui_ctx, site)
    release_lot(ui_ctx, site.qc, site.qa, number, NEW_PASSWORD)
    window = window_for(qtbot, ui_ctx, runner, site.warehouse)
    window.open_record("lot", number)
    page = window.pages["lots"]
    assert all(e.splitlines()[1].endswith(" — valid") for e in signature_entries(page))
    assert not child(page, QWidget, "signaturesInvalidated").isVisible()

    with plain_connection(ui_db_url) as c:  # what any SQL client could do
        c.execute(text("UPDATE lots SET expires_on = '2031-01-31' WHERE lot_number = :n"), {"n": number})
    window.changes.announce(Changes.of(LOT, numbers=[number]))

    entries = signature_entries(page)
    assert len(entries) == 2
    assert all(e.splitlines()[1].endswith(" — INVALIDATED: the record changed after signing") for e in entries), \
        entries
    assert label_text(page, "signaturesInvalidated") == (
        "2 signature(s) INVALIDATED: the record changed after signing.")
    assert "color: #b00020" in entry(page, 0).styleSheet(), "in the warning colour"
    assert label_text(page, "lot_expires") == "2031-01-31"


@pytest.mark.req("ACC-6")
def test_whoever_produced_the_batch_cannot_review_it_even_with_the_qa_role(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    maker = make_user(ui_ctx, site.admin, "prodqa", frozenset({Role.PRODUCTION, Role.QA_REVIEWER}))
    assert maker is not None
    number = batch_in_qa_review(ui_ctx, site, producer=maker)
    page = batch_page(qtbot, ui_ctx, runner, maker, number)
    modals.answer(refused_box(f"Prodqa Person (prodqa) issued or returned material of batch {number}: whoever "
                              f"performed a production step cannot sign the QA review of the release of batch "
                              f"{number}"))
    click(qtbot, page, "batchSign_RELEASED")
    modals.check()
    assert message_text(page, "batchDetailMessage") == ""
    assert "Status: QA review" in label_text(page, "batchHeader")
