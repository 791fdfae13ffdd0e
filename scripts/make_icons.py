"""Render the app icon's PNG sizes and the Windows .ico from the SVG sources.

    python3 scripts/make_icons.py

Sources: `resources/icons/fanwen.svg` (32 px and up) and `resources/icons/fanwen-small.svg`
(drawn on a 16 px grid for 16-24 px, where the full drawing would blur). Output, committed:

- `resources/icons/hicolor/<N>x<N>/apps/fanwen.png`: the sizes Linux desktops ask for (the .deb
  installs this tree under /usr/share/icons/hicolor, with the SVG as `scalable`);
- `resources/icons/fanwen.ico`: 16-256 px for Windows (fanwen.exe, shortcuts, the installer);
  uncompressed 32-bit images below 256 px, PNG at 256 px, as Windows' own icons are stored;
- `installer/windows/welcome.bmp`: the picture on the installer's welcome and finish pages
  (164 x 314, 24-bit BMP as NSIS wants it): the icon over a 公文-style red rule.

Rendering uses Qt's SVG renderer (PySide6 is already a dependency), offscreen.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
ICONS = REPO / "resources" / "icons"
WELCOME_BITMAP = REPO / "installer" / "windows" / "welcome.bmp"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_UP_TO = 24  # sizes up to this use the 16 px grid drawing


def render(size: int) -> QImage:
    """The icon at `size` x `size` pixels, from the drawing meant for that size."""
    source = ICONS / ("fanwen-small.svg" if size <= SMALL_UP_TO else "fanwen.svg")
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An icon directory entry's bitmap: BITMAPINFOHEADER, BGRA rows bottom-up, AND mask."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    stride = size * 4
    bits = bytes(argb.constBits())  # little-endian ARGB32 is B, G, R, A in memory
    rows = [bits[y * argb.bytesPerLine() : y * argb.bytesPerLine() + stride] for y in range(size)]
    mask_stride = ((size + 31) // 32) * 4
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + bytes(mask_stride * size)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A Windows .ico file holding every image."""
    payloads = [
        (size, png_bytes(image) if size >= 256 else dib_bytes(image))
        for size, image in sorted(images.items())
    ]
    offset = 6 + 16 * len(payloads)
    directory = struct.pack("<HHH", 0, 1, len(payloads))
    for size, payload in payloads:
        edge = 0 if size >= 256 else size  # 0 means 256
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    return directory + b"".join(payload for _size, payload in payloads)


def welcome_bitmap() -> QImage:
    """The installer's side picture: a light page with a red edge, the icon, a red rule."""
    width, height = 164, 314
    image = QImage(width, height, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    background = QLinearGradient(0, 0, 0, height)
    background.setColorAt(0, QColor("#ffffff"))
    background.setColorAt(1, QColor("#e6eaf0"))
    painter.fillRect(image.rect(), background)
    painter.fillRect(QRectF(0, 0, width, 10), QColor("#c21f24"))
    painter.drawImage((width - 120) // 2, 44, render(120))
    painter.fillRect(QRectF(20, 184, width - 40, 4), QColor("#c21f24"))
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage/QPainter need the application)
    for size in HICOLOR_SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "fanwen.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            raise SystemExit(f"{target}: could not be written")
        print(target.relative_to(REPO))
    ico = ICONS / "fanwen.ico"
    ico.write_bytes(ico_bytes({size: render(size) for size in ICO_SIZES}))
    print(ico.relative_to(REPO))
    if not welcome_bitmap().save(str(WELCOME_BITMAP), "BMP"):
        raise SystemExit(f"{WELCOME_BITMAP}: could not be written")
    print(WELCOME_BITMAP.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
