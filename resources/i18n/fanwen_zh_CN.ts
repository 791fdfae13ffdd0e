<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Fanwen</source>
        <extracomment>Kept for the life of the process: the translators must outlive every window.</extracomment>
        <translation>范文填写助手</translation>
    </message>
    <message>
        <source>Cannot open the draft</source>
        <translation>无法打开草稿</translation>
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
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Still to do:</source>
        <extracomment>Encodings offered for txt, in the order shown.</extracomment>
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
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Emitted after the preview was (re)drawn completely (start-up, structure change).</extracomment>
        <translation>文件(&amp;F)</translation>
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
        <source>Next problem (F8)</source>
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
        <source>Filled {filled}/{total}</source>
        <translation>已填 {filled}/{total}</translation>
    </message>
    <message>
        <source>Problems: {count}</source>
        <translation>问题 {count} 个</translation>
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
        <source>Export the report</source>
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
    <message>
        <source>About Fanwen</source>
        <translation>关于范文填写助手</translation>
    </message>
    <message>
        <source>Fanwen {version}
Fill in model reports (范文) step by step, with a live preview. Works offline.</source>
        <translation>范文填写助手 {version}
按步骤填写范文，实时预览报告。完全离线运行。</translation>
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
        <extracomment>Item data: the step's title, its progress line, and whether it is done.</extracomment>
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
</TS>