"""The report as a Word document (.docx) in the 公文 layout, written with python-docx.

Made from the same document model as every output. The page and the fonts follow
`app.core.export.layout` (GB/T 9704-2012): A4, margins 37 / 35 / 28 / 26 mm, a document grid of
22 lines x 28 characters with exact line spacing, title 2号 小标宋, "一、" headings 3号 黑体,
"（一）" subheadings 3号 楷体, body 3号 仿宋 with a two-character first-line indent, page numbers
"— 1 —" in 4号 宋体, odd pages right and even pages left.

Chinese fonts in Word need more than `font.name` (python-docx#1601, python-docx-template#507):
python-docx's default template sets the East Asian theme language to Japanese and lets every
style take its East Asian font from the theme, so Chinese text shows in a Mincho face. Here every
style and every run names its font in all four `w:rFonts` slots (`w:eastAsia` included, with
`w:hint="eastAsia"` so that “” and other shared punctuation use it too), every theme-font
attribute is removed, the theme language becomes zh-CN, and the font table describes each 公文
font (English name, GB2312 charset, PANOSE class) so that Word substitutes a Chinese face of the
same kind where the font is missing.

python-docx is imported on first use, so the app starts without it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from app.core.document import Document, FieldRun, Paragraph, Role, Run, RunState, TextRun
from app.core.export import docx_table, layout
from app.core.table import Table, blocks
from app.core.title_lines import title_lines

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.styles.style import ParagraphStyle

#: Style ids and the names Word shows for them (Chinese Word shows these names in its style list).
STYLE_IDS: dict[Role, tuple[str, str]] = {
    Role.TITLE: ("FanwenTitle", "公文标题"),
    Role.HEADING: ("FanwenHeading1", "公文一级标题"),
    Role.SUBHEADING: ("FanwenHeading2", "公文二级标题"),
    Role.BODY: ("Normal", "Normal"),
    Role.SUBTITLE: ("FanwenSubtitle", "公文副标题"),
    Role.ADDRESSEE: ("FanwenAddressee", "公文主送机关"),
    Role.HEADING3: ("FanwenHeading3", "公文三级标题"),
    Role.HEADING4: ("FanwenHeading4", "公文四级标题"),
    Role.ATTACHMENT: ("FanwenAttachment", "公文附件说明"),
    Role.SIGNATURE: ("FanwenSignature", "公文署名"),
    Role.DATE: ("FanwenDate", "公文成文日期"),
    Role.ROW: (docx_table.STYLE_ID, docx_table.STYLE_NAME),
}
#: Outline levels, so Word's navigation pane lists the headings.
OUTLINE_LEVELS = {
    Role.TITLE: 0,
    Role.HEADING: 1,
    Role.SUBHEADING: 2,
    Role.HEADING3: 3,
    Role.HEADING4: 4,
}
#: The 公文 parts with a style of their own besides the title and the first two heading levels.
PART_ROLES = (
    Role.SUBTITLE,
    Role.ADDRESSEE,
    Role.HEADING3,
    Role.HEADING4,
    Role.ATTACHMENT,
    Role.SIGNATURE,
    Role.DATE,
)

#: The font each role names in the document: the first of its stack (Word takes one name; the
#: font table below tells it what kind of face to substitute).
ROLE_FONT: dict[Role, str] = {role: fonts[0] for role, fonts in layout.ROLE_FONTS.items()}
PAGE_NUMBER_FONT = layout.PAGE_NUMBER_FONTS[0]

#: Font table entries: each 公文 font with the rest of its stack as alternative names (the font
#: table's comma-separated `w:altName`), its PANOSE-1 class and its family, which is what Word
#: and WPS substitute by where the font is missing: "roman" (serif) for 仿宋, 楷体, 小标宋 and
#: 宋体, "swiss" (sans) for 黑体, all of variable pitch, so the body stays a serif face and the
#: headings a sans one. (The fonts' own tables say "modern", fixed pitch, as CJK faces do; as
#: substitution hints that asked for a monospaced face of either kind.) The charset is GB2312.
#: LibreOffice reads none of these from a DOCX: it asks fontconfig for the name itself (see
#: the README's fontconfig file for the .deb).
FONT_TABLE = (
    (layout.TITLE_FONTS, "02010600030101010101", "roman"),
    (layout.HEADING_FONTS, "02010609060101010101", "swiss"),
    (layout.SUBHEADING_FONTS, "02010609060101010101", "roman"),
    (layout.BODY_FONTS, "02010609060101010101", "roman"),
    (layout.PAGE_NUMBER_FONTS, "02010600030101010101", "roman"),
)

#: Highlight colours for places still showing a placeholder (a forced export) or a bad value.
HIGHLIGHT = {RunState.EMPTY: "yellow", RunState.INVALID: "red"}

APP_PROPERTIES = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>Fanwen</Application><DocSecurity>0</DocSecurity></Properties>"
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
THEME_FONT_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_DROPPED_PART_TYPES = ("stylesWithEffects", "thumbnail")


def render_docx(document: Document, author: str = "") -> bytes:
    """The report as the bytes of a .docx file."""
    import docx

    word = docx.Document()
    _drop_unused_parts(word)
    _set_language_and_theme(word)
    _set_page(word)
    _set_styles(word)
    _set_font_table(word)
    body = word.element.body
    for child in list(body):  # the default template's empty paragraph
        if child.tag == _w("p"):
            body.remove(child)
    parts = list(blocks(document.paragraphs))
    for index, block in enumerate(parts):
        if isinstance(block, Table):
            docx_table.add_table(word, block, _add_runs, ROLE_FONT)
        else:
            after = parts[index + 1] if index + 1 < len(parts) else None
            following = Role.ROW if isinstance(after, Table) else after and after.role
            _add_paragraph(word, block, following)
    _set_footers(word)
    _set_properties(word, document.title, author)
    _remove_theme_fonts(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# ------------------------------------------------------------------ package and settings


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _drop_unused_parts(word: WordDocument) -> None:
    """Drop the default template's thumbnail (a picture of an empty page) and its Word 2010
    styles copy (stylesWithEffects), which would keep the Japanese theme fonts."""
    for rels in (word.part.package.rels, word.part.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in _DROPPED_PART_TYPES:
                rels.pop(rel_id)


def _set_language_and_theme(word: WordDocument) -> None:
    """East Asian language zh-CN for the theme and for the text (python-docx ships ja-JP)."""
    settings = word.settings.element
    theme_lang = settings.find(_w("themeFontLang"))
    if theme_lang is None:
        theme_lang = _element("themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(_w("val"), "en-US")
    theme_lang.set(_w("eastAsia"), "zh-CN")
    word.settings.odd_and_even_pages_header_footer = True
    preview = settings.find(_w("savePreviewPicture"))  # the thumbnail is gone
    if preview is not None:
        settings.remove(preview)


def _set_page(word: WordDocument) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(layout.PAGE_WIDTH_MM)
    section.page_height = Mm(layout.PAGE_HEIGHT_MM)
    section.top_margin = Mm(layout.MARGIN_TOP_MM)
    section.bottom_margin = Mm(layout.MARGIN_BOTTOM_MM)
    section.left_margin = Mm(layout.MARGIN_LEFT_MM)
    section.right_margin = Mm(layout.MARGIN_RIGHT_MM)
    section.gutter = 0
    section.header_distance = Mm(15)
    section.footer_distance = Mm(footer_distance_mm())
    # No document grid: the paragraphs' exact line spacing sets the 22 lines, condensed character
    # spacing the 28 characters. LibreOffice snaps every line to a line grid (a 22 pt title takes
    # two grid lines) and gives a character wider than a character-grid cell two cells (14 a line).
    sect_pr = section._sectPr
    grid = sect_pr.find(_w("docGrid"))
    if grid is None:
        grid = _element("docGrid")
        sect_pr.append(grid)
    grid.attrib.clear()
    grid.set(_w("linePitch"), str(layout.LINE_PITCH_TWIPS))


def footer_distance_mm() -> float:
    """Distance from the paper's foot to the page number line, so that its dash lies 7 mm below
    the text block: the dash is about half a character above the line's foot."""
    half_number_mm = layout.PAGE_NUMBER_SIZE_PT / 2 * layout.MM_PER_INCH / layout.PT_PER_INCH
    return layout.MARGIN_BOTTOM_MM - layout.PAGE_NUMBER_BELOW_TEXT_MM - half_number_mm


