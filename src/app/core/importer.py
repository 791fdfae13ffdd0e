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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.core import paths
from app.core.body import FieldCall, body_line, has_reserved
from app.core.document import Role
from app.core.errors import TemplateError
from app.core.i18n import _
from app.core.kinds import FieldKind, exportable_text
from app.core.labels import polish_label
from app.core.loader import ID_PATTERN, SCHEMA_FILE
from app.core.placeholders import (
    PLACEHOLDER_CHARS,
    Guess,
    Placeholder,
    find_placeholders,
    guess_kind,
)
from app.core.safe_read import Limit, check_unpacked_size, read_file
from app.core.template import Section, Template
from app.core.template_edit import GENERAL_SECTION, FieldDraft, TemplateEditor

#: The largest source file accepted.
#: File types the importer reads.
SUFFIXES = (".txt", ".docx")

LAYOUT_SPACE = " \t\u3000\r"
_NEWLINES = re.compile(r"\r\n|\r|\n")
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_SENTENCE_END = "。！？；!?;"
_CLAUSE_STOP = frozenset("，。；：！？,;:!?（）()\n")
_KEY_BASE = {
    FieldKind.TEXT: "name",
    FieldKind.INTEGER: "count",
    FieldKind.DECIMAL: "amount",
    FieldKind.PERCENT: "rate",
    FieldKind.YEAR: "year",
    FieldKind.MONTH: "month",
    FieldKind.DAY: "day",
}
_DATE_PART = {FieldKind.YEAR: "年", FieldKind.MONTH: "月", FieldKind.DAY: "日"}
_TRAILING_WORDS = tuple(
    sorted(
        {
            "降至",
            "压缩至",
            "缩短至",
            "缩短到",
            "控制在",
            "保持在",
            "稳定在",
            "降低到",
            "提升到",
            "提高到",
            "降低至",
            "减少至",
            "增至",
            "增加至",
            "提升至",
            "提高至",
            "达到",
            "共计",
            "累计",
            "合计",
            "总计",
            "超过",
            "分别为",
            "分别",
            "帮助",
            "为",
            "达",
            "约",
            "近",
            "超",
            "共",
            "计",
            "有",
            "等",
            "了",
            "至",
            "与",
            "对",
            "向",
            "给",
            "是",
            "的",
            "各",
            "于",
            "在",
            "截至",
            "从",
            "自",
            "、",
            "和",
            "及",
        },
        key=len,
        reverse=True,
    )
)
_LEADING_WORDS = (
    "其中",
    "并且",
    "并",
    "共",
    "先后",
    "另外",
    "同时",
    "还",
    "目前",
    "对",
    "、",
    "和",
    "及",
    "的",
)
_FUNCTION_CHARS = frozenset("的和与及等在是了、为对把被从向给也都")
_BODY_COMMENT = (
    "{#- 从范文导入的模板正文：每行一段。“@title”为标题，“@section 编号”为一级标题，"
    '“@subheading”为二级标题；字段写作 field("键名")。 -#}\n'
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
    paragraphs: list[str] = []
    styles: list[str] = []
    for paragraph in document.paragraphs:
        try:
            style = paragraph.style.name if paragraph.style is not None else ""
        except (KeyError, ValueError):
            style = ""
        for line in split_paragraphs(exportable_text(paragraph.text)):
            paragraphs.append(line)
            styles.append(style or "")
    warnings = []
    if document.tables:
        warnings.append(
            _(
                "{file}: the document has {count} tables; their text was not imported.",
                file=name,
                count=len(document.tables),
            )
        )
    return SourceDocument(name, tuple(paragraphs), "docx", tuple(styles), tuple(warnings))


# ------------------------------------------------------------------------- the plan


@dataclass(frozen=True, slots=True)
class FoundPlace:
    """A placeholder found in the source and what the importer made of it."""

    paragraph: int
    placeholder: Placeholder
    guess: Guess
    key: str

    @property
    def text(self) -> str:
        """The placeholder as written in the source."""
        return self.placeholder.text


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
    path: Path, template_id: str | None = None, title: str | None = None
) -> tuple[Path, ImportPlan]:
    """Import a 范文 as it is proposed (the CLI): returns the new folder and the plan."""
    if template_id is not None:
        check_new_id(template_id)
    plan = plan_import(path, template_id, title)
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
    source: SourceDocument, template_id: str, title: str | None = None
) -> ImportPlan:
    """Propose a template for a source already read."""
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
    roles, sections = _structure(paragraphs, styles)
    found = [find_placeholders(text) for text in paragraphs]
    if not any(found):
        raise TemplateError(
            _(
                "{file}: no placeholders found (such as XX, ××, ＸＸ, X,XXX, X.X or XXXX年); "
                "mark the facts to fill in with them and import again.",
                file=source.name,
            )
        )
    analysis = _Analysis(paragraphs, roles, found)
    fields, places, entities = analysis.fields()
    detected_title = next(
        (t for (r, _s), t in zip(roles, paragraphs, strict=True) if r is Role.TITLE), ""
    )
    editor = TemplateEditor(
        template_id=template_id,
        title=(title or "").strip() or detected_title or Path(source.name).stem,
        sections=sections,
        fields=fields,
        body=_body(paragraphs, roles, found, places, {f.key: f for f in fields}),
        version="1.0",
        description=_("Imported from {file}.", file=Path(source.name).name),
    )
    return ImportPlan(
        source=source,
        editor=editor,
        places=places,
        roles=roles,
        entities=entities,
        warnings=list(source.warnings),
    )


