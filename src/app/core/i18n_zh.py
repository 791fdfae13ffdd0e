"""Chinese (zh_CN) translations of the core's messages: English source -> Chinese."""

ZH_CN: dict[str, str] = {}

# ------------------------------------------------------- issue 8: import, editor, wording
ZH_CN.update(
    {
        # shared with other core modules, used by the importer and the editor too
        "{file}: file not found.": "{file}：找不到文件。",
        "{file}: permission denied.": "{file}：没有权限。",
        "{file}: cannot be read: {error}": "{file}：无法读取：{error}",
        "{file}: cannot be written: {error}": "{file}：无法写入：{error}",
        "{file}, line {line}: template syntax error: {error}": (
            "{file}，第 {line} 行：模板语法错误：{error}"
        ),
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