# ------------------------------------------------------------------ styles


def _set_styles(word: WordDocument) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    styles = word.styles
    _set_doc_defaults(word)

    normal = styles["Normal"]
    _style_font(normal, ROLE_FONT[Role.BODY], layout.BODY_SIZE_PT)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    _char_spacing(normal.element.get_or_add_rPr(), layout.BODY_CHAR_SPACING_PT)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(layout.LINE_PITCH_PT)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.widow_control = False
    # Word's default, written out: LibreOffice reads an absent or false w:overflowPunct as
    # "hanging punctuation" (writerfilter maps it to ParaIsHangingPunctuation = val == 0), and
    # in justified lines it then drops a "、" or "。" that falls at the end of a line.
    normal.element.get_or_add_pPr().append(_element("overflowPunct", val="1"))
    _first_line_indent(normal.element.get_or_add_pPr())

    for role in (Role.TITLE, Role.HEADING, Role.SUBHEADING):
        style_id, name = STYLE_IDS[role]
        style: ParagraphStyle = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = style_id
        style.base_style = normal
        style.next_paragraph_style = normal
        style.quick_style = True
        _style_font(style, ROLE_FONT[role], layout.ROLE_SIZE_PT[role])
        style.font.bold = False
        ppr = style.element.get_or_add_pPr()
        ppr.append(_element("outlineLvl", val=str(OUTLINE_LEVELS[role])))
        if role is Role.TITLE:
            _char_spacing(style.element.get_or_add_rPr(), 0)
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.paragraph_format.first_line_indent = Pt(0)
            ind = ppr.find(_w("ind"))
            if ind is not None:
                ind.set(_w("firstLineChars"), "0")
            style.paragraph_format.space_after = Pt(
                layout.LINE_PITCH_PT * layout.TITLE_SPACE_AFTER_LINES
            )
        else:
            style.paragraph_format.keep_with_next = layout.role_keeps_with_next(role)

    for role in PART_ROLES:
        _add_part_style(styles, normal, role)
    docx_table.add_table_style(word, ROLE_FONT[Role.ROW])

    footer = styles["Footer"]
    _style_font(footer, PAGE_NUMBER_FONT, layout.PAGE_NUMBER_SIZE_PT)
    footer.paragraph_format.first_line_indent = Pt(0)
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    footer.paragraph_format.space_after = Pt(0)
    _char_spacing(footer.element.get_or_add_rPr(), 0)
    footer_ppr = footer.element.get_or_add_pPr()
    ind = footer_ppr.find(_w("ind"))
    if ind is not None:
        ind.set(_w("firstLineChars"), "0")
    footer_ppr.append(_element("snapToGrid", val="0"))  # its own line height, not the grid's
    for style in styles:
        ppr = style.element.pPr
        if ppr is not None:
            _reorder(ppr, _PPR_ORDER)


