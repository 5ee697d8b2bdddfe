"""The QC lab in the demo (issue 10): specifications for the two demo resins, a polycarbonate lot with every
result entered and reviewed (ready for QA to release), a second one already released on its results, and a
polypropylene lot whose melt flow index is out of spec, with the deviation it opened under investigation and a
CAPA from it; and a minor deviation open on the second FD-IVC-20 batch waiting in QA review, the one rule its
release evaluation fails. Recorded after the site, as the demo users, through the use cases; the lots that entered
testing before the specifications existed keep testing without one (as on a real site that introduces
specifications)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from app import batches, capa, change_control, deviations, lots, quality, signatures
from app.demo.change_site import implemented_change
from app.lots import local_today
from app.ports import UnitOfWork
from app.quality import ResultInput
from app.result_review import sign_review
from app.signatures import SigningSession
from app.users import AuthConfig
from domain.batches import BatchStatus
from domain.lots import LotStatus
from domain.quality import TestInput
from domain.users import Actor, Role

Uows = Callable[[], UnitOfWork]
SUMMARY = ("2 QC specifications, 3 lots tested (1 released, 1 out of spec with its deviation and CAPA), 1 deviation "
           "open on a batch in QA review")
ONE_RULE_PRODUCT = "FD-IVC-20"  # its batch in QA review fails its release evaluation on the open deviation alone
MARKER = "RM-PP-01"  # the step is loaded once this item has a specification

SPECS = {
    "RM-PC-01": ("Polycarbonate resin incoming inspection", [
        TestInput("MFI", "Melt flow index (300 °C / 1.2 kg)", "ISO 1133-1", "Numeric", "g/10min", "8", "12", 1,
                  replicates=2),
        TestInput("H2O", "Moisture", "Karl Fischer, SOP-QC-011", "Numeric", "%", None, "0.02", 3),
        TestInput("ID", "Identity (FTIR)", "SOP-QC-004", "Pass/fail"),
    ]),
    "RM-PP-01": ("Polypropylene incoming inspection", [
        TestInput("MFI", "Melt flow index (230 °C / 2.16 kg)", "ISO 1133-1", "Numeric", "g/10min", "10", "14", 1,
                  replicates=2),
        TestInput("ID", "Identity (FTIR)", "SOP-QC-004", "Pass/fail"),
        TestInput("APP", "Appearance", "visual, SOP-QC-002", "Text", expected_text="Natural pellets",
                  required_for_release=False),
    ]),
}


def is_loaded(tx: UnitOfWork) -> bool:
    return tx.quality.latest_spec_version(MARKER) > 0


def load(uow: Uows, auth: AuthConfig, password: str, actors: dict[Role, Actor]) -> list[str]:
    ward, qc, qa = actors[Role.WAREHOUSE], actors[Role.QC_ANALYST], actors[Role.QA_REVIEWER]
    drafts = [quality.create_spec(uow(), qc, item, title, tests) for item, (title, tests) in SPECS.items()]
    implemented_change(uow, auth, password, (qc, qa, actors[Role.QA_RELEASE]), "Incoming inspection specifications",
                       "incoming inspection of resins by specification",
                       [change_control.ItemInput("spec", d.item_code, d.version) for d in drafts])
    today = local_today_of(uow, ward)
    expires = today + timedelta(days=700)
    good, released = (lots.receive_lot(uow(), ward, lots.Receipt("RM-PC-01", "POLYMED", supplier_lot, "125", "kg",
                                                                 expires_on=expires)).lot_number
                      for supplier_lot in ("PC2611305", "PC2611302"))
    for number, mfi, moisture in ((good, ("9.8", "10.1"), "0.012"), (released, ("10.2", "10.4"), "0.009")):
        quality.enter_results(uow(), qc, "lot", number, [ResultInput("MFI", mfi, "g/10min"),
                                                         ResultInput("H2O", (moisture,), "%"),
                                                         ResultInput("ID", ("Pass",))], instrument="MFI-02")
        sign_review(uow(), auth, SigningSession(qa), "lot", number, password, user_id_typed=qa.user_id)
    for signer in (qc, qa):
        signatures.sign(uow(), auth, SigningSession(signer), "lot", released, LotStatus.RELEASED, password,
                        user_id_typed=signer.user_id, comment="incoming inspection passed")
    bad = lots.receive_lot(uow(), ward, lots.Receipt("RM-PP-01", "POLYMED", "PP2611309", "200", "kg",
                                                     expires_on=expires)).lot_number
    oos = quality.enter_results(uow(), qc, "lot", bad, [ResultInput("MFI", ("15.2", "15.6"), "g/10min"),
                                                        ResultInput("ID", ("Pass",)),
                                                        ResultInput("APP", ("Natural pellets",))],
                                instrument="MFI-02")
    number = next(r.deviation for r in oos if r.deviation)
    assert number is not None
    deviations.start_investigation(uow(), qa, number)
    deviations.record_investigation(
        uow(), qa, number, investigation="re-test of the retained sample on MFI-01 gave 15.3 g/10min",
        root_cause_category="Material", root_cause="the supplier's certificate states MFI 12; its lab used 2.16 kg "
                                                   "at 240 °C", reason="laboratory investigation LIR-2026-031")
    opened = capa.open_capa(uow(), qa, "Supplier MFI test conditions", "POLYMED to test MFI to ISO 1133-1 at "
                            "230 °C / 2.16 kg and state the conditions on each certificate", today + timedelta(days=90),
                            deviation=number)
    capa.add_action(uow(), qa, opened.number, "Corrective", "Supplier complaint to POLYMED with the re-test data",
                    qc.user_id, today + timedelta(days=14))
    waiting = max(b.batch_number for b in batches.list_batches(uow(), qa, statuses=(BatchStatus.QA_REVIEW,))
                   if b.product_code == ONE_RULE_PRODUCT)
    deviations.open_deviation(uow(), qa, f"Carton labels of batch {waiting} printed with last year's IFU revision",
                              "found at the QA review of the batch record: IFU revision C on the carton, D is "
                              "effective; the cartons are to be relabelled", "Minor", [("batch", waiting)])
    return [SUMMARY]


def local_today_of(uow: Uows, actor: Actor) -> date:
    with uow().acting_as(actor) as tx:
        return local_today(tx)
