"""The desktop app: thin Qt widgets over `app.core.report.ReportModel`."""

from app.printing.refcount import keep_none_alive

keep_none_alive()  # before the first PySide6 call: see app.printing.refcount
