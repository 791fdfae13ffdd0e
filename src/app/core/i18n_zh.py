"""Chinese (zh_CN) translations of the core's messages: English source -> Chinese.

Every string passed to `app.core.i18n._` needs an entry here; `tests/core/test_i18n.py` fails
when one is missing or when a translation drops or invents a `{placeholder}`.
"""

ZH_CN: dict[str, str] = {
    # ---------------------------------------------------------------- command line
    "Unknown command.": "未知的命令。",
    "{file}: {filled} of {total} fields filled, {errors} problems, {warnings} warnings.": "{file}：已填 {filled}/{total} 项，{errors} 个问题，{warnings} 个提醒。",
    "{command}: {error} (see “fanwen --help”)": "{command}：{error}（参见“fanwen --help”）",
    "Fill in Chinese model reports (范文).": "范文填写助手：按范文逐项填写报告。",
    "open the desktop app": "打开桌面程序",
    "a draft file to open": "要打开的草稿文件",
    "open the window, render the preview, and exit": "打开窗口、生成预览后退出（自检用）",
    "list the templates available": "列出可用的模板",
    "print JSON": "以 JSON 格式输出",
    "list a template's fields in document order": "按正文顺序列出模板的字段",
    "template id (default: sixin)": "模板编号（默认：sixin）",
    "check a draft: unfilled, invalid, warnings": "检查草稿：未填、填写有误和提醒",
    "export a draft as a report": "将草稿导出为报告",
    "output file": "输出文件",
    "text encoding for txt (default: UTF-8 with BOM)": "txt 的文字编码（默认：带 BOM 的 UTF-8）",
    "export even with unfilled or invalid fields": "即使有未填或有误的字段也导出",
    "Values the template does not know (kept in the file): {keys}": "模板中没有的值（已保留在文件中）：{keys}",
    "Unknown export format “{format}” (known: {known}).": "未知的导出格式“{format}”（可选：{known}）。",
    "Warning: {message}": "提醒：{message}",
    "Internal error: {error} (details in {log})": "内部错误：{error}（详情见 {log}）",
    "{file}: {error}": "{file}：{error}",
    "{file}: not exported: {count} fields are unfilled or invalid (use --force to export "
    "anyway):": "{file}：未导出：有 {count} 项未填或填写有误（如仍要导出，请加 --force）：",
    "{count} fields": "{count} 个字段",
    "{label}: {message}": "{label}：{message}",
    # ---------------------------------------------------------------- drafts
    "{file}: the file is empty.": "{file}：文件是空的。",
    "{file}: not a Fanwen draft.": "{file}：不是范文填写助手的草稿文件。",
    "{file}: not a Fanwen draft (it has no “values”).": "{file}：不是范文填写助手的草稿文件（缺少“values”）。",
    "{file}: the draft's “version” is not a whole number.": "{file}：草稿的“version”不是整数。",
    "{file}: made by a newer version of Fanwen (draft format {version}); please update Fanwen "
    "to open it.": "{file}：由更新版本的范文填写助手保存（草稿格式 {version}），请升级后再打开。",
    "{file}: the draft's “template” must be a template id.": "{file}：草稿的“template”应为模板编号。",
    "{file}: the draft's “values” must be an object of field values.": "{file}：草稿的“values”应为“字段: 值”的对象。",
    "{file}: not a Fanwen draft (not a text file).": "{file}：不是范文填写助手的草稿文件（不是文本文件）。",
    "{file}: not a Fanwen draft (damaged JSON at line {line}, column {column}).": "{file}：不是有效的草稿文件（JSON 在第 {line} 行第 {column} 列处损坏）。",
    "{file}: not a Fanwen draft (damaged JSON).": "{file}：不是有效的草稿文件（JSON 已损坏）。",
    "{file}: value “{key}” must be text or a number.": "{file}：值“{key}”应为文字或数字。",
    "{file}: is a folder, not a draft file.": "{file}：是文件夹，不是草稿文件。",
    "{file}: too large to be a draft.": "{file}：文件太大，不是草稿文件。",
    # ---------------------------------------------------------------- files
    "{file}: file not found.": "{file}：找不到文件。",
    "{file}: permission denied.": "{file}：没有权限读取。",
    "{file}: cannot be read: {error}": "{file}：无法读取：{error}",
    "{file}: is a folder.": "{file}：是文件夹。",
    "{file}: the folder does not exist.": "{file}：所在文件夹不存在。",
    "{file}: permission denied; choose another place.": "{file}：没有写入权限，请换一个位置。",
    "{file}: cannot be written: {error}": "{file}：无法写入：{error}",
    # ---------------------------------------------------------------- values
    "“{value}” is not a number.": "“{value}”不是数字。",
    "Must be at most {high}.": "不能大于 {high}。",
    "“{value}” is not a whole number.": "“{value}”不是整数。",
    "“{value}” is not a year.": "“{value}”不是年份。",
    "“{value}” is not a month (1 to 12).": "“{value}”不是月份（1 到 12）。",
    "“{value}” is not a day of the month (1 to 31).": "“{value}”不是日期（1 到 31）。",
    "A month is from 1 to 12.": "月份应在 1 到 12 之间。",
    "A day of the month is from 1 to 31.": "日应在 1 到 31 之间。",
    "Must be from {low} to {high}.": "应在 {low} 到 {high} 之间。",
    "Must be at least {low}.": "不能小于 {low}。",
    "Must not be negative.": "不能是负数。",
    "Enter a whole number, without decimals.": "请填写整数，不带小数。",
    "Enter the year with four digits, such as 2026.": "请用四位数字填写年份，如 2026。",
    "Must be on one line, without line breaks.": "请填写在一行内，不要换行。",
    "Not filled in yet.": "尚未填写。",
    "The reworded paragraph “{start}…” may hold a word the template picks by this value (such as 增长/下降): reworded, it no longer follows the value. Check it, or restore the template's wording.": "改写过的段落“{start}……”中可能有模板按此数值选定的词（如“增长/下降”），改写后它不再随数值变化。请核对，或恢复原文。",
    # ---------------------------------------------------------------- templates
    "“{id}” is not a valid template id.": "“{id}”不是有效的模板编号。",
    "Unknown template “{id}” (available: {ids}).": "未知的模板“{id}”（可用：{ids}）。",
    "{file}: the template id “{id}” differs from its folder name.": "{file}：模板编号“{id}”与文件夹名称不一致。",
    "must be a whole number.": "应为整数。",
    "made by a newer version of Fanwen (format {format}); please update Fanwen.": "由更新版本的范文填写助手制作（格式 {format}），请升级。",
    "“{value}” is not a valid id (lower-case letters, digits, - and _).": "“{value}”不是有效的编号（只能用小写字母、数字、- 和 _）。",
    "must be a file name in the template folder.": "应为模板文件夹中的文件名。",
    "at least one section is needed.": "至少需要一个章节。",
    "{file}: fields declared in the schema but not used in the body: {keys}": "{file}：以下字段已在说明文件中声明，但正文没有使用：{keys}",
    "“{value}” is not a valid key (letters, digits and _, not starting with a digit).": "“{value}”不是有效的键名（字母、数字和 _，不能以数字开头）。",
    "“{value}” is used twice.": "“{value}”重复使用。",
    "unknown section “{value}”.": "未知的章节“{value}”。",
    "is greater than max.": "大于 max。",
    "must be text in quotes.": "应为带引号的文字。",
    "a rule has either “check” or “date”, not both.": "一条规则只能有“check”或“date”之一。",
    "{file}: not UTF-8 text.": "{file}：不是 UTF-8 编码的文本。",
    "{file}: not valid TOML: {error}": "{file}：不是有效的 TOML：{error}",
    "“{value}” is not a valid id.": "“{value}”不是有效的编号。",
    "unknown field “{value}”.": "未知的字段“{value}”。",
    "{file}: “@section {id}” names a section the schema does not declare.": "{file}：“@section {id}”所指的章节未在说明文件中声明。",
    "a [{key}] table is needed.": "需要 [{key}] 表。",
    "a list of [[{key}]] tables is needed.": "需要 [[{key}]] 表的列表。",
    "missing.": "缺少此项。",
    "must be true or false.": "应为 true 或 false。",
    "unknown setting (known: {known}).": "未知的设置项（可用：{known}）。",
    "unknown field kind “{value}” (known: {known}).": "未知的字段类型“{value}”（可用：{known}）。",
    "must be “error” or “warning”.": "应为“error”或“warning”。",
    "must be a table with “month” and “day”.": "应为包含“month”和“day”的表。",
    "must be a number.": "应为数字。",
    "must name a number field.": "应为数字类字段的键名。",
    "{file}, line {line}: template syntax error: {error}": "{file}，第 {line} 行：模板语法错误：{error}",
    "{file}: the body uses field “{key}”, which the schema does not declare.": "{file}：正文使用了说明文件中没有声明的字段“{key}”。",
    "{file}: the template cannot be rendered: {error}": "{file}：模板无法生成正文：{error}",
    "{file}: the body contains reserved characters.": "{file}：正文包含保留字符。",
    "{file}: the template takes too long or produces too much text; it was stopped.": "{file}：模板运行时间过长或生成的文字过多，已被终止。",
    "{file}: “@section” needs a section id.": "{file}：“@section”后面需要章节编号。",
    # ---------------------------------------------------------------- rules
    "the expression must compare values, such as “a <= b”.": "表达式应为比较，如“a <= b”。",
    "the expression names no field.": "表达式中没有字段。",
    "not a valid expression: {error}": "不是有效的表达式：{error}",
    "unknown number field “{key}”.": "未知的数字类字段“{key}”。",
    "only numbers may be written in a rule: {value}": "规则中只能写数字：{value}",
    "“{part}” is not allowed in a rule.": "规则中不允许使用“{part}”。",
    # ---------------------------------------------------------------- steps and formats
    "Preview and export": "预览与导出",
    # Descriptions of the export formats in FORMATS (shown translated by the app).
    "Plain text": "纯文本",
    "Web page": "网页",
    # ---------------------------------------------------------------- saving and migration
    "{file}: the disk is full.": "{file}：磁盘已满。",
    "{file}: the disk is read-only.": "{file}：磁盘为只读。",
    "This draft was made with version {old} of the template “{title}”; version {new} is installed.": "此草稿是用模板“{title}”的 {old} 版填写的，当前安装的是 {new} 版。",
    "Values moved to renamed fields: {labels}.": "以下字段已改名，原有数值已移入：{labels}。",
    "These values have no place in this version of the template; they are kept in the draft file and written back when it is saved: {values}": "以下数值在此版模板中没有对应位置，已保留在草稿文件中，保存时会原样写回：{values}",
    " and {count} more": " 等，另有 {count} 项",
    "Word document": "Word 文档",
    "PDF": "PDF 文档",
    # app.printing
    "The PDF cannot be drawn.": "无法生成 PDF。",
}

