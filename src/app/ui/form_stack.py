"""The middle of the window: one form page per step, made when the step is first shown, and the
export page (the last step) made when it is first needed.

A long report has hundreds of steps; only those the writer visits get widgets. The pages read
the session's model and navigator; a keystroke in a page comes out as `textEdited` for the
window to hand to the session.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.ui import settings as config
from app.ui.export_flow import export_formats
from app.ui.forms import FieldInput, StepPage
from app.ui.session_adapter import SessionAdapter
from app.ui.settings import Settings

if TYPE_CHECKING:
    from app.ui.export_page import ExportPage


class FormStack(QStackedWidget):
    """The step pages of one session's report, and the export page."""

    #: A field got the keyboard.
    fieldFocused = Signal(str)
    #: The writer typed in a field: (key, text).
    textEdited = Signal(str, str)
    #: A page was built or shows other fields: the tab order follows.
    pageBuilt = Signal()
    #: From the export page: export in this format; go to a field with a problem.
    exportRequested = Signal(str)
    goToField = Signal(str)

    def __init__(self, adapter: SessionAdapter, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("forms")
        self.adapter = adapter
        self.settings = settings
        self.pages: dict[str, StepPage] = {}
        self.made_export_page: ExportPage | None = None

    def clear(self) -> None:
        """Forget every page (another report, other steps)."""
        for page in self.pages.values():
            self.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        if self.made_export_page is not None:
            self.made_export_page.set_format(self.settings.get(config.EXPORT_FORMAT))
            self.made_export_page.set_encoding(self.settings.get(config.TXT_ENCODING))

    def page_for(self, step_id: str) -> StepPage:
        """The form page of a step, created the first time it is needed."""
        page = self.pages.get(step_id)
        if page is None:
            session = self.adapter.session
            page = StepPage(session.navigator.step(step_id), session.model, self)
            page.fieldFocused.connect(self.fieldFocused)
            page.textEdited.connect(self.textEdited)
            page.on_built = lambda built: self.pageBuilt.emit()
            self.pages[step_id] = page
            self.addWidget(page)
        return page

    def page_of(self, key: str) -> StepPage | None:
        """The page asking for a field (created if needed)."""
        step_id = self.adapter.session.navigator.step_of(key)
        return self.page_for(step_id) if step_id is not None else None

    def input_for(self, key: str) -> FieldInput:
        """The input of a field (its page is built if needed)."""
        page = self.page_of(key)
        assert page is not None, key
        return page.input_for(key)

    @property
    def export_page(self) -> ExportPage:
        """The last step's page, made the first time it is needed (the exporters load then)."""
        if self.made_export_page is None:
            from app.ui.export_page import ExportPage

            settings = self.settings
            export_formats()  # the page lists them
            page = ExportPage(self)
            page.exportRequested.connect(self.exportRequested)
            page.goToField.connect(self.goToField)
            page.encodingChanged.connect(lambda e: settings.set(config.TXT_ENCODING, e))
            page.authorChanged.connect(lambda name: settings.set(config.EXPORT_AUTHOR, name))
            page.format_group.buttonToggled.connect(
                lambda button, on: (
                    on and settings.set(config.EXPORT_FORMAT, str(button.property("format")))
                )
            )
            page.set_format(settings.get(config.EXPORT_FORMAT))
            page.set_encoding(settings.get(config.TXT_ENCODING))
            page.set_author(settings.get(config.EXPORT_AUTHOR))
            page.retranslate()
            self.addWidget(page)
            self.made_export_page = page
        return self.made_export_page

    def showing_export_page(self) -> bool:
        return self.made_export_page is not None and self.currentWidget() is self.made_export_page

    def set_texts(self, values: Mapping[str, str]) -> None:
        """Inputs show these values (after undo, redo): only pages already made."""
        navigator = self.adapter.session.navigator
        for key, text in values.items():
            page = self.pages.get(navigator.step_of(key) or "")
            if page is not None and key in page.rows and page.rows[key].inputs[key].text() != text:
                page.rows[key].inputs[key].setText(text)

    def refresh(self, step_ids: Iterable[str], keys: tuple[str, ...]) -> None:
        """The marks of these fields, on the pages of these steps that are built."""
        for step_id in step_ids:
            page = self.pages.get(step_id)
            if page is not None and page.built:
                page.refresh_fields(keys)
        if self.showing_export_page():
            self.export_page.refresh(self.adapter.session.model)

    def focus_first(self) -> None:
        """Give the keyboard to the first field of the page shown (the export button on the
        export page)."""
        page = self.currentWidget()
        if isinstance(page, StepPage):
            inputs = page.inputs()
            if inputs:
                inputs[0].setFocus()  # the reason: OtherFocusReason
        elif page is not None and page is self.made_export_page:
            self.made_export_page.export_button.setFocus()  # the reason: OtherFocusReason

    def tab_chain(self) -> list[QWidget]:
        """The page's widgets in reading order, for the window's tab order."""
        page = self.currentWidget()
        if isinstance(page, StepPage):
            return list(page.inputs())
        export = self.made_export_page
        if export is not None and page is export:
            return [
                export.problems,
                export.go_button,
                *export.format_buttons.values(),
                export.encoding,
                export.export_button,
            ]
        return []