def _structure(
    paragraphs: list[str], styles: list[str]
) -> tuple[list[tuple[Role, str]], list[Section]]:
    """The role and section of each paragraph, and the sections (基本信息 first)."""
    roles: list[tuple[Role, str]] = []
    sections = [Section(GENERAL_SECTION, "基本信息")]
    current = ""
    for index, (text, style) in enumerate(zip(paragraphs, styles, strict=True)):
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
    return roles, sections


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


class _Analysis:
    """Kinds, entities, labels and keys for the placeholders of a source."""

    def __init__(
        self,
        paragraphs: list[str],
        roles: list[tuple[Role, str]],
        found: list[list[Placeholder]],
    ) -> None:
        self.paragraphs = paragraphs
        self.roles = roles
        self.found = found
        self._number_labels: dict[tuple[int, int], tuple[str, bool]] = {}
        self.guesses = [
            [guess_kind(t, p) for p in ps] for t, ps in zip(paragraphs, found, strict=True)
        ]

    def fields(self) -> tuple[list[FieldDraft], list[FoundPlace], list[str]]:
        groups: dict[object, list[tuple[int, int]]] = {}
        order: list[object] = []
        for p_index, paragraph_places in enumerate(self.found):
            for index in range(len(paragraph_places)):
                entity = self._entity(p_index, index)
                group = entity if entity is not None else ("place", p_index, index)
                if group not in groups:
                    groups[group] = []
                    order.append(group)
                groups[group].append((p_index, index))
        counters: Counter[str] = Counter()
        fields: list[FieldDraft] = []
        key_of: dict[tuple[int, int], str] = {}
        entities: list[str] = []
        labels: Counter[str] = Counter()
        for group in order:
            members = groups[group]
            first_p, first_i = members[0]
            guess = self.guesses[first_p][first_i]
            base = _KEY_BASE[guess.kind]
            counters[base] += 1
            key = f"{base}_{counters[base]}"
            label = self._label(first_p, first_i, merged=len(members) > 1)
            if guess.kind in (FieldKind.INTEGER, FieldKind.DECIMAL, FieldKind.PERCENT):
                before = self.paragraphs[first_p][: self.found[first_p][first_i].start]
                label = polish_label(label, before)
            labels[label] += 1
            if labels[label] > 1:
                label = f"{label}（{labels[label]}）"
            sections = {self.roles[p][1] for p, _i in members}
            section = sections.pop() if len(sections) == 1 else ""
            fields.append(
                FieldDraft(
                    key=key,
                    label=label,
                    kind=guess.kind,
                    section=section or GENERAL_SECTION,
                    placeholder=self.found[first_p][first_i].text,
                    unit=guess.unit,
                    hint=self._hint(members),
                )
            )
            for member in members:
                key_of[member] = key
            if len(members) > 1:
                entities.append(key)
        places = [
            FoundPlace(p, self.found[p][i], self.guesses[p][i], key_of[(p, i)])
            for p in range(len(self.found))
            for i in range(len(self.found[p]))
        ]
        return fields, places, entities

    # ------------------------------------------------------------------ entities

    def _entity(self, p_index: int, index: int) -> object | None:
        """What makes two placeholders the same thing, or None when this one stands alone.

        A number or a date is a fact of its own place: it is never merged (five 同比增长X% are
        five rates). Only the name of an organisation or a place is merged, and only with the
        same placeholder and the same word after it (××县 … ××县); a person (×××同志) stands
        alone, as two people are written alike."""
        place = self.found[p_index][index]
        guess = self.guesses[p_index][index]
        if guess.kind is not FieldKind.TEXT:
            return None
        if guess.suffix in _PERSON_WORDS:
            return None
        if guess.suffix:
            return ("text", place.text, guess.suffix)
        return None

    def _before(self, p_index: int, index: int, width: int) -> str:
        """Up to `width` characters before a placeholder, within its clause and after the
        previous placeholder."""
        text = self.paragraphs[p_index]
        floor = self.found[p_index][index - 1].end if index > 0 else 0
        start = self.found[p_index][index].start
        segment = text[floor:start]
        for position in range(len(segment) - 1, -1, -1):
            if segment[position] in _CLAUSE_STOP:
                segment = segment[position + 1 :]
                break
        return segment[-width:]

    # ------------------------------------------------------------------ labels

    def _label(self, p_index: int, index: int, merged: bool) -> str:
        text = self.paragraphs[p_index]
        places = self.found[p_index]
        place = places[index]
        guess = self.guesses[p_index][index]
        floor = places[index - 1].end if index > 0 else 0
        before_raw, shared = _clause_before(text, floor, place.start)
        if guess.kind is FieldKind.TEXT:
            if guess.suffix:
                return "姓名" if guess.suffix == "同志" else f"{guess.suffix}名称"
            before = _clean(before_raw)
            if len(before) >= 2 and not shared:
                return before[-16:]
            wide_before = _clause_before(text, 0, place.start)[0][-8:]
            wide_after = _clause_after(text, place.end, len(text))[:8]
            return f"名称（{wide_after}）" if wide_after else f"{wide_before}名称"
        if guess.kind in _DATE_PART:
            part = {"年": "年份", "月": "月份", "日": "日"}[_DATE_PART[guess.kind]]
            if guess.kind is FieldKind.YEAR and merged:
                return "年份"
            start = index
            while (
                start > 0
                and self.guesses[p_index][start - 1].kind in _DATE_PART
                and (places[start - 1].end + 1 >= places[start].start - 1)
            ):
                start -= 1
            end = index
            while (
                end + 1 < len(places)
                and self.guesses[p_index][end + 1].kind in _DATE_PART
                and places[end].end + 2 >= places[end + 1].start
            ):
                end += 1
            group_floor = places[start - 1].end if start > 0 else 0
            before_date = _clause_before(text, group_floor, places[start].start)[0]
            if guess.kind is FieldKind.MONTH and re.search(r"1\s*[-—－~～至到]\s*$", before_date):
                return "统计截至月份"  # 1-X月: the figures run from January to month X
            context = _clean(before_date.rstrip("0123456789-—－~～至到年月 "))[-12:]
            marked = [i for i, c in enumerate(context) if c in PLACEHOLDER_CHARS]
            if marked:
                context = _clean(context[marked[-1] + 1 :])
            if len(context) < 2:
                tail = text[places[end].end + len(self.guesses[p_index][end].unit) :]
                following = _clean(_next_clause(tail))
                marks = [i for i, c in enumerate(following) if c in PLACEHOLDER_CHARS]
                following = following[marks[-1] + 1 :] if marks else following
                if tail.lstrip().startswith(("至", "到", "-", "—", "～", "~")):
                    context = "开始日期"
                elif re.search(r"[至到\-—～~]\s*$", before_date):
                    context = "结束日期"
                elif (
                    len(following) >= 4
                    and not tail.lstrip("，, ")[:1].isdigit()
                    and not following.startswith(_NOT_SUBJECT)
                ):
                    context = following[:12]
                elif start == end and guess.kind is FieldKind.YEAR:
                    return "年份"
                else:
                    context = "日期"
            return f"{context}（{part}）"
        return self._number_label(p_index, index)[0]

    def _number_label(self, p_index: int, index: int) -> tuple[str, bool]:
        """The label of a number placeholder, and whether it was taken from the words after it
        (“XX名干部”) rather than before it (“讲党课XX次”): the words between two placeholders
        of one clause belong to the first when it took its label from them."""
        memo_key = (p_index, index)
        if memo_key in self._number_labels:
            return self._number_labels[memo_key]
        text = self.paragraphs[p_index]
        places = self.found[p_index]
        place = places[index]
        guess = self.guesses[p_index][index]
        floor = places[index - 1].end if index > 0 else 0
        ceiling = places[index + 1].start if index + 1 < len(places) else len(text)
        before_raw, shared = _clause_before(text, floor, place.start)
        previous: tuple[str, bool] | None = None
        if shared:
            previous_guess = self.guesses[p_index][index - 1]
            before_raw = _strip_unit(before_raw, previous_guess.unit or previous_guess.suffix)
            if previous_guess.kind in _DATE_PART or previous_guess.kind is FieldKind.TEXT:
                previous = None
            else:
                previous = self._number_label(p_index, index - 1)
                if previous[1]:  # 辖X个社区、常住人口X万人: "社区" was the previous one's
                    cut = max(before_raw.rfind("、"), before_raw.rfind("，"))
                    before_raw = before_raw[cut + 1 :] if cut >= 0 else ""
        before = _clean(before_raw)
        after_raw = _clause_after(text, place.end, ceiling)
        after = _clean(_strip_unit(after_raw, guess.unit).split("、", 1)[0], True)
        result: tuple[str, bool]
        if previous is not None and previous[1] and len(after) >= 2:
            result = (_shorten(after, from_end=False), True)
        elif len(before) >= 4 or (len(before) >= 2 and len(after) < 2):
            result = (_shorten(before), False)
        elif len(before) >= 2:
            result = (before + _shorten(after, from_end=False, width=10), True)
        elif len(after) >= 2:
            result = (_shorten(after, from_end=False), True)
        elif previous is not None:
            result = previous
        else:
            result = (
                {
                    FieldKind.INTEGER: "数量",
                    FieldKind.DECIMAL: "数值",
                    FieldKind.PERCENT: "百分比",
                }.get(guess.kind, "数值"),
                False,
            )
        self._number_labels[memo_key] = result
        return result

    def _hint(self, members: list[tuple[int, int]]) -> str:
        p_index, index = members[0]
        text = self.paragraphs[p_index]
        place = self.found[p_index][index]
        left = text[max(0, place.start - 12) : place.start]
        right = text[place.end : place.end + 12]
        snippet = (
            ("…" if place.start > 12 else "")
            + left
            + f"【{place.text}】"
            + right
            + ("…" if place.end + 12 < len(text) else "")
        )
        if len(members) > 1:
            return f"原文共{len(members)}处，第一处：{snippet}"
        return f"原文：{snippet}"