# ------------------------------------------------------- issue 8: import, editor, wording
ZH_CN.update(
    {
        # app.core.importer
        "{file}: cannot import this kind of file (use {suffixes}).": (
            "{file}：无法导入此类文件（请使用 {suffixes}）。"
        ),
        "{file}: is a folder, not a file.": "{file}：是文件夹，不是文件。",
        "{file}: too large to be a 范文.": "{file}：文件过大，不像是一篇范文。",
        "{file}: not a text file in UTF-8 or GB18030.": (
            "{file}：不是 UTF-8 或 GB18030 编码的文本文件。"
        ),
        "{file}: Word files cannot be read here.": "{file}：此处无法读取 Word 文件。",
        "{file}: not a Word (.docx) document.": "{file}：不是 Word（.docx）文档。",
        "{file}: the Word document cannot be read: {error}": (
            "{file}：无法读取该 Word 文档：{error}"
        ),
        "{file}: the document has {count} tables; their text was not imported.": (
            "{file}：文档中有 {count} 个表格，表格中的文字没有导入。"
        ),
        "{file}: there is no text to import.": "{file}：没有可导入的文字。",
        "{file}, paragraph {number}: contains characters Fanwen reserves (U+E000, U+E001); "
        "remove them and import again.": (
            "{file}，第 {number} 段：含有范文助手保留的字符（U+E000、U+E001），请删除后重新导入。"
        ),
        "{file}: no placeholders found (such as XX, ××, ＸＸ, X,XXX, X.X or XXXX年); mark the "
        "facts to fill in with them and import again.": (
            "{file}：没有找到占位符（如 XX、××、ＸＸ、X,XXX、X.X、XXXX年）；"
            "请用占位符标出要填写的内容后重新导入。"
        ),
        "Imported from {file}.": "从 {file} 导入。",
        # app.core.template_edit
        "A field's label cannot be empty.": "字段名称不能为空。",
        "A field's placeholder cannot be empty.": "字段的占位符不能为空。",
        "Rule “{rule}” was removed: it compared fields that are now one.": (
            "已删除规则“{rule}”：它比较的字段已合并为一个。"
        ),
        "Rule “{rule}” was removed: it compares “{label}”, which is now text.": (
            "已删除规则“{rule}”：它比较的“{label}”现在是文字字段。"
        ),
        "“{id}” is not a valid template id: use lower-case letters, digits, - and _ (at most "
        "64, starting with a letter or digit).": (
            "“{id}”不是有效的模板编号：请使用小写字母、数字、- 和 _"
            "（最多 64 个字符，以字母或数字开头）。"
        ),
        "“{id}” is the id of a built-in template; choose another id.": (
            "“{id}”是内置模板的编号，请另选一个编号。"
        ),
        "A template with the id “{id}” already exists ({folder}); choose another id.": (
            "编号为“{id}”的模板已经存在（{folder}），请另选一个编号。"
        ),
        "Fanwen template: metadata, sections and fields; the wording is in {body}.": (
            "范文助手模板：元数据、章节和字段；正文在 {body} 中。"
        ),
        # app.core.sandbox
        "{file}: the template body is too large ({size} characters; at most {limit}).": (
            "{file}：模板正文过大（{size} 个字符，最多 {limit} 个）。"
        ),
        "{file}, line {line}: {problem}; templates that are not built in may not do this, so "
        "the template is not used.": (
            "{file}，第 {line} 行：{problem}；非内置模板不允许这样做，因此不使用该模板。"
        ),
        "it reads another file (“{tag}”)": "它读取其他文件（“{tag}”）",
        "it reads the attribute “{name}”": "它读取属性“{name}”",
        "it reads an item of a value (“[…]”)": "它读取值中的元素（“[…]”）",
        "it contains a loop (“for”)": "它含有循环（“for”）",
        "it uses the filter or test “{name}”": "它使用过滤器或测试“{name}”",
        "it calls “{name}”": "它调用“{name}”",
        "it passes *args or **kwargs to “{name}”": "它向“{name}”传递 *args 或 **kwargs",
        "it uses the name “{name}”": "它使用名称“{name}”",
        "it uses “{construct}”": "它使用“{construct}”",
        # app.core.wording
        "A paragraph's wording must be one line, without line breaks.": (
            "段落文字必须是一行，不能换行。"
        ),
        "The wording contains characters Fanwen reserves.": "文字中含有范文助手保留的字符。",
        "The wording names a field the template does not have: “{key}”.": (
            "文字中引用了模板没有的字段：“{key}”。"
        ),
        "{file}: the draft's “wording” must be an object of paragraph changes.": (
            "{file}：草稿中的“wording”必须是段落修改的对象。"
        ),
        "{file}: “{where}” must be an object.": "{file}：“{where}”必须是对象。",
        "{file}: “{where}” is not a paragraph change.": "{file}：“{where}”不是段落修改。",
        "{file}: “{where}.text” must be a list.": "{file}：“{where}.text”必须是列表。",
        "{file}: “{where}.text” holds something that is neither wording nor a field.": (
            "{file}：“{where}.text”中有既不是文字也不是字段的内容。"
        ),
        # app.cli
        "manage your own templates": "管理自己的模板",
        "make a template of a 范文 (.txt or .docx) and print its id": (
            "把一篇范文（.txt 或 .docx）做成模板，并输出模板编号"
        ),
        "the 范文: a .txt or .docx file": "范文：.txt 或 .docx 文件",
        "the new template's id (default: from the file)": "新模板的编号（默认按文件名生成）",
        "the new template's title (default: the 范文's title line)": (
            "新模板的标题（默认取范文的标题行）"
        ),
        "fanwen template: say what to do (see “fanwen template --help”)": (
            "fanwen template：请指明要做什么（见“fanwen template --help”）"
        ),
        "{title}: {fields} fields for {places} placeholders ({entities} recurring), saved in "
        "{folder}": (
            "{title}：{places} 处占位符，{fields} 个字段（其中 {entities} 个多处出现），"
            "保存在 {folder}"
        ),
        "Warning: {file}: the change to paragraph {paragraph} no longer matches the template "
        "and was not applied.": (
            "警告：{file}：对第 {paragraph} 段的修改与模板已不一致，没有应用。"
        ),
    }
)

# app.ui.application
ZH_CN[
    "No graphical display (DISPLAY is not set): run Fanwen on the desktop, or use its commands, "
    "such as “fanwen export”."
] = "没有图形显示（未设置 DISPLAY）：请在桌面环境中运行范文填写助手，或使用“fanwen export”等命令。"

# app.cli: the author of DOCX and PDF exports
ZH_CN["the author written into DOCX and PDF properties"] = "写入 DOCX 和 PDF 文档属性的作者"
ZH_CN["The author is {length} characters long; documents hold at most {limit}."] = (
    "作者有 {length} 个字符，文档属性最多只能容纳 {limit} 个。"
)

# app.core.session: what Undo and Redo would take back or do again
ZH_CN["typing in “{label}”"] = "输入“{label}”"
ZH_CN["editing the template's fields"] = "编辑模板字段"
ZH_CN["leaving out a paragraph"] = "删去段落"
ZH_CN["putting back a paragraph"] = "恢复删去的段落"
ZH_CN["rewording a paragraph"] = "改写段落"
ZH_CN["restoring a paragraph's wording"] = "恢复段落原文"
ZH_CN["restoring the template's wording"] = "全部恢复原文"
