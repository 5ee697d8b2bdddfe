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


@pytest.mark.req("DEVC-5", "GEN-6")
def test_the_chinese_templates_print_their_captions_in_the_cjk_font_and_decode(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """material-lot-zh@v1 and udi-device-zh@v1: Chinese captions in the printer's CJK font (ZPL ^A@ SimSun, TSPL
    TSS24.BF2, GB18030), codes and numbers as they are, and symbols that decode to the same data as the English
    templates'."""
    from pathlib import Path

    from devices.labels.templates import BUILTIN_TEMPLATES, UDI_LABEL_V2
    from devices.labels.tspl import CJK_FONT as TSPL_CJK_FONT
    from devices.labels.tspl import render_tspl
    from devices.labels.zpl import CJK_FONT as ZPL_CJK_FONT
    from devices.labels.zpl import render_zpl

    lot = LabelData(material_name="硅胶管 Silicone tubing", material_code="M-100", lot_number="R26339-0001",
                    expiry=date(2027, 1, 31), quantity=250, unit="m", supplier_lot="S-77", status_zh="隔离")
    label = resolve(BUILTIN_TEMPLATES["material-lot-zh@v1"], lot)
    texts = [item.text for item in label.items if hasattr(item, "text")]
    assert {"物料 M-100", "物料批号 R26339-0001", "隔离", "有效期至 2027-01-31", "数量 250 m",
            "供应商批号 S-77"} <= set(texts)
    image = render_preview(label)
    Path("/tmp/h14").mkdir(exist_ok=True)
    image.save("/tmp/h14/material-lot-zh.png")
    assert decoded(image)["Code128"].text == "R26339-0001"
    zpl = render_zpl(label).decode("utf-8")
    assert f"^A@N,36,36,{ZPL_CJK_FONT}^FH^FD{zpl_hex('物料批号 R26339-0001')}^FS" in zpl
    tspl = render_tspl(label)
    assert f'"{TSPL_CJK_FONT}",0,1,1,"有效期至 2027-01-31"'.encode("gb18030") in tspl

    device = resolve(BUILTIN_TEMPLATES["udi-device-zh@v1"], DEVICE)
    english = resolve(UDI_LABEL_V2, DEVICE)
    assert {"批号 A213B1", "有效期至 2027-07-31", "生产日期 2025-12-31", "序列号 1234", "产品编号 IS-20"} <= {
        item.text for item in device.items if hasattr(item, "text")}
    image = render_preview(device)
    image.save("/tmp/h14/udi-device-zh.png")
    assert sorted(b.text for b in decoded_all(image)) == sorted(b.text for b in decoded_all(render_preview(english)))
    assert len(decoded_all(image)) == 3  # the DataMatrix and the two GS1-128
    assert f"^A@N,28,28,{ZPL_CJK_FONT}^FH^FD{zpl_hex('批号 A213B1')}^FS" in render_zpl(device).decode("utf-8")
    from app import i18n  # the status a Chinese label prints: the screens' word for it (app/labels.lot_label_data)

    assert [i18n.context_catalogue(i18n.CHINESE, "Status")[s] for s in ("Quarantine", "Released", "Rejected")] == [
        "隔离", "已放行", "不合格"]


def decoded_all(image) -> list[zxingcpp.Barcode]:  # type: ignore[no-untyped-def]
    return list(zxingcpp.read_barcodes(qimage_to_gray(image), text_mode=zxingcpp.TextMode.Plain))


def zpl_hex(text: str) -> str:
    """`text` as a ^FH field writes it: each non-ASCII character as its UTF-8 bytes in _XX escapes."""
    return "".join(char if char.isascii() else "".join(f"_{b:02X}" for b in char.encode()) for char in text)
