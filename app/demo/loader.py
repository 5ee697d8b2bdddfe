"""Demo data for trying BatchTrace out or training (`batchtrace demo`): idempotent, audited, never on top of
someone's work without an administrator's say-so.

Demo users, one per role; all have the password ``Demo-pass-2026`` and need not change it:

    admin  Demo Administrator   Administrator
    ward   Demo Warehouse       Warehouse
    prod   Demo Production      Production
    qc     Demo QC Analyst      QC Analyst
    qa     Demo QA Reviewer     QA Reviewer
    rel    Demo QA Release      QA Release

The data comes in steps (`DEMO_STEPS`), run in order; each step creates only what it does not find, so loading
twice creates nothing new. After the users, `DemoSite` records a small medical-device site (`app.demo.site`):
items, suppliers, customers, master batch records, received lots, batches, shipments and an open recall,
through the same use cases as the desktop app, each as the demo user whose role does it. Nothing of it is
written where its codes are taken or a demo user ID belongs to someone else; a load that stopped part-way is
refused the next time (its codes are taken), never silently completed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from app import users
from app.demo import change_site as demo_changes
from app.demo import quality_site as demo_quality
from app.demo import site as demo_site
from app.ports import PasswordHasher, UnitOfWork
from app.users import AuthConfig
from domain.errors import AccessDenied, ValidationError
from domain.i18n import _
from domain.users import SYSTEM_USER_ID, Actor, Permission, Role, User, UserId

DEMO_PASSWORD = "Demo-pass-2026"
# On a database without users nobody can log in yet: the loader itself is the audited actor.
DEMO_ACTOR = Actor(SYSTEM_USER_ID, "BatchTrace demo data")
DEMO_REASON = "demo data"


@dataclass(frozen=True)
class DemoRun:
    """What a step needs to write: fresh units of work, the password rules, and who is loading the demo."""

    uow: Callable[[], UnitOfWork]
    auth: AuthConfig
    loader: Actor


class DemoStep(Protocol):
    """One kind of demo data. `missing` only reads. `check` refuses, before any step writes, what this step
    could not load. `create` adds what `missing` reports in its own audited transaction(s), and says what."""

    name: str

    def missing(self, tx: UnitOfWork) -> list[str]: ...
    def check(self, tx: UnitOfWork) -> None: ...
    def create(self, run: DemoRun) -> list[str]: ...


@dataclass(frozen=True)
class DemoUser:
    user_id: str
    printed_name: str
    role: Role


DEMO_USERS = (
    DemoUser("admin", "Demo Administrator", Role.ADMINISTRATOR),
    DemoUser("ward", "Demo Warehouse", Role.WAREHOUSE),
    DemoUser("prod", "Demo Production", Role.PRODUCTION),
    DemoUser("qc", "Demo QC Analyst", Role.QC_ANALYST),
    DemoUser("qa", "Demo QA Reviewer", Role.QA_REVIEWER),
    DemoUser("rel", "Demo QA Release", Role.QA_RELEASE),
)


class DemoUsers:
    name = "users"

    def missing(self, tx: UnitOfWork) -> list[str]:
        return [f"user {u.user_id} ({u.role.value})" for u in DEMO_USERS if tx.users.get(u.user_id) is None]

    def check(self, tx: UnitOfWork) -> None:
        pass  # an ID that exists is left alone (ACC-1)

    def create(self, run: DemoRun) -> list[str]:
        created = []
        with run.uow().acting_as(run.loader) as tx:
            for demo in DEMO_USERS:
                if tx.users.get(demo.user_id) is not None:
                    continue  # an ID is never reused (ACC-1), even when it belongs to a real person
                user = User(UserId(demo.user_id), demo.printed_name, frozenset({demo.role}),
                            run.auth.hasher.hash(DEMO_PASSWORD), tx.now(), must_change_password=False)
                tx.users.add(user)
                created.append(f"user {demo.user_id} ({demo.role.value})")
            if created:
                tx.commit(reason=DEMO_REASON)
        return created


class DemoSite:
    """The demo medical-device site, recorded as the demo users (see `app.demo.site`)."""

    name = "site"

    def missing(self, tx: UnitOfWork) -> list[str]:
        return [] if demo_site.is_loaded(tx) else [demo_site.SUMMARY]

    def check(self, tx: UnitOfWork) -> None:
        if demo_site.is_loaded(tx):
            return
        for demo in DEMO_USERS:
            user = tx.users.get(demo.user_id)
            if user is None:
                continue  # the users step creates it
            if user.printed_name != demo.printed_name or demo.role not in user.roles:
                raise ValidationError(
                    _("user {user_id} is {printed_name}, not the demo account: the demo site is recorded as the demo "
                      "users, so it is loaded only where their IDs are free or theirs; nothing loaded",
                      user_id=demo.user_id, printed_name=user.printed_name)
                )
            if not user.active or user.locked:
                raise ValidationError(_("demo user {user_id} is {value}: the demo site is recorded as the demo "
                                        "users; nothing loaded",
                                        user_id=demo.user_id, value='locked' if user.active else 'deactivated'))
        demo_site.check_free(tx)

    def create(self, run: DemoRun) -> list[str]:
        with run.uow().acting_as(run.loader) as tx:
            if demo_site.is_loaded(tx):
                return []
        # Each demo user logs in with the demo password, like a person would, so the trail shows who did what,
        # and signs as themselves; their password is checked at its real cost once, not at every signature.
        auth = AuthConfig(_CheckedOnce(run.auth.hasher))
        actors = {demo.role: users.log_in(run.uow(), auth, demo.user_id, DEMO_PASSWORD) for demo in DEMO_USERS}
        return demo_site.load(run.uow, auth, DEMO_PASSWORD, actors)


class DemoQuality:
    """The QC lab on the demo site: specifications, a tested lot, an out-of-spec one with its deviation and CAPA
    (`app.demo.quality_site`). After the site: its lots and users are there."""

    name = "quality"

    def missing(self, tx: UnitOfWork) -> list[str]:
        return [] if demo_quality.is_loaded(tx) else [demo_quality.SUMMARY]

    def check(self, tx: UnitOfWork) -> None:
        if not demo_quality.is_loaded(tx) and tx.quality.latest_spec_version("RM-PC-01") > 0:
            raise ValidationError(_("item RM-PC-01 has a specification that is not the demo's: the QC demo data "
                                    "is loaded only where the demo site is; nothing loaded"))

    def create(self, run: DemoRun) -> list[str]:
        with run.uow().acting_as(run.loader) as tx:
            if demo_quality.is_loaded(tx) or not demo_site.is_loaded(tx):
                return []
        auth = AuthConfig(_CheckedOnce(run.auth.hasher))
        actors = {demo.role: users.log_in(run.uow(), auth, demo.user_id, DEMO_PASSWORD) for demo in DEMO_USERS}
        return demo_quality.load(run.uow, auth, DEMO_PASSWORD, actors)


class _CheckedOnce:
    """The password hasher for one demo load: a (hash, password) pair that passed is not checked again, so
    about a hundred demo signatures cost six argon2 checks (ACC-2 keeps the real cost for the stored hashes)."""

    def __init__(self, hasher: PasswordHasher) -> None:
        self._hasher = hasher
        self._passed: set[tuple[str, str]] = set()

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        if (stored_hash, password) in self._passed:
            return True
        if not self._hasher.verify(stored_hash, password):
            return False
        self._passed.add((stored_hash, password))
        return True


class DemoChanges:
    """Change control on the demo site (`app.demo.change_site`): one implemented change of a master batch record's
    parameter limit, one waiting for its second approval. After the site: its batches keep the earlier version."""

    name = "changes"

    def missing(self, tx: UnitOfWork) -> list[str]:
        return [] if demo_changes.is_loaded(tx) else [demo_changes.SUMMARY]

    def check(self, tx: UnitOfWork) -> None:
        return None  # its records are the demo site's own

    def create(self, run: DemoRun) -> list[str]:
        with run.uow().acting_as(run.loader) as tx:
            if demo_changes.is_loaded(tx) or not demo_site.is_loaded(tx):
                return []
        auth = AuthConfig(_CheckedOnce(run.auth.hasher))
        actors = {demo.role: users.log_in(run.uow(), auth, demo.user_id, DEMO_PASSWORD) for demo in DEMO_USERS}
        return demo_changes.load(run.uow, auth, DEMO_PASSWORD, actors)


DEMO_STEPS: tuple[DemoStep, ...] = (DemoUsers(), DemoSite(), DemoQuality(), DemoChanges())


@dataclass(frozen=True)
class DemoPlan:
    has_users: bool
    missing: tuple[str, ...]


@dataclass(frozen=True)
class DemoResult:
    created: tuple[str, ...]


def demo_plan(uow: UnitOfWork, steps: Sequence[DemoStep] = DEMO_STEPS) -> DemoPlan:
    """What loading the demo would add; reads only, so anyone may ask."""
    with uow.acting_as(DEMO_ACTOR) as tx:
        return DemoPlan(tx.users.any_exist(), tuple(item for step in steps for item in step.missing(tx)))


def load_demo_data(
    uow: Callable[[], UnitOfWork], auth: AuthConfig, actor: Actor | None = None,
    steps: Sequence[DemoStep] = DEMO_STEPS,
) -> DemoResult:
    """Add the demo data that is missing. Without an actor only on a database with no users (a fresh
    station); with one, the actor needs LOAD_DEMO_DATA (ACC-4). Every step is checked before any writes."""
    loader = actor or DEMO_ACTOR
    with uow().acting_as(loader) as tx:
        if actor is None:
            if tx.users.any_exist():
                raise AccessDenied(
                    _("the database already has users: an administrator must log in to load demo data"),
                    permission=Permission.LOAD_DEMO_DATA.name, user_id=DEMO_ACTOR.user_id,
                )
        else:
            actor.require(Permission.LOAD_DEMO_DATA)
        for step in steps:
            step.check(tx)
    run = DemoRun(uow, auth, loader)
    return DemoResult(tuple(item for step in steps for item in step.create(run)))
