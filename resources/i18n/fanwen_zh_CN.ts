<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Fanwen</source>
        <extracomment>Qt's kill switch for its GUI thread pool (read once, at the first large fill).</extracomment>
        <translation>范文填写助手</translation>
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
    <name>BatchActions</name>
    <message>
        <source>&amp;Batch: a report per row…</source>
        <extracomment>How many incomplete rows the question lists before “… and N more”.</extracomment>
        <translation>批量生成(&amp;B)…</translation>
    </message>
    <message>
        <source>One report of this template for each row of a spreadsheet</source>
        <translation>按表格每行生成一份本模板的报告</translation>
    </message>
    <message>
        <source>Batch: the spreadsheet of rows</source>
        <translation>批量生成：选择表格</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量生成</translation>
    </message>
    <message>
        <source>Format of the reports:</source>
        <translation>报告格式：</translation>
    </message>
    <message>
        <source>Batch: the folder for the reports</source>
        <translation>批量生成：存放报告的文件夹</translation>
    </message>
    <message>
        <source>Write the complete reports</source>
        <translation>生成完整的报告</translation>
    </message>
    <message>
        <source>Write all</source>
        <translation>全部生成</translation>
    </message>
    <message>
        <source>{count} rows: {complete} complete, {incomplete} incomplete or invalid.</source>
        <translation>{count} 行：{complete} 行完整，{incomplete} 行不完整或有误。</translation>
    </message>
    <message>
        <source>Columns matching no field (not used): {names}</source>
        <translation>没有对应字段的列（未使用）：{names}</translation>
    </message>
    <message>
        <source>Cannot make the reports</source>
        <translation>无法生成报告</translation>
    </message>
    <message>
        <source>Writing the reports…</source>
        <translation>正在生成报告……</translation>
    </message>
    <message>
        <source>{count} reports written to {folder}.</source>
        <translation>已在 {folder} 生成 {count} 份报告。</translation>
    </message>
    <message>
        <source>{count} incomplete rows left out.</source>
        <translation>{count} 行不完整，未生成。</translation>
    </message>
</context>
<context>
    <name>ChangeWording</name>
    <message>
        <source>How a change reads</source>
        <translation>增减的写法</translation>
    </message>
    <message>
        <source>When it ri&amp;ses:</source>
        <translation>上升时写作(&amp;S)：</translation>
    </message>
    <message>
        <source>When it f&amp;alls:</source>
        <translation>下降时写作(&amp;A)：</translation>
    </message>
    <message>
        <source>When there is n&amp;o change:</source>
        <translation>为零时写作(&amp;O)：</translation>
    </message>
    <message>
        <source>{token} stands for the number without its sign; leave it out where the text does not give the number.</source>
        <translation>{token}代表不带正负号的数值；不写数值的说法（如“与上年持平”）可以不用它。</translation>
    </message>
    <message>
        <source>〔value〕</source>
        <translation>〔数值〕</translation>
    </message>
    <message>
        <source>{value}: {sentence}</source>
        <translation>填 {value}：{sentence}</translation>
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
        <source>If you do not recover it now, it is kept aside: File &gt; Recover unsaved reports brings it back.</source>
        <translation>现在不恢复的话，它会被另外保留：可以通过“文件 &gt; 恢复未保存的报告”找回。</translation>
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
        <source>The draft is open elsewhere</source>
        <translation>草稿已在别处打开</translation>
    </message>
    <message>
        <source>“{name}” is already open in another Fanwen window (process {pid} on {host}).</source>
        <translation>“{name}”已在另一个范文填写助手窗口中打开（{host} 上的进程 {pid}）。</translation>
    </message>
    <message>
        <source>Two windows saving one file would overwrite each other's work. You can open a copy: it is untitled, and saving it asks for a new name.</source>
        <translation>两个窗口保存同一个文件会互相覆盖对方的内容。可以打开一份副本：副本未命名，保存时会询问新的文件名。</translation>
    </message>
    <message>
        <source>Open a &amp;copy</source>
        <translation>打开副本(&amp;C)</translation>
    </message>
    <message>
        <source>“{name}” is open in another Fanwen window (process {pid}): this is a copy; saving it asks for a new name.</source>
        <extracomment>The draft's file changed (saved, saved as, opened): the title follows. Asked when a draft is open elsewhere (tests replace it). The lock of the draft's file, while one is held.</extracomment>
        <translation>“{name}”已在另一个范文填写助手窗口中打开（进程 {pid}）：这里是副本，保存时会询问新的文件名。</translation>
    </message>
    <message>
        <source>Open a draft</source>
        <extracomment>The draft's file changed (saved, saved as, opened): the title follows.</extracomment>
        <translation>打开草稿</translation>
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
        <source>{file}: open in another Fanwen window (process {pid} on {host}); save under another name.</source>
        <translation>{file}：已在另一个范文填写助手窗口中打开（{host} 上的进程 {pid}）；请另存为其他文件名。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>(no backup of the previous version: {error})</source>
        <translation>（未能备份上一版本：{error}）</translation>
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
        <source>{count} runs that look like blanks (such as {example}) are kept as written; to make one a field, import again and choose “A blank (make it a field)”.</source>
        <translation>有 {count} 处看似空白的内容（如 {example}）按原文保留；如要改动，可再次导入并选择“是空白（做成字段）”。</translation>
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
        <source>e.g. problems_rectified / problems_found * 100</source>
        <translation>例如：problems_rectified / problems_found * 100</translation>
    </message>
    <message>
        <source>Computed from other number fields (their keys, + - * /, prev("key") for the previous period); empty: typed by the writer.</source>
        <translation>由其他数值字段计算（用字段编号和 + - * /，上期数值写作 prev("key")）；留空则由填写人填写。</translation>
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
        <source>&amp;Formula:</source>
        <translation>公式(&amp;F)：</translation>
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
        <source>Rules between fields</source>
        <translation>字段间规则</translation>
    </message>
    <message>
        <source>The template was not saved</source>
        <translation>模板没有保存</translation>
    </message>
</context>
<context>
    <name>FontHint</name>
    <message>
        <source>The 公文 fonts are not installed: LibreOffice shows the whole DOCX in one sans font.</source>
        <translation>本机没有公文字体：LibreOffice 会把整篇 DOCX 显示为同一种黑体类字体。</translation>
    </message>
    <message>
        <source>Use free &amp;substitutes…</source>
        <translation>使用免费替代字体(&amp;S)…</translation>
    </message>
    <message>
        <source>Do&amp;n't show again</source>
        <translation>不再提示(&amp;N)</translation>
    </message>
