"""The hash chain's verifier (AUD-3) on hand-built chains: every single mutation is named where it was made.

A chain is built from random content with `entry_hash`, exactly as the application writes it. One mutation
is then applied and `verify_chain` must name the mutated entry and the kind of change:
- altered: one field of an entry changed in place (its stored hash no longer matches)       -> k, altered
- removed: entries k..m taken out (not at the end of the chain)                             -> k, removed
- forged: entry k replaced by different content with a recomputed, correctly linked hash   -> k, inserted
- relinked: entry k replaced with a recomputed hash but a wrong link to its predecessor    -> k, inserted
- duplicated: a second entry numbered k put beside entry k                                  -> k, inserted
- renumbered: two neighbouring entries swap sequence numbers (the rows stay in seq order)   -> k, renumbered
- reordered: two neighbouring rows handed over out of sequence order                        -> k, removed
Removing, replacing or appending at the very end leaves a valid shorter or different chain: only the head
(`head_seq`, `head_hash`) tells, which is why the report carries it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from domain.audit import (
    GENESIS_HASH,
    SEP,
    RawEntry,
    canonical_changes,
    entry_hash,
    format_time,
    verify_chain,
)

pytestmark = pytest.mark.req("AUD-3")

# Field texts: anything but the separator of the canonical form (and lone surrogates, which cannot be UTF-8).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=SEP), max_size=12)
CONTENT = st.tuples(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1)).map(
        lambda d: format_time(d.replace(tzinfo=UTC))
    ),
    TEXT,  # user_id
    TEXT,  # user_name
    TEXT,  # record_type
    TEXT,  # record_id
    st.sampled_from(["CREATE", "UPDATE", "LOGIN", "LOGIN_FAILED", "EXPORT"]),
    st.dictionaries(TEXT, st.tuples(st.none() | TEXT, st.none() | TEXT), max_size=3).map(canonical_changes),
    st.none() | TEXT,  # reason
)
Content = tuple[str, str, str, str, str, str, str, str | None]

SEQ, PREV, HASH = 0, 9, 10
REASON = 8


def build(contents: list[Content], start_prev: str = GENESIS_HASH) -> list[RawEntry]:
    """A chain as the application writes it: times never go backwards."""
    rows: list[RawEntry] = []
    prev = start_prev
    times = sorted(content[0] for content in contents)
    for seq, (at_text, content) in enumerate(zip(times, contents, strict=True), start=1):
        row = sealed(seq, (at_text, *content[1:]), prev)  # type: ignore[arg-type]
        rows.append(row)
        prev = row[HASH]
    return rows


def sealed(seq: int, content: Content, prev: str) -> RawEntry:
    """An entry with a self-consistent hash, as a forger who knows the format would write it."""
    return (seq, *content, prev, entry_hash(seq, *content, prev), "v2", None)


def dated_as(row: RawEntry, content: Content) -> Content:
    """Forged content given the time of the entry it replaces: a forger keeps the times in order."""
    return (row[1], *content[1:])  # type: ignore[return-value]


def with_field(row: RawEntry, index: int, value: object) -> RawEntry:
    return tuple(value if i == index else v for i, v in enumerate(row))  # type: ignore[return-value]


chains = st.lists(CONTENT, min_size=2, max_size=25).map(build)


@given(chains)
def test_a_chain_written_by_the_rules_always_verifies(rows: list[RawEntry]) -> None:
    report = verify_chain(rows)
    assert report.intact
    assert (report.entries, report.head_seq, report.head_hash) == (len(rows), len(rows), rows[-1][HASH])


def test_an_empty_chain_is_intact() -> None:
    report = verify_chain([])
    assert report.intact
    assert (report.entries, report.head_seq, report.head_hash) == (0, 0, GENESIS_HASH)


# --- one mutation each; the strategy returns (mutated rows, expected seq, expected kind) ----------------


@st.composite
def altered(draw: st.DrawFn) -> tuple[list[RawEntry], int, str, int]:
    rows = draw(chains)
    k = draw(st.integers(1, len(rows)))
    index = draw(st.integers(1, HASH))  # every field but seq: content, the link, the stored hash
    old = rows[k - 1][index]
    if index in (PREV, HASH):
        new: object = draw(st.text("0123456789abcdef", min_size=64, max_size=64))
    elif index == REASON:
        new = draw(TEXT.filter(bool))  # None and "" are the same "no reason" in the canonical form
        assume((old or "") != new)
    else:
        new = draw(TEXT)
    assume(new != old)
    rows[k - 1] = with_field(rows[k - 1], index, new)
    return rows, k, "altered", k - 1


@st.composite
def removed(draw: st.DrawFn) -> tuple[list[RawEntry], int, str, int]:
    rows = draw(chains)
    k = draw(st.integers(1, len(rows) - 1))
    m = draw(st.integers(k, len(rows) - 1))  # k..m, never the last entry
    return rows[: k - 1] + rows[m:], k, "removed", k - 1


@st.composite
def forged(draw: st.DrawFn) -> tuple[list[RawEntry], int, str, int]:
    rows = draw(chains)
    k = draw(st.integers(1, len(rows) - 1))
    content = dated_as(rows[k - 1], draw(CONTENT))
    assume(content != rows[k - 1][1:PREV])
    rows[k - 1] = sealed(k, content, rows[k - 1][PREV])
    return rows, k, "inserted", k - 1


@st.composite
def relinked(draw: st.DrawFn) -> tuple[list[RawEntry], int, str, int]:
    rows = draw(chains)
    k = draw(st.integers(1, len(rows) - 1))
    content = dated_as(rows[k - 1], draw(CONTENT))
    wrong_prev = draw(st.text("0123456789abcdef", min_size=64, max_size=64))
    assume(wrong_prev != rows[k - 1][PREV])
    rows[k - 1] = sealed(k, content, wrong_prev)
    return rows, k, "inserted", k - 1


@st.composite
def duplicated(draw: st.DrawFn) -> tuple[list[RawEntry], int, str, int]:
    rows = draw(chains)
    k = draw(st.integers(1, len(rows)))
    prev = draw(st.sampled_from([rows[k - 1][PREV], GENESIS_HASH, "f" * 64]))
    extra = sealed(k, dated_as(rows[k - 1], draw(CONTENT)), prev)
    assume(extra != rows[k - 1])
    before = draw(st.booleans())  # just before or just after the genuine entry k
    rows.insert(k - 1 if before else k, extra)
    # Whichever of the two comes first and links correctly passes as entry k; the second is the one named.
    passes = not before or prev == rows[k][PREV]
    return rows, k, "inserted", k if passes else k - 1


@st.composite
def renumbered(draw: st.DrawFn) -> tuple[list[RawEntry], int, str, int]:
    rows = draw(chains)
    k = draw(st.integers(1, len(rows) - 1))
    first, second = rows[k - 1], rows[k]
    rows[k - 1], rows[k] = with_field(second, SEQ, k), with_field(first, SEQ, k + 1)
    return rows, k, "renumbered", k - 1


@st.composite
def reordered(draw: st.DrawFn) -> tuple[list[RawEntry], int, str, int]:
    rows = draw(chains)
    k = draw(st.integers(1, len(rows) - 1))
    rows[k - 1], rows[k] = rows[k], rows[k - 1]
    return rows, k, "removed", k - 1


@pytest.mark.parametrize(
    "mutation", [altered, removed, forged, relinked, duplicated, renumbered, reordered], ids=lambda m: m.__name__
)
def test_a_single_mutation_is_named_by_position_and_kind(mutation: st.SearchStrategy) -> None:  # type: ignore[type-arg]
    @settings(max_examples=100, deadline=None)
    @given(mutation())
    def check(case: tuple[list[RawEntry], int, str, int]) -> None:
        rows, seq, kind, good = case
        report = verify_chain(rows)
        assert report.problem is not None, "the mutation went unnoticed"
        assert (report.problem.seq, report.problem.kind) == (seq, kind), report.problem.message
        assert str(seq) in report.problem.message
        # The entries before the named one are vouched for: the report's head is the last good entry.
        assert (report.entries, report.head_seq) == (good, good)
        assert report.head_hash == (rows[good - 1][HASH] if good else GENESIS_HASH)

    check()


# --- the end of the chain, and examples a reviewer can read ----------------------------------------------

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def sample_chain(n: int = 5) -> list[RawEntry]:
    return build(
        [
            (format_time(T0 + timedelta(minutes=i)), "ada", "Ada Admin", "user", f"u{i}", "CREATE",
             canonical_changes({"printed_name": (None, f"User {i}")}), None)
            for i in range(1, n + 1)
        ]
    )


def test_changes_at_the_end_of_the_chain_show_only_in_its_head() -> None:
    rows = sample_chain()
    genuine = verify_chain(rows)
    truncated = verify_chain(rows[:-1])
    assert truncated.intact
    assert (truncated.head_seq, truncated.head_hash) != (genuine.head_seq, genuine.head_hash)
    replaced = [*rows[:-1], sealed(5, ("2026-03-01 09:00:00.000000", "eve", "Eve", "user", "x", "DELETE", "{}",
                                       None), rows[-1][PREV])]
    assert verify_chain(replaced).intact
    assert verify_chain(replaced).head_hash != genuine.head_hash


def test_a_wrong_link_on_the_last_entry_names_the_earlier_of_the_two_suspects() -> None:
    rows = sample_chain()
    rows[-1] = sealed(5, rows[-1][1:PREV], "e" * 64)
    problem = verify_chain(rows).problem
    assert problem is not None
    assert (problem.seq, problem.kind) == (4, "inserted")
    assert "entry 5" in problem.message


def test_a_reason_edited_in_place_is_reported_as_altered() -> None:
    rows = sample_chain()
    rows[2] = with_field(rows[2], REASON, "backdated")
    report = verify_chain(rows)
    assert report.problem is not None
    assert (report.problem.seq, report.problem.kind) == (3, "altered")
    assert report.problem.message == "entry 3 was altered: its content no longer matches its hash"


def test_hash_is_over_the_canonical_utc_text() -> None:
    """The same instant in another zone gives the same text and so the same hash; naive times are refused."""
    shanghai = timezone(timedelta(hours=8))
    assert format_time(T0.astimezone(shanghai)) == format_time(T0) == "2026-03-01 08:00:00.000000"
    with pytest.raises(ValueError, match="timezone-aware"):
        format_time(datetime(2026, 3, 1, 8, 0))
    args = (1, format_time(T0), "ada", "Ada", "user", "ada", "CREATE", "{}", None, GENESIS_HASH)
    assert entry_hash(*args) == entry_hash(*args)
    assert len(entry_hash(*args)) == 64
    assert entry_hash(*args) != entry_hash(*args[:8], "why", GENESIS_HASH)


def test_canonical_changes_are_independent_of_key_order() -> None:
    a = canonical_changes({"b": (1, 2), "a": ("x", "y")})
    b = canonical_changes({"a": ("x", "y"), "b": (1, 2)})
    assert a == b == '{"a":["x","y"],"b":[1,2]}'
    assert canonical_changes({"名": (None, "张三")}) == '{"名":[null,"张三"]}'


# --- format v2, renumbering and time (issue 9, finding 5) --------------------------------------------------


def v1_row(seq: int, content: Content, prev: str) -> RawEntry:
    return (seq, *content, prev, entry_hash(seq, *content, prev, "v1"), "v1", None)


def test_text_moved_across_a_separator_changes_the_v2_hash_but_not_the_v1_hash() -> None:
    """A reason holding U+001F let text move between the reason and the next field under v1."""
    base = (1, format_time(T0), "ada", "Ada", "lot", "L1", "UPDATE", "{}")
    v1_a = entry_hash(*base, f"why{SEP}x", "y", "v1")
    v1_b = entry_hash(*base, "why", f"x{SEP}y", "v1")
    assert v1_a == v1_b  # the ambiguity that was found
    assert entry_hash(*base, f"why{SEP}x", "y") != entry_hash(*base, "why", f"x{SEP}y")
    assert entry_hash(*base, None, GENESIS_HASH) != entry_hash(*base, "", GENESIS_HASH)


def test_old_v1_entries_still_verify_and_the_chain_continues_in_v2() -> None:
    contents = [row[1:PREV] for row in sample_chain(4)]
    rows: list[RawEntry] = []
    prev = GENESIS_HASH
    for seq, content in enumerate(contents, start=1):
        row = v1_row(seq, content, prev) if seq <= 2 else sealed(seq, content, prev)  # type: ignore[arg-type]
        rows.append(row)
        prev = row[HASH]
    assert verify_chain(rows).intact
    # A forger writing the old, ambiguous format after the switch is named.
    rows[3] = v1_row(4, contents[3], rows[2][HASH])  # type: ignore[arg-type]
    problem = verify_chain(rows).problem
    assert problem is not None
    assert (problem.seq, problem.kind) == (4, "inserted")
    assert "old format v1" in problem.message


def test_one_entry_forged_in_and_the_rest_renumbered_is_named() -> None:
    """The forger inserts a well-chained entry 3 and adds one to every later number (hashes untouched)."""
    rows = sample_chain(6)
    forged_entry = sealed(3, dated_as(rows[2], ("", "eve", "Eve", "lot", "L1", "UPDATE", "{}", "ok")),
                          rows[1][HASH])
    renumbered_rest = [with_field(row, SEQ, row[SEQ] + 1) for row in rows[2:]]
    report = verify_chain([*rows[:2], forged_entry, *renumbered_rest])
    assert report.problem is not None
    assert (report.problem.seq, report.problem.kind) == (3, "inserted")
    assert (report.entries, report.head_seq, report.head_hash) == (2, 2, rows[1][HASH])


def test_two_entries_forged_in_and_the_rest_renumbered_are_named_from_the_first() -> None:
    rows = sample_chain(6)
    first = sealed(3, dated_as(rows[2], ("", "eve", "Eve", "lot", "L1", "UPDATE", "{}", "a")), rows[1][HASH])
    second = sealed(4, dated_as(rows[2], ("", "eve", "Eve", "lot", "L1", "UPDATE", "{}", "b")), first[HASH])
    renumbered_rest = [with_field(row, SEQ, row[SEQ] + 2) for row in rows[2:]]
    problem = verify_chain([*rows[:2], first, second, *renumbered_rest]).problem
    assert problem is not None
    assert (problem.seq, problem.kind) == (3, "inserted")
    assert "entries 3..4" in problem.message


def test_an_entry_removed_and_the_rest_renumbered_is_named() -> None:
    rows = sample_chain(6)
    renumbered_rest = [with_field(row, SEQ, row[SEQ] - 1) for row in rows[3:]]
    report = verify_chain([*rows[:2], *renumbered_rest])
    assert report.problem is not None
    assert (report.problem.seq, report.problem.kind) == (3, "renumbered")
    assert "written as entry 4" in report.problem.message
    assert (report.entries, report.head_seq) == (2, 2)


def test_time_going_backwards_is_named() -> None:
    """A well-formed chain whose entry 4 is dated before entry 3 (a station clock set back, or an insert)."""
    contents = [row[1:PREV] for row in sample_chain(5)]
    contents[3] = ("2026-03-01 07:59:59.000000", *contents[3][1:])
    rows: list[RawEntry] = []
    prev = GENESIS_HASH
    for seq, content in enumerate(contents, start=1):
        rows.append(sealed(seq, content, prev))  # type: ignore[arg-type]
        prev = rows[-1][HASH]
    report = verify_chain(rows)
    assert report.problem is not None
    assert (report.problem.seq, report.problem.kind) == (4, "time")
    assert "before entry 3" in report.problem.message
    assert (report.entries, report.head_seq) == (3, 3)
