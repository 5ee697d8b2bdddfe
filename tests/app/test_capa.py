"""CAPA (DEV-2): from a deviation or on its own; actions with owner and due date, each closed with evidence; the
effectiveness check; QA's signed closure; overdue actions listed and counted per owner. On both engines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app import capa, deviations
from app.signatures import SigningSession
from domain.errors import AccessDenied, AuthenticationFailed, NotFound, ValidationError
from tests.app.lots_support import PASSWORD, Site, count_rows, plain_connection, site_fixture, trail  # noqa: F401
from tests.app.signing import SITE_PASSWORD


def later(site: Site, days: int) -> date:
    return site.today() + timedelta(days=days)


def close(site: Site, number: str, password: str = SITE_PASSWORD, signer: str = "qa") -> capa.CapaView:
    actor = site.qa if signer == "qa" else site.qc
    return capa.close_capa(site.ctx.uow(), site.ctx.auth, SigningSession(actor), number, password,
                           user_id_typed=actor.user_id, comment="actions verified on the line")


@pytest.mark.req("DEV-2", "SIG-1", "AUD-1")
def test_a_capa_from_a_deviation_through_its_actions_and_effectiveness_to_its_signed_closure(site: Site) -> None:
    u = site.ctx.uow
    dev = deviations.open_deviation(u(), site.production, "Seal leak", "pouch seals leaked", "Major")
    opened = capa.open_capa(u(), site.qa, "Pouch sealer drift", "seal temperature drifted after maintenance",
                            later(site, 60), deviation=dev.number)
    assert opened.number.startswith("CAPA") and opened.deviation == dev.number and opened.status == "Open"
    assert opened.stage == "no action planned"
    number = opened.number
    capa.add_action(u(), site.qa, number, "Corrective", "recalibrate the sealer", "pat", later(site, 7))
    view = capa.add_action(u(), site.qa, number, "Preventive", "add the sealer to the PM plan", "cleo",
                           later(site, 14))
    assert [(a.action_no, a.kind, a.owner) for a in view.actions] == [(1, "Corrective", "pat"), (2, "Preventive",
                                                                                                "cleo")]
    assert view.stage == "2 of 2 actions open"

    with pytest.raises(AccessDenied, match="is pat's to close"):
        capa.close_action(u(), site.qc, number, 1, "done")
    with pytest.raises(ValidationError, match="evidence"):
        capa.close_action(u(), site.production, number, 1, "   ")
    with pytest.raises(ValidationError, match="once every action is closed"):
        capa.record_effectiveness(u(), site.qa, number, True, "no leaks")
    capa.close_action(u(), site.production, number, 1, "calibration certificate CAL-26-77")
    with pytest.raises(ValidationError, match="actions still open: 2"):
        close(site, number)
    view = capa.close_action(u(), site.qa, number, 2, "PM plan rev. 4 approved")  # QA may close any action
    assert view.stage == f"effectiveness check due {later(site, 60)}"
    capa.record_effectiveness(u(), site.qa, number, False, "one leak in 500 pouches")
    with pytest.raises(ValidationError, match="not found it effective"):
        close(site, number)
    capa.record_effectiveness(u(), site.qa, number, True, "no leak in 3 lots of 2,000 pouches")

    with pytest.raises(AuthenticationFailed):
        close(site, number, password="wrong-password-1")
    with pytest.raises(AccessDenied):
        close(site, number, signer="qc")
    assert capa.get_capa(site.ctx.read_uow(), site.qa, number).status == "Open"
    done = close(site, number)
    assert (done.status, done.closed_by) == ("Closed", "Quinn Reviewer (quinn)") and done.stage == "closed"
    with pytest.raises(ValidationError, match="is closed"):
        capa.add_action(u(), site.qa, number, "Corrective", "one more", "pat", later(site, 3))

    with plain_connection(site.db_url) as c:
        signed = c.exec_driver_sql("SELECT record_type, user_id, requirement FROM signatures "
                                   f"WHERE record_id = '{number}'").all()
    assert [tuple(r) for r in signed] == [("capa", "quinn", "qa_closure")]
    actions = {e.action for e in trail(site, record_type="capa", record_id=number)}
    assert {"CREATE", "UPDATE", "SIGN"} <= actions
    evidence = [e.change_map()["evidence"] for e in trail(site, record_type="capa_action")
                if e.change_map().get("evidence", [None, None])[1]]
    assert evidence == [[None, "calibration certificate CAL-26-77"], [None, "PM plan rev. 4 approved"]]
    assert [c.number for c in capa.list_capas(site.ctx.read_uow(), site.qa, deviation=dev.number)] == [number]


@pytest.mark.req("DEV-2")
def test_overdue_actions_are_listed_and_counted_for_their_owner(site: Site, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    u = site.ctx.uow
    number = capa.open_capa(u(), site.qa, "Label mix-up", "wrong label version at line 2", later(site, 30)).number
    capa.add_action(u(), site.qa, number, "Corrective", "purge old labels", "wes", later(site, 2))
    capa.add_action(u(), site.qa, number, "Preventive", "label version check at line clearance", "pat",
                    later(site, 10))
    assert capa.overdue_actions(site.ctx.read_uow(), site.qa) == []

    real = capa.local_today
    monkeypatch.setattr(capa, "local_today", lambda tx: real(tx) + timedelta(days=12))
    overdue = capa.overdue_actions(site.ctx.read_uow(), site.qa)
    assert [(o.capa, o.action_no, o.owner, o.days_overdue) for o in overdue] == [(number, 1, "wes", 10),
                                                                                 (number, 2, "pat", 2)]
    assert len(capa.overdue_actions(site.ctx.read_uow(), site.warehouse, owner="wes")) == 1
    capa.close_action(u(), site.warehouse, number, 1, "old labels destroyed, record DR-4")
    assert [o.owner for o in capa.overdue_actions(site.ctx.read_uow(), site.qa)] == ["pat"]
    assert capa.get_capa(site.ctx.read_uow(), site.qa, number).actions[1].overdue

    monkeypatch.setattr(capa, "local_today", lambda tx: real(tx) + timedelta(days=31))
    assert capa.get_capa(site.ctx.read_uow(), site.qa, number).effectiveness_overdue


@pytest.mark.req("DEV-2", "ACC-4")
def test_bad_input_gives_one_clear_message_and_stores_nothing(site: Site) -> None:
    u = site.ctx.uow
    before = count_rows(site.db_url, "capas")
    with pytest.raises(ValidationError, match="due later"):
        capa.open_capa(u(), site.qa, "T", "d", site.today())
    with pytest.raises(NotFound, match="no deviation DEV-NOPE"):
        capa.open_capa(u(), site.qa, "T", "d", later(site, 5), deviation="DEV-NOPE")
    with pytest.raises(ValidationError, match="title"):
        capa.open_capa(u(), site.qa, "  ", "d", later(site, 5))
    with pytest.raises(AccessDenied):
        capa.open_capa(u(), site.production, "T", "d", later(site, 5))
    assert count_rows(site.db_url, "capas") == before
    number = capa.open_capa(u(), site.qa, "T", "d", later(site, 5)).number
    with pytest.raises(NotFound, match="no active user ghost"):
        capa.add_action(u(), site.qa, number, "Corrective", "x", "ghost", later(site, 1))
    with pytest.raises(ValidationError, match="in the past"):
        capa.add_action(u(), site.qa, number, "Corrective", "x", "pat", site.today() - timedelta(days=1))
    with pytest.raises(ValidationError, match="Corrective or Preventive"):
        capa.add_action(u(), site.qa, number, "Curative", "x", "pat", later(site, 1))
    with pytest.raises(ValidationError, match="cannot close: actions still open: none planned"):
        close(site, number)
    assert count_rows(site.db_url, "capa_actions") == 0
    with pytest.raises(NotFound):
        capa.get_capa(site.ctx.read_uow(), site.qa, "CAPA1999-0001")
