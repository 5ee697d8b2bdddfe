"""The quality part of a batch record and a certificate (DOC-1 with QC-1..QC-4, DEV-1): the QC results against
the specification version that applied, the deviations touching the record with their state, the release
evaluation (each rule, pass or fail, with its evidence) and the release decision with its signatures."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime

from app.capa import capa_views_in
from app.deviations import DeviationView
from app.documents.frame import signature_table
from app.documents.words import Words
from app.ports import UnitOfWork
from app.release import evaluate_in, subject_of, touched
from app.signatures import SignatureView, signature_views
from domain.documents import Fields, Paragraph, Section, Table
from domain.quality import QcPlan, QcResult, Specification, SpecTest
from domain.release_rules import RuleResult, ordered

Names = Callable[[str], str]
_DECISIONS = ("Released", "Rejected")  # the statuses a release decision signs


def quality_sections(tx: UnitOfWork, w: Words, record_type: str, record_id: str, names: Names) -> list[Section]:
    """QC results, deviations, release evaluation and decision of a lot or batch, in that order."""
    subject = subject_of(tx, record_id)
    return [qc_results_section(tx, w, tx.quality.plan(record_type, record_id), names),
            deviations_section(tx, w, touched(tx, subject)),
            _evaluation(tx, w, record_type, record_id, subject.status),
            _decision(tx, w, record_type, record_id, subject.status)]


def spec_label(spec: Specification | None, w: Words) -> str:
    return f"{spec.label}: {spec.title}" if spec else w("none")


def qc_results_section(tx: UnitOfWork, w: Words, plan: QcPlan | None, names: Names) -> Section:
    """Each test's latest result (a correction replaces it; the old value is in the audit excerpt) against the
    limits of the specification version the plan recorded; out-of-spec rows in red."""
    if plan is None or plan.id is None:
        return Section(w("qc_results"), (Paragraph(w("qc_not_recorded")),))
    spec = tx.quality.spec(plan.spec_id) if plan.spec_id is not None else None
    if spec is None:  # nothing to test: the worklist's "open" says nothing to a reader
        return Section(w("qc_results"), (Paragraph(w("qc_no_spec", item=plan.item_code)),))
    tests = {t.code: t for t in spec.tests}
    results = tx.quality.results([plan.id])[plan.id]
    rows = tuple(_result_row(w, r, tests.get(r.test_code), names) for r in results)
    tested_as = f"{w.get(f'kind_{plan.record_type}', plan.record_type)} {plan.record_id}"
    fields = Fields(((w("spec_version"), spec_label(spec, w)), (w("qc_record"), tested_as),
                     (w("status"), w(f"plan:{plan.status.value}"))))
    if not rows:
        return Section(w("qc_results"), (fields, Paragraph(w("qc_no_result"))))
    table = Table((w("test"), w("spec_limit"), w("replicates"), w("reported"), w("verdict"), w("analyst"),
                   w("reviewed_by")), rows, failed=frozenset(n for n, r in enumerate(results) if not r.within_spec),
                  widths=(19, 13, 14, 11, 11, 18, 18))
    return Section(w("qc_results"), (fields, table))


def _result_row(w: Words, r: QcResult, test: SpecTest | None, names: Names) -> tuple[str, ...]:
    what = f"{r.test_code} {test.name}\n{test.method}" if test else r.test_code
    reviewed = f"{names(r.reviewed_by)}\n{w.time(r.reviewed_at)}" if r.reviewed_by else w("not_reviewed")
    # w.term: a pass/fail test's limit and result ("Pass") in the document's language
    return (what, w.term(test.limits()) if test else "", w.term(r.replicates), w.term(f"{r.reported} {r.unit}".strip()),
            w("within_spec") if r.within_spec else w("oos"), f"{names(r.analyst)}\n{w.time(r.entered_at)}",
            reviewed)


def deviations_section(tx: UnitOfWork, w: Words, refs: Sequence[tuple[str, str]]) -> Section:
    """Every deviation linked to the records (a batch and the lots it made) with its state and its CAPA's,
    open ones highlighted (DEV-1, DEV-2)."""
    found = tx.quality.linked_to(list(refs))
    links = tx.quality.links([d.id for d in found if d.id is not None])
    views = [DeviationView.of(d, links[d.id]) for d in found if d.id is not None]
    if not views:
        return Section(w("deviations"), (Paragraph(w("no_deviations")),))
    rows = tuple((d.number, d.title, w.term(d.classification), f"{w.status(d.status)}\n{w.time(d.closed_at)}".strip(),
                  " – ".join(p for p in (w.term(d.root_cause_category or ""), d.root_cause) if p),
                  d.disposition or "", _capa_state(tx, w, d.number)) for d in views)
    table = Table((w("deviation"), w("title"), w("classification"), w("status"), w("root_cause"), w("disposition"),
                   w("capa")), rows, frozenset(n for n, d in enumerate(views) if d.is_open),
                  widths=(15, 18, 12, 15, 15, 13, 15))
    return Section(w("deviations"), (Paragraph(w("deviations_note")), table))


def _capa_state(tx: UnitOfWork, w: Words, deviation: str) -> str:
    """"CAPA2026-0001: Open, 1 of 2 actions open" per CAPA of the deviation, or "none"."""
    lines = []
    for c in capa_views_in(tx, deviation=deviation):
        left = sum(1 for a in c.actions if a.done_at is None)
        state = w.status(c.status) + (f", {w('capa_actions_open', open=left, total=len(c.actions))}" if left else "")
        lines.append(f"{c.number}: {state}")
    return "\n".join(lines) or w("none")


def _evaluation(tx: UnitOfWork, w: Words, record_type: str, number: str, status: str) -> Section:
    """The release rules failed first, each with the evidence it rests on (quoted as the rules state it and as
    the signatures bind it). Once released, the evaluation the release signatures bound (QC-4); before, the
    rules as they evaluate at generation."""
    bound = _bound(tx, record_type, number) if status == "Released" else None
    if bound is not None:
        at, results = bound
        note = w("evaluation_bound", at=w.time(at))
    else:
        evaluation = evaluate_in(tx, subject_of(tx, number))
        results = evaluation.results
        note = w("evaluation_note", at=w.time(evaluation.at))
    results = ordered(results)
    rows = tuple((w.get(f"rule:{r.key}", r.title), w("passed") if r.passed else w("failed"), "\n".join(r.evidence))
                 for r in results)
    failed = frozenset(n for n, r in enumerate(results) if not r.passed)
    verdict = w("not_releasable") if failed else w("releasable")
    return Section(w("release_evaluation"), (
        Paragraph(note), Paragraph(verdict, emphasis=True),
        Table((w("rule"), w("verdict"), w("evidence")), rows, failed=failed, widths=(30, 10, 60)),
    ))


def _bound(tx: UnitOfWork, record_type: str, number: str) -> tuple[datetime, tuple[RuleResult, ...]] | None:
    """The evaluation kept with the latest signature toward the release, and when it was signed."""
    kept = [s for s in tx.signatures.for_records(record_type, [number])[number]
            if s.evaluation and s.purpose.endswith("->Released")]
    if not kept:
        return None
    content = json.loads(kept[-1].evaluation or "{}")
    return kept[-1].at, tuple(RuleResult(str(r["rule"]), str(r["rule"]), bool(r["passed"]),
                                         tuple(str(e) for e in r["evidence"])) for r in content.get("rules", ()))


def _decision(tx: UnitOfWork, w: Words, record_type: str, record_id: str, status: str) -> Section:
    """The signed QA decision (QC-4): the status it set and every signature toward it, with the comment each
    signer gave (the justification where the evaluation was overridden)."""
    views = [v for v in signature_views(tx, record_type, record_id) if _decides(v)]
    if status not in _DECISIONS:
        return Section(w("decision"), (Paragraph(w("no_decision", status=w.status(status))),))
    comments = tuple((f"{v.printed_name} ({v.user_id})", v.comment) for v in views if v.comment)
    blocks: list[Paragraph | Fields | Table] = [
        Paragraph(w("decision_value", status=w.status(status)), emphasis=True), signature_table(w, views)]
    if comments:
        blocks.append(Fields(tuple((f"{w('comment')}: {who}", text or "") for who, text in comments)))
    return Section(w("decision"), tuple(blocks))


def _decides(view: SignatureView) -> bool:
    return view.purpose.rsplit("->", 1)[-1] in _DECISIONS