</context>
<context>
    <name>FontRuleActions</name>
    <message>
        <source>Install &amp;substitutes for the 公文 fonts…</source>
        <extracomment>The object name of the menu action (the hint's button finds it by this name).</extracomment>
        <translation>安装公文字体替代规则(&amp;S)…</translation>
    </message>
    <message>
        <source>Remove the &amp;substitutes for the 公文 fonts…</source>
        <translation>移除公文字体替代规则(&amp;S)…</translation>
    </message>
    <message>
        <source>Substitutes for the 公文 fonts</source>
        <translation>公文字体替代规则</translation>
    </message>
    <message>
        <source>Fanwen writes a fontconfig rule to {file} so that LibreOffice and WPS show 仿宋, 楷体 and 小标宋 in a free serif font and 黑体 in a free sans font where they are not installed (installed fonts are still used).</source>
        <translation>将在 {file} 写入一条 fontconfig 规则，让 LibreOffice 和 WPS 在本机没有仿宋、楷体、小标宋时改用免费的宋体类字体，没有黑体时改用免费的黑体类字体（已安装的字体照常使用）。</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>安装(&amp;I)</translation>
    </message>
    <message>
        <source>The substitutes were not installed</source>
        <translation>替代规则未能安装</translation>
    </message>
    <message>
        <source>Installed. LibreOffice and WPS windows open now must be closed and opened again.</source>
        <translation>已安装。已经打开的 LibreOffice 和 WPS 窗口须关闭后重新打开才会生效。</translation>
    </message>
    <message>
        <source>No free serif Chinese font was found: install one too (Debian, UOS, Kylin: fonts-noto-cjk or fonts-arphic-uming).</source>
        <translation>本机没有找到免费的宋体类中文字体，请再安装一种（Debian、统信 UOS、麒麟：fonts-noto-cjk 或 fonts-arphic-uming）。</translation>
    </message>
    <message>
        <source>Remove {file}? LibreOffice and WPS then show the 公文 fonts as before.</source>
        <translation>移除 {file}？之后 LibreOffice 和 WPS 将照旧显示公文字体。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>The substitutes were not removed</source>
        <translation>替代规则未能移除</translation>
    </message>
    <message>
        <source>Removed. LibreOffice and WPS windows open now must be closed and opened again.</source>
        <translation>已移除。已经打开的 LibreOffice 和 WPS 窗口须关闭后重新打开才会生效。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;User guide</source>
        <extracomment>A mnemonic as Chinese texts write it ("导出(&amp;E)…"), or as English ones do ("&amp;Export").</extracomment>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>LeftOutLines</name>
    <message>
        <source>Left out: {text} (click to put it back)</source>
        <extracomment>The look of a left-out paragraph's line. A line was clicked: put that paragraph back (its template paragraph id). Where the left-out paragraphs are (asked at every full render of the preview).</extracomment>
        <translation>已不用：{text}（点击恢复此段）</translation>
    </message>
    <message>
        <source>Click to put it back</source>
        <translation>点击恢复此段</translation>
    </message>
    <message>
        <source>Left out: {text}</source>
        <translation>已不用：{text}</translation>
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
    <name>PeriodActions</name>
    <message>
        <source>New &amp;next period's report</source>
        <translation>新建下一期(&amp;N)</translation>
    </message>
    <message>
        <source>A new report from this one: the month or quarter advanced, text kept, numbers to fill with last period's shown beside them</source>
        <translation>由本期报告生成下一期：月份或季度推进，文字保留，数字重新填写，旁边显示上期数</translation>
    </message>
    <message>
        <source>Cannot make the next period's report</source>
        <translation>无法新建下一期</translation>
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
        <source>&amp;Export anyway</source>
        <translation>仍然导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message>
        <source>&amp;Unit information…</source>
        <translation>单位信息(&amp;U)…</translation>
    </message>
    <message>
        <source>The unit information was not saved</source>
        <translation>单位信息未保存</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Unit information</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Filled into every new report, in every template, where a field stands for it.</source>
        <translation>新建报告时（任何模板），自动填入对应的字段。</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover &amp;unsaved reports…</source>
        <extracomment>The draft's extra entry in an autosave naming the step the writer was on.</extracomment>
        <translation>恢复未保存的报告(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved reports</source>
        <translation>恢复未保存的报告</translation>
    </message>
    <message>
        <source>Drafts Fanwen saved automatically and that were never saved as a file, newest first (kept in {folder}). Choose one to open it; the report open now is closed first.</source>
        <translation>范文填写助手自动保存、但从未存为文件的草稿，最新的在前（保存在 {folder}）。选择一份即可打开；当前打开的报告会先关闭。</translation>
    </message>
    <message>
        <source>There are no unsaved reports to recover.</source>
        <translation>没有可以恢复的未保存报告。</translation>
    </message>
    <message>
        <source>Unsaved reports</source>
        <translation>未保存的报告</translation>
    </message>
    <message>
        <source>template “{id}” is not installed</source>
        <translation>模板“{id}”未安装</translation>
    </message>
    <message>
        <source>{time} · {name} · {title} · {filled} fields filled</source>
        <translation>{time} · {name} · {title} · 已填 {filled} 项</translation>
    </message>
    <message>
        <source> (not recovered at a start)</source>
        <translation>（启动时未恢复）</translation>
    </message>
</context>
<context>
    <name>RulesPart</name>
    <message>
        <source>Rules</source>
        <extracomment>The relation's item data for "a fixed number" in the list of what A is compared with. Whether the message in the form is the one the editor wrote (it then follows the choices); once the writer changes it, it is theirs.</extracomment>
        <translation>规则</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>目前</translation>
    </message>
    <message>
        <source>&amp;Add a rule</source>
        <translation>添加规则(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;elete the rule</source>
        <translation>删除规则(&amp;E)</translation>
    </message>
    <message>
        <source>Field A</source>
        <translation>字段 A</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Year of the date</source>
        <translation>日期的年份</translation>
    </message>
    <message>
        <source>Shown at the fields when the rule does not hold; a field name in braces shows its value.</source>
        <translation>规则不成立时显示在字段旁；用花括号括起的字段名称处显示填写的数值。</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>提示语(&amp;M)：</translation>
    </message>
    <message>
        <source>Only &amp;warn (does not stop the export)</source>
        <translation>只提醒，不阻止导出(&amp;W)</translation>
    </message>
    <message>
        <source>The template has no number field.</source>
        <translation>模板中没有数字类字段。</translation>
    </message>
    <message>
        <source>{rule} (only a warning)</source>
        <translation>{rule}（只提醒）</translation>
    </message>
    <message>
        <source>Cannot be checked: {reason}</source>
        <translation>无法检查：{reason}</translation>
    </message>
    <message>
        <source>Now: holds</source>
        <translation>目前：符合</translation>
    </message>
    <message>
        <source>Now: does not hold ({values})</source>
        <translation>目前：不符合（{values}）</translation>
    </message>
    <message>
        <source>Now: does not hold</source>
        <translation>目前：不符合</translation>
    </message>
    <message>
        <source>Now: not filled in yet</source>
        <translation>目前：尚未填完</translation>
    </message>
    <message>
        <source>{rule} (written as a formula in the template: only its message can be changed here)</source>
        <translation>{rule}（模板中写成了算式：这里只能修改提示语）</translation>
    </message>
    <message>
        <source>in any year</source>
        <translation>不限年份</translation>
    </message>
    <message>
        <source>in the year {name}</source>
        <translation>年份取“{name}”</translation>
    </message>
    <message>
        <source>a fixed number</source>
        <translation>一个固定数值</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SpreadsheetFill</name>
    <message>
        <source>&amp;Fill from a spreadsheet…</source>
        <extracomment>How many lines of changes the confirmation lists before “… and N more”.</extracomment>
        <translation>从表格填入(&amp;F)…</translation>
    </message>
    <message>
        <source>Fill this report's numbers from an .xlsx or .csv table of figures</source>
        <translation>从 .xlsx 或 .csv 统计表填入本报告的数字</translation>
    </message>
    <message>
        <source>Fill from a spreadsheet</source>
        <translation>从表格填入</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot fill from the spreadsheet</source>
        <translation>无法从表格填入</translation>
    </message>
    <message>
        <source>{count} values will be filled:</source>
        <translation>将填入 {count} 个数值：</translation>
    </message>
    <message>
        <source>The spreadsheet changes no value of this report.</source>
        <translation>表格中没有需要更改的数值。</translation>
    </message>
    <message>
        <source>Not filled, no field matches: {names}</source>
        <translation>未填入（没有对应字段）：{names}</translation>
    </message>
    <message>
        <source>Not filled, computed by a formula: {names}</source>
        <translation>未填入（由公式计算）：{names}</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>{filled}/{total} filled</source>
        <extracomment>Item data: the step's title, its progress line, and whether it is done. How many of the widest titles the items' common height is measured from. While set, item changes cannot change an item's height (see `dataChanged`).</extracomment>
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
        <source>(last period {value})</source>
        <extracomment>Rows built at once when a page is first shown; the rest follow in slices of the same size.</extracomment>
        <translation>（上期 {value}）</translation>
    </message>
    <message>
        <source>{context} (used in {count} places)</source>
        <extracomment>Rows built at once when a page is first shown; the rest follow in slices of the same size.</extracomment>
        <translation>{context}（全文共 {count} 处）</translation>
    </message>
</context>
<context>
    <name>SuspectsDialog</name>
    <message>
        <source>Not blanks?</source>
        <extracomment>The two choices of a row, in the order of its list.</extracomment>
        <translation>不是空白？</translation>
    </message>
    <message>
        <source>These look like blanks but probably are not. They stay as they are written unless you choose “A blank (make it a field)”.</source>
        <translation>以下内容看似空白，但多半不是。除非选择“是空白（做成字段）”，它们都按原文保留。</translation>
    </message>
    <message>
        <source>In the text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Runs that are probably not blanks</source>
        <translation>多半不是空白的内容</translation>
    </message>
    <message>
        <source>Keep as written</source>
        <translation>原文照留</translation>
    </message>
    <message>
        <source>A blank (make it a field)</source>
        <translation>是空白（做成字段）</translation>
    </message>
    <message>
        <source>Choice for “{text}”</source>
        <translation>“{text}”的处理</translation>
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
        <comment>column: how many fields a template has</comment>
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
        <extracomment>The app icon's sizes, drawn for each (resources/icons/hicolor, from scripts/make_icons.py): PNG needs no plugin, where the SVG would load Qt's SVG library and icon engine at start-up. The autosave is written this long after the last change... ...and never later than this after the first unsaved change. How long closing (or a write in this thread) waits for the autosave thread, in seconds. Emitted after the preview was (re)drawn completely (start-up, structure change). From the autosave thread (see `AutosaveWriter`), delivered in the window's own thread: a background autosave failed (the reason), or one was written. This window's autosave name (see app.core.autosave). Unsaved for reasons the undo stack does not know (a recovered or migrated draft). Increases each time a field gets the focus: typing merges within one session only.</extracomment>
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
        <source>The wording was not changed</source>
        <translation>措辞没有修改</translation>
    </message>
    <message>
        <source>A table row cannot be reworded; it can be left out.</source>
        <translation>表格行不能修改措辞，可以整行不用。</translation>
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
        <extracomment>Characters of a paragraph shown in the list of paragraphs. How a field place is named in the editor's document (its anchor): "field:key", "sign:key:positive:negative" or "change:" and the change phrase's parts as JSON.</extracomment>
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
<context>
    <name>app</name>
    <message>
        <source>Unknown command.</source>
        <translation>未知的命令。</translation>
    </message>
    <message>
        <source>Only for Linux: Word, WPS and LibreOffice on this system find stand-ins for the 公文 fonts themselves.</source>
        <translation>仅用于 Linux：本系统上的 Word、WPS 和 LibreOffice 会自行为公文字体找替代字体。</translation>
    </message>
    <message>
        <source>{title}: {fields} fields for {places} placeholders ({entities} recurring), saved in {folder}</source>
        <translation>{title}：{places} 处占位符，{fields} 个字段（其中 {entities} 个多处出现），保存在 {folder}</translation>
    </message>
    <message>
        <source>{file}: {filled} of {total} fields filled, {errors} problems, {warnings} warnings.</source>
        <translation>{file}：已填 {filled}/{total} 项，{errors} 个问题，{warnings} 个提醒。</translation>
    </message>
    <message>
        <source>{command}: {error} (see “fanwen --help”)</source>
        <translation>{command}：{error}（参见“fanwen --help”）</translation>
    </message>
    <message>
        <source>Fill in Chinese model reports (范文).</source>
        <translation>范文填写助手：按范文逐项填写报告。</translation>
    </message>
    <message>
        <source>open the desktop app</source>
        <translation>打开桌面程序</translation>
    </message>
    <message>
        <source>a draft file to open</source>
        <translation>要打开的草稿文件</translation>
    </message>
    <message>
        <source>open the window, render the preview, and exit</source>
        <translation>打开窗口、生成预览后退出（自检用）</translation>
    </message>
    <message>
        <source>list the templates available</source>
        <translation>列出可用的模板</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>以 JSON 格式输出</translation>
    </message>
    <message>
        <source>list a template's fields in document order</source>
        <translation>按正文顺序列出模板的字段</translation>
    </message>
    <message>
        <source>template id (default: sixin)</source>
        <translation>模板编号（默认：sixin）</translation>
    </message>
    <message>
        <source>check a draft: unfilled, invalid, warnings</source>
        <translation>检查草稿：未填、填写有误和提醒</translation>
    </message>
    <message>
        <source>export a draft as a report</source>
        <translation>将草稿导出为报告</translation>
    </message>
    <message>
        <source>output file</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <source>text encoding for txt (default: UTF-8 with BOM)</source>
        <translation>txt 的文字编码（默认：带 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <source>the author written into DOCX and PDF properties</source>
        <translation>写入 DOCX 和 PDF 文档属性的作者</translation>
    </message>
    <message>
        <source>export even with unfilled or invalid fields</source>
        <translation>即使有未填或有误的字段也导出</translation>
    </message>
    <message>
        <source>manage your own templates</source>
        <translation>管理自己的模板</translation>
    </message>
    <message>
        <source>make a template of a 范文 (.txt or .docx) and print its id</source>
        <translation>把一篇范文（.txt 或 .docx）做成模板，并输出模板编号</translation>
    </message>
    <message>
        <source>the 范文: a .txt or .docx file</source>
        <translation>范文：.txt 或 .docx 文件</translation>
    </message>
    <message>
        <source>the new template's id (default: from the file)</source>
        <translation>新模板的编号（默认按文件名生成）</translation>
    </message>
    <message>
        <source>the new template's title (default: the 范文's title line)</source>
        <translation>新模板的标题（默认取范文的标题行）</translation>
    </message>
    <message>
        <source>also make fields of the runs that are probably not blanks (镇X委, X光, e-mail addresses); by default they stay as written</source>
        <translation>多半不是空白的内容（镇X委、X光、电子邮箱等）也做成字段；默认按原文保留</translation>
    </message>
    <message>
        <source>Linux: whether LibreOffice finds stand-ins for the 公文 fonts</source>
        <translation>Linux：LibreOffice 能否为公文字体找到替代字体</translation>
    </message>
    <message>
        <source>write the fontconfig rule for you (~/.config/fontconfig/conf.d)</source>
        <translation>为您写入 fontconfig 规则（~/.config/fontconfig/conf.d）</translation>
    </message>
    <message>
        <source>remove that rule again</source>
        <translation>移除该规则</translation>
    </message>
    <message>
        <source>fanwen template: say what to do (see “fanwen template --help”)</source>
        <translation>fanwen template：请指明要做什么（见“fanwen template --help”）</translation>
    </message>
    <message>
        <source>Installed {file}; restart LibreOffice and WPS if they are open.</source>
        <translation>已安装 {file}；已打开的 LibreOffice 和 WPS 须重新打开。</translation>
    </message>
    <message>
        <source>{file}: installed.</source>
        <translation>{file}：已安装。</translation>
    </message>
    <message>
        <source>{file}: from another version; “fanwen fonts --install” updates it.</source>
        <translation>{file}：来自其他版本；“fanwen fonts --install”可更新它。</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>提醒：{message}</translation>
    </message>
    <message>
        <source>{count} runs that look like blanks were kept as written (such as {example}: {reason}); add --blank-suspects to make them fields.</source>
        <translation>有 {count} 处看似空白的内容按原文保留（如 {example}：{reason}）；如要做成字段，请加 --blank-suspects。</translation>
    </message>
    <message>
        <source>Warning: {file}: value “{key}”: characters no export can carry were taken out.</source>
        <translation>警告：{file}：值“{key}”中含有无法导出的字符，已去除。</translation>
    </message>
    <message>
        <source>Warning: {file}: the change to paragraph {paragraph} no longer matches the template and was not applied.</source>
        <translation>警告：{file}：对第 {paragraph} 段的修改与模板已不一致，没有应用。</translation>
    </message>
    <message>
        <source>Values the template does not know (kept in the file): {keys}</source>
        <translation>模板中没有的值（已保留在文件中）：{keys}</translation>
    </message>
    <message>
        <source>Unknown export format “{format}” (known: {known}).</source>
        <translation>未知的导出格式“{format}”（可选：{known}）。</translation>
    </message>
    <message>
        <source>{file}: the export would replace the draft itself; name another file with -o.</source>
        <translation>{file}：导出会覆盖草稿本身；请用 -o 指定另一个文件名。</translation>
    </message>
    <message>
        <source>{option}: not valid text in this system's encoding.</source>
        <translation>{option}：不是本系统编码下的有效文字。</translation>
    </message>
    <message>
        <source>Internal error: {error} (details in {log})</source>
        <translation>内部错误：{error}（详情见 {log}）</translation>
    </message>
    <message>
        <source>Removed {file}; restart LibreOffice and WPS if they are open.</source>
        <translation>已移除 {file}；已打开的 LibreOffice 和 WPS 须重新打开。</translation>
    </message>
    <message>
        <source>{file}: not installed; nothing to remove.</source>
        <translation>{file}：未安装，无需移除。</translation>
    </message>
    <message>
        <source>{file}: another file is already there; Fanwen leaves it as it is.</source>
        <translation>{file}：该处已有另一个文件，范文填写助手不会改动它。</translation>
    </message>
    <message>
        <source>{file}: not installed; “fanwen fonts --install” installs it.</source>
        <translation>{file}：未安装；“fanwen fonts --install”可安装它。</translation>
    </message>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message>
        <source>{file}: not exported: {count} fields are unfilled or invalid (use --force to export anyway):</source>
        <translation>{file}：未导出：有 {count} 项未填或填写有误（如仍要导出，请加 --force）：</translation>
    </message>
    <message>
        <source>{count} fields</source>
        <translation>{count} 个字段</translation>
    </message>
    <message>
        <source>{file}: no column of the header names a field.</source>
        <translation>{file}：表头中没有一列对应字段。</translation>
    </message>
    <message>
        <source>{file}: a header row and no row of values under it.</source>
        <translation>{file}：只有表头，下面没有数值行。</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <source>{file}: no column “{column}” to name the files by.</source>
        <translation>{file}：没有用来命名文件的“{column}”列。</translation>
    </message>
    <message>
        <source>{file}: column “{name}” could be any of these fields: {labels}; name the field exactly (its label or key).</source>
        <translation>{file}：“{name}”列可能是以下任一字段：{labels}；请写明确切的字段名称或键名。</translation>
    </message>
    <message>
        <source>{file}: two columns are the field “{label}”.</source>
        <translation>{file}：有两列都对应字段“{label}”。</translation>
    </message>
    <message>
        <source>{file}: cannot be written: {error}</source>
        <translation>{file}：无法写入：{error}</translation>
    </message>
    <message>
        <source>it needs three phrases: for a rise, for a fall and for no change</source>
        <translation>需要三种说法：上升时、下降时和为零时</translation>
    </message>
    <message>
        <source>each phrase must be text in quotes</source>
        <translation>每种说法都须是带引号的文字</translation>
    </message>
    <message>
        <source>“{phrase}” has “{{}}” more than once</source>
        <translation>“{phrase}”中“{{}}”出现了不止一次</translation>
    </message>
    <message>
        <source>“{phrase}” has a brace other than “{{}}”</source>
        <translation>“{phrase}”中有“{{}}”以外的花括号</translation>
    </message>
    <message>
        <source>“{phrase}” is not one line of wording</source>
        <translation>“{phrase}”不是一行文字</translation>
    </message>
    <message>
        <source>{file}: “@table” without “@endtable”.</source>
        <translation>{file}：有“@table”而没有对应的“@endtable”。</translation>
    </message>
    <message>
        <source>{file}: the body contains reserved characters.</source>
        <translation>{file}：正文包含保留字符。</translation>
    </message>
    <message>
        <source>{file}: “@section” needs a section id.</source>
        <translation>{file}：“@section”后面需要章节编号。</translation>
    </message>
    <message>
        <source>No value of “{labels}” from the previous period (a report made with 新建下一期 has it).</source>
        <translation>没有上一期的“{labels}”（用“新建下一期”生成的报告才有）。</translation>
    </message>
    <message>
        <source>previous period's </source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Waiting for a valid “{labels}”.</source>
        <translation>等待“{labels}”填写正确。</translation>
    </message>
    <message>
        <source>Waiting for “{labels}”.</source>
        <translation>等待填写“{labels}”。</translation>
    </message>
    <message>
        <source>Cannot be computed: it divides by zero (“{labels}” is 0).</source>
        <translation>无法计算：除数为零（“{labels}”为 0）。</translation>
    </message>
    <message>
        <source>Cannot be computed: the result is not a number of a usable size.</source>
        <translation>无法计算：结果不是可用大小的数字。</translation>
    </message>
    <message>
        <source>must be text in quotes.</source>
        <translation>应为带引号的文字。</translation>
    </message>
    <message>
        <source>a computed field must be a number, not text.</source>
        <translation>计算字段必须是数字，不能是文字。</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>应为整数。</translation>
    </message>
    <message>
        <source>a whole-number field has no decimals.</source>
        <translation>整数字段没有小数位。</translation>
    </message>
    <message>
        <source>unknown rounding “{value}” (known: {known}).</source>
        <translation>未知的舍入方式“{value}”（可用：{known}）。</translation>
    </message>
    <message>
        <source>unknown role (known: {known}).</source>
        <translation>未知的单位信息项（可用：{known}）。</translation>
    </message>
    <message>
        <source>a field with a role must be text.</source>
        <translation>对应单位信息的字段必须是文字。</translation>
    </message>
    <message>
        <source>must be “year”, “quarter” or “month”.</source>
        <translation>应为“year”“quarter”或“month”。</translation>
    </message>
    <message>
        <source>a {period} field must be of kind {kind}.</source>
        <translation>标为 {period} 的字段，类型应为 {kind}。</translation>
    </message>
    <message>
        <source>“{value}” is used twice.</source>
        <translation>“{value}”重复使用。</translation>
    </message>
    <message>
        <source>only a computed field (with a formula) has it.</source>
        <translation>只有计算字段（有 formula 的字段）才有此项。</translation>
    </message>
    <message>
        <source>{file}: the file is empty.</source>
        <translation>{file}：文件是空的。</translation>
    </message>
    <message>
        <source>{file}: not a Fanwen draft.</source>
        <translation>{file}：不是范文填写助手的草稿文件。</translation>
    </message>
    <message>
        <source>{file}: not a Fanwen draft (it has no “values”).</source>
        <translation>{file}：不是范文填写助手的草稿文件（缺少“values”）。</translation>
    </message>
    <message>
        <source>{file}: the draft's “version” is not a whole number.</source>
        <translation>{file}：草稿的“version”不是整数。</translation>
    </message>
    <message>
        <source>{file}: made by a newer version of Fanwen (draft format {version}); please update Fanwen to open it.</source>
        <translation>{file}：由更新版本的范文填写助手保存（草稿格式 {version}），请升级后再打开。</translation>
    </message>
    <message>
        <source>{file}: the draft's “template” must be a template id.</source>
        <translation>{file}：草稿的“template”应为模板编号。</translation>
    </message>
    <message>
        <source>{file}: the draft's “values” must be an object of field values.</source>
        <translation>{file}：草稿的“values”应为“字段: 值”的对象。</translation>
    </message>
    <message>
        <source>{file}: not a Fanwen draft (nested too deeply).</source>
        <translation>{file}：不是有效的草稿文件（嵌套层数过多）。</translation>
    </message>
    <message>
        <source>{file}: not a Fanwen draft (not a text file).</source>
        <translation>{file}：不是范文填写助手的草稿文件（不是文本文件）。</translation>
    </message>
    <message>
        <source>{file}: not a Fanwen draft (damaged JSON at line {line}, column {column}).</source>
        <translation>{file}：不是有效的草稿文件（JSON 在第 {line} 行第 {column} 列处损坏）。</translation>
    </message>
    <message>
        <source>{file}: not a Fanwen draft (damaged JSON).</source>
        <translation>{file}：不是有效的草稿文件（JSON 已损坏）。</translation>
    </message>
    <message>
        <source>{file}: value “{key}” must be text or a number.</source>
        <translation>{file}：值“{key}”应为文字或数字。</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>The author is {length} characters long; documents hold at most {limit}.</source>
        <translation>作者有 {length} 个字符，文档属性最多只能容纳 {limit} 个。</translation>
    </message>
    <message>
        <source>{file}: is a folder.</source>
        <translation>{file}：是文件夹。</translation>
    </message>
    <message>
        <source>{file}: the folder does not exist.</source>
        <translation>{file}：所在文件夹不存在。</translation>
    </message>
    <message>
        <source>{file}: permission denied; choose another place.</source>
        <translation>{file}：没有写入权限，请换一个位置。</translation>
    </message>
    <message>
        <source>{file}: another file is already there; it was left as it is.</source>
        <translation>{file}：该处已有另一个文件，未作改动。</translation>
    </message>
    <message>
        <source>{file}: not written by Fanwen; it was left as it is.</source>
        <translation>{file}：不是范文填写助手写入的，未作改动。</translation>
    </message>
    <message>
        <source>{file}: cannot be removed: {error}</source>
        <translation>{file}：无法删除：{error}</translation>
    </message>
    <message>
        <source>decimals must be from 0 to {high}.</source>
        <translation>小数位数应为 0 到 {high}。</translation>
    </message>
    <message>
        <source>the formula names no field.</source>
        <translation>公式中没有字段。</translation>
    </message>
    <message>
        <source>not a valid formula: {error}</source>
        <translation>不是有效的公式：{error}</translation>
    </message>
    <message>
        <source>unknown number field “{key}”.</source>
        <translation>未知的数字类字段“{key}”。</translation>
    </message>
    <message>
        <source>“{part}” is not allowed in a formula.</source>
        <translation>公式中不能使用“{part}”。</translation>
    </message>
    <message>
        <source>prev() takes one field key, as in prev("found").</source>
        <translation>prev() 只接受一个字段键名，如 prev("found")。</translation>
    </message>
    <message>
        <source>formulas that use each other: {cycle}.</source>
        <translation>公式相互引用：{cycle}。</translation>
    </message>
    <message>
        <source>only numbers may be written in a formula: {value}</source>
        <translation>公式中只能写数字：{value}</translation>
    </message>
    <message>
        <source>a formula computes a number: it cannot compare values.</source>
        <translation>公式计算的是数值，不能比较大小。</translation>
    </message>
    <message>
        <source>the formula of “{key}” uses itself.</source>
        <translation>“{key}”的公式引用了它自己。</translation>
    </message>
    <message>
        <source>Type a fall as a positive number and a rise as a negative one (such as -2.5: the text then reads “{rise}”); 0 reads “{zero}”.</source>
        <translation>下降填正数；增长填负数（如 -2.5，正文写作“{rise}”）；填 0 写作“{zero}”。</translation>
    </message>
    <message>
        <source>Type a rise as a positive number and a fall as a negative one (such as -2.5: the text then reads “{fall}”); 0 reads “{zero}”.</source>
        <translation>增长填正数；下降填负数（如 -2.5，正文写作“{fall}”）；填 0 写作“{zero}”。</translation>
    </message>
    <message>
        <source>{file}: table {number} is empty; it was left out.</source>
        <translation>{file}：第{number}个表格是空的，未导入。</translation>
    </message>
    <message>
        <source>{file}: table {number} has a table inside a cell; its text was put in that cell, without its own rows.</source>
        <translation>{file}：第{number}个表格的单元格中套有表格，其文字已并入该单元格，不再分行列。</translation>
    </message>
    <message>
        <source>{file}: not a text file in UTF-8 or GB18030.</source>
        <translation>{file}：不是 UTF-8 或 GB18030 编码的文本文件。</translation>
    </message>
    <message>
        <source>{file}: cannot import this kind of file (use {suffixes}).</source>
        <translation>{file}：无法导入此类文件（请使用 {suffixes}）。</translation>
    </message>
    <message>
        <source>“{id}” is not a valid template id: use lower-case letters, digits, - and _ (at most 64, starting with a letter or digit).</source>
        <translation>“{id}”不是有效的模板编号：请使用小写字母、数字、- 和 _（最多 64 个字符，以字母或数字开头）。</translation>
    </message>
    <message>
        <source>“{id}” is the id of a built-in template; choose another id.</source>
        <translation>“{id}”是内置模板的编号，请另选一个编号。</translation>
    </message>
    <message>
        <source>A template with the id “{id}” already exists ({folder}); choose another id.</source>
        <translation>编号为“{id}”的模板已经存在（{folder}），请另选一个编号。</translation>
    </message>
    <message>
        <source>{file}: there is no text to import.</source>
        <translation>{file}：没有可导入的文字。</translation>
    </message>
    <message>
        <source>{file}: no placeholders found (such as XX, ××, ＸＸ, X,XXX, X.X or XXXX年); mark the facts to fill in with them and import again.</source>
        <translation>{file}：没有找到占位符（如 XX、××、ＸＸ、X,XXX、X.X、XXXX年）；请用占位符标出要填写的内容后重新导入。</translation>
    </message>
    <message>
        <source>Imported from {file}.</source>
        <translation>从 {file} 导入。</translation>
    </message>
    <message>
        <source>{file}: Word files cannot be read here.</source>
        <translation>{file}：此处无法读取 Word 文件。</translation>
    </message>
    <message>
        <source>{file}: not a Word (.docx) document.</source>
        <translation>{file}：不是 Word（.docx）文档。</translation>
    </message>
    <message>
        <source>{file}: the Word document cannot be read: {error}</source>
        <translation>{file}：无法读取该 Word 文档：{error}</translation>
    </message>
    <message>
        <source>{file}, paragraph {number}: contains characters Fanwen reserves (U+E000, U+E001); remove them and import again.</source>
        <translation>{file}，第 {number} 段：含有范文助手保留的字符（U+E000、U+E001），请删除后重新导入。</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>Must be at most {high}.</source>
        <translation>不能大于 {high}。</translation>
    </message>
    <message>
        <source>Too many digits for a number (at most {count}).</source>
        <translation>数字位数太多（最多 {count} 位）。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>“{value}” is not a year.</source>
        <translation>“{value}”不是年份。</translation>
    </message>
    <message>
        <source>“{value}” is not a month (1 to 12).</source>
        <translation>“{value}”不是月份（1 到 12）。</translation>
    </message>
    <message>
        <source>“{value}” is not a day of the month (1 to 31).</source>
        <translation>“{value}”不是日期（1 到 31）。</translation>
    </message>
    <message>
        <source>A month is from 1 to 12.</source>
        <translation>月份应在 1 到 12 之间。</translation>
    </message>
    <message>
        <source>A day of the month is from 1 to 31.</source>
        <translation>日应在 1 到 31 之间。</translation>
    </message>
    <message>
        <source>Must be from {low} to {high}.</source>
        <translation>应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>Must be at least {low}.</source>
        <translation>不能小于 {low}。</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>不能是负数。</translation>
    </message>
    <message>
        <source>Enter a whole number, without decimals.</source>
        <translation>请填写整数，不带小数。</translation>
    </message>
    <message>
        <source>Enter the year with four digits, such as 2026.</source>
        <translation>请用四位数字填写年份，如 2026。</translation>
    </message>
    <message>
        <source>Must be on one line, without line breaks.</source>
        <translation>请填写在一行内，不要换行。</translation>
    </message>
    <message>
        <source>“{id}” is not a valid template id.</source>
        <translation>“{id}”不是有效的模板编号。</translation>
    </message>
    <message>
        <source>Unknown template “{id}” (available: {ids}).</source>
        <translation>未知的模板“{id}”（可用：{ids}）。</translation>
    </message>
    <message>
        <source>{file}: cannot be loaded: {error}</source>
        <translation>{file}：无法载入：{error}</translation>
    </message>
    <message>
        <source>{file}: the template id “{id}” differs from its folder name.</source>
        <translation>{file}：模板编号“{id}”与文件夹名称不一致。</translation>
    </message>
    <message>
        <source>{file}: nested too deeply to be read.</source>
        <translation>{file}：嵌套层数过多，无法读取。</translation>
    </message>
    <message>
        <source>made by a newer version of Fanwen (format {format}); please update Fanwen.</source>
        <translation>由更新版本的范文填写助手制作（格式 {format}），请升级。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid id (lower-case letters, digits, - and _).</source>
        <translation>“{value}”不是有效的编号（只能用小写字母、数字、- 和 _）。</translation>
    </message>
    <message>
        <source>must be a file name in the template folder.</source>
        <translation>应为模板文件夹中的文件名。</translation>
    </message>
    <message>
        <source>at least one section is needed.</source>
        <translation>至少需要一个章节。</translation>
    </message>
    <message>
        <source>{file}: fields declared in the schema but not used in the body: {keys}</source>
        <translation>{file}：以下字段已在说明文件中声明，但正文没有使用：{keys}</translation>
    </message>
    <message>
        <source>a [{key}] table is needed.</source>
        <translation>需要 [{key}] 表。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid key (letters, digits and _, not starting with a digit).</source>
        <translation>“{value}”不是有效的键名（字母、数字和 _，不能以数字开头）。</translation>
    </message>
    <message>
        <source>unknown section “{value}”.</source>
        <translation>未知的章节“{value}”。</translation>
    </message>
    <message>
        <source>is greater than max.</source>
        <translation>大于 max。</translation>
    </message>
    <message>
        <source>a rule has either “check” or “date”, not both.</source>
        <translation>一条规则只能有“check”或“date”之一。</translation>
    </message>
    <message>
        <source>{file}: not UTF-8 text.</source>
        <translation>{file}：不是 UTF-8 编码的文本。</translation>
    </message>
    <message>
        <source>{file}: not valid TOML: {error}</source>
        <translation>{file}：不是有效的 TOML：{error}</translation>
    </message>
    <message>
        <source>“{value}” is not a valid id.</source>
        <translation>“{value}”不是有效的编号。</translation>
    </message>
    <message>
        <source>unknown field “{value}”.</source>
        <translation>未知的字段“{value}”。</translation>
    </message>
    <message>
        <source>{file}: “@section {id}” names a section the schema does not declare.</source>
        <translation>{file}：“@section {id}”所指的章节未在说明文件中声明。</translation>
    </message>
    <message>
        <source>a list of [[{key}]] tables is needed.</source>
        <translation>需要 [[{key}]] 表的列表。</translation>
    </message>
    <message>
        <source>missing.</source>
        <translation>缺少此项。</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>应为 true 或 false。</translation>
    </message>
    <message>
        <source>unknown field kind “{value}” (known: {known}).</source>
        <translation>未知的字段类型“{value}”（可用：{known}）。</translation>
    </message>
    <message>
        <source>must be “error” or “warning”.</source>
        <translation>应为“error”或“warning”。</translation>
    </message>
    <message>
        <source>must be a table with “month” and “day”.</source>
        <translation>应为包含“month”和“day”的表。</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>应为数字。</translation>
    </message>
    <message>
        <source>unknown setting (known: {known}).</source>
        <translation>未知的设置项（可用：{known}）。</translation>
    </message>
    <message>
        <source>must name a number field.</source>
        <translation>应为数字类字段的键名。</translation>
    </message>
    <message>
        <source>This draft was made with version {old} of the template “{title}”; version {new} is installed.</source>
        <translation>此草稿是用模板“{title}”的 {old} 版填写的，当前安装的是 {new} 版。</translation>
    </message>
    <message>
        <source>Values moved to renamed fields: {labels}.</source>
        <translation>以下字段已改名，原有数值已移入：{labels}。</translation>
    </message>
    <message>
        <source>These values have no place in this version of the template; they are kept in the draft file and written back when it is saved: {values}</source>
        <translation>以下数值在此版模板中没有对应位置，已保留在草稿文件中，保存时会原样写回：{values}</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 等，另有 {count} 项</translation>
    </message>
    <message>
        <source>part of an e-mail or web address</source>
        <translation>是电子邮箱或网址的一部分</translation>
    </message>
    <message>
        <source>part of a model or product name (such as iPhone X)</source>
        <translation>是型号或产品名称的一部分（如 iPhone X）</translation>
    </message>
    <message>
        <source>a word written with X (such as X光, X射线), not a blank</source>
        <translation>是含 X 的词语（如 X光、X射线），不是空白</translation>
    </message>
    <message>
        <source>a Roman numeral (such as XX世纪)</source>
        <translation>是罗马数字（如 XX世纪）</translation>
    </message>
    <message>
        <source>one character masked inside a word (such as 镇X委 for 镇党委)</source>
        <translation>是词语中被遮住的一个字（如 镇X委 即 镇党委）</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>单位简称</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>the placeholder must be text in quotes</source>
        <translation>占位符须是带引号的文字</translation>
    </message>
    <message>
        <source>{file}, line {line}: template syntax error: {error}</source>
        <translation>{file}，第 {line} 行：模板语法错误：{error}</translation>
    </message>
    <message>
        <source>{file}: the body uses field “{key}”, which the schema does not declare.</source>
        <translation>{file}：正文使用了说明文件中没有声明的字段“{key}”。</translation>
    </message>
    <message>
        <source>{file}: change(“{key}”, …): {problem}.</source>
        <translation>{file}：change(“{key}”, …)：{problem}。</translation>
    </message>
    <message>
        <source>{file}: the template takes too long or produces too much text; it was stopped.</source>
        <translation>{file}：模板运行时间过长或生成的文字过多，已被终止。</translation>
    </message>
    <message>
        <source>{file}: the template cannot be rendered: {error}</source>
        <translation>{file}：模板无法生成正文：{error}</translation>
    </message>
    <message>
        <source>The reworded paragraph “{start}…” may hold a word the template picks by this value (such as 增长/下降): reworded, it no longer follows the value. Check it, or restore the template's wording.</source>
        <translation>改写过的段落“{start}……”中可能有模板按此数值选定的词（如“增长/下降”），改写后它不再随数值变化。请核对，或恢复原文。</translation>
    </message>
    <message>
        <source>{label}: {message}</source>
        <translation>{label}：{message}</translation>
    </message>
    <message>
        <source>Not filled in yet.</source>
        <translation>尚未填写。</translation>
    </message>
    <message>
        <source>{first} ({value}) {relation} {other}.</source>
        <translation>{first}（{value}）{relation}{other}。</translation>
    </message>
    <message>
        <source>(a rule that cannot be read)</source>
        <translation>（无法读取的规则）</translation>
    </message>
    <message>
        <source>{name} date</source>
        <translation>{name}日期</translation>
    </message>
    <message>
        <source>Month {month} has no day {day}.</source>
        <translation>{month}月没有{day}日。</translation>
    </message>
    <message>
        <source>{name} ({value})</source>
        <translation>{name}（{value}）</translation>
    </message>
    <message>
        <source>must not be more than</source>
        <translation>不能多于</translation>
    </message>
    <message>
        <source>must not be less than</source>
        <translation>不能少于</translation>
    </message>
    <message>
        <source>must equal</source>
        <translation>必须等于</translation>
    </message>
    <message>
        <source>must be a date that exists</source>
        <translation>必须是存在的日期</translation>
    </message>
    <message>
        <source>A rule compares two different fields.</source>
        <translation>规则比较的必须是两个不同的字段。</translation>
    </message>
    <message>
        <source>Compare with another field or with a number.</source>
        <translation>请选择与另一个字段还是与一个数值比较。</translation>
    </message>
    <message>
        <source>“{first}” and “{second}” are different kinds of numbers and cannot be compared.</source>
        <translation>“{first}”和“{second}”是不同种类的数字，不能比较。</translation>
    </message>
    <message>
        <source>Only a date has a year.</source>
        <translation>只有日期规则才有年份。</translation>
    </message>
    <message>
        <source>Enter the number to compare with.</source>
        <translation>请填写用来比较的数值。</translation>
    </message>
    <message>
        <source>The rule has no message.</source>
        <translation>规则没有提示语。</translation>
    </message>
    <message>
        <source>The rule says neither a comparison nor a date.</source>
        <translation>规则既不是比较，也不是日期。</translation>
    </message>
    <message>
        <source>{date} (year: {year})</source>
        <translation>{date}（年份取“{year}”）</translation>
    </message>
    <message>
        <source>not ({condition})</source>
        <translation>并非（{condition}）</translation>
    </message>
    <message>
        <source>, and </source>
        <translation>，并且</translation>
    </message>
    <message>
        <source>, or </source>
        <translation>，或者</translation>
    </message>
    <message>
        <source>{year}-{month}-{day} is not a date that exists.</source>
        <translation>{year}年{month}月{day}日不是存在的日期。</translation>
    </message>
    <message>
        <source>Write the message the writer sees when the rule does not hold.</source>
        <translation>请填写规则不成立时给填写人看的提示语。</translation>
    </message>
    <message>
        <source>“{part}” in the message is not a field of this rule; a value is written as one of: {fields}</source>
        <translation>提示语中的“{part}”不是这条规则的字段；显示数值请写：{fields}</translation>
    </message>
    <message>
        <source>The rule names a field that does not exist: “{key}”.</source>
        <translation>规则用到的字段不存在：“{key}”。</translation>
    </message>
    <message>
        <source>“{label}” is text: only numbers can be compared.</source>
        <translation>“{label}”是文字：只有数字才能比较。</translation>
    </message>
    <message>
        <source>A date needs a month and a day.</source>
        <translation>日期需要月和日。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请填写一个数字。</translation>
    </message>
    <message>
        <source>must be less than</source>
        <translation>必须少于</translation>
    </message>
    <message>
        <source>must be more than</source>
        <translation>必须多于</translation>
    </message>
    <message>
        <source>must not equal</source>
        <translation>不能等于</translation>
    </message>
    <message>
        <source>The date names a field that is not a number: “{key}”.</source>
        <translation>日期用到的字段不是数字：“{key}”。</translation>
    </message>
    <message>
        <source>“{part}” is not one of the rule's fields written as {{key}} (a brace is written {{{{ or }}}}).</source>
        <translation>“{part}”不是本规则的字段（字段写作 {{key}}；花括号本身写作 {{{{ 或 }}}}）。</translation>
    </message>
    <message>
        <source>too long (at most {count} characters).</source>
        <translation>太长（最多 {count} 个字符）。</translation>
    </message>
    <message>
        <source>the expression must compare values, such as “a &lt;= b”.</source>
        <translation>表达式应为比较，如“a &lt;= b”。</translation>
    </message>
    <message>
        <source>the expression names no field.</source>
        <translation>表达式中没有字段。</translation>
    </message>
    <message>
        <source>not a valid expression: {error}</source>
        <translation>不是有效的表达式：{error}</translation>
    </message>
    <message>
        <source>too complex.</source>
        <translation>过于复杂。</translation>
    </message>
    <message>
        <source>only numbers may be written in a rule: {value}</source>
        <translation>规则中只能写数字：{value}</translation>
    </message>
    <message>
        <source>“{part}” is not allowed in a rule.</source>
        <translation>规则中不允许使用“{part}”。</translation>
    </message>
    <message>
        <source>{file}: a template's files must be files in its own folder, not links.</source>
        <translation>{file}：模板的文件必须是模板文件夹中的普通文件，不能是链接。</translation>
    </message>
    <message>
        <source>{file}: too large to be read (more than {limit} MB).</source>
        <translation>{file}：文件太大，无法读取（超过 {limit} MB）。</translation>
    </message>
    <message>
        <source>{file}: the Word document would unpack to more than {limit} MB; it was not read.</source>
        <translation>{file}：该 Word 文档解压后将超过 {limit} MB，未读取。</translation>
    </message>
    <message>
        <source>{file}: is a folder, not a file.</source>
        <translation>{file}：是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>{file}: file not found.</source>
        <translation>{file}：找不到文件。</translation>
    </message>
    <message>
        <source>{file}: permission denied.</source>
        <translation>{file}：没有权限读取。</translation>
    </message>
    <message>
        <source>{file}: cannot be read: {error}</source>
        <translation>{file}：无法读取：{error}</translation>
    </message>
    <message>
        <source>{file}: not a regular file (a device, a pipe or a socket).</source>
        <translation>{file}：不是普通文件（是设备、管道或套接字）。</translation>
    </message>
    <message>
        <source>it reads another file (“{tag}”)</source>
        <translation>它读取其他文件（“{tag}”）</translation>
    </message>
    <message>
        <source>it reads an item of a value (“[…]”)</source>
        <translation>它读取值中的元素（“[…]”）</translation>
    </message>
    <message>
        <source>it contains a loop (“for”)</source>
        <translation>它含有循环（“for”）</translation>
    </message>
    <message>
        <source>it uses the filter or test “{name}”</source>
        <translation>它使用过滤器或测试“{name}”</translation>
    </message>
    <message>
        <source>it uses the name “{name}”</source>
        <translation>它使用名称“{name}”</translation>
    </message>
    <message>
        <source>it uses “{construct}”</source>
        <translation>它使用“{construct}”</translation>
    </message>
    <message>
        <source>{file}: the template body is too large ({size} characters; at most {limit}).</source>
        <translation>{file}：模板正文过大（{size} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>it reads the attribute “{name}”</source>
        <translation>它读取属性“{name}”</translation>
    </message>
    <message>
        <source>it calls “{name}”</source>
        <translation>它调用“{name}”</translation>
    </message>
    <message>
        <source>it passes *args or **kwargs to “{name}”</source>
        <translation>它向“{name}”传递 *args 或 **kwargs</translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem}; templates that are not built in may not do this, so the template is not used.</source>
        <translation>{file}，第 {line} 行：{problem}；非内置模板不允许这样做，因此不使用该模板。</translation>
    </message>
    <message>
        <source>{file}: the disk is full.</source>
        <translation>{file}：磁盘已满。</translation>
    </message>
    <message>
        <source>{file}: the disk is read-only.</source>
        <translation>{file}：磁盘为只读。</translation>
    </message>
    <message>
        <source>{file}: is a folder, not a draft file.</source>
        <translation>{file}：是文件夹，不是草稿文件。</translation>
    </message>
    <message>
        <source>typing in “{label}”</source>
        <extracomment>`QUndoCommand.id()` of value changes: commands with the same id may merge.</extracomment>
        <translation>输入“{label}”</translation>
    </message>
    <message>
        <source>editing the template's fields</source>
        <translation>编辑模板字段</translation>
    </message>
    <message>
        <source>filling in {count} values</source>
        <translation>填入 {count} 个数值</translation>
    </message>
    <message>
        <source>leaving out a paragraph</source>
        <translation>删去段落</translation>
    </message>
    <message>
        <source>putting back a paragraph</source>
        <translation>恢复删去的段落</translation>
    </message>
    <message>
        <source>rewording a paragraph</source>
        <translation>改写段落</translation>
    </message>
    <message>
        <source>restoring a paragraph's wording</source>
        <translation>恢复段落原文</translation>
    </message>
    <message>
        <source>restoring the template's wording</source>
        <translation>全部恢复原文</translation>
    </message>
    <message>
        <source>{file}: more than {rows} rows: not a table of one report's figures.</source>
        <translation>{file}：超过 {rows} 行，不是一份报告的统计表。</translation>
    </message>
    <message>
        <source>{file}: more than {columns} columns.</source>
        <translation>{file}：超过 {columns} 列。</translation>
    </message>
    <message>
        <source>{file}: the table is empty.</source>
        <translation>{file}：表格是空的。</translation>
    </message>
    <message>
        <source>{file}: not a spreadsheet (a .xlsx or .csv file is needed).</source>
        <translation>{file}：不是表格文件（需要 .xlsx 或 .csv 文件）。</translation>
    </message>
    <message>
        <source>{file}: not UTF-8 or GB18030 text.</source>
        <translation>{file}：不是 UTF-8 或 GB18030 编码的文本。</translation>
    </message>
    <message>
        <source>{file}: is a folder, not a spreadsheet.</source>
        <translation>{file}：这是文件夹，不是表格文件。</translation>
    </message>
    <message>
        <source>{file}: too large for a table of figures (over {mb} MB).</source>
        <translation>{file}：文件太大，不像一张统计表（超过 {mb} MB）。</translation>
    </message>
    <message>
        <source>{file}: an old .xls/.et spreadsheet: save it as .xlsx or .csv (UTF-8) first.</source>
        <translation>{file}：这是旧的 .xls/.et 格式，请先另存为 .xlsx 或 .csv（UTF-8）。</translation>
    </message>
    <message>
        <source>{file}: not a valid CSV file: {error}</source>
        <translation>{file}：不是有效的 CSV 文件：{error}</translation>
    </message>
    <message>
        <source>{file}: reading .xlsx needs openpyxl, which is not installed.</source>
        <translation>{file}：读取 .xlsx 需要 openpyxl，但未安装。</translation>
    </message>
    <message>
        <source>{file}: the spreadsheet cannot be read: {error}</source>
        <translation>{file}：无法读取表格：{error}</translation>
    </message>
    <message>
        <source>{file}: {count} rows of values under the header: one report takes one row.</source>
        <translation>{file}：表头下有 {count} 行数值，一份报告只能用一行。</translation>
    </message>
    <message>
        <source>{file}: “{name}” ({where}) could be any of these fields: {labels}; name the field exactly (its label or key).</source>
        <translation>{file}：“{name}”（{where}）可能是以下任一字段：{labels}；请写明确切的字段名称或键名。</translation>
    </message>
    <message>
        <source>{file}: “{first}” ({first_where}) and “{second}” ({second_where}) are both the field “{label}”.</source>
        <translation>{file}：“{first}”（{first_where}）和“{second}”（{second_where}）都对应字段“{label}”。</translation>
    </message>
    <message>
        <source>{file}: the sheet has merged cells: unmerge them so each value has its own cell.</source>
        <translation>{file}：表格中有合并单元格，请取消合并，让每个数值各占一格。</translation>
    </message>
    <message>
        <source>{file}: cell {cell} holds a formula error ({error}): correct it in the spreadsheet first.</source>
        <translation>{file}：单元格 {cell} 的公式出错（{error}），请先在表格中改正。</translation>
    </message>
    <message>
        <source>Preview and export</source>
        <translation>预览与导出</translation>
    </message>
    <message>
        <source>{file}: only “@header” and “@row” lines may stand between “@table” and “@endtable”.</source>
        <translation>{file}：“@table”与“@endtable”之间只能是“@header”和“@row”行。</translation>
    </message>
    <message>
        <source>{file}: a table cannot hold another “@table”.</source>
        <translation>{file}：表格中不能再有“@table”。</translation>
    </message>
    <message>
        <source>{file}: “@endtable” without “@table”.</source>
        <translation>{file}：有“@endtable”而没有对应的“@table”。</translation>
    </message>
    <message>
        <source>{file}: a table row stands outside “@table” … “@endtable”.</source>
        <translation>{file}：表格行写在了“@table”……“@endtable”之外。</translation>
    </message>
    <message>
        <source>{error} The draft does not carry a copy of it: ask whoever sent the draft for the template folder “{id}” and put it in {folder}, or choose your office's shared template folder under File &gt; New from template; then open the draft again.</source>
        <translation>{error}草稿中也没有附带这个模板的副本：请向发来草稿的人要模板文件夹“{id}”，放到 {folder} 中；或在“文件 &gt; 从模板新建”中选择单位的共享模板文件夹。然后再打开这份草稿。</translation>
    </message>
    <message>
        <source>only a number can be read as a rise or a fall</source>
        <translation>只有数值才能写作增长或下降</translation>
    </message>
    <message>
        <source>the text does not word its change</source>
        <translation>正文中没有它的增减说法</translation>
    </message>
    <message>
        <source>Fanwen template: metadata, sections and fields; the wording is in {body}.</source>
        <translation>范文助手模板：元数据、章节和字段；正文在 {body} 中。</translation>
    </message>
    <message>
        <source>A field's label cannot be empty.</source>
        <translation>字段名称不能为空。</translation>
    </message>
    <message>
        <source>“{label}”: only a number can be computed.</source>
        <translation>“{label}”：只有数值字段可以计算。</translation>
    </message>
    <message>
        <source>A field's placeholder cannot be empty.</source>
        <translation>字段的占位符不能为空。</translation>
    </message>
    <message>
        <source>“{label}”: {error}</source>
        <translation>“{label}”：{error}</translation>
    </message>
    <message>
        <source>Rule “{rule}” was removed: the field “{label}” it compares was removed.</source>
        <translation>已删除规则“{rule}”：它比较的字段“{label}”已被删除。</translation>
    </message>
    <message>
        <source>Rule “{rule}” was removed: it compares “{label}”, which is now text.</source>
        <translation>已删除规则“{rule}”：它比较的“{label}”现在是文字字段。</translation>
    </message>
    <message>
        <source>Rule “{rule}” was removed: it compared fields that are now one.</source>
        <translation>已删除规则“{rule}”：它比较的字段已合并为一个。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Unit of measure</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unknown table format “{format}” (known: {known}).</source>
        <translation>未知的表格格式“{format}”（可用：{known}）。</translation>
    </message>
    <message>
        <source>{file}: the draft's “wording” must be an object of paragraph changes.</source>
        <translation>{file}：草稿中的“wording”必须是段落修改的对象。</translation>
    </message>
    <message>
        <source>{file}: “{where}.text” holds a change phrase that cannot be used: {problem}.</source>
        <translation>{file}：“{where}.text”中的增减说法无法使用：{problem}。</translation>
    </message>
    <message>
        <source>{file}: “{where}” must be an object.</source>
        <translation>{file}：“{where}”必须是对象。</translation>
    </message>
    <message>
        <source>{file}: “{where}” is not a paragraph change.</source>
        <translation>{file}：“{where}”不是段落修改。</translation>
    </message>
    <message>
        <source>A paragraph's wording must be one line, without line breaks.</source>
        <translation>段落文字必须是一行，不能换行。</translation>
    </message>
    <message>
        <source>The wording contains characters Fanwen reserves.</source>
        <translation>文字中含有范文助手保留的字符。</translation>
    </message>
    <message>
        <source>{file}: “{where}.text” must be a list.</source>
        <translation>{file}：“{where}.text”必须是列表。</translation>
    </message>
    <message>
        <source>The wording names a field the template does not have: “{key}”.</source>
        <translation>文字中引用了模板没有的字段：“{key}”。</translation>
    </message>
    <message>
        <source>{file}: “{where}.text” holds something that is neither wording nor a field.</source>
        <translation>{file}：“{where}.text”中有既不是文字也不是字段的内容。</translation>
    </message>
    <message>
        <source>{written} reports written to {folder}, {skipped} rows left out (use --force to export them anyway).</source>
        <translation>已在 {folder} 生成 {written} 份报告，{skipped} 行未生成（加 --force 可照样生成）。</translation>
    </message>
    <message>
        <source>{file}: {count} values filled from {table}.</source>
        <translation>{file}：已从 {table} 填入 {count} 个数值。</translation>
    </message>
    <message>
        <source>make the next period's draft from a draft (新建下一期)</source>
        <translation>由一份草稿生成下一期的草稿（新建下一期）</translation>
    </message>
    <message>
        <source>this period's draft</source>
        <translation>本期草稿</translation>
    </message>
    <message>
        <source>the new draft (must not exist)</source>
        <translation>新草稿（不能是已有文件）</translation>
    </message>
    <message>
        <source>{file}: already exists; name a new file.</source>
        <translation>{file}：文件已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>fill a draft's values from a spreadsheet (.xlsx or .csv)</source>
        <translation>从表格（.xlsx 或 .csv）填入草稿的数值</translation>
    </message>
    <message>
        <source>the draft to fill</source>
        <translation>要填写的草稿</translation>
    </message>
    <message>
        <source>the spreadsheet: a column of labels and one of values, or a header row</source>
        <translation>表格：一列名称一列数值，或一行表头加一行数值</translation>
    </message>
    <message>
        <source>write the filled draft here (default: the draft itself, keeping a .bak)</source>
        <translation>填好的草稿写到这里（默认写回原草稿，并保留 .bak 备份）</translation>
    </message>
    <message>
        <source>{label}: {old} → {new}</source>
        <translation>{label}：{old} → {new}</translation>
    </message>
    <message>
        <source>{file}: “{name}” ({where}) matches no field; not filled.</source>
        <translation>{file}：“{name}”（{where}）没有对应的字段，未填入。</translation>
    </message>
    <message>
        <source>{file}: “{name}” is computed by its formula; the table's value is not used.</source>
        <translation>{file}：“{name}”由公式计算，未使用表格中的值。</translation>
    </message>
    <message>
        <source>write a draft's values as a table: label, key, value, unit</source>
        <translation>把草稿的数值写成表格：标签、键、值、单位</translation>
    </message>
    <message>
        <source>output file (default: the draft's name)</source>
        <translation>输出文件（默认与草稿同名）</translation>
    </message>
    <message>
        <source>write a report per row of a spreadsheet (批量生成)</source>
        <translation>按表格每行生成一份报告（批量生成）</translation>
    </message>
    <message>
        <source>template id</source>
        <translation>模板编号</translation>
    </message>
    <message>
        <source>the spreadsheet: a header row of field labels or keys, a row per report</source>
        <translation>表格：一行表头（字段名称或键名），每行一份报告</translation>
    </message>
    <message>
        <source>the folder for the reports</source>
        <translation>存放报告的文件夹</translation>
    </message>
    <message>
        <source>the column naming each file (default: the unit's name)</source>
        <translation>用来命名文件的列（默认：单位名称）</translation>
    </message>
    <message>
        <source>{file}: column “{name}” matches no field; not used.</source>
        <translation>{file}：“{name}”列没有对应的字段，未使用。</translation>
    </message>
    <message>
        <source>{file}: row {number} ({name}) not exported: {problems}</source>
        <translation>{file}：第 {number} 行（{name}）未生成：{problems}</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>The PDF cannot be drawn.</source>
        <translation>无法生成 PDF。</translation>
    </message>
    <message>
        <source>PySide6 {pyside} on Python {python} loses references to None, True and False and would abort the app after a few thousand Qt calls: install “PySide6-Essentials&lt;6.12” or run Fanwen on Python 3.12 or later.</source>
        <translation>Python {python} 上的 PySide6 {pyside} 会丢失 None、True、False 的引用，数千次 Qt 调用后程序会异常退出：请安装“PySide6-Essentials&lt;6.12”，或在 Python 3.12 及以上版本运行范文填写助手。</translation>
    </message>
    <message>
        <source>Cannot open the draft</source>
        <translation>无法打开草稿</translation>
    </message>
    <message>
        <source>No graphical display (DISPLAY is not set): run Fanwen on the desktop, or use its commands, such as “fanwen export”.</source>
        <translation>没有图形显示（未设置 DISPLAY）：请在桌面环境中运行范文填写助手，或使用“fanwen export”等命令。</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}</source>
        <extracomment>The file faulthandler writes into: it must stay open for the life of the process.</extracomment>
        <translation>发生了意外错误：{error}</translation>
    </message>
    <message>
        <source>Save your draft, then restart Fanwen if it does not work as it should.</source>
        <translation>请先保存草稿；如果程序运行不正常，请重新启动范文填写助手。</translation>
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
        <source>&amp;Go to field</source>
        <translation>转到该字段(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <extracomment>The draft's file changed (saved, saved as, opened): the title follows.</extracomment>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{file}: the export would replace the draft itself; choose another name.</source>
        <translation>{file}：导出会覆盖草稿本身，请换一个文件名。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Steps</source>
        <extracomment>Item data: the step's title, its progress line, and whether it is done. How many of the widest titles the items' common height is measured from. While set, item changes cannot change an item's height (see `dataChanged`).</extracomment>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Re&amp;word…</source>
        <translation>修改措辞(&amp;W)…</translation>
    </message>
    <message>
        <source>Re&amp;store the template's wording</source>
        <translation>恢复原文(&amp;S)</translation>
    </message>
</context>
</TS>
