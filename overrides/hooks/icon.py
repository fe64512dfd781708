"""The course's app icon, drawn once here, written as SVG and as PNG (not a hook itself).

overrides/hooks/offline.py calls ``svg()`` and ``png(size)`` at the end of the build.
The PNG is drawn with the standard library only (zlib), so the build needs no image
library: phones want a PNG for the home screen (iOS ignores SVG icons, Android uses a
« maskable » PNG for its round or square icon shapes).

The drawing is the favicon's (two parents), made of shapes a few lines of Python can fill:
circles for the heads, half-ellipses for the shoulders, on a full-bleed blue square.
Every white shape sits inside the central circle of 80 % of the width, the safe zone of a
maskable icon, so no launcher cuts it.
"""

from __future__ import annotations

import math
import struct
import zlib

SIZE = 512  # drawing units: one unit is one pixel of the 512 px PNG
BLUE = (0x1D, 0x4E, 0xD8)  # the site's primary colour (site.css --md-primary-fg-color)
WHITE = (0xFF, 0xFF, 0xFF)
# (kind, centre x, centre y, radius x, radius y); "dome" is the top half of an ellipse
SHAPES = (
    ("circle", 186, 196, 54, 54),
    ("circle", 326, 196, 54, 54),
    ("dome", 186, 366, 70, 100),
    ("dome", 326, 366, 70, 100),
)


def svg(rounded: bool = True) -> str:
    """The icon as SVG (rounded corners for browsers; the PNG stays square for masks)."""
    corners = ' rx="96"' if rounded else ""
    parts = [f'<rect width="{SIZE}" height="{SIZE}"{corners} fill="#1d4ed8"/>']
    for kind, cx, cy, rx, ry in SHAPES:
        if kind == "circle":
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{rx}"/>')
        else:
            parts.append(f'<path d="M{cx - rx} {cy}A{rx} {ry} 0 0 1 {cx + rx} {cy}Z"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}">'
            f'<title>Parents connectés</title>{parts[0]}<g fill="#fff">{"".join(parts[1:])}</g></svg>\n')


def _span(kind: str, cx: float, cy: float, rx: float, ry: float, y: float) -> tuple[float, float] | None:
    """Horizontal extent of a shape on the line ``y`` (drawing units), or None."""
    if kind == "dome" and y > cy:
        return None
    t = 1 - ((y - cy) / ry) ** 2
    if t <= 0:
        return None
    half = rx * math.sqrt(t)
    return cx - half, cx + half


def png(size: int = SIZE, samples: int = 8) -> bytes:
    """The icon as an RGB PNG of ``size`` px, anti-aliased (``samples`` lines per pixel row)."""
    scale = size / SIZE
    rows = []
    for py in range(size):
        # Coverage of white per pixel: exact along each sample line, averaged over the lines
        diff = [0.0] * (size + 1)
        part = [0.0] * (size + 1)
        for s in range(samples):
            y = (py + (s + 0.5) / samples) / scale
            for shape in SHAPES:
                span = _span(*shape, y)
                if span is None:
                    continue
                a, b = max(0.0, span[0] * scale), min(float(size), span[1] * scale)
                ia, ib = int(a), int(b)
                if ia == ib:
                    part[ia] += (b - a) / samples
                    continue
                part[ia] += (ia + 1 - a) / samples
                diff[ia + 1] += 1 / samples
                diff[ib] -= 1 / samples
                part[ib] += (b - ib) / samples
        row = bytearray(b"\x00")  # PNG filter type 0 for this row
        full = 0.0
        for px in range(size):
            full += diff[px]
            cover = min(1.0, full + part[px])
            row += _BG if cover < 0.002 else _FG if cover > 0.998 else _mix(cover)
        rows.append(bytes(row))
    return _png_file(size, size, b"".join(rows))


_BG, _FG = bytes(BLUE), bytes(WHITE)


def _mix(cover: float) -> bytes:
    return bytes(round(bg + (fg - bg) * cover) for bg, fg in zip(BLUE, WHITE))


def _png_file(width: int, height: int, raw: bytes) -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