def _add_part_style(styles: Any, normal: Any, role: Role) -> None:
    """The style of a 公文 part: its font, weight, alignment and indents (`layout.role_indents`),
    one empty line after the title's subtitle."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    style_id, name = STYLE_IDS[role]
    style: ParagraphStyle = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = style_id
    style.base_style = normal
    style.next_paragraph_style = normal
    style.quick_style = True
    _style_font(style, ROLE_FONT[role], layout.ROLE_SIZE_PT[role])
    style.font.bold = role in layout.BOLD_ROLES
    fmt = style.paragraph_format
    if role in layout.CENTRED_ROLES:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif role in layout.RIGHT_ROLES:
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ppr = style.element.get_or_add_pPr()
    if role in OUTLINE_LEVELS:
        ppr.append(_element("outlineLvl", val=str(OUTLINE_LEVELS[role])))
    fmt.keep_with_next = layout.role_keeps_with_next(role)
    if role is Role.SUBTITLE:
        fmt.space_after = Pt(layout.LINE_PITCH_PT * layout.TITLE_SPACE_AFTER_LINES)
    _indents(ppr, layout.role_indents(role, "附" if role is Role.ATTACHMENT else ""))


def _indents(ppr: Any, indents: layout.Indents) -> None:
    """A paragraph's indents in characters (`w:leftChars` …, hundredths of a character) and the
    same in points for readers that ignore the character form."""
    ind = ppr.find(_w("ind"))
    if ind is None:
        ind = _element("ind")
        ppr.append(ind)
    ind.attrib.clear()
    char_twips = int(layout.BODY_SIZE_PT * 20)
    ind.set(_w("leftChars"), str(indents.left * 100))
    ind.set(_w("left"), str(indents.left * char_twips))
    ind.set(_w("rightChars"), str(indents.right * 100))
    ind.set(_w("right"), str(indents.right * char_twips))
    if indents.first < 0:
        ind.set(_w("hangingChars"), str(-indents.first * 100))
        ind.set(_w("hanging"), str(-indents.first * char_twips))
    else:
        ind.set(_w("firstLineChars"), str(indents.first * 100))
        ind.set(_w("firstLine"), str(indents.first * char_twips))
    _reorder(ppr, _PPR_ORDER)


def _set_doc_defaults(word: WordDocument) -> None:
    """Document defaults: the body font in every slot, zh-CN as the East Asian language."""
    defaults = word.styles.element.find(_w("docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
    if rpr is not None:
        _set_rfonts(rpr, ROLE_FONT[Role.BODY])
        lang = rpr.find(_w("lang"))
        if lang is None:
            lang = _element("lang")
            rpr.append(lang)
        lang.set(_w("val"), "en-US")
        lang.set(_w("eastAsia"), "zh-CN")
        lang.set(_w("bidi"), "ar-SA")
    ppr = defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}")
    if ppr is not None:
        spacing = ppr.find(_w("spacing"))
        if spacing is not None:
            ppr.remove(spacing)


def _style_font(style: Any, font: str, size_pt: float) -> None:
    from docx.shared import Pt

    style.font.size = Pt(size_pt)
    _set_rfonts(style.element.get_or_add_rPr(), font)


def _char_spacing(rpr: Any, points: float) -> None:
    """Condensed (negative) or expanded character spacing, `w:spacing` in 1/20 pt."""
    spacing = rpr.find(_w("spacing"))
    if spacing is None:
        spacing = _element("spacing")
        rpr.append(spacing)
    spacing.set(_w("val"), str(round(points * 20)))
    _reorder(rpr, _RPR_ORDER)


def _first_line_indent(ppr: Any) -> None:
    """Two characters: `firstLineChars="200"` and the same in points for readers that ignore
    the character form."""
    ind = ppr.find(_w("ind"))
    if ind is None:
        ind = _element("ind")
        ppr.append(ind)
    ind.set(_w("firstLineChars"), "200")
    ind.set(_w("firstLine"), str(int(layout.FIRST_LINE_INDENT_PT * 20)))
    _reorder(ppr, _PPR_ORDER)


# ------------------------------------------------------------------ fonts


def _set_rfonts(rpr: Any, font: str) -> None:
    """Name `font` in every slot of the run properties' `w:rFonts`, East Asian first."""
    rfonts = rpr.find(_w("rFonts"))
    if rfonts is None:
        rfonts = _element("rFonts")
        rpr.insert(0, rfonts)
    for attribute in THEME_FONT_ATTRIBUTES:
        rfonts.attrib.pop(_w(attribute), None)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(_w(slot), font)
    rfonts.set(_w("hint"), "eastAsia")


