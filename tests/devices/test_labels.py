"""Label templates, ZPL II and TSPL output, printer status (DEVC-5, DEVC-6)."""

from __future__ import annotations

from datetime import date

import pytest

from devices.labels.code128 import CODE_B, CODE_C, FNC1, START_B, START_C, check_value, plan_code128, width_modules
from devices.labels.templates import (
    BUILTIN_TEMPLATES,
    MATERIAL_LOT_LABEL,
    UDI_LABEL,
    Code128Element,
    Gs1128Element,
    LabelData,
    LabelError,
    LabelTemplate,
    ResolvedCode128,
    ResolvedGs1Symbol,
    ResolvedText,
    TextElement,
    resolve,
)
from devices.labels.tspl import parse_status_byte, render_tspl
from devices.labels.zpl import host_status_answer, parse_host_status, render_zpl

DEVICE = LabelData(
    gtin="09506000134352",
    lot_number="A213B1",
    expiry=date(2027, 7, 31),
    production_date=date(2025, 12, 31),
    serial="1234",
    product_name="Infusion set IS-20",
    catalog_number="IS-20",
)
MATERIAL = LabelData(
    material_name="Silicone tubing 3 mm", material_code="M-100", lot_number="L-2026-0001",
    expiry=None, quantity=250, unit="m", supplier_lot=None,
)


@pytest.mark.req("DEVC-5")
def test_builtin_templates_are_versioned() -> None:
    assert set(BUILTIN_TEMPLATES) == {"material-lot@v1", "material-lot@v2", "udi-device@v1", "udi-device@v2",
                                      "material-lot-zh@v1", "udi-device-zh@v1"}  # Chinese captions (GEN-6)
    assert UDI_LABEL.dpi == 203 and (UDI_LABEL.width_mm, UDI_LABEL.height_mm) == (100, 60)


@pytest.mark.req("DEVC-5")
def test_udi_label_v2_splits_the_gs1_128_so_a_long_lot_fits() -> None:
    device = LabelData(DEVICE, lot_number="SYR-26330-001", serial=None)
    with pytest.raises(LabelError, match=r"GS1-128 barcode would end 10\d mm"):
        resolve(UDI_LABEL, device)  # one symbol of (01)(11)(17)(10) is wider than the label
    label = resolve(BUILTIN_TEMPLATES["udi-device@v2"], device)
    symbols = [item for item in label.items if isinstance(item, ResolvedGs1Symbol)]
    assert [(s.kind, s.human_readable) for s in symbols] == [
        ("datamatrix", "(01)09506000134352(11)251231(17)270731(10)SYR-26330-001"),
        ("gs1-128", "(01)09506000134352"),
        ("gs1-128", "(11)251231(17)270731(10)SYR-26330-001"),
    ]
    texts = [item.text for item in label.items if isinstance(item, ResolvedText)]
    assert texts[-2:] == ["(01)09506000134352", "(11)251231(17)270731(10)SYR-26330-001"]


@pytest.mark.req("DEVC-5")
def test_the_udi_label_carries_exactly_the_lots_data() -> None:
    label = resolve(UDI_LABEL, DEVICE)
    symbols = [item for item in label.items if isinstance(item, ResolvedGs1Symbol)]
    assert [s.kind for s in symbols] == ["datamatrix", "gs1-128"]
    for symbol in symbols:
        assert symbol.human_readable == "(01)09506000134352(11)251231(17)270731(10)A213B1(21)1234"
        assert symbol.element_string == "0109506000134352112512311727073110A213B1\x1d211234"
    texts = [item.text for item in label.items if isinstance(item, ResolvedText)]
    assert texts == [
        "Infusion set IS-20", "REF IS-20", "LOT A213B1", "EXP 2027-07-31", "MFG 2025-12-31", "SN 1234",
        "(01)09506000134352", "(11)251231(17)270731(10)A213B1(21)1234",
    ]
    assert label.summary["udi"] == "(01)09506000134352(11)251231(17)270731(10)A213B1(21)1234"
    assert label.summary["lot_number"] == "A213B1"
    assert (label.width, label.height) == (799, 480)