#: Words opening a clause that is not the subject of the sentence (在市委的领导下, 利用X天).
_NOT_SUBJECT = ("在", "按照", "根据", "对", "由", "于", "利用", "经", "为", "从")
_PERSON_WORDS = frozenset({"同志", "先生", "女士", "书记", "主任", "局长", "县长", "镇长"})


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _clause_before(text: str, floor: int, start: int) -> tuple[str, bool]:
    """The words before `start` back to a clause stop; True when that reaches `floor` (the
    previous placeholder) rather than a stop or the paragraph's start."""
    segment = text[floor:start]
    for position in range(len(segment) - 1, -1, -1):
        if segment[position] in _CLAUSE_STOP:
            return segment[position + 1 :], False
    return segment, floor > 0


def _clause_after(text: str, end: int, ceiling: int) -> str:
    segment = text[end:ceiling]
    for position, char in enumerate(segment):
        if char in _CLAUSE_STOP:
            return segment[:position]
    return segment


def _clause_prefix(text: str, width: int) -> str:
    for position, char in enumerate(text[:width]):
        if char in _CLAUSE_STOP:
            return text[:position]
    return text[:width]


def _next_clause(text: str) -> str:
    """The first clause of `text` that has words (skipping stops at its start)."""
    stripped = text.lstrip("".join(_CLAUSE_STOP) + LAYOUT_SPACE)
    return _clause_after(stripped, 0, len(stripped))


