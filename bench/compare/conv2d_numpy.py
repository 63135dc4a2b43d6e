#!/usr/bin/python3
"""The peer for `conv2d` in the quick benchmark: CS231n's im2col convolution in NumPy, forward + backward.

Run on OpenBLAS with two threads, as the README's benchmark section says:
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184 /usr/bin/python3 bench/compare/conv2d_numpy.py
"""
import json, sys, time
import numpy as np

def im2col_indices(x_shape, kh, kw, pad, stride):
    n, c, h, w = x_shape
    oh, ow = (h + 2 * pad - kh) // stride + 1, (w + 2 * pad - kw) // stride + 1
    i0 = np.tile(np.repeat(np.arange(kh), kw), c)
    i1 = stride * np.repeat(np.arange(oh), ow)
    j0 = np.tile(np.arange(kw), kh * c)
    j1 = stride * np.tile(np.arange(ow), oh)
    i = i0.reshape(-1, 1) + i1.reshape(1, -1)
    j = j0.reshape(-1, 1) + j1.reshape(1, -1)
    k = np.repeat(np.arange(c), kh * kw).reshape(-1, 1)
    return k, i, j

def conv_forward(x, w, b, pad, stride, idx):
    k, i, j = idx
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = xp[:, k, i, j].transpose(1, 2, 0).reshape(w.shape[1] * w.shape[2] * w.shape[3], -1)
    out = w.reshape(w.shape[0], -1) @ cols + b.reshape(-1, 1)
    n, h, wd = x.shape[0], (x.shape[2] + 2 * pad - w.shape[2]) // stride + 1, (x.shape[3] + 2 * pad - w.shape[3]) // stride + 1
    return out.reshape(w.shape[0], h, wd, n).transpose(3, 0, 1, 2), cols

def conv_backward(dout, x, w, cols, pad, idx):
    f = w.shape[0]
    db = dout.sum(axis=(0, 2, 3))
    dout_r = dout.transpose(1, 2, 3, 0).reshape(f, -1)
    dw = (dout_r @ cols.T).reshape(w.shape)
    dcols = w.reshape(f, -1).T @ dout_r
    n, c, h, wd = x.shape
    xp = np.zeros((n, c, h + 2 * pad, wd + 2 * pad), dtype=x.dtype)
    k, i, j = idx
    dcols_r = dcols.reshape(c * w.shape[2] * w.shape[3], -1, n).transpose(2, 0, 1)
    np.add.at(xp, (slice(None), k, i, j), dcols_r)
    return xp[:, :, pad:-pad, pad:-pad], dw, db

dtype = np.float64 if "float32" not in sys.argv else np.float32
rng = np.random.default_rng(0)
x = rng.standard_normal((50, 3, 32, 32)).astype(dtype)
w = rng.standard_normal((32, 3, 3, 3)).astype(dtype)
b = rng.standard_normal(32).astype(dtype)
dout = rng.standard_normal((50, 32, 32, 32)).astype(dtype)
idx = im2col_indices(x.shape, 3, 3, 1, 1)

def step():
    out, cols = conv_forward(x, w, b, 1, 1, idx)
    conv_backward(dout, x, w, cols, 1, idx)

step(); step()
times = []
for _ in range(15):
    t = time.perf_counter(); step(); times.append(time.perf_counter() - t)
times.sort()
print(json.dumps({"case": "conv2d", "peer": "numpy-im2col", "dtype": np.dtype(dtype).name, "ms": round(times[len(times) // 2] * 1000, 2)}))
