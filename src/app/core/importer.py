"""Importing a writer's own 范文 (.txt or .docx) as a template.

`plan_import(path)` reads the file (UTF-8 or GB18030 text, detected; or a Word document) and
proposes a template: one field per placeholder (`app.core.placeholders` finds them and guesses
their kinds), one field for an entity that recurs (the same ××县 in five places), a label from
the words around each one, sections from the headings (一、 starts a section, （一） is a
sub-heading, 一是 stays in its paragraph). The proposal is an `ImportPlan`: the app shows it and
the writer adjusts it (labels, kinds, splitting a merged entity) through its `TemplateEditor`
before `save()` writes the template folder into the user's templates.

Every character of the source other than the placeholders is kept: an empty report made from
the template reads exactly as the source did (indentation and blank lines are layout, as
everywhere in Fanwen), and each field keeps the placeholder it had in each place. Jinja syntax in
the source (``{{``, ``{%``) is escaped in the body so it comes out literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.core import paths
from app.core.body import FieldCall, has_reserved
from app.core.body_write import body_line
from app.core.document import Merge, Role
from app.core.errors import TemplateError
from app.core.i18n import _
from app.core.import_changes import propose_change_phrases
from app.core.import_fields import FoundPlace, _Analysis
from app.core.import_parts import refine_roles
from app.core.import_tables import (
    TableCell,
    body_lines,
    cell_contexts,
    cell_source,
    label_cells,
    number_guesses,
    read_blocks,
)
from app.core.kinds import exportable_text
from app.core.loader import ID_PATTERN, SCHEMA_FILE
from app.core.placeholders import (
    Placeholder,
    find_placeholders,
)
from app.core.safe_read import Limit, check_unpacked_size, read_file
from app.core.template import Section, Template
from app.core.template_edit import GENERAL_SECTION, FieldDraft, TemplateEditor

#: The largest source file accepted.
#: File types the importer reads.
SUFFIXES = (".txt", ".docx")

LAYOUT_SPACE = " \t\u3000\r"
_NEWLINES = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = "。！？；!?;"
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_BODY_COMMENT = (
    "{#- 从范文导入的模板正文：每行一段。“@title”为标题，“@section 编号”为一级标题，"
    "“@subheading”为二级标题，“@heading3”“@heading4”为三、四级标题；“@subtitle”副标题，"
    "“@addressee”主送机关，“@attachment”附件说明，“@signature”署名，“@date”成文日期；"
    '字段写作 field("键名")。 -#}\n'
)
_TABLE_COMMENT = (
    "{#- 表格写在“@table”与“@endtable”之间，每行一个“@header”（表头行）或“@row”，单元格以“|”分隔；"
    "单元格里的“|”写作“\\|”，“\\”写作“\\\\”；只有“<”的单元格与左边合并，只有“^”的与上边合并。 -#}\n"
)


# ------------------------------------------------------------------------- reading the source


@dataclass(frozen=True)
class SourceDocument:
    """A 范文 as paragraphs of text (layout spaces at either end removed, empty ones dropped)."""

    name: str
    paragraphs: tuple[str, ...]
    #: "utf-8", "gb18030", "utf-16" or "docx".
    encoding: str
    #: For a Word document, each paragraph's style name ("" for text files).
    styles: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    #: For a Word document with tables, where each paragraph stands when it is a table cell
    #: (`app.core.import_tables`: a cell is a paragraph of its own, and may be empty).
    cells: tuple[TableCell | None, ...] = ()

    @property
    def text(self) -> str:
        """The paragraphs, one per line: what an empty report made from the template reads."""
        return "\n".join(self.paragraphs)


def read_source(path: Path) -> SourceDocument:
    """Read a .txt (UTF-8, GB18030 or UTF-16 with BOM) or .docx file; errors name the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise TemplateError(
            _(
                "{file}: cannot import this kind of file (use {suffixes}).",
                file=path,
                suffixes=", ".join(SUFFIXES),
            )
        )
    limit = Limit.SOURCE_DOCX if suffix == ".docx" else Limit.SOURCE_TEXT
    data = read_file(path, limit, TemplateError)
    if suffix == ".docx":
        return _read_docx(data, str(path))
    text, encoding = decode_text(data, str(path))
    # what no export can carry goes here, once (a form feed or vertical tab breaks a line)
    return SourceDocument(str(path), tuple(split_paragraphs(exportable_text(text))), encoding)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, encoding.removesuffix("-sig")
    raise TemplateError(
        _("{file}: not a text file in UTF-8 or GB18030.", file=name),
    )


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line; layout spaces at either end dropped, empty lines skipped."""
    paragraphs = []
    for line in _NEWLINES.split(text):
        stripped = line.strip(LAYOUT_SPACE)
        if stripped:
            paragraphs.append(stripped)
    return paragraphs


def _read_docx(data: bytes, name: str) -> SourceDocument:
    import io
    import zipfile

    try:
        import docx  # python-docx: imported only when a Word file is imported
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise TemplateError(_("{file}: Word files cannot be read here.", file=name)) from None
    check_unpacked_size(data, name, Limit.DOCX_UNPACKED, TemplateError)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise TemplateError(_("{file}: not a Word (.docx) document.", file=name)) from None
    except Exception as exc:  # a damaged package fails in many ways inside python-docx
        raise TemplateError(
            _("{file}: the Word document cannot be read: {error}", file=name, error=exc)
        ) from None
    blocks, warnings = read_blocks(document, name, split_paragraphs)
    cells = tuple(block.cell for block in blocks)
    return SourceDocument(
        name,
        tuple(block.text for block in blocks),
        "docx",
        tuple(block.style for block in blocks),
        tuple(warnings),
        cells if any(cells) else (),
    )


# ------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Suspect:
    """A run that looks like a blank but probably is not one (镇X委, X光, xx@email.com): kept
    as text unless the writer makes it a field (`ImportPlan.with_blanks`)."""

    paragraph: int
    start: int
    text: str
    #: Why it is probably not a blank, in the user's language.
    reason: str
    #: The paragraph's words around it, the run in 【】.
    context: str
    #: Whether this plan made it a field.
    as_blank: bool = False

    @property
    def where(self) -> tuple[int, int]:
        """Its paragraph and its position there: what `ImportPlan.with_blanks` takes."""
        return (self.paragraph, self.start)


@dataclass
class ImportPlan:
    """A proposed template for a 范文; adjust it through `editor`, then `save()`."""

    source: SourceDocument
    editor: TemplateEditor
    places: list[FoundPlace]
    #: Role and section of every source paragraph, in order.
    roles: list[tuple[Role, str]]
    #: Keys of fields proposed for an entity that recurs (one field, several places).
    entities: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Runs that are probably not blanks, in document order; kept as text unless chosen.
    suspects: list[Suspect] = field(default_factory=list)

    def with_blanks(self, chosen: set[tuple[int, int]]) -> ImportPlan:
        """The plan made again with the suspects at `chosen` (their `where`) made fields and
        every other suspect kept as text; the id and title stay."""
        return plan_from_source(self.source, self.editor.template_id, self.editor.title, chosen)

    @property
    def fields(self) -> list[FieldDraft]:
        """The proposed fields, in document order."""
        return self.editor.fields

    def template(self) -> Template:
        """The template as proposed now (for the preview)."""
        return self.editor.to_template()

    def save(self, root: Path | None = None, overwrite: bool = False) -> Path:
        """Write the template folder (into the user's templates unless `root` is given)."""
        return self.editor.save(root, overwrite)


def plan_import(path: Path, template_id: str | None = None, title: str | None = None) -> ImportPlan:
    """Read a 范文 and propose a template for it."""
    source = read_source(path)
    return plan_from_source(source, template_id or suggest_id(Path(path).stem), title)


def import_template(
    path: Path,
    template_id: str | None = None,
    title: str | None = None,
    suspects_as_blanks: bool = False,
) -> tuple[Path, ImportPlan]:
    """Import a 范文 as it is proposed (the CLI): returns the new folder and the plan. Runs that
    are probably not blanks stay text unless `suspects_as_blanks`."""
    if template_id is not None:
        check_new_id(template_id)
    plan = plan_import(path, template_id, title)
    if suspects_as_blanks and plan.suspects:
        plan = plan.with_blanks({suspect.where for suspect in plan.suspects})
    return plan.save(), plan


def suggest_id(stem: str) -> str:
    """A free template id made from a file name (ASCII letters and digits of it, or "imported")."""
    base = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_")[:48] or "imported"
    if not base[0].isalnum():
        base = "t" + base
    candidate, number = base, 2
    while _id_taken(candidate):
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def check_new_id(template_id: str) -> None:
    """Refuse an id that is not valid, names a built-in template or is already taken."""
    if not ID_PATTERN.match(template_id):
        raise TemplateError(
            _(
                "“{id}” is not a valid template id: use lower-case letters, digits, - and _ "
                "(at most 64, starting with a letter or digit).",
                id=template_id,
            )
        )
    if (paths.builtin_templates_dir() / template_id / SCHEMA_FILE).exists():
        raise TemplateError(
            _("“{id}” is the id of a built-in template; choose another id.", id=template_id)
        )
    folder = paths.user_templates_dir() / template_id
    if folder.exists():
        raise TemplateError(
            _(
                "A template with the id “{id}” already exists ({folder}); choose another id.",
                id=template_id,
                folder=folder,
            )
        )


def _id_taken(template_id: str) -> bool:
    return (paths.builtin_templates_dir() / template_id).exists() or (
        paths.user_templates_dir() / template_id
    ).exists()


def plan_from_source(
    source: SourceDocument,
    template_id: str,
    title: str | None = None,
    blanks: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
) -> ImportPlan:
    """Propose a template for a source already read; of the runs that are probably not blanks,
    only those at `blanks` (paragraph, position) become fields."""
    paragraphs = list(source.paragraphs)
    if not paragraphs:
        raise TemplateError(_("{file}: there is no text to import.", file=source.name))
    for number, text in enumerate(paragraphs, start=1):
        if has_reserved(text):
            raise TemplateError(
                _(
                    "{file}, paragraph {number}: contains characters Fanwen reserves "
                    "(U+E000, U+E001); remove them and import again.",
                    file=source.name,
                    number=number,
                )
            )
    styles = list(source.styles) or [""] * len(paragraphs)
    cells = list(source.cells) or [None] * len(paragraphs)
    roles, sections = _structure(paragraphs, styles, cells)
    found: list[list[Placeholder]] = []
    suspects: list[Suspect] = []
    for p_index, text in enumerate(paragraphs):
        kept = []
        for place in find_placeholders(text):
            if place.suspect:
                chosen = (p_index, place.start) in blanks
                suspects.append(
                    Suspect(
                        p_index,
                        place.start,
                        place.text,
                        place.suspect,
                        _context(text, place),
                        chosen,
                    )
                )
                if not chosen:
                    continue
            kept.append(place)
        found.append(kept)
    if not any(found):
        raise TemplateError(
            _(
                "{file}: no placeholders found (such as XX, ××, ＸＸ, X,XXX, X.X or XXXX年); "
                "mark the facts to fill in with them and import again.",
                file=source.name,
            )
        )
    analysis = _Analysis(paragraphs, roles, found)
    contexts = cell_contexts(cells, paragraphs, found) if source.cells else {}
    number_guesses(contexts, paragraphs, found, analysis.guesses)
    fields, places, entities = analysis.fields()
    key_at = {(place.paragraph, place.placeholder.start): place.key for place in places}
    label_cells(contexts, key_at, fields)
    detected_title = next(
        (t for (r, _s), t in zip(roles, paragraphs, strict=True) if r is Role.TITLE), ""
    )
    editor = TemplateEditor(
        template_id=template_id,
        title=(title or "").strip() or detected_title or Path(source.name).stem,
        sections=sections,
        fields=fields,
        body=_body(paragraphs, roles, found, key_at, {f.key: f for f in fields}, cells),
        version="1.0",
        description=_("Imported from {file}.", file=Path(source.name).name),
    )
    propose_change_phrases(editor)  # 同比增长X% -> a signed value read in words
    return ImportPlan(
        source=source,
        editor=editor,
        places=places,
        roles=roles,
        entities=entities,
        warnings=list(source.warnings),
        suspects=suspects,
    )


def _context(text: str, place: Placeholder, width: int = 10) -> str:
    return (
        ("…" if place.start > width else "")
        + text[max(0, place.start - width) : place.start]
        + f"【{place.text}】"
        + text[place.end : place.end + width]
        + ("…" if place.end + width < len(text) else "")
    )


def _structure(
    paragraphs: list[str], styles: list[str], cells: list[TableCell | None]
) -> tuple[list[tuple[Role, str]], list[Section]]:
    """The role and section of each paragraph, and the sections (基本信息 first); a table
    cell is in the section of the paragraphs before its table."""
    roles: list[tuple[Role, str]] = []
    sections = [Section(GENERAL_SECTION, "基本信息")]
    current = ""
    for index, (text, style) in enumerate(zip(paragraphs, styles, strict=True)):
        if cells[index] is not None:
            roles.append((Role.ROW, current))
            continue
        style_name = style.lower()
        if index == 0 and (style_name == "title" or _looks_like_title(text)):
            roles.append((Role.TITLE, ""))
            continue
        if style_name == "heading 1" or (_LEVEL1.match(text) and _heading_like(text)):
            current = f"s{len(sections)}"
            sections.append(Section(current, _section_label(text)))
            roles.append((Role.HEADING, current))
        elif style_name == "heading 2" or (_LEVEL2.match(text) and _heading_like(text)):
            roles.append((Role.SUBHEADING, current))
        else:
            roles.append((Role.BODY, current))
    refined = refine_roles(paragraphs, [role for role, _section in roles])
    return [(role, section) for role, (_old, section) in zip(refined, roles, strict=True)], sections


def _looks_like_title(text: str) -> bool:
    if _LEVEL1.match(text) or _LEVEL2.match(text) or len(text) > 60:
        return False
    return not any(c in text for c in "。！？；!?;") and not text.endswith(("：", ":", "，", ","))


def _heading_like(text: str) -> bool:
    """A numbered line that is a heading, not a paragraph that starts with one (run-in)."""
    inner = text.rstrip(_SENTENCE_END)
    return len(text) <= 60 and not any(c in inner for c in _SENTENCE_END)


def _section_label(text: str) -> str:
    rest = _LEVEL1.sub("", text, count=1).strip(LAYOUT_SPACE)
    for stop in "，,。；;：:":
        rest = rest.split(stop, 1)[0]
    return rest[:16] or text[:16]


def _body(
    paragraphs: list[str],
    roles: list[tuple[Role, str]],
    found: list[list[Placeholder]],
    key_at: dict[tuple[int, int], str],
    fields: dict[str, FieldDraft],
    cells: list[TableCell | None],
) -> str:
    """The template body: each paragraph on its line, each placeholder a field call; the
    cells of a table as its rows (`app.core.import_tables.body_lines`)."""
    lines = [_BODY_COMMENT] + ([_TABLE_COMMENT] if any(cells) else [])
    rows: list[tuple[bool, list[tuple[str, Merge]]]] = []
    for p_index, (text, (role, section)) in enumerate(zip(paragraphs, roles, strict=True)):
        pieces: list[str | FieldCall] = []
        position = 0
        for placeholder in found[p_index]:
            pieces.append(text[position : placeholder.start])
            key = key_at[(p_index, placeholder.start)]
            shown = placeholder.text
            pieces.append(FieldCall(key, shown if shown != fields[key].placeholder else None))
            position = placeholder.end
        pieces.append(text[position:])
        cell = cells[p_index]
        if cell is not None:
            before = cells[p_index - 1] if p_index else None
            if before is None or (before.table, before.row) != (cell.table, cell.row):
                if rows and (before is None or before.table != cell.table):
                    lines.extend(line + "\n" for line in body_lines(rows))
                    rows = []
                rows.append((cell.header, []))
            rows[-1][1].append((cell_source(pieces), cell.merge))
            continue
        if rows:
            lines.extend(line + "\n" for line in body_lines(rows))
            rows = []
        lines.append(body_line(role, section, pieces) + "\n")
    if rows:
        lines.extend(line + "\n" for line in body_lines(rows))
    return "".join(lines)
