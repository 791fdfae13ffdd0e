<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
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
        <extracomment>The autosave is written this long after the last change... ...and never later than this after the first unsaved change. Emitted after the preview was (re)drawn completely (start-up, structure change). This window's autosave name (see app.core.autosave). Unsaved for reasons the undo stack does not know (a recovered or migrated draft). Increases each time a field gets the focus: typing merges within one session only.</extracomment>
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
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
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
        <source>Fanwen drafts (*{suffix})</source>
        <translation>范文草稿 (*{suffix})</translation>
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
        <source>Open a draft</source>
        <translation>打开草稿</translation>
    </message>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message>
        <source>Cannot open the draft</source>
        <translation>无法打开草稿</translation>
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
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{file}: file not found.</source>
        <translation>{file}：找不到文件。</translation>
    </message>
    <message>
        <source>The autosave could not be written: {error}</source>
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
    <name>SetValueCommand</name>
    <message>
        <source>typing in “{label}”</source>
        <extracomment>`QUndoCommand.id()` of value changes: commands with the same id may merge.</extracomment>
        <translation>输入“{label}”</translation>
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