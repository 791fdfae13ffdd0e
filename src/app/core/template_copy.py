"""Drafts that travel: a draft made from a template of the writer's own carries a copy of it.

A `.fanwen` file names its template by id; one made from an imported template (“anquan”) opened
on a colleague's PC found no such template and could not be opened. A draft of a template that is
not built in therefore carries the template's files in an entry of its own (`KEY`, kept among
the draft's extra entries, so the draft format itself is unchanged and older Fanwen versions
keep the entry as they keep any other)::

    "template_copy": {"id": "anquan", "version": "1.0",
                      "files": {"template.toml": "...", "body.txt.j2": "..."}}

Opening a draft (`template_for_draft`) uses the installed template of that id, unless it is
missing or older than the copy: then the copy, written once into the user folder's cache and
loaded from there as a template of the writer's own (so it runs in the sandbox, as any template
not built in does). A draft whose template is neither here nor carried is refused with a message
saying what to do.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from app.core.draft import Draft
from app.core.errors import TemplateError
from app.core.i18n import _
from app.core.template import Origin, Template

#: The draft's extra entry holding the copy.
KEY = "template_copy"
#: A copy larger than this (in characters, all files) is not carried: a template is text.
MAX_COPY = 2_000_000
_FILE_NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"


def template_files(template: Template) -> dict[str, str] | None:
    """The files of a template that is not built in (its schema and body), or None."""
    from app.core.loader import SCHEMA_FILE

    if template.origin is Origin.BUILTIN or template.folder is None:
        return None
    body_file = str(template.extra.get("body_file", "body.txt.j2"))
    files = {}
    for name in (SCHEMA_FILE, body_file):
        try:
            files[name] = (template.folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    return files


def make_copy(template: Template) -> dict[str, Any] | None:
    """The entry a draft of `template` carries (None for a built-in template)."""
    files = template_files(template)
    if files is None or sum(len(text) for text in files.values()) > MAX_COPY:
        return None
    return {"id": template.id, "version": template.version, "files": files}


def attach_copy(draft: Draft, template: Template) -> None:
    """Make `draft` carry a copy of `template` (or none, for a built-in one): in place, as the
    draft a session keeps and saves."""
    current = draft.extra.get(KEY)
    if (
        isinstance(current, Mapping)
        and current.get("id") == template.id
        and current.get("version") == template.version
        and _same_files(current, template)
    ):
        return
    copy = make_copy(template)
    if copy is None:
        draft.extra.pop(KEY, None)
    else:
        draft.extra[KEY] = copy


def _same_files(current: Mapping[str, Any], template: Template) -> bool:
    return current.get("files") == template_files(template)


def carried(draft: Draft) -> dict[str, Any] | None:
    """The copy a draft carries, checked (None when there is none or it is not usable)."""
    from app.core.loader import ID_PATTERN

    copy = draft.extra.get(KEY)
    if not isinstance(copy, Mapping):
        return None
    template_id, version, files = copy.get("id"), copy.get("version"), copy.get("files")
    if not (isinstance(template_id, str) and ID_PATTERN.match(template_id)):
        return None
    if template_id != draft.template or not isinstance(version, str):
        return None
    if not isinstance(files, Mapping) or not files:
        return None
    if not all(isinstance(k, str) and re.match(_FILE_NAME, k) for k in files):
        return None
    if not all(isinstance(v, str) for v in files.values()):
        return None
    if sum(len(v) for v in files.values()) > MAX_COPY:
        return None
    return {"id": template_id, "version": version, "files": dict(files)}


def load_copy(copy: Mapping[str, Any]) -> Template:
    """The carried template, from its files written once under the user folder's cache."""
    import hashlib  # (not at start-up: it loads OpenSSL, see app.core.structure_cache)

    from app.core.atomic import atomic_write_bytes
    from app.core.loader import load_template
    from app.core.paths import user_dir

    files: Mapping[str, str] = copy["files"]
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    folder = user_dir() / "cache" / "carried-templates" / f"{copy['id']}-{digest}" / copy["id"]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = folder / name
            data = text.encode("utf-8")
            if not path.is_file() or path.read_bytes() != data:
                atomic_write_bytes(path, data)
    except OSError as exc:
        raise TemplateError(
            _("{file}: cannot be written: {error}", file=folder, error=exc.strerror or exc)
        ) from None
    template = load_template(folder, Origin.USER)
    if template.id != copy["id"]:
        raise TemplateError(
            _(
                "{file}: the template id “{id}” differs from its folder name.",
                file=folder,
                id=template.id,
            )
        )
    return template


def is_older(installed: str, carried_version: str) -> bool:
    """Whether version `installed` comes before `carried_version` ("1.2" < "1.10"); versions
    that are not dotted numbers are never older."""

    def parts(version: str) -> tuple[int, ...] | None:
        try:
            return tuple(int(part) for part in version.strip().split("."))
        except ValueError:
            return None

    mine, theirs = parts(installed), parts(carried_version)
    return mine is not None and theirs is not None and mine < theirs


def template_for_draft(draft: Draft) -> Template:
    """The template to open `draft` with: the installed one, or the copy the draft carries when
    the installed one is missing, cannot be loaded, or is older. A TemplateError says what to
    do when there is neither."""
    from app.core.library import find_template
    from app.core.loader import ID_PATTERN
    from app.core.paths import user_templates_dir

    copy = carried(draft)
    try:
        installed = find_template(draft.template)
    except TemplateError as exc:
        if copy is not None:
            return load_copy(copy)
        if not ID_PATTERN.match(draft.template) or not _unknown(draft.template):
            raise
        raise TemplateError(
            _(
                "{error} The draft does not carry a copy of it: ask whoever sent the draft for "
                "the template folder “{id}” and put it in {folder}, or choose your office's "
                "shared template folder under File > New from template; then open the draft "
                "again.",
                error=exc,
                id=draft.template,
                folder=user_templates_dir(),
            )
        ) from None
    carried_is_newer = copy is not None and is_older(installed.version, copy["version"])
    if copy is not None and carried_is_newer and installed.origin is not Origin.BUILTIN:
        return load_copy(copy)
    return installed


def _unknown(template_id: str) -> bool:
    """Whether no template folder of this id exists at all (not one that is only broken)."""
    from app.core.library import load_library

    library = load_library()
    return template_id not in library.templates and not any(
        broken.folder.name == template_id for broken in library.broken
    )
