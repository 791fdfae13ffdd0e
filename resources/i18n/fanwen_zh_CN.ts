<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <source>An unexpected error occurred: {error}</source>
        <extracomment>The file faulthandler writes into: it must stay open for the life of the process.</extracomment>
        <translation>发生了意外错误：{error}</translation>
    </message>
    <message>
        <source>Your draft has been saved automatically to {path}.</source>
        <translation>您的草稿已自动保存到 {path}。</translation>
    </message>
    <message>
        <source>There were no unsaved changes; nothing has been lost.</source>
        <translation>没有未保存的修改，未丢失任何内容。</translation>
    </message>
    <message>
        <source>The details are in {path}.</source>
        <translation>详细信息已记录在 {path}。</translation>
    </message>
    <message>
        <source>Save your draft, then restart Fanwen if it does not work as it should.</source>
        <translation>请先保存草稿；如果程序运行不正常，请重新启动范文填写助手。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Fanwen</source>
        <extracomment>Qt's kill switch for its GUI thread pool (read once, at the first large fill).</extracomment>
        <translation>范文填写助手</translation>
    </message>
    <message>
        <source>Cannot open the draft</source>
        <translation>无法打开草稿</translation>
    </message>
</context>
<context>
    <name>AutosaveControl</name>
    <message>
        <source>The autosave could not be written: {error}</source>
        <extracomment>The autosave is written this long after the last change... ...and never later than this after the first unsaved change. How long closing (or a write in this thread) waits for the autosave thread, in seconds. From the autosave thread, delivered in this object's thread. This session's autosave name (see app.core.autosave).</extracomment>
        <translation>无法写入自动保存文件：{error}</translation>
    </message>
    <message>
        <source>an untitled draft</source>
        <translation>未命名的草稿</translation>
    </message>
    <message>
        <source>Fanwen did not close properly last time. A draft was saved automatically at {time}: {name} ({title}, {filled} fields filled).

Recover it?</source>
        <translation>范文填写助手上次没有正常关闭。{time} 自动保存了一份草稿：{name}（{title}，已填 {filled} 项）。

是否恢复？</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>The report was exported to:
{path}</source>
        <translation>报告已导出到：
{path}</translation>
    </message>
    <message>
        <source>Open the &amp;file</source>
        <translation>打开文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open the f&amp;older</source>
        <translation>打开所在文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to “{name}”?</source>
        <translation>是否保存对“{name}”的修改？</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don't save them.</source>
        <translation>如果不保存，所做的修改将会丢失。</translation>
    </message>
    <message>
        <source>Recover a draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <source>If you do not recover it now, it is kept aside in the autosave folder.</source>
        <translation>如果现在不恢复，它会被另存在自动保存文件夹中，不会立即删除。</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>暂不恢复(&amp;N)</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>程序出错</translation>
    </message>
