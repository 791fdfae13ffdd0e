"""The desktop app: thin Qt widgets over `app.core.report.ReportModel`."""

from app.pyside_feature import lighten

lighten()  # before the app's modules are imported: see app.pyside_feature
