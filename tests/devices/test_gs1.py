"""Reading GS1 barcodes as scanners deliver them (devices/gs1.py, DEVC-3), from published examples and typical
faults; and, fuzzed, whatever a scanner sends gives data or one clear ScanError, never a traceback."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from devices.gs1 import normalise_separators, parse_barcode, parse_scan
from domain.barcodes import GS, BarcodeData, BarcodeScheme, Scan, ScanError, element_string, udi_elements
from domain.gtin import gtin_check_digit

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


# --- whatever a scanner sends: data or one clear ScanError, never a traceback (fuzzed) ----------------------

REAL_SCANS = [
    "(01)51022222233336(11)141231(17)150707(10)A213B1(21)1234",
    f"]d20151022222233336111412311715070710A213B1{GS}211234",
    "]C1010703206980498815210526100329",
    "]Q3https://id.gs1.org/01/09506000134352/10/ABC123?17=261231",
    "]E04006381333931",
    "+A99912345/$$52001510X3/16D20111212/S77DE1G45-",
    "+Z999009993020351/$$82430509283C001J",
    "*+A123BJC5D6E71G*",
    "01095060001343521728020010L1<GS>21S-9",
]
# characters that matter to the parsers: digits, AI brackets, separators and their stand-ins, HIBC flags
ALPHABET = "0123456789()+$/*%-.]dCQE^~<>{}[]GSFNC1xXAZaz \x1d\r\n\t\\" + "\u241d\u00e9\x00"


@st.composite
def mutated_scans(draw: st.DrawFn) -> str:
    text = list(draw(st.sampled_from(REAL_SCANS)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        action = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate"]))
        position = draw(st.integers(min_value=0, max_value=max(0, len(text) - 1)))
        character = draw(st.sampled_from(ALPHABET))
        if action == "insert":
            text.insert(position, character)
        elif action == "delete" and text:
            del text[position]
        elif action == "replace" and text:
            text[position] = character
        elif action == "truncate":
            text = text[:position]
        elif action == "duplicate":
            text = text[:position] + text
    return "".join(text)


def assert_data_or_clear_error(text: str, symbology: str | None = None) -> None:
    try:
        result = parse_barcode(text, symbology, today=TODAY)
    except ScanError as error:
        message, code = str(error), error.code
        assert message and "\n" not in message and "Traceback" not in message
        assert code
    else:
        assert isinstance(result, BarcodeData)
        if result.gtin is not None:
            assert len(result.gtin) == 14 and gtin_check_digit(result.gtin[:-1]) == int(result.gtin[-1])


@pytest.mark.req("DEVC-3")
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_scans(), st.sampled_from([None, "]d2", "]C1", "]C0", "]Q3", "]E0", "d2", "]X", ""]))
@example("+", None)
@example("(", None)
@example("()", None)
@example("(01)", None)
@example("]", None)
@example("+$$", None)
@example("+/", None)
@example("0" * 200, None)
def test_mutated_real_scans_never_raise_anything_but_scan_error(text: str, symbology: str | None) -> None:
    assert_data_or_clear_error(text, symbology)


@pytest.mark.req("DEVC-3")
@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_never_raises_anything_but_scan_error(text: str) -> None:
    assert_data_or_clear_error(text)


LOTS = st.text(alphabet="ABCDEFGHJKLMNPRSTUVWXYZ0123456789-./", min_size=1, max_size=20)


@pytest.mark.req("DEVC-3")
@settings(max_examples=300, deadline=None)
@given(
    body=st.text(alphabet="0123456789", min_size=13, max_size=13),
    lot=LOTS,
    serial=LOTS,
    expiry=st.dates(min_value=date(2000, 1, 1), max_value=date(2075, 12, 31)),
    month_only=st.booleans(),
    separator=st.sampled_from([GS, "<GS>", "^]", "{GS}"]),
    symbology=st.sampled_from(["", "]d2", "]C1", "]Q3"]),
)
def test_what_a_label_encodes_is_what_the_scan_reads(
    body: str, lot: str, serial: str, expiry: date, month_only: bool, separator: str, symbology: str
) -> None:
    gtin = body + str(gtin_check_digit(body))
    elements = udi_elements(gtin, lot=lot, expiry=expiry, expiry_day_unspecified=month_only, serial=serial)
    data = parse_barcode(symbology + element_string(elements, separator), today=TODAY)
    assert (data.gtin, data.lot, data.serial) == (gtin, lot, serial)
    assert data.expiry_day_unspecified is month_only
    assert data.expiry is not None and (data.expiry.year, data.expiry.month) == (expiry.year, expiry.month)
    if not month_only:
        assert data.expiry == expiry
