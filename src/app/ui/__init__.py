"""The desktop app: thin Qt widgets over `app.core.report.ReportModel`."""
