#!/usr/bin/python3
"""Writes PNG fixtures by hand (zlib + struct, no image library), one per filter type and colour type, plus files the
decoder must reject. The pixel values are a fixed formula, so the C# test recomputes them: value = (7x + 13y + 29c) mod 256.

    /usr/bin/python3 tests/Autograder.Data.Tests/Images/Fixtures/make_png_fixtures.py
"""
import os, struct, zlib

here = os.path.dirname(os.path.abspath(__file__))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)

def filtered(line, prev, bpp, kind):
    out = bytearray()
    for i, v in enumerate(line):
        left = line[i - bpp] if i >= bpp else 0
        up = prev[i]
        ul = prev[i - bpp] if i >= bpp else 0
        pred = [0, left, up, (left + up) // 2, paeth(left, up, ul)][kind]
        out.append((v - pred) & 0xFF)
    return bytes(out)

def write(name, width, height, color_type, channels, filters, depth=8, interlace=0, extra=b""):
    raw = bytearray()
    prev = bytes(width * channels)
    for y in range(height):
        line = bytes((7 * x + 13 * y + 29 * c) % 256 for x in range(width) for c in range(channels))
        kind = filters[y % len(filters)]
        raw += bytes([kind]) + filtered(line, prev, channels, kind)
        prev = line
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, interlace)
    with open(os.path.join(here, name), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))

for kind in range(5):
    write(f"rgb_filter{kind}.png", 9, 6, 2, 3, [kind])
write("gray_all_filters.png", 11, 10, 0, 1, [0, 1, 2, 3, 4])
write("rgba_all_filters.png", 5, 7, 6, 4, [4, 3, 2, 1, 0])
write("gray_alpha.png", 4, 3, 4, 2, [1])
write("palette.png", 4, 4, 3, 1, [0], extra=chunk(b"PLTE", bytes(range(12))))
write("sixteen_bit.png", 4, 4, 0, 2, [0], depth=16)
write("interlaced.png", 4, 4, 2, 3, [0], interlace=1)
with open(os.path.join(here, "rgb_filter4.png"), "rb") as f:
    data = bytearray(f.read())
data[40] ^= 0xFF
with open(os.path.join(here, "bad_crc.png"), "wb") as f:
    f.write(data)
print("wrote PNG fixtures to", here)
