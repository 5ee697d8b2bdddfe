"""The site's security policy (ACC-7): the newest version, or BatchTrace's defaults before the first change."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.site_security import SiteSecurity
from persistence.tables import site_security


class SqlSiteSecurity:
    def __init__(self, session: Session) -> None:
        self.session = session

    def current(self) -> SiteSecurity:
        found = self.session.scalars(
            select(SiteSecurity).order_by(site_security.c.version.desc()).limit(1)
        ).one_or_none()
        return found or SiteSecurity.defaults()

    def add(self, version: SiteSecurity) -> None:
        self.session.add(version)
