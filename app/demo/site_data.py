"""The demo site's data (`app.demo.site` records it): a small maker of sterile syringes and IV catheters.

Two levels of production: resin is moulded into barrels and plunger rods (intermediates), which are assembled
with purchased components and packaging into finished devices. Dates are days before the day of loading.
All names, addresses and supplier lot numbers are invented; GTINs use the GS1 example prefix 950600. A purchased
item's GTIN is its supplier's (what their labels carry), so scanning a supplier's label fills the receipt.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.gtin import gtin_check_digit
from domain.items import ItemType

RAW, COMP, PACK, INTER, DEVICE = (ItemType.RAW_MATERIAL, ItemType.COMPONENT, ItemType.PACKAGING,
                                  ItemType.INTERMEDIATE, ItemType.FINISHED_DEVICE)
DRY = "15-25 °C, dry, in sealed bags"
AMBIENT = "15-30 °C, dry"


def gtin(reference: int) -> str:
    """A GTIN-14 under the GS1 example company prefix, with its check digit."""
    body = f"0950600{reference:06d}"
    return body + str(gtin_check_digit(body))


@dataclass(frozen=True)
class DemoItem:
    code: str
    name: str
    item_type: ItemType
    unit: str
    shelf_life_days: int | None
    storage: str
    gtin: str | None = None


ITEMS = (
    DemoItem("RM-PC-01", "Polycarbonate resin, medical grade (ISO 10993)", RAW, "kg", 1095, DRY, gtin(901)),
    DemoItem("RM-PP-01", "Polypropylene homopolymer, medical grade", RAW, "kg", 1095, DRY),
    DemoItem("RM-MB-01", "Colour masterbatch blue, PP carrier", RAW, "kg", 730, DRY),
    DemoItem("RM-PUR-01", "Polyurethane compound, radiopaque", RAW, "kg", 730, DRY),
    DemoItem("RM-SIL-01", "Liquid silicone rubber 50 Shore A, 2-part", RAW, "kg", 365, "5-25 °C"),
    DemoItem("RM-SIL-02", "Silicone lubricant, medical grade (PDMS 12 500 cSt)", RAW, "L", 730, "15-25 °C"),
    DemoItem("RM-INK-01", "Pad-printing ink, black, medical grade", RAW, "L", 365, "15-25 °C, flammables store"),
    DemoItem("CP-CAN-22", "Cannula tubing AISI 304, 22G thin wall", COMP, "m", None, AMBIENT),
    DemoItem("CP-CAN-18", "Cannula tubing AISI 304, 18G", COMP, "m", None, AMBIENT),
    DemoItem("CP-HUB-01", "Luer-lock needle hub, PP", COMP, "pcs", 1825, AMBIENT, gtin(902)),
    DemoItem("CP-CAP-01", "Needle cap, PE", COMP, "pcs", 1825, AMBIENT),
    DemoItem("CP-STP-05", "Plunger stopper 5 mL, latex-free synthetic rubber", COMP, "pcs", 1825, AMBIENT),
    DemoItem("CP-STP-10", "Plunger stopper 10 mL, latex-free synthetic rubber", COMP, "pcs", 1825, AMBIENT),
    DemoItem("CP-VAL-01", "Catheter injection valve, silicone", COMP, "pcs", 1825, AMBIENT),
    DemoItem("CP-WNG-01", "Catheter wings with port cap, PP", COMP, "pcs", 1825, AMBIENT),
    DemoItem("PK-POU-S", "EO sterilisation pouch Tyvek/PET, 60 x 160 mm", PACK, "pcs", 1825, AMBIENT),
    DemoItem("PK-POU-L", "EO sterilisation pouch Tyvek/PET, 90 x 220 mm", PACK, "pcs", 1825, AMBIENT),
    DemoItem("PK-CTN-SYR", "Shipping carton for 100 syringes", PACK, "pcs", None, AMBIENT),
    DemoItem("PK-CTN-IVC", "Shelf box for 50 IV catheters", PACK, "pcs", None, AMBIENT),
    DemoItem("PK-IFU-SYR", "IFU leaflet, syringes (EN/DE/FR/ZH)", PACK, "pcs", None, AMBIENT),
    DemoItem("PK-IFU-IVC", "IFU leaflet, IV catheters (EN/DE/FR/ZH)", PACK, "pcs", None, AMBIENT),
    DemoItem("PK-LBL-UDI", "UDI label roll, thermal transfer, 2 000 labels", PACK, "pcs", 730, AMBIENT),
    DemoItem("IM-BRL-05", "Moulded barrel 5 mL, PC, printed scale", INTER, "pcs", 730, "15-30 °C, covered totes"),
    DemoItem("IM-BRL-10", "Moulded barrel 10 mL, PC, printed scale", INTER, "pcs", 730, "15-30 °C, covered totes"),
    DemoItem("IM-PLG-05", "Moulded plunger rod 5 mL, PP", INTER, "pcs", 730, "15-30 °C, covered totes"),
    DemoItem("IM-PLG-10", "Moulded plunger rod 10 mL, PP", INTER, "pcs", 730, "15-30 °C, covered totes"),
    DemoItem("IM-CTH-20", "Catheter tube 20G, extruded PUR, cut to length", INTER, "pcs", 365, "15-25 °C"),
    DemoItem("FD-SYR-05", "Luer-lock syringe 5 mL with needle 22G, sterile (EO)", DEVICE, "pcs", 1825, AMBIENT,
             gtin(101)),
    DemoItem("FD-SYR-10", "Luer-lock syringe 10 mL with needle 18G, sterile (EO)", DEVICE, "pcs", 1825, AMBIENT,
             gtin(102)),
    DemoItem("FD-IVC-20", "IV catheter 20G with injection valve, sterile (EO)", DEVICE, "pcs", 1825, AMBIENT,
             gtin(201)),
)

SUPPLIERS = (
    ("POLYMED", "PolyMed Kunststoffe GmbH"),
    ("SILTEC", "Siltec Élastomères SAS"),
    ("NEEDLETEC", "NeedleTec Precision Tubing Ltd"),
    ("STERIPAK", "SteriPak Medical Packaging B.V."),
    ("RHEINDRUCK", "Rheindruck Verpackung & Etiketten GmbH"),
    ("SZMOULD", "Suzhou Jinghe Precision Moulding Co., Ltd."),
)

# The approved supplier list (LOT-2): supplier -> items.
APPROVED = (
    ("POLYMED", ("RM-PC-01", "RM-PP-01", "RM-MB-01", "RM-PUR-01")),
    ("SILTEC", ("RM-SIL-01", "RM-SIL-02", "CP-STP-05", "CP-STP-10", "CP-VAL-01")),
    ("NEEDLETEC", ("CP-CAN-22", "CP-CAN-18")),
    ("STERIPAK", ("PK-POU-S", "PK-POU-L")),
    ("RHEINDRUCK", ("RM-INK-01", "PK-CTN-SYR", "PK-CTN-IVC", "PK-IFU-SYR", "PK-IFU-IVC", "PK-LBL-UDI")),
    ("SZMOULD", ("CP-HUB-01", "CP-CAP-01", "CP-WNG-01", "CP-VAL-01")),
)
# Suspended after its lot was received: the lot stays usable, new receipts are refused.
SUSPENDED = ("CP-VAL-01", "SZMOULD", "supplier audit 2026-03: valve slit out of tolerance, SCAR 26-014 open")

CUSTOMERS = (
    ("DE-KLNORD", "Klinikum Nordstadt, Zentralapotheke", "DE", "Klinikstraße 12, 44135 Dortmund"),
    ("DE-MEDLOG", "MedLog Krankenhausversorgung GmbH", "DE", "Industriepark 7, 60386 Frankfurt am Main"),
    ("FR-CHVAL", "Centre Hospitalier de la Vallée", "FR", "4 rue des Tilleuls, 69003 Lyon"),
    ("CN-HUAMEI", "Shanghai Huamei Medical Supply Co., Ltd.", "CN", "88 Zhangjiang Road, Pudong, Shanghai 201203"),
    ("US-LAKEMED", "Lakeside Medical Distribution, Inc.", "US", "2400 Commerce Drive, Columbus, OH 43219"),
)

# Master batch records: (product, title, change request, [(component, quantity per unit, tolerance %)]).
# FD-SYR-05 has two versions: v2 (less lubricant) supersedes v1.
_SYR05 = [("IM-BRL-05", "1", "2"), ("IM-PLG-05", "1", "2"), ("CP-STP-05", "1", "2"), ("CP-CAN-22", "0.04", "5"),
          ("CP-HUB-01", "1", "2"), ("CP-CAP-01", "1", "2"), ("RM-SIL-02", "0.00003", "25"),
          ("PK-POU-S", "1", "2"), ("PK-IFU-SYR", "0.01", "5"), ("PK-CTN-SYR", "0.01", "5")]
MBRS = (
    ("IM-BRL-05", "Injection moulding and pad printing, barrel 5 mL", "CR-2026-001",
     [("RM-PC-01", "0.0042", "5"), ("RM-INK-01", "0.00001", "20")]),
    ("IM-BRL-10", "Injection moulding and pad printing, barrel 10 mL", "CR-2026-002",
     [("RM-PC-01", "0.0068", "5"), ("RM-INK-01", "0.000015", "20")]),
    ("IM-PLG-05", "Injection moulding, plunger rod 5 mL", "CR-2026-003",
     [("RM-PP-01", "0.0021", "5"), ("RM-MB-01", "0.00004", "10")]),
    ("IM-PLG-10", "Injection moulding, plunger rod 10 mL", "CR-2026-004",
     [("RM-PP-01", "0.0032", "5"), ("RM-MB-01", "0.00006", "10")]),
    ("IM-CTH-20", "Extrusion and cutting, catheter tube 20G", "CR-2026-005", [("RM-PUR-01", "0.0012", "5")]),
    ("FD-SYR-05", "Assembly, siliconisation, packing and EO sterilisation, syringe 5 mL", "CR-2026-006", _SYR05),
    ("FD-SYR-05", "Assembly, siliconisation, packing and EO sterilisation, syringe 5 mL", "CR-2026-011",
     [line if line[0] != "RM-SIL-02" else ("RM-SIL-02", "0.00002", "25") for line in _SYR05]),
    ("FD-SYR-10", "Assembly, siliconisation, packing and EO sterilisation, syringe 10 mL", "CR-2026-007",
     [("IM-BRL-10", "1", "2"), ("IM-PLG-10", "1", "2"), ("CP-STP-10", "1", "2"), ("CP-CAN-18", "0.04", "5"),
      ("CP-HUB-01", "1", "2"), ("CP-CAP-01", "1", "2"), ("RM-SIL-02", "0.00003", "25"), ("PK-POU-L", "1", "2"),
      ("PK-IFU-SYR", "0.01", "5"), ("PK-CTN-SYR", "0.01", "5")]),
    ("FD-IVC-20", "Assembly, packing and EO sterilisation, IV catheter 20G", "CR-2026-008",
     [("IM-CTH-20", "1", "2"), ("CP-CAN-18", "0.05", "5"), ("CP-VAL-01", "1", "2"), ("CP-WNG-01", "1", "2"),
      ("RM-SIL-02", "0.00001", "25"), ("PK-POU-L", "1", "2"), ("PK-IFU-IVC", "0.02", "5"),
      ("PK-CTN-IVC", "0.02", "5")]),
)


@dataclass(frozen=True)
class DemoLot:
    """A receipt and what QA decided: Released, Rejected, On hold, or left in Quarantine."""

    item: str
    supplier: str
    supplier_lot: str
    quantity: str
    made_days_ago: int
    status: str = "Released"
    reason: str = "CoA reviewed, incoming inspection passed"


LOTS = (
    DemoLot("RM-PC-01", "POLYMED", "PM-PC-2603117", "125", 210),
    DemoLot("RM-PC-01", "POLYMED", "PM-PC-2606042", "125", 120),
    DemoLot("RM-PC-01", "POLYMED", "PM-PC-2610233", "125", 20, "Quarantine"),
    DemoLot("RM-PP-01", "POLYMED", "PM-PP-2604518", "60", 180),
    DemoLot("RM-PP-01", "POLYMED", "PM-PP-2607730", "60", 90),
    DemoLot("RM-MB-01", "POLYMED", "PM-MB-2602091", "5", 250),
    DemoLot("RM-PUR-01", "POLYMED", "PM-PU-2605164", "25", 150),
    DemoLot("RM-PUR-01", "POLYMED", "PM-PU-2609087", "25", 45),
    DemoLot("RM-SIL-01", "SILTEC", "ST-LSR-55210", "40", 60, "Rejected",
            "CoA viscosity 420 Pa·s, specification 300-380 Pa·s"),
    DemoLot("RM-SIL-01", "SILTEC", "ST-LSR-55874", "40", 25),
    DemoLot("RM-SIL-02", "SILTEC", "ST-PDMS-10332", "0.5", 700),
    DemoLot("RM-SIL-02", "SILTEC", "ST-PDMS-11980", "1", 120),
    DemoLot("RM-INK-01", "RHEINDRUCK", "RD-INK-26-0117", "2", 150),
    DemoLot("CP-CAN-22", "NEEDLETEC", "NT22-884120", "500", 140),
    DemoLot("CP-CAN-22", "NEEDLETEC", "NT22-886731", "500", 30, "On hold",
            "supplier notice: possible wall-thickness deviation, investigation open"),
    DemoLot("CP-CAN-18", "NEEDLETEC", "NT18-552094", "400", 150),
    DemoLot("CP-CAN-18", "NEEDLETEC", "NT18-553310", "400", 60),
    DemoLot("CP-HUB-01", "SZMOULD", "JH-HUB-260311", "10000", 160),
    DemoLot("CP-HUB-01", "SZMOULD", "JH-HUB-260702", "10000", 70),
    DemoLot("CP-CAP-01", "SZMOULD", "JH-CAP-260315", "10000", 160),
    DemoLot("CP-CAP-01", "SZMOULD", "JH-CAP-260706", "10000", 70),
    DemoLot("CP-STP-05", "SILTEC", "ST-STP5-4410", "10000", 170),
    DemoLot("CP-STP-05", "SILTEC", "ST-STP5-4522", "10000", 80),
    DemoLot("CP-STP-10", "SILTEC", "ST-STP10-2281", "6000", 160),
    DemoLot("CP-STP-10", "SILTEC", "ST-STP10-2306", "6000", 15, "Quarantine"),
    DemoLot("CP-VAL-01", "SZMOULD", "JH-VAL-260220", "6000", 200),
    DemoLot("CP-VAL-01", "SILTEC", "ST-VAL-7715", "6000", 90),
    DemoLot("CP-WNG-01", "SZMOULD", "JH-WNG-260408", "12000", 150),
    DemoLot("PK-POU-S", "STERIPAK", "SP-T60-26-0193", "6000", 200),
    DemoLot("PK-POU-S", "STERIPAK", "SP-T60-26-0241", "10000", 100),
    DemoLot("PK-POU-L", "STERIPAK", "SP-T90-26-0077", "10000", 190),
    DemoLot("PK-POU-L", "STERIPAK", "SP-T90-26-0102", "10000", 95),
    DemoLot("PK-CTN-SYR", "RHEINDRUCK", "RD-CTN-26-0412", "400", 120),
    DemoLot("PK-CTN-IVC", "RHEINDRUCK", "RD-CTN-26-0419", "400", 120),
    DemoLot("PK-IFU-SYR", "RHEINDRUCK", "RD-IFU-26-0301-C", "1000", 130),
    DemoLot("PK-IFU-IVC", "RHEINDRUCK", "RD-IFU-26-0302-B", "500", 130),
    DemoLot("PK-LBL-UDI", "RHEINDRUCK", "RD-LBL-26-0044", "20", 100),
    DemoLot("PK-LBL-UDI", "RHEINDRUCK", "RD-LBL-26-0091", "20", 40),
    DemoLot("RM-MB-01", "POLYMED", "PM-MB-2608150", "5", 60),
    DemoLot("RM-INK-01", "RHEINDRUCK", "RD-INK-26-0388", "2", 40),
)


@dataclass(frozen=True)
class DemoBatch:
    """A batch and how far it got: Planned, In production (only `partial` issued), QC testing, QA review,
    Rejected, or Released (its lots released too)."""

    key: str  # how shipments refer to its finished lots: key, key/2 for the second of a split
    product: str
    planned: str
    state: str
    produced: str = ""
    split: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()
    reason: str = ""


BATCHES = (
    DemoBatch("brl05-a", "IM-BRL-05", "20000", "Released", "19650"),
    DemoBatch("plg05-a", "IM-PLG-05", "20000", "Released", "19800"),
    DemoBatch("brl10-a", "IM-BRL-10", "8000", "Released", "7890"),
    DemoBatch("plg10-a", "IM-PLG-10", "8000", "Released", "7950"),
    DemoBatch("cth20-a", "IM-CTH-20", "12000", "Released", "11800"),
    DemoBatch("brl05-b", "IM-BRL-05", "20000", "QC testing", "19720"),
    DemoBatch("plg10-b", "IM-PLG-10", "8000", "Rejected", "7400",
              reason="flash on the plunger flange above the limit at final inspection, NCR-26-031"),
    DemoBatch("syr05-a", "FD-SYR-05", "6000", "Released", "5940"),
    DemoBatch("syr05-b", "FD-SYR-05", "6000", "Released", "5910", split=("3000", "2910")),
    DemoBatch("syr10-a", "FD-SYR-10", "5000", "Released", "4930"),
    DemoBatch("ivc20-a", "FD-IVC-20", "6000", "Released", "5880"),
    DemoBatch("syr05-c", "FD-SYR-05", "6000", "In production", partial=("IM-BRL-05", "IM-PLG-05", "CP-STP-05")),
    DemoBatch("ivc20-b", "FD-IVC-20", "4000", "QA review", "3950"),
    DemoBatch("ivc20-c", "FD-IVC-20", "500", "QA review", "495"),  # its one open deviation: app.demo.quality_site
    DemoBatch("syr10-b", "FD-SYR-10", "5000", "Planned"),
)

# (customer, [(finished lot key, quantity)])
SHIPMENTS = (
    ("DE-KLNORD", [("syr05-a", "1200")]),
    ("CN-HUAMEI", [("syr05-a", "2000")]),
    ("US-LAKEMED", [("syr05-a", "1500"), ("syr10-a", "1000")]),
    ("DE-MEDLOG", [("syr05-b", "1500")]),
    ("FR-CHVAL", [("syr05-b", "800")]),
    ("DE-KLNORD", [("syr05-b/2", "600"), ("ivc20-a", "500")]),
    ("CN-HUAMEI", [("syr05-b/2", "1000")]),
    ("FR-CHVAL", [("syr10-a", "1200")]),
    ("DE-MEDLOG", [("syr10-a", "1000"), ("ivc20-a", "1000")]),
    ("US-LAKEMED", [("ivc20-a", "1500")]),
    ("CN-HUAMEI", [("ivc20-a", "1200")]),
    ("FR-CHVAL", [("ivc20-a", "600")]),
    ("DE-KLNORD", [("syr10-a", "400")]),
    ("US-LAKEMED", [("syr05-b", "500")]),
    ("DE-MEDLOG", [("syr05-a", "800")]),
)

# The open recall: the pouches of one lot may not keep the devices sterile.
RECALL_LOT = "SP-T60-26-0241"  # supplier lot of PK-POU-S, used only by batch syr05-b
RECALL_REASON = ("SteriPak field notice SN-2026-118: seal strength below specification in retained samples "
                 f"of pouch lot {RECALL_LOT}")
RECALL_PROGRESS = (
    ("DE-MEDLOG", "Notified", "recall notice sent by e-mail and registered mail"),
    ("DE-MEDLOG", "Confirmed", "customer confirmed receipt; stock quarantined at the customer"),
    ("FR-CHVAL", "Notified", "recall notice sent by e-mail and registered mail"),
)
