"""The desktop app: thin Qt widgets over `app.core.report.ReportModel`."""

from app.none_guard import protect_singletons
from app.pyside_feature import lighten

protect_singletons()  # before the first PySide6 call: see app.none_guard
lighten()  # before the app's modules are imported: see app.pyside_feature