def _set_font_table(word: WordDocument) -> None:
    """Describe the 公文 fonts in the font table: the English name and, for substitution where a
    font is missing, the GB2312 charset and the PANOSE class."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.parser import parse_xml

    part = word.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    )
    root = parse_xml(part.blob)
    for font in list(root):  # the template's Japanese faces (ＭＳ 明朝, ＭＳ ゴシック): unused
        charset = font.find(_w("charset"))
        if charset is not None and charset.get(_w("val")) == "80":  # SHIFTJIS_CHARSET
            root.remove(font)
    for stack, panose, family in FONT_TABLE:
        font = _element("font", name=stack[0])
        for tag, value in (
            ("altName", ",".join(stack[1:])),
            ("panose1", panose),
            ("charset", "86"),
            ("family", family),
            ("pitch", "variable"),
        ):
            font.append(_element(tag, val=value))
        root.append(font)
    # A generic python-docx Part keeps its bytes in `_blob`; there is no public setter.
    part._blob = serialize_part_xml(root)


def _remove_theme_fonts(word: WordDocument) -> None:
    """No theme font is left anywhere: every style names its fonts itself."""
    for root in (word.styles.element, word.element):
        for rfonts in root.iter(_w("rFonts")):
            for attribute in THEME_FONT_ATTRIBUTES:
                rfonts.attrib.pop(_w(attribute), None)


# ------------------------------------------------------------------ content


def _add_paragraph(word: WordDocument, paragraph: Paragraph, following: Role | None) -> None:
    from docx.shared import Pt

    style_name = STYLE_IDS[paragraph.role][1]
    target = word.add_paragraph(style=word.styles[style_name])
    if paragraph.role is Role.ATTACHMENT:  # the first line of the note hangs, the others not
        _indents(target._p.get_or_add_pPr(), layout.role_indents(paragraph.role, paragraph.text))
    space = layout.lines_after(paragraph.role, following)
    style_space = layout.TITLE_SPACE_AFTER_LINES if paragraph.role in layout.CENTRED_ROLES else 0
    if space != style_space:
        target.paragraph_format.space_after = Pt(layout.LINE_PITCH_PT * space)
    runs: list[tuple[Run, Role]] = list(zip(paragraph.runs, paragraph.run_roles(), strict=True))
    if paragraph.role is Role.TITLE:  # the title breaks between words (app.core.title_lines)
        runs = []
        for number, line in enumerate(title_lines(paragraph.runs)):
            if number:
                runs.append((TextRun("\n"), Role.TITLE))
            runs.extend((run, Role.TITLE) for run in line)
    for run, role in runs:
        _add_runs(
            target,
            (run,),
            ROLE_FONT[role],
            role is not paragraph.role and role in layout.BOLD_ROLES,
        )


def _add_runs(target: Any, runs: Sequence[Run], font: str, bold: bool = False) -> None:
    """Runs into a python-docx paragraph, each naming `font` in every slot (in bold: a "1."
    heading opening a paragraph); places still showing a placeholder or a bad value
    highlighted; a run "\\n" is a line break."""
    for run in runs:
        if not run.text:
            continue
        if run.text == "\n":
            target.add_run().add_break()
            continue
        word_run = target.add_run(run.text)
        rpr = word_run._r.get_or_add_rPr()
        _set_rfonts(rpr, font)
        if bold:
            word_run.bold = True
        if isinstance(run, FieldRun) and run.state in HIGHLIGHT:
            highlight = _element("highlight", val=HIGHLIGHT[run.state])
            rpr.append(highlight)
            _reorder(rpr, _RPR_ORDER)


def _set_footers(word: WordDocument) -> None:
    """Page numbers "— N —": odd pages right, even pages left, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section = word.sections[0]
    for footer, on_right in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = word.styles["Footer"]
        fmt = paragraph.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if on_right else WD_ALIGN_PARAGRAPH.LEFT
        inset = Pt(layout.PAGE_NUMBER_INSET_PT)
        if on_right:
            fmt.right_indent = inset
        else:
            fmt.left_indent = inset
        for text, field in (("— ", False), ("PAGE", True), (" —", False)):
            if field:
                _add_field(paragraph, text)
            else:
                run = paragraph.add_run(text)
                _set_rfonts(run._r.get_or_add_rPr(), PAGE_NUMBER_FONT)


