"""Correct the text a PDF viewer copies out of Qt's PDF for Chinese characters.

CJK fonts such as Noto / Source Han draw a Kangxi radical (U+2F00-2FD5) or a CJK radical
supplement character (U+2E80-2EF3) with the very glyph of the unified ideograph it stands for:
⼼ U+2F3C and 心 U+5FC3 are one glyph. Qt's PDF writer names each glyph, in the font's ToUnicode
map, by the lowest code point the font maps to it, so the PDF says ⼼ where the report says 心:
copying, searching or reading the PDF aloud gives radicals. Here the ToUnicode maps are rewritten
to name the ideographs the report contains. Each code keeps its length (four hex digits), so the
PDF's byte offsets stay valid.
"""

from __future__ import annotations

import re

#: The radical blocks whose code points come before the unified ideographs.
RADICALS = range(0x2E80, 0x2FE0)

_TO_UNICODE_REF = re.compile(rb"/ToUnicode (\d+) 0 R")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def fix_to_unicode(pdf: bytes, replacements: dict[int, int]) -> bytes:
    """The PDF with every ToUnicode map naming `replacements[c]` where it named `c` (BMP code
    points). The PDF's length and offsets do not change."""
    if not replacements:
        return pdf
    data = bytearray(pdf)
    for number in sorted({int(m.group(1)) for m in _TO_UNICODE_REF.finditer(pdf)}):
        header = re.search(rb"\n%d 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n" % number, data)
        if header is None:
            continue  # a compressed or indirect-length map: left as it is
        start = header.end()
        end = start + int(header.group(1))
        cmap = bytes(data[start:end])
        fixed = _fix_cmap(cmap, replacements)
        assert len(fixed) == len(cmap)
        data[start:end] = fixed
    return bytes(data)


def _fix_cmap(cmap: bytes, replacements: dict[int, int]) -> bytes:
    lines = cmap.split(b"\n")
    section = b""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.endswith((b"beginbfrange", b"beginbfchar")):
            section = stripped.split()[-1]
            continue
        if stripped in (b"endbfrange", b"endbfchar"):
            section = b""
            continue
        if not section:
            continue
        # The source codes (one for bfchar, two for bfrange) stay; the destinations change.
        keep = 1 if section == b"beginbfchar" else 2
        tokens = list(_HEX.finditer(line))
        if len(tokens) <= keep:
            continue
        cut = tokens[keep - 1].end()
        lines[index] = line[:cut] + _HEX.sub(
            lambda match: b"<" + _replace_units(match.group(1), replacements) + b">",
            line[cut:],
        )
    return b"\n".join(lines)


def _replace_units(hex_code: bytes, replacements: dict[int, int]) -> bytes:
    """UTF-16BE code units in hex, with replaced BMP code points; the same length."""
    if len(hex_code) % 4:
        return hex_code
    units = [int(hex_code[i : i + 4], 16) for i in range(0, len(hex_code), 4)]
    out = []
    for unit in units:
        new = replacements.get(unit, unit)
        out.append(b"%04X" % new if new <= 0xFFFF else b"%04X" % unit)
    return b"".join(out)
