#!/usr/bin/python3
"""Writes the image-decoding fixtures with Debian's python3-pil (not needed to run the tests):

    /usr/bin/python3 tests/Autograder.Data.Tests/Images/Fixtures/make_image_fixtures.py

One small picture (a smooth colour field with edges, 23 x 17) saved in every format and colour type the readers must
accept, and expected.npz holding what Pillow decodes from each file: uint8 arrays (H, W) for gray, (H, W, 3) RGB,
(H, W, 4) RGBA. Lossless formats must match exactly; JPEG and lossy WebP within a stated tolerance (two decoders of the
same file may round differently).
"""
import io, os
import numpy as np
from PIL import Image

here = os.path.dirname(os.path.abspath(__file__))
h, w = 17, 23
y, x = np.mgrid[0:h, 0:w]
rgb = np.stack([(x * 11) % 256, (y * 15) % 256, ((x + y) * 7 + 40 * (x > 11)) % 256], axis=-1).astype(np.uint8)
alpha = ((x * 9 + y * 5) % 256).astype(np.uint8)
picture = Image.fromarray(rgb, "RGB")
expected = {}

def save(name, image, **options):
    path = os.path.join(here, name)
    image.save(path, **options)
    decoded = Image.open(path)
    decoded.seek(0)
    mode = {"L": "L", "I;16": "L", "I": "L", "LA": "RGBA", "RGBA": "RGBA", "PA": "RGBA"}.get(decoded.mode, "RGB")
    if decoded.mode in ("I;16", "I"):
        # 16-bit gray: Skia scales to 8 bits by the high byte.
        expected[name] = (np.asarray(decoded, dtype=np.uint32) >> 8).astype(np.uint8)
    else:
        expected[name] = np.asarray(decoded.convert(mode))

save("rgb.png", picture)
save("rgba.png", Image.fromarray(np.dstack([rgb, alpha]), "RGBA"))
save("gray.png", picture.convert("L"))
save("gray_alpha.png", Image.merge("LA", [picture.convert("L"), Image.fromarray(alpha)]))
save("palette.png", picture.quantize(16))
save("interlaced.png", picture, interlace=1)
save("gray16.png", Image.fromarray((np.asarray(picture.convert("L")).astype(np.uint16) * 257), "I;16"))
save("photo.jpg", picture, quality=95)
save("gray.jpg", picture.convert("L"), quality=95)
save("lossless.webp", picture, lossless=True)
save("picture.bmp", picture)
save("first_frame.gif", picture.quantize(64), save_all=True, append_images=[Image.new("P", (w, h), 3)])
np.savez(os.path.join(here, "expected.npz"), **{k.replace(".", "_"): v.astype(np.int64) for k, v in expected.items()})  # int64: what Npz reads
print("wrote", len(expected), "fixtures to", here)