@pytest.mark.req("DEVC-5")
def test_optional_lines_are_left_out_and_empty_values_show_a_dash() -> None:
    device = LabelData(DEVICE, serial=None, production_date=None)
    label = resolve(UDI_LABEL, device)
    texts = [item.text for item in label.items if isinstance(item, ResolvedText)]
    assert not any(text.startswith(("SN", "MFG")) for text in texts)
    assert label.items[2].elements[-1].ai == "10"  # type: ignore[union-attr]
    material = resolve(MATERIAL_LOT_LABEL, MATERIAL)
    assert "Expiry -" in [item.text for item in material.items if isinstance(item, ResolvedText)]
    assert [item.data for item in material.items if isinstance(item, ResolvedCode128)] == ["L-2026-0001"]


@pytest.mark.req("DEVC-5")
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"gtin": "09506000134353"}, "check digit 3, expected 2"),
        ({"gtin": None}, "no GTIN"),
        ({"lot_number": "LOT #7"}, "contains ' ', '#'"),
        ({"expiry": "2027-07-31"}, "expiry must be a date"),
        ({"serial": "S" * 20, "lot_number": "L" * 20}, "GS1-128 barcode would end"),
    ],
)
def test_labels_refuse_data_they_cannot_carry(changes: dict[str, object], message: str) -> None:
    with pytest.raises(LabelError, match=message):
        resolve(UDI_LABEL, LabelData(DEVICE, **changes))


def test_a_missing_field_is_named() -> None:
    with pytest.raises(LabelError, match="needs the field 'catalog_number'"):
        resolve(UDI_LABEL, LabelData({k: v for k, v in DEVICE.items() if k != "catalog_number"}))


def test_date_formats_in_text() -> None:
    template = LabelTemplate("t", 1, 50, 20, 300, (TextElement(1, 1, "EXP {expiry:%Y-%m}"),))
    [text] = resolve(template, LabelData(expiry=date(2027, 7, 31))).items
    assert text == ResolvedText(12, 12, 35, "EXP 2027-07")


def test_a_code128_value_that_cannot_be_drawn_is_refused() -> None:
    template = LabelTemplate("t", 1, 100, 30, 203, (Code128Element(5, 5, "lot_number"),))
    with pytest.raises(LabelError, match="cannot be drawn"):
        resolve(template, LabelData(lot_number="Lot\u00e9"))


# --- ZPL ---------------------------------------------------------------------------------------------------

@pytest.mark.req("DEVC-5")
def test_zpl_for_the_udi_label() -> None:
    zpl = render_zpl(resolve(UDI_LABEL, DEVICE), copies=3).decode()
    lines = zpl.splitlines()
    assert lines[:5] == ["^XA", "^CI28", "^PW799", "^LL480", "^LH0,0"]
    assert lines[-2:] == ["^PQ3", "^XZ"]
    assert "^FO40,120^BXN,4,200,,,,_^FD_10109506000134352112512311727073110A213B1_1211234^FS" in lines
    assert "^FO40,280^BY2^BCN,88,N,N,N,A^FD>;>80109506000134352112512311727073110A213B1>8211234^FS" in lines
    assert "^FO224,120^A0N,28,28^FH^FDLOT A213B1^FS" in lines


def test_zpl_escapes_field_data_so_it_cannot_become_a_command() -> None:
    template = LabelTemplate("t", 1, 100, 40, 203, (TextElement(1, 1, "{name}"), Gs1128Element(5, 10)))
    data = LabelData(name="Größe ^XZ ~JR _", gtin="09506000134352", lot_number="A_1>2")
    zpl = render_zpl(resolve(template, data)).decode()
    assert "^FDGr_C3_B6_C3_9Fe _5EXZ _7EJR _5F^FS" in zpl
    assert "^FD>;>8010950600013435210A_1><2^FS" in zpl
    template = LabelTemplate("t", 1, 100, 40, 203, (TextElement(1, 1, "x"),))
    assert render_zpl(resolve(template, LabelData())).decode().count("^XA") == 1


def test_zpl_datamatrix_doubles_the_escape_character() -> None:
    from devices.labels.zpl import datamatrix_data
    from domain.barcodes import udi_elements

    assert datamatrix_data(udi_elements("09506000134352", lot="A_1", serial="S1")) == "_1010950600013435210A__1_121S1"


