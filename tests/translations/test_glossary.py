"""GEN-6: each term of docs/i18n/glossary.md is translated the same way everywhere in the catalogue: a message
whose English holds a glossary term (as a word; placeholders, quoted values and CLI codes aside) holds the term's
Chinese. The exceptions are listed below, each with why it reads differently."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "i18n" / "glossary.md"
CATALOGUE = ROOT / "translations" / "batchtrace_zh_CN.ts"

# Other words the glossary's notes allow for a term ("reject" as an action: 拒收 a lot, 拒绝 a batch), and the
# word inside a sentence where the glossary gives the status form ("已于 … 过期" for "expired").
ALSO = {
    "rejected": ("拒收", "拒绝"), "expired": ("过期",), "backward": ("反向",), "trace forward": ("正向",),
    "release": ("放行",), "lot number": ("批号",), "supplier lot": ("供应商批号",), "on hand": ("库存",),
    "consumed": ("耗用",),
}

# (term, English source) -> why this message words the term otherwise.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("rejected", "{file}: {n} of {total} rows rejected; nothing was stored"): "a file's rows, not a lot: 被拒绝",
    ("rejected", "Why it is rejected"): "a LIMS row refused by the import",
    ("rejected", "{file}: {n} of {rows} lines rejected; nothing was stored."): "a file's lines, not a lot",
    ("rejected", "{n} lines rejected; nothing was stored."): "a file's lines, not a lot",
    ("rejected", "Grant #{id} rejected."): "a role grant turned down, not a lot",
    ("expired", "the password of '{user_id}' expired after {expiry_days} days: set a new one"): "a password",
    ("recall", "{out} is a folder: give a file name such as recall.csv"): "a file name",
    ("CAPA", "say why the deviation can be closed (e.g. the CAPA that addresses it)"):
        "the abbreviation as QA staff write it in a free-text hint",
    ("QC", "e.g. complaint CMP-2026-031: particles found in the resin lot by incoming QC of the moulder"):
        "来料检验: the moulder's incoming inspection in a free-text example",
    ("packaging", "No item can be received: create a raw material, component or packaging item first."):
        "包装物料 (a packaging item) reads better than 包装材料物料",
    ("disqualify", "Disqualify {supplier} for {item}?"): "取消…的资格 splits the verb around its object",
    ("quantity", "quantity per unit"): "单位用量, the BOM's own term",
    ("quantity", "Quantity per unit"): "单位用量, the BOM's own term",
    ("quantity", "BOM line {line_no}: quantity per unit must be greater than zero"): "单位用量, the BOM's term",
    ("quantity", "Bill of materials: quantity per unit of product, in the component's unit"): "用量 (BOM)",
    ("expiry date", "{n} lot(s) past their expiry date were blocked: {numbers}"): "已过有效期: past the date",
    ("tolerance", "{item}: {qty} {unit} per unit ±{tolerance} %"): "only the placeholder and ± carry it",
    ("lot", "SUPPLIER / LOT"): "the supplier's own lot number beside the supplier: 供应商批号",
    ("unit", "good units made"): "units as pieces made, not a unit of measure: 合格产出数量",
    ("unit", "how many units to make"): "units as pieces, not a unit of measure",
    ("label", "a label and a reason are required to add a signature"): "a signature's name (名称), not a label",
    ("backward", "direction must be forward, backward or both, not '{direction}'"): "the values typed",
    ("backward", "a scope is forward or backward, not '{direction}'"): "the values typed",
}


def glossary() -> list[tuple[str, tuple[str, ...]]]:
    """(English term, Chinese terms) from the glossary's table, longest English first ("master batch record"
    before "batch")."""
    terms: list[tuple[str, tuple[str, ...]]] = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or len(cells) < 2 or cells[0] == "English" or set(cells[0]) <= set("-"):
            continue
        english = [e.strip() for e in re.sub(r"\([^)]*\)", "", cells[0]).split("/")]
        chinese = [z.strip() for z in cells[1].split("/")]
        pairs = zip(english, ([z] for z in chinese), strict=True) if len(english) == len(chinese) else (
            (e, chinese) for e in english)
        terms += [(e, (*z, *ALSO.get(e, ()))) for e, z in pairs if e]
    return sorted(terms, key=lambda t: -len(t[0]))


def messages() -> list[tuple[str, str]]:
    found = []
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or "".join(f.text or "" for f in translation.findall("numerusform"))
        found.append((message.findtext("source") or "", text))
    return found


def english_words(source: str) -> str:
    """The source without what is not English prose: placeholders, quoted values, CLI codes (e.g. lot:R2611-0001,
    'lot, batch, result' listed as the kinds typed), option names, file names."""
    text = re.sub(r"\(e\.g\. [^)]*\)", " ", source)  # examples of what is typed
    return re.sub(r"\{[^}]*\}|%[n1-9]|'[^']*'|--[\w-]+(?: [A-Z_]+)?|\b\w+[.:]\w[\w.-]*|\S*,\S*", " ", text)


def inconsistencies() -> list[str]:
    terms = glossary()
    found = []
    for source, translation in messages():
        text = english_words(source)
        for english, chinese in terms:
            pattern = re.compile(r"(?<![\w-])" + re.escape(english) + r"(?:s|es)?(?![\w-])", re.IGNORECASE)
            if not pattern.search(text):
                continue
            text = pattern.sub(" ", text)  # a longer term, once checked, is not checked again as its words
            if not any(word in translation for word in chinese) and (english, source) not in EXCEPTIONS:
                found.append(f"{english!r} in {source!r} -> {translation!r} (glossary: {' / '.join(chinese)})")
    return found


@pytest.mark.req("GEN-6")
def test_every_glossary_term_is_translated_the_same_way_everywhere() -> None:
    problems = inconsistencies()
    assert problems == [], f"{len(problems)} messages word a glossary term otherwise:\n" + "\n".join(problems)


def test_the_glossary_is_read_and_every_exception_is_still_needed() -> None:
    terms = dict(glossary())
    assert terms["master batch record"] == ("主批记录",) and terms["lot number"][0] == "物料批号"
    sources = {source for source, _translation in messages()}
    assert [key for key in EXCEPTIONS if key[1] not in sources] == []  # no exception for a message that is gone
