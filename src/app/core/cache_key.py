"""The key of every cache the app keeps of a template: its parsed schema (`app.core.loader`) and
its blank structure (`app.core.structure_cache`).

A key is not a hash of what an entry was made from but all of it (`cache_key`): the kind of
entry, this version of the app, the template's origin and id, and the content. Each entry on disk
stores its key, and is used only when that key equals the one wanted, character for character.
No entry can stand in for another template, whatever its file holds: a collision is not merely
unlikely (as with a cryptographic hash) but impossible. Comparing a few hundred KiB costs
microseconds; a hash would cost more, and `hashlib` loads OpenSSL at start-up (3.6 MiB of
memory, the whole margin of the start-up budget).

The file an entry is kept in (`entry_file`) is named from checksums of the key: the name only
says where to look. Two keys with the same name take turns in one file (each replacing the other
when it is written), never each other's place.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from app import __version__


def cache_key(kind: str, origin: str, template_id: str, *content: str) -> str:
    """Everything a cache entry of `kind` depends on, as one text: the app's version, the
    template's origin and id, and `content` (the files or parts of the template it is made
    from). An entry is used only when its stored key equals this exactly."""
    return "\0".join((kind, __version__, origin, template_id, *content))


def entry_file(kind: str, key: str) -> Path:
    """The file where the entry of `kind` for `key` is kept, in the user folder's cache."""
    from app.core.paths import user_dir

    data = key.encode("utf-8", "surrogatepass")
    name = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(data):x}"
    return user_dir() / "cache" / kind / f"{name}.json"
