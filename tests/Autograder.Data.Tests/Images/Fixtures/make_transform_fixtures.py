#!/usr/bin/python3
"""Writes transforms.npz: what torchvision 0.14's functional transforms (on PIL images, Debian's python3-torchvision and
python3-pil) make of two of the image fixtures, for ImageResizeTests. Not needed to run the tests:

    /usr/bin/python3 tests/Autograder.Data.Tests/Images/Fixtures/make_transform_fixtures.py

Arrays are int64 (H, W, C) pixels.
"""
import os
import numpy as np
from PIL import Image
import torchvision.transforms.functional as F

here = os.path.dirname(os.path.abspath(__file__))
rgb = Image.open(os.path.join(here, "rgb.png")).convert("RGB")        # 23 x 17
photo = Image.open(os.path.join(here, "bees.png")).convert("RGB")     # hymenoptera train/bees/39672681_1302d204d1.png, 256 x 170
out = {
    "photo_resize_100": F.resize(photo, 100),            # shrink: antialiased
    "photo_resize_64_48": F.resize(photo, [48, 64]),
    "rgb_resize_40": F.resize(rgb, 40),                  # enlarge
    "photo_center_crop_91": F.center_crop(photo, 91),    # odd margins: rounded half to even
    "photo_resized_crop": F.resized_crop(photo, 20, 31, 101, 150, [64, 64]),
    "rgb_hflip": F.hflip(rgb),
}
np.savez(os.path.join(here, "transforms.npz"), **{k: np.asarray(v).astype(np.int64) for k, v in out.items()})
print("wrote", len(out), "arrays")