def _add_field(paragraph: Any, instruction: str) -> None:
    """A complex field (begin, instruction, separate, shown result, end)."""
    pieces: list[tuple[str, dict[str, str], str | None]] = [
        ("fldChar", {"fldCharType": "begin"}, None),
        ("instrText", {}, f" {instruction} "),
        ("fldChar", {"fldCharType": "separate"}, None),
        ("t", {}, "1"),
        ("fldChar", {"fldCharType": "end"}, None),
    ]
    for tag, attributes, text in pieces:
        run = paragraph.add_run()
        _set_rfonts(run._r.get_or_add_rPr(), PAGE_NUMBER_FONT)
        child = _element(tag, **attributes)
        if text is not None:
            child.text = text
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run._r.append(child)


def _set_properties(word: WordDocument, title: str, author: str) -> None:
    # The default template's extended properties claim "Microsoft Macintosh Word" wrote it.
    app_part = word.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    )
    app_part._blob = APP_PROPERTIES.encode("utf-8")
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props = word.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    props.category = ""
    props.language = "zh-CN"
    props.revision = 1
    props.created = now
    props.modified = now


# ------------------------------------------------------------------ XML helpers


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(f"w:{tag}", attrs={_w(k): v for k, v in attributes.items()})


#: The order schema-valid `w:pPr` children must follow (the part of it used here).
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


#: The order of `w:rPr` children (the part of it used here).
_RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)


def _reorder(parent: Any, order: tuple[str, ...]) -> None:
    """Put the children of `w:pPr` / `w:rPr` back in schema order after direct XML edits (Word
    refuses a document whose property elements are out of order)."""
    rank = {_w(name): index for index, name in enumerate(order)}
    children = sorted(parent, key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        parent.remove(child)
        parent.append(child)