</context>
<context>
    <name>DraftFiles</name>
    <message>
        <source>Fanwen drafts (*{suffix})</source>
        <translation>范文草稿 (*{suffix})</translation>
    </message>
    <message>
        <source>Untitled</source>
        <extracomment>The draft's file changed (saved, saved as, opened): the title follows.</extracomment>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Cannot open the draft</source>
        <translation>无法打开草稿</translation>
    </message>
    <message>
        <source>Open a draft</source>
        <translation>打开草稿</translation>
    </message>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message>
        <source>The template has changed</source>
        <translation>模板已更新</translation>
    </message>
    <message>
        <source>Save the draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>The draft was not saved</source>
        <translation>草稿未能保存</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>(no backup of the previous version: {error})</source>
        <translation>（未能备份上一版本：{error}）</translation>
    </message>
    <message>
        <source>{file}: file not found.</source>
        <translation>{file}：找不到文件。</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export the report</source>
        <extracomment>The writer chose to go to a field with a problem instead of exporting.</extracomment>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{file}: cannot be written: {error}</source>
        <translation>{file}：无法写入：{error}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>No program could open {path}.</source>
        <translation>没有程序能打开 {path}。</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Still to do:</source>
        <extracomment>Encodings offered for txt, in the order shown. Formats whose files carry document properties (title, author).</extracomment>
        <translation>尚待处理：</translation>
    </message>
    <message>
        <source>&amp;Go to field</source>
        <translation>转到该字段(&amp;G)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Text &amp;encoding:</source>
        <translation>文本编码(&amp;E)：</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Notepad, WPS)</source>
        <translation>UTF-8（带 BOM，适用于记事本、WPS）</translation>
    </message>
    <message>
        <source>GB18030 (older Chinese software)</source>
        <translation>GB18030（适用于较旧的中文软件）</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>Written into the properties of DOCX and PDF files</source>
        <translation>写入 DOCX 和 PDF 文件的文档属性</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>{filled} of {total} fields filled; {count} problems.</source>
        <translation>已填 {filled}/{total} 项，有 {count} 个问题。</translation>
    </message>
    <message>
        <source>All {total} fields are filled in. The report is ready.</source>
        <translation>全部 {total} 项均已填写，报告可以导出了。</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分数</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Template fields</source>
        <extracomment>Saving over the template's own folder is allowed only for the writer's own template.</extracomment>
        <translation>模板字段</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, - and _; the name of the template's folder.</source>
        <translation>小写字母、数字、- 和 _；也是模板文件夹的名称。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Template &amp;id:</source>
        <translation>模板编号(&amp;I)：</translation>
    </message>
    <message>
        <source>Fields marked “×N” stand for the same thing in N places (such as ××县); if they are not the same, select the field and choose Split.</source>
        <translation>标有“×N”的字段代表 N 处相同的内容（如 ××县）；如果不是同一内容，请选中该字段后点“拆分”。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>处数</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Merge selected</source>
        <translation>合并所选(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;plit</source>
        <translation>拆分(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Required</source>
        <translation>必填(&amp;R)</translation>
    </message>
    <message>
        <source>Places in the text</source>
        <translation>在正文中的位置</translation>
    </message>
    <message>
        <source>Own &amp;field for this place</source>
        <translation>此处单独成字段(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Not a placeholder</source>
        <translation>不是占位符(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>名称(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>单位(&amp;N)：</translation>
    </message>
    <message>
        <source>Places in the text:</source>
        <translation>在正文中的位置：</translation>
    </message>
    <message>
        <source>Preview of the template:</source>
        <translation>模板预览：</translation>
    </message>
    <message>
        <source>The template was not saved</source>
        <translation>模板没有保存</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Next problem (F8)</source>
        <extracomment>Emitted after the preview was (re)drawn completely (start-up, another report, steps). Increases each time a field gets the focus: typing merges within one run only.</extracomment>
        <translation>下一个问题 (F8)</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Preview (click a value to edit it)</source>
        <translation>预览（点击文中的数值可直接修改）</translation>
    </message>
    <message>
        <source>Preview of the report</source>
        <translation>报告预览</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name}[*] — Fanwen</source>
        <translation>{name}[*] — 范文填写助手</translation>
    </message>
    <message>
        <source>No problems left: the report is complete.</source>
        <translation>没有待处理的问题了：报告已填写完整。</translation>
    </message>
    <message>
        <source>Filled {filled}/{total}</source>
        <translation>已填 {filled}/{total}</translation>
    </message>
    <message>
        <source>Problems: {count}</source>
        <translation>问题 {count} 个</translation>
    </message>
    <message>
        <source>Fanwen {version}
Fill in model reports (范文) step by step, with a live preview. Works offline.</source>
        <translation>范文填写助手 {version}
按步骤填写范文，实时预览报告。完全离线运行。</translation>
    </message>
    <message>
        <source>About Fanwen</source>
        <translation>关于范文填写助手</translation>
    </message>
</context>
<context>
    <name>ParagraphsDialog</name>
    <message>
        <source>Paragraphs and wording</source>
        <translation>段落与措辞</translation>
    </message>
    <message>
        <source>Uncheck a paragraph to leave it out of this report; reword one for this report only. The template itself does not change.</source>
        <translation>取消勾选即在本报告中不用该段；修改措辞只对本报告有效，模板本身不变。</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Re&amp;word…</source>
        <translation>修改措辞(&amp;W)…</translation>
    </message>
    <message>
        <source>Re&amp;store the template's wording</source>
        <translation>恢复原文(&amp;S)</translation>
    </message>
    <message>
        <source>Restore &amp;all</source>
        <translation>全部恢复原文(&amp;A)</translation>
    </message>
    <message>
        <source>[reworded] {text}</source>
        <translation>［已改］{text}</translation>
    </message>
    <message>
        <source>[left out] {text}</source>
        <translation>［不用］{text}</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Left out: {text} (click to put it back)</source>
        <extracomment>Font stacks in the spirit of the 公文 layout, with fallbacks found on Windows and Linux. Space around the report, in pixels. "To the end" for update rectangles. Blocks laid out per idle slice (see `Preview._layout_ahead`). Paragraphs per frame (see the module docstring): small enough that laying out one frame is cheap, large enough that few frames follow any change. The first report shown: characters laid out before the view knows its size (less than a screen of the preview); the rest is shown once the view is filled (see `Preview._fill_view`). Paragraphs put back per idle slice after the first paint. The look of a left-out paragraph's line. A left-out paragraph's line was clicked: put it back (its template paragraph id). The report's first paint is done (the start-up ends there, see app.ui.application). What each block shows: the paragraph and the focused key it was drawn with. The first paragraph not shown yet (the first report of a new view shows one screen first, see `_hide_below_first_screen`); len(self._shown) when all are. How many full renders and block replacements were made (tests and benchmarks). Where the left-out paragraphs are (asked at every full render; see `LeftOut`).</extracomment>
        <translation>已不用：{text}（点击恢复此段）</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Export: the report is not complete</source>
        <translation>导出：报告尚未填写完整</translation>
    </message>
    <message>
        <source>These fields are empty or have a problem. Empty places are exported as the model text's placeholders (XX).</source>
        <translation>以下字段尚未填写或有问题。未填写之处将按范文原样导出为占位符（XX）。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Go to field</source>
        <translation>转到该字段(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Export anyway</source>
        <translation>仍然导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Steps</source>
        <extracomment>Item data: the step's title, its progress line, and whether it is done. How many of the widest titles the items' common height is measured from. While set, item changes cannot change an item's height (see `dataChanged`).</extracomment>
        <translation>步骤</translation>
    </message>
    <message>
        <source>{filled}/{total} filled</source>
        <translation>已填 {filled}/{total}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>{context} (used in {count} places)</source>
        <extracomment>Rows built at once when a page is first shown; the rest follow in slices of the same size.</extracomment>
        <translation>{context}（全文共 {count} 处）</translation>
    </message>
</context>
<context>
    <name>TemplateActions</name>
    <message>
        <source>&amp;New from template…</source>
        <translation>从模板新建(&amp;N)…</translation>
    </message>
    <message>
        <source>New template from a &amp;model text (范文)…</source>
        <translation>从范文新建模板(&amp;M)…</translation>
    </message>
    <message>
        <source>Edit the template's &amp;fields…</source>
        <translation>编辑模板字段(&amp;F)…</translation>
    </message>
    <message>
        <source>The model text cannot be imported</source>
        <translation>无法导入该范文</translation>
    </message>
    <message>
        <source>The template cannot be used</source>
        <translation>无法使用该模板</translation>
    </message>
    <message>
        <source>This report now uses the edited template “{title}”.</source>
        <translation>本报告现已使用修改后的模板“{title}”。</translation>
    </message>
    <message>
        <source>Template “{title}” saved in {folder}</source>
        <translation>模板“{title}”已保存在 {folder}</translation>
    </message>
    <message>
        <source>New template from a model text</source>
        <translation>从范文新建模板</translation>
    </message>
    <message>
        <source>Model texts (*.txt *.docx)</source>
        <translation>范文（*.txt *.docx）</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>模板已保存</translation>
    </message>
    <message>
        <source>The template “{title}” was saved. Start a new report from it now?</source>
        <translation>模板“{title}”已保存。现在用它新建一份报告吗？</translation>
    </message>
</context>
<context>
    <name>TemplateChooser</name>
    <message>
        <source>New report from a template</source>
        <translation>从模板新建报告</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段数</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>From a &amp;model text (范文)…</source>
        <translation>从范文新建(&amp;M)…</translation>
    </message>
    <message>
        <source>Edit &amp;fields…</source>
        <translation>编辑字段(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Shared folder…</source>
        <translation>共享文件夹(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;New report</source>
        <translation>新建报告(&amp;N)</translation>
    </message>
    <message>
        <source>Built-in templates</source>
        <translation>内置模板</translation>
    </message>
    <message>
        <source>My templates</source>
        <translation>我的模板</translation>
    </message>
    <message>
        <source>Shared templates</source>
        <translation>共享模板</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Templates that cannot be used</source>
        <translation>无法使用的模板</translation>
    </message>
    <message>
        <source>Shared folder: {folder}</source>
        <translation>共享文件夹：{folder}</translation>
    </message>
    <message>
        <source>No shared template folder is set.</source>
        <translation>尚未设置共享模板文件夹。</translation>
    </message>
    <message>
        <source>Shared template folder</source>
        <translation>共享模板文件夹</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Undo</source>
        <extracomment>The toolbar's actions and the names of their icons among the style's.</extracomment>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>撤销 {action}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做 {action}(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;blank report</source>
        <translation>新建空白报告(&amp;B)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Previous step</source>
        <translation>上一步(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Next &amp;problem</source>
        <translation>下一个问题(&amp;P)</translation>
    </message>
    <message>
        <source>Previous p&amp;roblem</source>
        <translation>上一个问题(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Fanwen</source>
        <translation>关于范文填写助手(&amp;A)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>WordingActions</name>
    <message>
        <source>&amp;Paragraphs and wording…</source>
        <extracomment>Characters of a left-out paragraph shown on its line in the preview.</extracomment>
        <translation>段落与措辞(&amp;P)…</translation>
    </message>
    <message>
        <source>{count} changes of wording in this draft no longer match the template and were not applied (the template has changed).</source>
        <translation>本草稿中有 {count} 处措辞修改与模板已不一致，没有应用（模板已改动）。</translation>
    </message>
    <message>
        <source>&amp;Leave this paragraph out</source>
        <translation>不用此段(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;word…</source>
        <translation>修改措辞(&amp;W)…</translation>
    </message>
    <message>
        <source>Re&amp;store the template's wording</source>
        <translation>恢复原文(&amp;S)</translation>
    </message>
    <message>
        <source>The wording was not changed</source>
        <translation>措辞没有修改</translation>
    </message>
    <message>
        <source>Restore all</source>
        <translation>全部恢复原文</translation>
    </message>
    <message>
        <source>Put back the template's wording in every paragraph of this report?</source>
        <translation>把本报告所有段落恢复为模板原文吗？</translation>
    </message>
</context>
<context>
    <name>WordingEditDialog</name>
    <message>
        <source>Reword the paragraph</source>
        <extracomment>Characters of a paragraph shown in the list of paragraphs. How a field place is named in the editor's document (its anchor): "field:key" or "sign:key:positive:negative".</extracomment>
        <translation>修改段落措辞</translation>
    </message>
    <message>
        <source>Change the wording for this report only. A field's value is shown on a tinted ground: keep it where the value should go (you may delete it, or type a field as 〔label〕).</source>
        <translation>只修改本报告的措辞。带底色的是字段的值：请把它留在该填值的位置（可以删去，也可以用〔标签〕写入字段）。</translation>
    </message>
    <message>
        <source>Template wording:</source>
        <translation>模板原文：</translation>
    </message>
    <message>
        <source>Wording in this report:</source>
        <translation>本报告中的措辞：</translation>
    </message>
    <message>
        <source>&amp;Restore the template's wording</source>
        <translation>恢复原文(&amp;R)</translation>
    </message>
</context>
</TS>