"""GEN-6: each user's language is saved with the user, audited like any change of the user record, and comes
with the actor at log-in, on real SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from app import audit, i18n, users
from app.bootstrap import AppContext
from domain.errors import ValidationError
from domain.users import Actor, Role
from tests.app.support import CLERK_PASSWORD, add_and_activate, trail


@pytest.mark.req("GEN-6")
def test_a_chosen_language_is_saved_audited_and_comes_back_at_log_in(ctx: AppContext, admin: Actor) -> None:
    clerk = add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    assert clerk.language is None  # follows the station until chosen

    chosen = users.choose_own_language(ctx.uow(), clerk, i18n.CHINESE)
    assert chosen.language == i18n.CHINESE
    assert chosen == clerk  # the same person acting: the language is not part of who acts

    entry = trail(ctx, record_type="user", record_id="wes")[-1]
    assert entry.user_id == "wes"
    assert entry.change_map()["language"] == [None, i18n.CHINESE]
    assert entry.reason == "language of the user's sessions chosen by the user"
    assert users.log_in(ctx.uow(), ctx.auth, "wes", CLERK_PASSWORD).language == i18n.CHINESE
    assert [u.language for u in users.list_users(ctx.uow(), admin) if u.user_id == "wes"] == [i18n.CHINESE]

    users.choose_own_language(ctx.uow(), chosen, None)
    assert users.log_in(ctx.uow(), ctx.auth, "wes", CLERK_PASSWORD).language is None
    assert audit.verify_audit(ctx.uow(), admin).intact


@pytest.mark.req("GEN-6")
def test_choosing_the_same_language_again_records_nothing(ctx: AppContext, admin: Actor) -> None:
    clerk = add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    clerk = users.choose_own_language(ctx.uow(), clerk, i18n.ENGLISH)
    before = len(trail(ctx, record_type="user", record_id="wes"))
    users.choose_own_language(ctx.uow(), clerk, i18n.ENGLISH)
    assert len(trail(ctx, record_type="user", record_id="wes")) == before


@pytest.mark.req("GEN-6")
def test_a_language_batchtrace_does_not_have_is_refused_and_nothing_is_written(ctx: AppContext,
                                                                                admin: Actor) -> None:
    clerk = add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    before = len(trail(ctx))
    with pytest.raises(ValidationError, match="unknown language 'fr_FR'"):
        users.choose_own_language(ctx.uow(), clerk, "fr_FR")
    assert len(trail(ctx)) == before
