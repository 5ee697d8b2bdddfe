"""The master batch records page (ui/mbr/mbr_list_widget.py) and its draft dialog: draft a record; it becomes
effective through a change request only (LOT-6, CHG-1, CHG-3)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from app import mbr
from app.bootstrap import AppContext
from tests.app.change_support import effective_via_change
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import (
    Site,
    column_texts,
    row_texts,
    shown,
    site_fixture,  # noqa: F401  (the site fixture)
)
from ui.mbr.mbr_list_widget import MbrListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


def add_line(qtbot: QtBot, dialog: QDialog, item: str, quantity: str, tolerance: str) -> None:
    combo = child(dialog, QComboBox, "lineItem")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(item))
    type_into(qtbot, dialog, "lineQuantity", quantity)
    type_into(qtbot, dialog, "lineTolerance", tolerance)
    click(qtbot, dialog, "addLine")


@pytest.mark.req("LOT-6", "CHG-1", "CHG-3")
def test_draft_a_record_and_make_it_effective(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site,
                                              modals: ModalDriver) -> None:
    hub = ChangeHub()
    author = MbrListWidget(ui_ctx, runner, site.production, hub)
    approver = MbrListWidget(ui_ctx, runner, site.release, hub)
    shown(qtbot, author)
    shown(qtbot, approver)
    assert approver.findChild(QPushButton, "makeEffective") is None, "a change request makes a version effective"
    assert not child(approver, QPushButton, "newMbrDraft").isVisible()

    def draft(dialog: QDialog) -> None:
        assert dialog.objectName() == "mbrDraftDialog"
        type_into(qtbot, dialog, "draftTitle", "Syringe, moulding and assembly")
        add_line(qtbot, dialog, "RES-PC", "0,01", "5")
        assert message_text(dialog, "mbrDraftMessage") == "quantity per unit '0,01' is not a number"
        add_line(qtbot, dialog, "RES-PC", "0.01", "5")
        add_line(qtbot, dialog, "TUBE-1", "0.05", "10")
        add_line(qtbot, dialog, "TUBE-1", "0.05", "10")
        assert message_text(dialog, "mbrDraftMessage") == "TUBE-1 is already in the bill of materials."
        click(qtbot, dialog, "mbrDraftOk")

    modals.answer(draft)
    click(qtbot, author, "newMbrDraft")
    modals.check()
    assert message_text(author, "mbrMessage") == "Draft SYR-5 v1 created."
    assert row_texts(author, "mbrTable", 0)[:5] == ["SYR-5", "1", "Draft", "Syringe, moulding and assembly", "2"]
    assert column_texts(author, "mbrLineTable", 1) == ["RES-PC", "TUBE-1"]
    assert row_texts(approver, "mbrTable", 0)[2] == "Draft", "the other open page refreshed"

    effective_via_change(ui_ctx, site, "mbr", "SYR-5", 1, password=NEW_PASSWORD)
    author.refresh()
    assert row_texts(author, "mbrTable", 0)[2] == "Effective"
    assert [v.status for v in mbr.list_mbrs(ui_ctx.read_uow(), site.release)] == ["Effective"]