def _strip_unit(after: str, unit: str) -> str:
    return after[len(unit) :] if unit and after.startswith(unit) else after


_BOUNDARIES = "、的向对在将把从与和及为"


def _shorten(words: str, from_end: bool = True, width: int = 16) -> str:
    """At most `width` characters of a label: the end of the words before a placeholder (cut
    after a boundary word where one is near) or the start of the words after it."""
    if len(words) <= width:
        return words
    if not from_end:
        return words[:width]
    cut = words[-width - 4 :]
    for position, char in enumerate(cut):
        if char in _BOUNDARIES and len(cut) - position - 1 <= width and position < 8:
            return cut[position + 1 :]
    return words[-width:]


def _clean(words: str, leading_only: bool = False) -> str:
    """Words around a placeholder made into a label: function words at the ends dropped."""
    words = words.strip(LAYOUT_SPACE)
    changed = True
    while changed and words:
        changed = False
        for prefix in _LEADING_WORDS:
            if words.startswith(prefix) and len(words) > len(prefix):
                words = words[len(prefix) :]
                changed = True
        if not leading_only:
            for suffix in _TRAILING_WORDS:
                if words.endswith(suffix):
                    words = words[: -len(suffix)]
                    changed = True
                    break
    words = words.strip(LAYOUT_SPACE + "、")
    if words.count("“") != words.count("”"):
        words = words.replace("“", "").replace("”", "")
    return words


def _body(
    paragraphs: list[str],
    roles: list[tuple[Role, str]],
    found: list[list[Placeholder]],
    places: list[FoundPlace],
    fields: dict[str, FieldDraft],
) -> str:
    """The template body: each paragraph on its line, each placeholder a field call."""
    key_at = {(place.paragraph, place.placeholder.start): place.key for place in places}
    lines = [_BODY_COMMENT]
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
        lines.append(body_line(role, section, pieces) + "\n")
    return "".join(lines)
