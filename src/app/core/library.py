"""The template library: built-in templates, the writer's own, and an optional shared folder.

A broken template never stops the others from being listed: it is reported beside them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from app.core import paths
from app.core.errors import TemplateError
from app.core.i18n import _
from app.core.loader import ID_PATTERN, SCHEMA_FILE, load_template
from app.core.template import Origin, Template

SHARED_ENV = "FANWEN_SHARED_TEMPLATES"

#: The shared folder chosen in the app's settings (FANWEN_SHARED_TEMPLATES, when set, wins).
_configured_shared: Path | None = None


def set_shared_folder(folder: Path | None) -> None:
    """Use `folder` as the office's shared, read-only template folder (None: no such folder).

    The app calls this with its setting; the environment variable FANWEN_SHARED_TEMPLATES, when
    set, takes precedence.
    """
    global _configured_shared
    _configured_shared = Path(folder) if folder else None


def shared_folder() -> Path | None:
    """The shared template folder in use: FANWEN_SHARED_TEMPLATES, else the configured one."""
    if os.environ.get(SHARED_ENV):
        return Path(os.environ[SHARED_ENV])
    return _configured_shared


class BrokenTemplate(NamedTuple):
    """A template folder that could not be loaded, and why."""

    folder: Path
    origin: Origin
    error: str


class Library:
    """Templates found in the built-in, user and shared folders (first id wins, in that order)."""

    def __init__(self, templates: dict[str, Template], broken: list[BrokenTemplate]) -> None:
        self.templates = templates
        self.broken = broken

    def __repr__(self) -> str:
        return f"Library(templates={self.templates!r}, broken={self.broken!r})"

    def get(self, template_id: str) -> Template:
        """The template with this id, or a TemplateError naming the id."""
        template = self.templates.get(template_id)
        if template is None:
            for broken in self.broken:
                if broken.folder.name == template_id:
                    raise TemplateError(broken.error)
            raise TemplateError(
                _(
                    "Unknown template “{id}” (available: {ids}).",
                    id=template_id,
                    ids=", ".join(sorted(self.templates)) or "-",
                )
            )
        return template


def template_folders(shared: Path | None = None) -> list[tuple[Path, Origin]]:
    """The folders templates are looked for in, with their origin."""
    folders = [
        (paths.builtin_templates_dir(), Origin.BUILTIN),
        (paths.user_templates_dir(), Origin.USER),
    ]
    shared_dir = shared or shared_folder()
    if shared_dir is not None:
        folders.append((shared_dir, Origin.SHARED))
    return folders


def load_library(shared: Path | None = None) -> Library:
    """Load every template; broken ones are collected, not raised."""
    templates: dict[str, Template] = {}
    broken: list[BrokenTemplate] = []
    for root, origin in template_folders(shared):
        try:
            entries = sorted(root.iterdir()) if root.is_dir() else []
        except OSError:
            continue
        for folder in entries:
            if folder.name.startswith("."):
                continue  # a template being saved (or left over from a save that failed)
            if not folder.is_dir() or not (folder / SCHEMA_FILE).is_file():
                continue
            try:
                template = load_checked(folder, origin)
            except TemplateError as exc:
                broken.append(BrokenTemplate(folder, origin, str(exc)))
                continue
            if template.id != folder.name:
                broken.append(
                    BrokenTemplate(
                        folder,
                        origin,
                        _(
                            "{file}: the template id “{id}” differs from its folder name.",
                            file=folder / SCHEMA_FILE,
                            id=template.id,
                        ),
                    )
                )
                continue
            templates.setdefault(template.id, template)
    return Library(templates, broken)


def find_template(template_id: str) -> Template:
    """Load one template by id without scanning the whole library (the common start-up case)."""
    if not ID_PATTERN.match(template_id):  # anchored with \A and \Z
        raise TemplateError(_("“{id}” is not a valid template id.", id=template_id))
    for root, origin in template_folders():
        folder = root / template_id
        if (folder / SCHEMA_FILE).is_file():
            return load_checked(folder, origin)
    return load_library().get(template_id)


def load_checked(folder: Path, origin: Origin) -> Template:
    """`load_template`, where whatever a template's files do to the loader is a `TemplateError`
    naming the file: a template from a shared folder is input like any other, and one that
    breaks the loader in a way no check foresaw must still only be listed as broken."""
    try:
        return load_template(folder, origin)
    except TemplateError:
        raise
    except Exception as exc:  # RecursionError and MemoryError too
        raise TemplateError(
            _(
                "{file}: cannot be loaded: {error}",
                file=folder / SCHEMA_FILE,
                error=str(exc)[:200] or type(exc).__name__,
            )
        ) from None
