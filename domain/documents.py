"""The read-side model of a controlled document (DOC-1, DOC-2): a title, identity fields and sections of
paragraphs, field lists, tables and images, with every word already in the document's language.

Builders in `app/documents/` fill it from the database; renderers in `reports/` turn the same model into DOCX
and PDF, so both formats say exactly the same. The content checksum is computed here, over a canonical text
of everything the document shows except the checksum line itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from domain.i18n import _


class DocumentKind(Enum):
    BATCH_RECORD = "batch"
    RECALL_REPORT = "recall"
    DEVIATION_REPORT = "deviation"
    AUDIT_REPORT = "audit"
    CERTIFICATE = "coa"
    IQ_REPORT = "iq"  # installation qualification (VAL-2)
    OQ_REPORT = "oq"  # operational qualification with the traceability matrix (VAL-1)
    VERSION_COMPARE = "compare"  # two versions of a master batch record or specification side by side (CHG-2)

    @property
    def prefix(self) -> str:
        """The start of the document number: BR-B2611-0003-R2."""
        return {"batch": "BR", "recall": "RR", "deviation": "DR", "audit": "AR", "coa": "COA", "iq": "IQ",
                "oq": "OQ", "compare": "VC"}[self.value]


class DocumentFormat(Enum):
    DOCX = "docx"
    PDF = "pdf"
    PAPER = "paper"  # printed from the desktop; the register keeps its content SHA-256

    @classmethod
    def of_path(cls, name: str) -> DocumentFormat:
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        for f in (cls.DOCX, cls.PDF):
            if f.value == suffix:
                return f
        raise ValueError(suffix)


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False  # printed bold: a warning or a conclusion
    preformatted: bool = False  # program output (a test failure): fixed-width, line breaks and spaces kept


@dataclass(frozen=True)
class Fields:
    """Label/value pairs, printed as a two-column table."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    flagged: frozenset[int] = frozenset()  # row indexes shown highlighted (excursions, invalid signatures)
    failed: frozenset[int] = frozenset()  # row indexes shown in red (a failed test, a requirement not verified)
    added: frozenset[int] = frozenset()  # row indexes shown in green (a line a newer version added)
    widths: tuple[int, ...] = ()  # relative column widths; equal when empty

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(_("a row of {count} cells in a table of {count2} columns",
                                   count=len(row), count2=len(self.columns)))


@dataclass(frozen=True)
class Image:
    png: bytes
    caption: str
    width_mm: float = 160.0


@dataclass(frozen=True)
class Chart:
    """A trend with its limits (PRC-5), drawn by each renderer: points are (UTC time, value), oldest first."""

    title: str
    unit: str
    points: tuple[tuple[datetime, float], ...]
    lower: float | None = None
    upper: float | None = None


Block = Paragraph | Fields | Table | Image | Chart


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class PageWords:
    """The words the renderers put on every page, in the document's language."""

    page: str  # "Page {page} of {pages}" / "第 {page} 页，共 {pages} 页"
    checksum: str  # "Content SHA-256"
    copy: str  # "CONTROLLED COPY" or "UNCONTROLLED COPY"


@dataclass(frozen=True)
class Document:
    kind: DocumentKind
    number: str  # the document number in the register: BR-B2611-0003-R2
    language: str  # "en" or "zh"
    title: str
    running_header: str  # top of every page: what, which record, which document
    identity: Fields  # document number, revision, generated at/by, copy status, audit anchor
    sections: tuple[Section, ...]
    words: PageWords
    font_family: str = "Arial"
    east_asian_font: str = "SimSun"
    meta: dict[str, str] = field(default_factory=dict, compare=False)  # subject number etc., for the register

    @property
    def content_sha256(self) -> str:
        return content_digest(self)


def canonical_text(doc: Document) -> str:
    """One line per thing the document shows, in order: what the checksum is computed over."""
    lines = [doc.kind.value, doc.number, doc.language, doc.title, doc.running_header, doc.words.copy]
    lines += [f"{k}\t{v}" for k, v in doc.identity.rows]
    for section in doc.sections:
        lines.append(f"# {section.title}")
        for block in section.blocks:
            lines += _block_lines(block)
    return "\n".join(lines)


def _block_lines(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [("! " if block.emphasis else "") + block.text]
    if isinstance(block, Fields):
        return [f"{k}\t{v}" for k, v in block.rows]
    if isinstance(block, Table):
        rows = ["\t".join(block.columns)]
        rows += [("!! " if i in block.failed else "! " if i in block.flagged else "+ " if i in block.added else "")
                 + "\t".join(r)
                 for i, r in enumerate(block.rows)]
        return rows
    if isinstance(block, Chart):
        points = hashlib.sha256(repr(block.points).encode()).hexdigest()
        return [f"[chart {block.title} {block.unit} {block.lower} {block.upper} {len(block.points)} {points}]"]
    return [f"[image {hashlib.sha256(block.png).hexdigest()}] {block.caption}"]


def content_digest(doc: Document) -> str:
    return hashlib.sha256(canonical_text(doc).encode("utf-8")).hexdigest()


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class IssuedDocument:
    """One entry of the register of issued documents: never changed or deleted (the database refuses both)."""

    id: int | None
    number: str  # BR-B2611-0003-R2
    kind: str
    subject: str  # the batch, recall, deviation or lot number; for the audit report its scope
    revision: int  # 1, 2, ... per kind and subject
    file_format: str
    language: str
    controlled: bool
    generated_at: datetime  # UTC, the store's clock
    user_id: str
    user_name: str
    content_sha256: str
    file_sha256: str
    file_name: str
    audit_seq: int  # the audit chain's head when the document was generated (its anchor)
    audit_hash: str

    def __init__(self, doc: Document, revision: int, file_format: DocumentFormat, controlled: bool,
                 generated_at: datetime, user_id: str, user_name: str, file_sha256: str, file_name: str,
                 audit_seq: int, audit_hash: str) -> None:
        self.id = None
        self.number = doc.number
        self.kind = doc.kind.value
        self.subject = doc.meta.get("subject", "")
        self.revision = revision
        self.file_format = file_format.value
        self.language = doc.language
        self.controlled = controlled
        self.generated_at = generated_at
        self.user_id = user_id
        self.user_name = user_name
        self.content_sha256 = doc.content_sha256
        self.file_sha256 = file_sha256
        self.file_name = file_name
        self.audit_seq = audit_seq
        self.audit_hash = audit_hash
