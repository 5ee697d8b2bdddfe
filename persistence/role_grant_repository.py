"""Requests for signing roles (ACC-6), pending until a second person decides them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.role_grants import GrantStatus, RoleGrant
from persistence.tables import role_grants


class SqlRoleGrants:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, grant: RoleGrant) -> None:
        self.session.add(grant)

    def lock_for_update(self, grant_id: int) -> RoleGrant | None:
        return self.session.scalars(
            select(RoleGrant).where(role_grants.c.id == grant_id).with_for_update()
        ).one_or_none()

    def pending(self, user_id: str | None = None) -> Sequence[RoleGrant]:
        stmt = select(RoleGrant).where(role_grants.c.status == GrantStatus.PENDING.value).order_by(role_grants.c.id)
        if user_id is not None:
            stmt = stmt.where(role_grants.c.user_id == user_id)
        return self.session.scalars(stmt).all()
