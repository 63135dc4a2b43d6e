#!/usr/bin/python3
"""Writes the subsets shipped in data/, cut from ../shared/data as gzip IDX files (same names and format as the
full sets). Deterministic (gzip mtime 0):
  data/mnist-small          first 10,000 MNIST training and first 2,000 test examples;
  data/fashion-mnist-small  first 6,000 Fashion-MNIST training and first 2,000 test examples.

    /usr/bin/python3 data/tools/make_small_subsets.py
"""
import gzip, os, struct

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
