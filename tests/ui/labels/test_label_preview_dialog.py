"""The label preview in the lot pane (DEVC-5): the image shown is drawn with real barcodes, so it decodes — with
zxing-cpp, as a scanner reads the printed label — to exactly the lot's GS1 data (UDI label of a finished lot)
or to the lot number (material lot label), and nothing is printed or journalled by looking."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app import lots
from app.bootstrap import AppContext
from domain.barcodes import element_string, udi_elements
from domain.users import Actor
from tests.ui.conftest import ModalDriver, click
from tests.ui.lot_site import GTIN, Site, build_site, produce_and_ship
from tests.ui.station_support import StationFactory, station_fixture  # noqa: F401 - the fixture
from ui.labels.label_image import qimage_to_gray
from ui.labels.label_preview_dialog import LabelPreviewDialog
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def decoded(dialog: QDialog) -> list[tuple[str, str]]:
    assert isinstance(dialog, LabelPreviewDialog)
    assert not dialog.picture.pixmap().isNull()
    found = zxingcpp.read_barcodes(qimage_to_gray(dialog.image), text_mode=zxingcpp.TextMode.Plain)
    return sorted((barcode.format.name, barcode.text) for barcode in found)


@pytest.mark.req("DEVC-5")
def test_the_udi_preview_of_a_finished_lot_decodes_to_its_gs1_data(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver) -> None:
    flow = produce_and_ship(ui_ctx, site)
    lot = lots.get_lot(ui_ctx.read_uow(), site.production, flow.finished_lot)
    window, _hardware = station(runner, site.production)
    window.open_record("lot", lot.lot_number)
    seen: list[list[tuple[str, str]]] = []

    def look(dialog: QDialog) -> None:
        assert dialog.windowTitle() == f"Label of lot {lot.lot_number}"
        seen.append(decoded(dialog))
        dialog.reject()

    modals.answer(look)
    click(qtbot, window.pages["lots"], "previewLotLabel")
    modals.check()
    udi = element_string(udi_elements(GTIN, lot=lot.lot_number, expiry=lot.expires_on,
                                      production_date=lot.manufactured_on))
    [matrix] = [text for kind, text in seen[0] if kind == "DataMatrix"]
    assert matrix == udi
    linear = sorted((text for kind, text in seen[0] if kind == "Code128"), key=len)
    assert linear == [f"01{GTIN}", udi.removeprefix(f"01{GTIN}")]  # the DI and the PI on two GS1-128 symbols
    assert ui_ctx.devices.labels.print_journal(ui_ctx.read_uow(), site.qa) == []


@pytest.mark.req("DEVC-5")
def test_the_material_lot_preview_decodes_to_the_lot_number_a_scan_opens(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver) -> None:
    lot = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"))
    window, _hardware = station(runner, site.warehouse)
    window.open_record("lot", lot.lot_number)
    seen: list[list[tuple[str, str]]] = []
    modals.answer(lambda dialog: (seen.append(decoded(dialog)), dialog.reject()))
    click(qtbot, window.pages["lots"], "previewLotLabel")
    modals.check()
    assert ("Code128", lot.lot_number) in seen[0]
