"""Starting the desktop app: `fanwen`, `fanwen DRAFT`, `fanwen gui --smoke`, `python -m app`.

No setup and no dialog first: the window opens on the built-in template `sixin` with an empty
draft (or on the draft given), in Chinese unless the settings say English, with the first field
of the step focused. `--smoke` opens the window, waits until it is shown and the preview is
rendered, and exits 0: packaging and the start-up benchmark use it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.core.draft import DEFAULT_TEMPLATE, Draft, load_draft
from app.core.errors import FanwenError
from app.core.i18n import _
from app.core.library import find_template, set_shared_folder
from app.core.template import Template
from app.core.template_copy import template_for_draft
from app.pyside_check import require_safe_pyside
from app.ui import collector, look
from app.ui.main_window import MainWindow
from app.ui.settings import SHARED_TEMPLATES, Settings
from app.ui.translation import Translations

APP_NAME = "Fanwen"
ORGANIZATION = "Fanwen"
SMOKE_TIMEOUT_SECONDS = 20.0

# Kept for the life of the process: the translators must outlive every window.
_translations: Translations | None = None

#: Qt's kill switch for its GUI thread pool (read once, at the first large fill).
SERIAL_PAINTING = "QT_NO_GUI_THREADPOOL"


def paint_on_the_main_thread() -> None:
    """Keep Qt's raster painting on the main thread (unless the environment already says).

    Qt hands every fill of 96 or more pixel rows (the preview's repainted lines, a scroll bar,
    a window's background) to a pool of threads and waits for them. For the areas this app
    repaints the hand-off costs more than the fill, and on a busy machine the wait for the
    pool's threads makes keystrokes late (figures in docs/performance.md).
    """
    os.environ.setdefault(SERIAL_PAINTING, "1")


def create_application() -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt)."""
    require_safe_pyside()  # before the first Qt call: see app.pyside_check
    paint_on_the_main_thread()
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "fanwen"])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "Fanwen"))
    app.setFont(look.chinese_ui_font(app.font()))
    return app


def translations_for(settings: Settings) -> Translations:
    """Install the language the settings (or FANWEN_LANG) ask for; kept for the process."""
    global _translations
    if _translations is None:
        _translations = Translations()
    language = settings.language()
    if os.environ.get("FANWEN_LANG", "").lower().startswith("en"):
        language = "en"
    _translations.install(language)
    return _translations


def open_window(draft_path: Path | None = None) -> tuple[MainWindow, str | None]:
    """The main window on a draft (or an empty draft of the built-in template).

    Returns the window and, when the draft could not be opened, the message saying why (the
    window then holds an empty draft; nothing is lost since nothing was loaded).
    """
    settings = Settings()
    translations = translations_for(settings)
    shared = settings.get(SHARED_TEMPLATES)  # before a draft's template is looked for
    set_shared_folder(Path(shared) if shared else None)
    error: str | None = None
    draft: Draft | None = None
    template: Template | None = None
    if draft_path is not None:
        try:
            draft = load_draft(draft_path)
            template = template_for_draft(draft)
        except FanwenError as exc:
            error = str(exc)
            draft = None
    if template is None:
        template = find_template(DEFAULT_TEMPLATE)
    window = MainWindow(
        template,
        values=dict(draft.values) if draft is not None else None,
        path=Path(draft_path).resolve() if draft is not None and draft_path is not None else None,
        settings=settings,
        translations=translations,
        draft=draft,
    )
    return window, error


def wait_until_ready(window: MainWindow, timeout: float = SMOKE_TIMEOUT_SECONDS) -> bool:
    """Run the event loop until the window is shown and the preview has painted the report;
    it returns right after that first paint, before what the app does next while idle (the
    same end point as the bare window of the start-up benchmark)."""
    preview = window.preview

    def ready() -> bool:
        return (  # a paint means the window is exposed
            preview.has_painted()
            and window.isVisible()
            and preview.full_renders > 0
            and preview.block_count() == len(window.model.document.paragraphs)
        )

    if ready():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout

    def check() -> None:
        if ready() or time.monotonic() >= deadline:
            loop.quit()

    preview.firstPainted.connect(check)
    poll = QTimer()
    poll.timeout.connect(check)  # in case the paint came before the window was exposed
    poll.start(50)
    try:
        loop.exec()
    finally:
        poll.stop()
        preview.firstPainted.disconnect(check)
    return ready()


def started() -> None:
    """The window is up: what start-up made stays for the life of the app, so it is set aside
    from the garbage collector's work, which is turned back on (see `app.ui.collector`)."""
    collector.start()


def after_start(window: MainWindow, error: str | None = None) -> None:
    """What follows the window's first show: focus, a draft that failed to open, and the
    offer to recover drafts autosaved by a session that did not end properly."""
    window.focus_first_field()
    warm_up()
    if error is not None:
        window.dialogs.error(_("Cannot open the draft"), error)
    window.offer_recovery()


def warm_up() -> None:
    """Load what the first window did without but the writer's first actions need (the
    dialogs, saving), once it is on screen."""
    import app.core.saving
    import app.ui.dialogs  # noqa: F401


def has_display() -> bool:
    """Whether Qt can open a window here (on Linux: an X or Wayland display, or a platform
    chosen with QT_QPA_PLATFORM); elsewhere there always is one."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(draft: Path | None = None, smoke: bool = False) -> int:
    """Run the desktop app; returns the exit code."""
    if not has_display():
        if not smoke:  # Qt would abort with a page of plugin details: say it in one line
            print(
                "fanwen: "
                + _(
                    "No graphical display (DISPLAY is not set): run Fanwen on the desktop, or "
                    "use its commands, such as “fanwen export”."
                ),
                file=sys.stderr,
            )
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a smoke test needs no screen
    app = create_application()
    if not smoke:
        from app.ui import crash

        crash.install()
    try:
        window, error = open_window(draft)
    except FanwenError as exc:  # the built-in template itself is broken: say so and stop
        print(f"fanwen: {exc}", file=sys.stderr)
        return 2
    window.show()
    if smoke:
        ready = wait_until_ready(window)
        if error is not None:
            print(f"fanwen: {error}", file=sys.stderr)
        window.close()
        window.deleteLater()  # as at the end of a session (below): what was queued is not run
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if not ready:
            print("fanwen: the window did not open in time", file=sys.stderr)
            return 1
        return 0 if error is None else 2
    window.raise_()
    window.activateWindow()
    QTimer.singleShot(0, lambda: after_start(window, error))
    QTimer.singleShot(0, started)
    code = app.exec()
    # Qt objects go before the interpreter tears down, in Qt's order, not the collector's.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code