@pytest.mark.req("DEVC-6")
def test_zpl_host_status_flags() -> None:
    # layout of the three strings as in the ZPL II Programming Guide, ~HS
    ready = parse_host_status(host_status_answer())
    assert ready.ready and ready.message == "ready" and ready.labels_remaining == 0
    assert parse_host_status(host_status_answer(paper_out=True)).message == "not ready: out of labels (paper out)"
    status = parse_host_status(host_status_answer(head_open=True, paused=True, ribbon_out=True))
    assert status.problems == ["ribbon out", "print head open", "paused"]
    direct_thermal = b"\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,1,0,2,6,0,00000005,1,000\x03\r\n"
    assert parse_host_status(direct_thermal).ready  # no ribbon in direct thermal mode
    with pytest.raises(ValueError, match="not a complete ~HS answer"):
        parse_host_status(b"\x02030,1,0\x03")


# --- TSPL --------------------------------------------------------------------------------------------------

@pytest.mark.req("DEVC-5")
def test_tspl_for_the_udi_label() -> None:
    tspl = render_tspl(resolve(UDI_LABEL, DEVICE), copies=2).decode()
    lines = tspl.split("\r\n")
    assert lines[:6] == ["SIZE 100 mm,60 mm", "GAP 3 mm,0 mm", "DIRECTION 1", "REFERENCE 0,0", "CODEPAGE UTF-8", "CLS"]
    assert 'DMATRIX 40,120,128,128,c126,x4,"~10109506000134352112512311727073110A213B1~1211234"' in lines
    content = "!105!1020109506000134352112512311727073110!100A213B1!102!099211234"
    assert f'BARCODE 40,280,"128M",88,0,0,2,2,"{content}"' in lines
    assert 'TEXT 224,120,"0",0,10,10,"LOT A213B1"' in lines
    assert lines[-2:] == ["PRINT 1,2", ""]


def test_tspl_quotes_and_refusals() -> None:
    template = LabelTemplate("t", 1, 100, 40, 203, (TextElement(1, 1, 'say "{name}"'),))
    assert 'TEXT 8,8,"0",0,9,9,"say \\["]x\\["]"' in render_tspl(resolve(template, LabelData(name="x"))).decode()
    template = LabelTemplate("t", 1, 100, 40, 203, (Gs1128Element(5, 10),))
    with pytest.raises(LabelError, match="'!'"):
        render_tspl(resolve(template, LabelData(gtin="09506000134352", lot_number="A!1")))


@pytest.mark.req("DEVC-6")
@pytest.mark.parametrize(
    ("byte", "message"),
    [
        (0x00, "ready"),
        (0x01, "not ready: print head open"),
        (0x04, "not ready: out of labels (paper out)"),
        (0x0C, "not ready: out of labels (paper out), ribbon out"),
        (0x10, "not ready: paused"),
    ],
)
def test_tspl_status_byte(byte: int, message: str) -> None:
    assert parse_status_byte(bytes([byte])).message == message


def test_a_printing_tspl_printer_is_ready() -> None:
    assert parse_status_byte(b"\x20").ready


# --- Code 128 planning ---------------------------------------------------------------------------------------

def test_gs1_128_plan_uses_set_c_for_digits_and_b_for_text() -> None:
    plan = plan_code128(["0109506000134352", "10A213B1", None, "211234"])
    values = [symbol.value for symbol in plan]
    assert values[:3] == [START_C, FNC1, 1]
    assert CODE_B in values and CODE_C in values and values.count(FNC1) == 2
    assert "".join(symbol.text for symbol in plan) == "0109506000134352" + "10A213B1" + "211234"
    assert plan_code128(["ABC"], gs1=False)[0].value == START_B


def test_code128_check_value_and_width() -> None:
    # "PJJ123C" encoded as Start B ... is the textbook example; here a simple one: Start C, 12, 34
    plan = plan_code128(["1234"], gs1=False)
    assert [s.value for s in plan] == [START_C, 12, 34]
    assert check_value(plan) == (105 + 12 * 1 + 34 * 2) % 103
    assert width_modules(plan) == 4 * 11 + 13


