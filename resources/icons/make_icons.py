"""Render tandem.svg into the icons desktops and installers ask for.

    .venv/bin/python resources/icons/make_icons.py

Writes, next to this script:

- hicolor/<N>x<N>/apps/tandem.png for N in 16, 24, 32, 48, 64, 128, 256, 512
  (the freedesktop icon theme layout; install-desktop-entry.sh copies it);
- tandem.ico with 16, 24, 32, 48, 64, 128 and 256 px (the Windows build);
- tandem.icns (the macOS build).

Every size is rendered from the vector by Qt's QSvgRenderer, not scaled down
from a large bitmap, so the small ones stay sharp. It runs without a display
(QT_QPA_PLATFORM=offscreen) and is safe to run again: it overwrites its output.

ICO and ICNS are written with Pillow. Pillow is not a dependency of Tandem's
own code; it is in the venv because ReportLab requires it. If it is missing,
the PNGs are still written and the script says which files it skipped
(`.venv/bin/pip install pillow` to make them).
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "tandem.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_EXTRA = (1024,)  # the macOS 512@2x slot; rendered, not written as a PNG


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stub asks for bytes, PySide6 itself for str.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    rendered: dict[int, bytes] = {}
    for size in (*PNG_SIZES, *ICNS_EXTRA):
        rendered[size] = png_bytes(render(renderer, size))
    for size in PNG_SIZES:
        target = HERE / "hicolor" / f"{size}x{size}" / "apps" / "tandem.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rendered[size])
        print(f"wrote {target.relative_to(HERE)}")

    try:
        from io import BytesIO

        from PIL import Image
    except ImportError:
        print("make_icons: Pillow is not installed; skipped tandem.ico and tandem.icns",
              file=sys.stderr)
        return 1

    def pil(size: int) -> "Image.Image":
        image = Image.open(BytesIO(rendered[size]))
        image.load()
        return image.convert("RGBA")

    # Pillow takes the exact images for each size from append_images; the
    # first image must be the largest, as it would resize from it otherwise.
    ico_images = [pil(s) for s in sorted(ICO_SIZES, reverse=True)]
    ico_images[0].save(HERE / "tandem.ico", format="ICO",
                       sizes=[(s, s) for s in ICO_SIZES], append_images=ico_images[1:])
    print("wrote tandem.ico")
    icns_sizes = sorted({*PNG_SIZES, *ICNS_EXTRA}, reverse=True)
    icns_images = [pil(s) for s in icns_sizes]
    icns_images[0].save(HERE / "tandem.icns", format="ICNS", append_images=icns_images[1:])
    print("wrote tandem.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
