#!/usr/bin/python3
"""Writes the subsets shipped in data/, cut from ../shared/data as gzip IDX files (same names and format as the
full sets). Deterministic (gzip mtime 0):
  data/mnist-small          first 10,000 MNIST training and first 2,000 test examples;
  data/fashion-mnist-small  first 6,000 Fashion-MNIST training and first 2,000 test examples;
  data/flickr8k-small       the first 400 and the last 200 images of flickr8k-subset1000 (PNG files copied unchanged)
                            with their captions: 400 training, 100 validation and 100 test images, as CaptionCorpus
                            splits any corpus (the last 100 test, the 100 before them validate, the rest train);
  data/pretrained-squeezenet  the SqueezeNet v1.0 weights, copied unchanged (the captioning features need them);
  data/hymenoptera-small    the first 24 ants and 24 bees of each hymenoptera split (PNG files copied unchanged);
  data/style-transfer-small the 256-pixel content and style images with their PROVENANCE.md, copied unchanged.

    /usr/bin/python3 data/tools/make_small_subsets.py
"""
import gzip, os, shutil, struct

here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data"))

def cut(source, target, name, count):
    with gzip.open(os.path.join(source, name), "rb") as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    shape = list(struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims]))
    item = 1
    for d in shape[1:]:
        item *= d
    header = struct.pack(">I", magic) + struct.pack(">I", count) + b"".join(struct.pack(">I", d) for d in shape[1:])
    body = data[4 + 4 * dims: 4 + 4 * dims + count * item]
    with open(os.path.join(target, name), "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as g:
            g.write(header + body)

for full, small, train in (("mnist", "mnist-small", 10000), ("fashion-mnist", "fashion-mnist-small", 6000)):
    source = os.path.join(shared, full)
    target = os.path.normpath(os.path.join(here, "..", small))
    os.makedirs(target, exist_ok=True)
    for split, count in (("train", train), ("t10k", 2000)):
        cut(source, target, f"{split}-images-idx3-ubyte.gz", count)
        cut(source, target, f"{split}-labels-idx1-ubyte.gz", count)
    print("wrote", target)

# A3's quick runs: 600 Flickr8k images, their five captions each, in the source's order, and the SqueezeNet weights.
source = os.path.join(shared, "flickr8k-subset1000")
target = os.path.normpath(os.path.join(here, "..", "flickr8k-small"))
os.makedirs(os.path.join(target, "images"), exist_ok=True)
with gzip.open(os.path.join(source, "captions.tsv.gz"), "rt", encoding="utf-8", newline="") as f:
    header, *rows = f.read().splitlines()
order = list(dict.fromkeys(row.split("\t")[0] for row in rows))
keep = order[:400] + order[-200:]
kept = set(keep)
with open(os.path.join(target, "captions.tsv.gz"), "wb") as raw:
    with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as g:
        g.write(("\n".join([header] + [r for r in rows if r.split("\t")[0] in kept]) + "\n").encode("utf-8"))
for name in keep:
    shutil.copyfile(os.path.join(source, "images", name), os.path.join(target, "images", name))
print("wrote", target, len(keep), "images")

source = os.path.join(shared, "pretrained-squeezenet")
target = os.path.normpath(os.path.join(here, "..", "pretrained-squeezenet"))
os.makedirs(target, exist_ok=True)
for name in sorted(os.listdir(source)):
    shutil.copyfile(os.path.join(source, name), os.path.join(target, name))
print("wrote", target)

# A4's quick runs: the first 24 images of each class in each split of hymenoptera (PNG files copied unchanged, same
# layout), and the 256-pixel style-transfer images with their provenance.
source = os.path.join(shared, "hymenoptera", "hymenoptera_data")
target = os.path.normpath(os.path.join(here, "..", "hymenoptera-small", "hymenoptera_data"))
for split in ("train", "val"):
    for label in ("ants", "bees"):
        os.makedirs(os.path.join(target, split, label), exist_ok=True)
        for name in sorted(os.listdir(os.path.join(source, split, label)))[:24]:
            shutil.copyfile(os.path.join(source, split, label, name), os.path.join(target, split, label, name))
print("wrote", target)

source = os.path.join(shared, "style-transfer")
target = os.path.normpath(os.path.join(here, "..", "style-transfer-small"))
for role in ("content", "style"):
    os.makedirs(os.path.join(target, "256", role), exist_ok=True)
    for name in sorted(os.listdir(os.path.join(source, "256", role))):
        shutil.copyfile(os.path.join(source, "256", role, name), os.path.join(target, "256", role, name))
shutil.copyfile(os.path.join(source, "PROVENANCE.md"), os.path.join(target, "PROVENANCE.md"))
print("wrote", target)
