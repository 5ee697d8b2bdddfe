"""The label preview draws real symbols that decode back to exactly the lot's GS1 data (DEVC-5)."""

from __future__ import annotations

from datetime import date

import pytest
import zxingcpp

from devices.labels.templates import MATERIAL_LOT_LABEL, UDI_LABEL, LabelData, resolve
from ui.labels.label_image import qimage_to_gray, render_preview

DEVICE = LabelData(
    gtin="09506000134352", lot_number="A213B1", expiry=date(2027, 7, 31), production_date=date(2025, 12, 31),
    serial="1234", product_name="Infusion set IS-20", catalog_number="IS-20",
)


def decoded(image) -> dict[str, zxingcpp.Barcode]:  # type: ignore[no-untyped-def]
    found = zxingcpp.read_barcodes(qimage_to_gray(image), text_mode=zxingcpp.TextMode.Plain)
    return {barcode.format.name: barcode for barcode in found}


@pytest.mark.req("DEVC-5")
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"serial": None, "production_date": None},
        {"lot_number": "L7/(b)%", "serial": "S_<>", "production_date": None},  # GS1 punctuation, brackets included
        {"expiry": date(2028, 2, 29), "expiry_day_unspecified": True},  # day 00
    ],
)
def test_the_udi_preview_decodes_to_the_lots_gs1_data(qapp, changes: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    label = resolve(UDI_LABEL, LabelData(DEVICE, **changes))
    symbol = next(item for item in label.items if getattr(item, "kind", "") == "datamatrix")
    image = render_preview(label)
    assert (image.width(), image.height()) == (label.width, label.height)
    barcodes = decoded(image)
    assert set(barcodes) == {"DataMatrix", "Code128"}
    for barcode in barcodes.values():
        assert barcode.content_type == zxingcpp.ContentType.GS1
        assert barcode.text == symbol.element_string  # type: ignore[union-attr]
    assert barcodes["Code128"].symbology_identifier == "]C1"


@pytest.mark.req("DEVC-5")
def test_the_material_label_preview_carries_the_lot_number(qapp) -> None:  # type: ignore[no-untyped-def]
    label = resolve(
        MATERIAL_LOT_LABEL,
        LabelData(material_name="Silicone tubing", material_code="M-100", lot_number="L-2026-0001",
                  expiry=date(2027, 1, 31), quantity=250, unit="m", supplier_lot="S-77"),
    )
    barcodes = decoded(render_preview(label))
    assert barcodes["Code128"].text == "L-2026-0001"
    assert barcodes["Code128"].content_type != zxingcpp.ContentType.GS1


def test_the_datamatrix_is_square_and_at_the_printers_module_size(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.labels.label_image import symbol_image

    label = resolve(UDI_LABEL, DEVICE)
    symbol = next(item for item in label.items if getattr(item, "kind", "") == "datamatrix")
    image = symbol_image(symbol)  # type: ignore[arg-type]
    assert image.width() == image.height()
    assert image.width() % symbol.module == 0  # type: ignore[union-attr]
