"""Reading GS1 barcodes as scanners deliver them (DEVC-3), from published examples and typical faults."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from devices.gs1 import normalise_separators, parse_barcode, parse_scan
from domain.barcodes import GS, BarcodeScheme, Scan, ScanError

TODAY = date(2026, 3, 15)

# IDAutomation's GS1 UDI example (barcodefaq.com/udi/gs1): DI 51022222233336, production 2014-12-31,
# expiry 2015-07-07, lot A213B1, serial 1234.
UDI_HRI = "(01)51022222233336(11)141231(17)150707(10)A213B1(21)1234"
UDI_DATA = f"0151022222233336111412311715070710A213B1{GS}211234"


def parse(text: str, symbology: str | None = None):  # type: ignore[no-untyped-def]
    return parse_barcode(text, symbology, today=TODAY)


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    ("text", "symbology"),
    [
        (UDI_HRI, None),
        (UDI_DATA, None),
        ("]d2" + UDI_DATA, "]d2"),  # GS1 DataMatrix with the AIM identifier the scanner prefixes
        ("]C1" + UDI_DATA, "]C1"),  # GS1-128
        ("]Q3" + UDI_DATA, "]Q3"),  # GS1 QR Code
        (GS + UDI_DATA + "\r\n", None),  # leading FNC1 sent as GS, Enter suffix
    ],
)
def test_the_published_udi_example_reads_the_same_in_every_form(text: str, symbology: str | None) -> None:
    data = parse(text)
    assert data.scheme is BarcodeScheme.GS1
    assert data.symbology == symbology
    assert data.gtin == data.device_identifier == "51022222233336"
    assert data.production_date == date(2014, 12, 31)
    assert data.expiry == date(2015, 7, 7)
    assert data.expiry_day_unspecified is False
    assert data.lot == "A213B1"
    assert data.serial == "1234"
    assert data.raw == text


@pytest.mark.req("DEVC-3")
def test_symbology_reported_beside_the_data_counts_when_none_leads() -> None:
    assert parse(UDI_DATA, "]d2").symbology == "]d2"
    assert parse_scan(Scan(UDI_DATA, "d2", "hid", datetime.now(UTC)), today=TODAY).symbology == "]d2"


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    "separator", ["<GS>", "{GS}", "[GS]", "<FNC1>", "^]", "\\x1d", "\\x1D", "~1", "\u241d", "<gs>"]
)
def test_separator_substitutes_are_read_as_gs(separator: str) -> None:
    data = parse(UDI_DATA.replace(GS, separator))
    assert (data.lot, data.serial) == ("A213B1", "1234")


def test_normalise_separators_leaves_gs1_characters_alone() -> None:
    assert normalise_separators("10AB-1/2(3)%") == "10AB-1/2(3)%"


@pytest.mark.req("DEVC-3")
def test_biip_documentation_example_with_best_before_date() -> None:
    data = parse("010703206980498815210526100329")
    assert data.gtin == "07032069804988"
    assert data.lot == "0329"
    assert data.other == {"15": "210526"}


@pytest.mark.req("DEVC-3")
def test_expiry_day_00_is_the_last_day_of_the_month() -> None:
    data = parse("(01)09506000134352(17)280200(10)L1")
    assert data.expiry == date(2028, 2, 29)
    assert data.expiry_day_unspecified is True


@pytest.mark.req("DEVC-3")
def test_quantity_and_other_elements() -> None:
    data = parse(f"010950600013435230250{GS}240REF-77{GS}10L7")
    assert data.quantity == 250
    assert data.lot == "L7"
    assert data.other == {"240": "REF-77"}


@pytest.mark.req("DEVC-3")
def test_gs1_digital_link_in_a_qr_code() -> None:
    data = parse("https://id.gs1.org/01/09506000134352/10/ABC123?17=261231")
    assert (data.gtin, data.lot, data.expiry) == ("09506000134352", "ABC123", date(2026, 12, 31))


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    ("text", "symbology"),
    [("4006381333931", None), ("]E04006381333931", "]E0"), ("96385074", None), ("]I109506000134352", "]I1")],
)
def test_plain_ean_upc_and_itf14_give_the_gtin(text: str, symbology: str | None) -> None:
    data = parse(text)
    assert data.gtin is not None and len(data.gtin) == 14
    assert data.symbology == symbology
    assert data.lot is None


@pytest.mark.req("DEVC-3")
@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("0151022222233335171507071OA1", "scan_check_digit", "GTIN '51022222233335' has check digit 5, expected 6"),
        ("01510222222333", "scan_bad_element", "The GTIN (01) at character 1 needs 14 digits, found only 12"),
        ("015102222223333617150732", "scan_bad_element", "expiry date (17) at character 17 is not a valid date"),
        ("0151022222233336171513", "scan_bad_element", "needs 6 digits, found only 4 ('1513')"),
        ("015102222223333689ABC", "scan_unknown_ai", "No GS1 application identifier starts '89...' at character 17"),
        ("(01)51022222233336(17)150707(10)", "scan_bad_element", "The lot (10) has no value"),
        ("(01)51022222233336(88)X", "scan_unknown_ai", "(88) is not a GS1 application identifier"),
        ("51022222233336(10)X", "scan_unknown_ai", "No GS1 application identifier starts '5102...'"),
        ("(01)5102222223333(10)X", "scan_bad_element", "needs 14 digits, found only 13"),
        ("", "scan_empty", "The scan is empty."),
        ("\r\n", "scan_empty", "The scan is empty."),
        ("]d2", "scan_empty", "The scan (]d2) carries no data."),
        ("]C0HELLO-WORLD", "scan_unrecognised", "The barcode (]C0) is neither GS1 nor HIBC"),
        (f"10ABC{GS}10ABD", "scan_conflict", "The lot (10) appears twice with different values"),
        ("]d2+A123BJC5D6E71G", "scan_invalid", "The GS1 DataMatrix symbol holds HIBC data"),
    ],
)
def test_malformed_scans_give_one_clear_message(text: str, code: str, message: str) -> None:
    with pytest.raises(ScanError) as caught:
        parse(text)
    assert caught.value.code == code
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.req("DEVC-3")
def test_a_lot_running_into_the_next_element_names_the_missing_separator() -> None:
    # lot of 24 characters without GS: AI 10 takes its maximum of 20, the rest is no AI
    with pytest.raises(ScanError, match=r"follows the lot \(10\) 'ABCDEFGHIJKLMNOPQRST' with no GS separator"):
        parse("0109506000134352" + "10ABCDEFGHIJKLMNOPQRSTUVWX")


@pytest.mark.req("DEVC-3")
def test_a_lot_that_swallowed_the_expiry_date_is_refused_not_misread() -> None:
    # the wedge dropped the GS between lot and expiry: the lot would silently read as 'A213B117150707'
    with pytest.raises(ScanError) as caught:
        parse("01510222222333361114123110A213B117150707")
    assert caught.value.code == "scan_missing_separator"
    assert "ends in what reads as expiry date (17)150707" in str(caught.value)


def test_a_lot_that_swallowed_a_gtin_is_refused() -> None:
    with pytest.raises(ScanError, match="contains what reads as GTIN"):
        parse("10LOT9" + "0109506000134352")


def test_with_a_separator_present_the_scanner_is_trusted() -> None:
    assert parse(f"0109506000134352{GS}10A213B117150707").lot == "A213B117150707"


def test_text_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(ScanError, match="must be text"):
        parse(None)  # type: ignore[arg-type]
