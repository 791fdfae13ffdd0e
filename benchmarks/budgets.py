"""The performance budgets, in one place. Each is a ratio against a baseline measured in the same
run on the same machine."""

#: `fanwen gui --smoke` wall time / a bare PySide6 window with a QTextBrowser.
STARTUP_WALL_RATIO = 1.5
#: Peak RSS of the same two processes.
STARTUP_RSS_RATIO = 1.5
#: Keystroke to preview, 99th percentile / the same in a bare window (`bare_keystroke.py`). Per key
#: the app does what the bare window does (a line edit, one paragraph replaced and painted) plus
#: the model and its checks, the field's mark and message, the step's progress and the status
#: line: its p50 is a steady 1.9-2.2x the bare window's, loaded host or not; 3 leaves room for
#: its tail (the presses that change the form's layout) and fails a constant 4 ms more per key
#: or a full re-render per key. On the 100x report the bare window's single flow re-places every
#: paragraph below the edit (its p50 2.6x the seed's), so the app stays near 1x there and that
#: budget catches work that grows with the report (figures: docs/performance.md).
KEYSTROKE_P99_RATIO = 3.0
#: Loading the 100x template and opening its window / the seed's start-up.
LARGE_STARTUP_RATIO = 2.0
#: How many copies of the seed make the large template.
LARGE_COPIES = 100

#: Start-up runs of each program in the full run (alternated; the issue asks for at least 7).
STARTUP_RUNS = 9
#: Keystrokes in the full run, spread over all fields (the issue asks for at least 500).
KEYSTROKE_EDITS = 600
#: A batch's cost per report / one export of such a report (both are the same rendering; the
#: tenth above 1 is the noise of a shared machine, not room for a slower batch).
BATCH_PER_REPORT_RATIO = 1.1
#: A Word 范文's blanks in a table / the same blanks in paragraphs: importing it, and the DOCX of
#: its report (a cell is more XML than a run of a paragraph; 2 leaves room for that, not for a
#: step that grows faster than the rows).
TABLE_IMPORT_RATIO = 1.5
TABLE_DOCX_RATIO = 2.0
#: Rows of the table (the tests import and export 10,000 rows on their own).
TABLE_ROWS = 2000
