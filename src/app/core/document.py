"""The one document model every output is made from.

Rendering a template with a draft's values gives a `Document`: the title, headings and body
paragraphs, each a sequence of runs. Literal wording is a `TextRun`; each place a field fills is
a `FieldRun` tied to its key, holding either the writer's value or, while the field is empty, the
template's original placeholder ("XX", "X"). The preview, txt, html, docx and pdf are all
generated from this structure.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from typing import NamedTuple, TypeVar

T = TypeVar("T")


class Role(StrEnum):
    """What a paragraph is in the report's layout."""

    TITLE = "title"
    HEADING = "heading"  # 一、…… (黑体)
    SUBHEADING = "subheading"  # （一）…… (楷体)
    BODY = "body"
    # The 公文 parts around the body (GB/T 9704-2012); see `app.core.gongwen`.
    SUBTITLE = "subtitle"  # ——在……上的讲话 (centred under the title)
    ADDRESSEE = "addressee"  # 主送机关: 县委、县政府： (flush left)
    HEADING3 = "heading3"  # 1.…… (仿宋, bold)
    HEADING4 = "heading4"  # （1）…… (仿宋)
    ATTACHMENT = "attachment"  # 附件：1.…… (左空二字, continuation after 附件：)
    SIGNATURE = "signature"  # 署名 (right, 右空四字)
    DATE = "date"  # 成文日期 (right, 右空四字, under the signature)
    ROW = "row"  # a row of a table (see `RowShape`)


class RunState(StrEnum):
    """Whether a field's place shows a value, the placeholder, or a value with a problem."""

    FILLED = "filled"
    EMPTY = "empty"
    INVALID = "invalid"


class TextRun(NamedTuple):
    """Wording taken from the template as it is."""

    text: str


class FieldRun(NamedTuple):
    """One place a field fills."""

    key: str
    text: str
    state: RunState
    placeholder: str
    #: Shows the value without its sign (the sign is spelled out as 增长/下降 in the wording).
    magnitude: bool = False


Run = TextRun | FieldRun


class Lead(NamedTuple):
    """A heading that opens a body paragraph ("（一）标题。正文……"): the heading level it is
    set in, and how many of the paragraph's first runs it takes."""

    role: Role
    runs: int


class Merge(StrEnum):
    """Whether a table cell is its own or part of a merged cell whose text is elsewhere."""

    NONE = ""
    LEFT = "left"  # continues the cell to its left (a column span)
    UP = "up"  # continues the cell above (a row span)


class CellShape(NamedTuple):
    """One cell of a table row: how many of the row's runs (or pieces) it holds, in order."""

    size: int
    merge: Merge = Merge.NONE


class RowShape(NamedTuple):
    """How a paragraph of role `Role.ROW` is cut into cells. Consecutive rows form one table;
    `starts` marks the first row of a table (two tables may follow each other); `header` a
    header row."""

    cells: tuple[CellShape, ...]
    header: bool = False
    starts: bool = False

    def split(self, items: tuple[T, ...]) -> list[tuple[T, ...]]:
        """`items` (the row's runs or pieces, in order) cut into its cells."""
        cells = []
        position = 0
        for cell in self.cells:
            cells.append(items[position : position + cell.size])
            position += cell.size
        return cells


class Paragraph(NamedTuple):
    """A paragraph of the report; `section` is the id of the section it belongs to ("" before
    the first section heading). A table row is a paragraph of role `Role.ROW` whose runs are
    its cells' runs one after the other, cut into cells by `row`; `lead`, in a body paragraph,
    the heading it opens with."""

    id: str
    role: Role
    section: str
    runs: tuple[Run, ...]
    row: RowShape | None = None
    lead: Lead | None = None

    def cells(self) -> list[tuple[Run, ...]]:
        """A table row's cells, each a sequence of runs ([] for any other paragraph)."""
        return [] if self.row is None else self.row.split(self.runs)

    @property
    def text(self) -> str:
        """The paragraph as plain text."""
        return "".join(run.text for run in self.runs)

    def run_roles(self) -> list[Role]:
        """The role each run is set in: the lead's heading level for the runs of a lead, the
        paragraph's own role for the others."""
        lead = self.lead.runs if self.lead is not None else 0
        return [
            self.lead.role if self.lead is not None and index < lead else self.role
            for index in range(len(self.runs))
        ]

    def field_keys(self) -> list[str]:
        """Keys of the fields in this paragraph, in order, each once."""
        seen: dict[str, None] = {}
        for run in self.runs:
            if isinstance(run, FieldRun):
                seen.setdefault(run.key, None)
        return list(seen)


class Document:
    """The rendered report. Paragraphs may be replaced one by one (see `ReportModel`)."""

    __slots__ = ("paragraphs",)

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs

    def __eq__(self, other: object) -> bool:
        return type(other) is Document and other.paragraphs == self.paragraphs

    __hash__ = None  # type: ignore[assignment]  # it changes

    def __repr__(self) -> str:
        return f"Document(paragraphs={self.paragraphs!r})"

    @property
    def title(self) -> str:
        """The title paragraph's text, or "" when the template has none."""
        for paragraph in self.paragraphs:
            if paragraph.role is Role.TITLE:
                return paragraph.text
        return ""

    def body(self) -> list[Paragraph]:
        """Every paragraph but the title."""
        return [p for p in self.paragraphs if p.role is not Role.TITLE]

    def field_order(self) -> list[str]:
        """Field keys in order of first appearance."""
        seen: dict[str, None] = {}
        for paragraph in self.paragraphs:
            for key in paragraph.field_keys():
                seen.setdefault(key, None)
        return list(seen)

    def occurrences(self) -> Counter[str]:
        """How many places each field fills."""
        counts: Counter[str] = Counter()
        for paragraph in self.paragraphs:
            for run in paragraph.runs:
                if isinstance(run, FieldRun):
                    counts[run.key] += 1
        return counts

    def field_runs(self) -> list[FieldRun]:
        """Every field place in document order."""
        return [
            run
            for paragraph in self.paragraphs
            for run in paragraph.runs
            if isinstance(run, FieldRun)
        ]