@pytest.mark.req("DEVC-5", "LOT-4")
@pytest.mark.parametrize("name", [
    "Polycarbonate resin",
    "Medical-grade polycarbonate resin, transparent, gamma-stable, for syringe barrels and luer connectors",
    "Supercalifragilisticexpialidocious-polycarbonate-resin-without-any-spaces-at-all-in-its-name",
])
def test_the_material_name_stays_on_the_lot_label_and_the_status_is_printed(name: str) -> None:
    template = BUILTIN_TEMPLATES["material-lot@v2"]
    label = resolve(template, {"material_name": name, "material_code": "RES-PC", "lot_number": "R26339-0001",
                               "expiry": "2028-01-31", "quantity": "25", "unit": "kg", "supplier_lot": "AC-1",
                               "status": "QUARANTINE"})
    texts = [item for item in label.items if isinstance(item, ResolvedText)]
    for text in texts:  # every line ends inside the label (the printers' fonts: about 0.58 x height per char)
        assert text.x + len(text.text) * 0.58 * text.height <= label.width, text.text
    name_lines = [t for t in texts if t.y < template.dots(9.5)]
    assert 1 <= len(name_lines) <= 2
    assert all(t.y + t.height <= template.dots(9.5) for t in name_lines), "the name runs into the next line"
    shown = {" ".join(t.text for t in name_lines), "".join(t.text for t in name_lines)}  # broken between/in words
    assert name in shown or any(s.endswith("…") and name.startswith(s[:20]) for s in shown)
    assert any(t.text == "QUARANTINE" for t in texts)


CHINESE = LabelData(
    material_name="硅胶管 3 mm", material_code="M-100", lot_number="L-2026-0001",
    expiry=None, quantity=250, unit="m", supplier_lot=None,
)


@pytest.mark.req("GEN-6")
def test_zpl_prints_a_chinese_name_in_the_printers_cjk_font_and_latin_lines_in_font_0() -> None:
    zpl = render_zpl(resolve(BUILTIN_TEMPLATES["material-lot@v2"], CHINESE)).decode()
    name = next(line for line in zpl.splitlines() if "_E7_A1_85" in line)  # 硅 in UTF-8, hex-escaped
    assert "^A@N," in name and name.split("^FH")[0].endswith(",E:SIMSUN.TTF")
    lot = next(line for line in zpl.splitlines() if "L-2026-0001" in line and "^FD" in line and "^B" not in line)
    assert "^A0N," in lot
    assert bytes(zpl, "utf-8").decode("utf-8") == zpl


@pytest.mark.req("GEN-6")
def test_tspl_prints_a_chinese_name_in_tss24_sent_in_gb18030() -> None:
    tspl = render_tspl(resolve(BUILTIN_TEMPLATES["material-lot@v2"], CHINESE))
    lines = tspl.split(b"\r\n")
    name = next(line for line in lines if "硅胶管".encode("gb18030") in line)
    assert name.startswith(b"TEXT ") and b'"TSS24.BF2",0,' in name
    assert "硅胶管".encode() not in tspl  # never the UTF-8 bytes the Chinese font cannot index
    assert any(b'"0",0,' in line and b"L-2026-0001" in line for line in lines)


@pytest.mark.req("GEN-6")
def test_a_long_chinese_name_is_fitted_by_the_width_of_its_square_characters() -> None:
    name = "一次性使用无菌注射器用硅胶管组件（医用级）"
    label = resolve(BUILTIN_TEMPLATES["material-lot@v2"], LabelData(
        material_name=name, material_code="M-100", lot_number="L-2026-0001", expiry=None, quantity=250, unit="m",
        supplier_lot=None))
    lines = [item for item in label.items if isinstance(item, ResolvedText) and item.text[0] in name]
    assert 1 <= len(lines) <= 2
    shown = "".join(line.text for line in lines)
    assert shown.rstrip("…") == name[: len(shown.rstrip("…"))]  # in order, nothing made up
    for line in lines:
        assert len(line.text) * line.height <= label.width  # square characters within the label
