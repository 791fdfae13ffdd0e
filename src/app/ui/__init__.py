"""The desktop app: thin Qt widgets over `app.core.report.ReportModel`."""

from app.none_guard import protect_singletons

protect_singletons()  # before the first PySide6 call: see app.none_guard
