import pytest

from app import audit, users
from domain.users import SYSTEM_ACTOR


@pytest.mark.req("GEN-1", "GEN-2")
def test_first_administrator_logs_in_and_chain_is_intact(ctx, admin):
    assert admin.user_id == "admin"
    report = audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR)
    assert report.intact
    assert report.entries >= 2
    assert [u.user_id for u in users.list_users(ctx.read_uow(), admin)] == ["admin"]
