"""A smaller ICU data library for the Linux bundle: ICU for Chinese and English only.

Qt's Linux wheels ship ICU 73 with its full data library (`libicudata.so.73`, 31 MB: every
locale's names, collations, break dictionaries, transliterators and about 200 legacy
converters). QtCore uses ICU for collation (QCollator), case mapping, time-zone names and legacy
text codecs (QStringConverter); Fanwen speaks Chinese and English. This module rebuilds the data
library with the items those uses need for zh and en, the way ICU's own data filtering does:

1. read the `icudtNN_dat` blob out of the wheel's library (ELF symbol, no compiler needed);
2. `icupkg -r` removes the items `keep_item()` rejects (Debian: icu-devtools);
3. `genccode -o` turns the package into an object file, `ld -shared` into `libicudata.so.NN`.

Kept: every non-locale item (the converter alias table, time-zone rules, likely subtags, plural
rules, the collation base data...), all root/zh*/en* locale bundles in the trees kept, and the
converters behind `CONVERTER_ALIASES`. Dropped: the other locales; transliteration, spell-out
number rules, break iterators and their dictionaries, currency and unit names; character names,
spoof-check data and the other converters. Other locales fall back to ICU's root data (English names, code-point order).
"""

from __future__ import annotations

import ctypes
import re
import shutil
import struct
import subprocess
from pathlib import Path

# Legacy encodings a Chinese office may meet; the Unicode ones (UTF-*) are built into ICU's code.
CONVERTER_ALIASES = (
    "GB18030",
    "GBK",
    "GB2312",
    "Big5",
    "Big5-HKSCS",
    *(f"windows-{page}" for page in range(1250, 1259)),
    *(f"ISO-8859-{part}" for part in (2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15)),
    "KOI8-R",
)
KEPT_LANGUAGES = ("zh", "en")
_ALWAYS_KEPT_BUNDLES = ("root", "pool", "res_index")
# Qt calls no ubrk_/utrans_/unum_/ucurr_ function: no break iterators, transliterators, number
# spell-out, currency or unit names.
_DROPPED_TREES = ("translit", "rbnf", "brkitr", "curr", "unit")
_DROPPED_ITEMS = ("unames.icu", "confusables.cfu", "confusablesWholeScript.cfu")
_LOCALE = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]*)*$")  # "de_" is a collation alias too

TOOLS = ("icupkg", "genccode", "ld", "nm")


def missing_tools() -> list[str]:
    """The command-line tools this needs that are not installed (apt: icu-devtools, binutils)."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def keep_item(item: str, converters: frozenset[str]) -> bool:
    """Whether an item of the ICU package ("zh_Hans.res", "coll/de.res", "gb18030.cnv") stays."""
    tree, _, name = item.rpartition("/")
    stem, _, suffix = name.rpartition(".")
    if tree.split("/")[0] in _DROPPED_TREES or name in _DROPPED_ITEMS:
        return False
    if suffix == "cnv":
        return stem in converters
    if suffix == "res" and _LOCALE.match(stem) and stem not in _ALWAYS_KEPT_BUNDLES:
        return stem.split("_")[0] in KEPT_LANGUAGES
    return True


def converter_names(icuuc: Path, version: str) -> frozenset[str]:
    """The ICU converter (file) names behind CONVERTER_ALIASES, asked of the wheel's ICU."""
    library = ctypes.CDLL(str(icuuc))
    open_converter = getattr(library, f"ucnv_open_{version}")
    open_converter.restype = ctypes.c_void_p
    open_converter.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    get_name = getattr(library, f"ucnv_getName_{version}")
    get_name.restype = ctypes.c_char_p
    get_name.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    close = getattr(library, f"ucnv_close_{version}")
    close.argtypes = [ctypes.c_void_p]
    names = set()
    for alias in CONVERTER_ALIASES:
        status = ctypes.c_int(0)
        converter = open_converter(alias.encode("ascii"), ctypes.byref(status))
        if not converter or status.value > 0:  # > 0: an error; < 0: a warning (fallback)
            raise RuntimeError(f"ICU has no converter for {alias} (status {status.value})")
        names.add(get_name(converter, ctypes.byref(status)).decode("ascii"))
        close(converter)
    return frozenset(names)


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, address, size) of the icudtNN_dat symbol."""
    listing = subprocess.run(
        ["nm", "-D", "-S", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            return fields[3], int(fields[0], 16), int(fields[1], 16)
    raise RuntimeError(f"{library}: no icudtNN_dat symbol")


def extract_package(library: Path, target: Path) -> str:
    """Write the ICU .dat package held by the data library to `target`; returns 'icudtNN'."""
    name, address, size = _data_symbol(library)
    image = library.read_bytes()
    if image[:4] != b"\x7fELF" or image[4] != 2 or image[5] != 1:
        raise RuntimeError(f"{library}: not a 64-bit little-endian ELF file")
    (phoff,) = struct.unpack_from("<Q", image, 0x20)
    entry_size, count = struct.unpack_from("<HH", image, 0x36)
    for index in range(count):
        kind, _flags, offset, vaddr, _paddr, filesz, _memsz, _align = struct.unpack_from(
            "<IIQQQQQQ", image, phoff + index * entry_size
        )
        if kind == 1 and vaddr <= address and address + size <= vaddr + filesz:  # PT_LOAD
            start = address - vaddr + offset
            target.write_bytes(image[start : start + size])
            return name.removesuffix("_dat")
    raise RuntimeError(f"{library}: {name} is in no loadable segment")


def slim_library(library: Path, workdir: Path) -> Path:
    """Build the Chinese/English ICU data library from the wheel's; returns its path."""
    workdir.mkdir(parents=True, exist_ok=True)
    # icupkg wants a package's file name to match the item prefix inside it ("icudt73l").
    (workdir / "full").mkdir(exist_ok=True)
    full = workdir / "full" / "package.dat"
    entry = extract_package(library, full)  # "icudt73"
    full = full.rename(full.with_name(f"{entry}l.dat"))
    version = entry.removeprefix("icudt")
    converters = converter_names(library.with_name(f"libicuuc.so.{version}"), version)
    items = subprocess.run(
        ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
    ).stdout.split()
    removed = {item for item in items if not keep_item(item, converters)}
    slim = workdir / f"{entry}l.dat"
    for _attempt in range(5):
        # icupkg refuses to drop an item a kept one needs (GBK's table extends ibm-1386's):
        # put those back and try again.
        removal_list = workdir / "removed.txt"
        removal_list.write_text("\n".join(sorted(removed)) + "\n", encoding="ascii")
        slim.unlink(missing_ok=True)
        result = subprocess.run(
            ["icupkg", "-r", str(removal_list), str(full), str(slim)],
            capture_output=True,
            text=True,
        )
        needed = set(re.findall(r"depends on missing item (\S+)", result.stderr))
        if result.returncode == 0:
            break
        if not needed & removed:
            raise RuntimeError(f"icupkg failed: {result.stderr.strip()}")
        removed -= needed
    else:
        raise RuntimeError("icupkg: dependencies of the kept ICU items do not settle")
    objects = workdir / "obj"
    shutil.rmtree(objects, ignore_errors=True)
    objects.mkdir()
    subprocess.run(
        ["genccode", "-q", "-e", entry, "-o", "-m", str(library), "-d", str(objects), str(slim)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (obj,) = objects.glob("*.o")
    output = workdir / library.name
    subprocess.run(
        [
            "ld",
            "-shared",
            "-z",
            "noexecstack",
            "-soname",
            library.name,
            "-o",
            str(output),
            str(obj),
        ],
        check=True,
    )
    full.unlink()
    return output
