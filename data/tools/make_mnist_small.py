#!/usr/bin/python3
"""Writes data/mnist-small: the first 10,000 MNIST training and first 2,000 test examples, as gzip IDX files
(same names and format as the full set), cut from ../shared/data/mnist. Deterministic (gzip mtime 0).

    /usr/bin/python3 data/tools/make_mnist_small.py
"""
import gzip, os, struct

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data", "mnist"))
target = os.path.join(here, "..", "mnist-small")
os.makedirs(target, exist_ok=True)

def cut(name, count):
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

for split, count in (("train", 10000), ("t10k", 2000)):
    cut(f"{split}-images-idx3-ubyte.gz", count)
    cut(f"{split}-labels-idx1-ubyte.gz", count)
print("wrote", target)
