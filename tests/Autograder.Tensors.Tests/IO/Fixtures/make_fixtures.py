#!/usr/bin/python3
"""Writes the NumPy / PyTorch fixtures that the C# tests read back.

Run with Debian's python3-numpy and python3-torch (not needed to run the tests):
    /usr/bin/python3 tests/Autograder.Tensors.Tests/IO/Fixtures/make_fixtures.py
Every file is deterministic (fixed seeds), so re-running reproduces the committed bytes.
"""
import json, os, struct
import numpy as np
import torch
import torch.nn.functional as F

here = os.path.dirname(os.path.abspath(__file__))
def path(name): return os.path.join(here, name)

# --- .npy files in every supported dtype, plus cases that must be rejected ---
np.save(path("float32_2x3.npy"), np.arange(6, dtype=np.float32).reshape(2, 3) / 4)
np.save(path("float64_2x3x4.npy"), (np.arange(24, dtype=np.float64).reshape(2, 3, 4) - 12) / 7)
np.save(path("int64_5.npy"), np.array([-3, 0, 7, 2**40, -(2**62)], dtype=np.int64))
np.save(path("bool_2x2.npy"), np.array([[True, False], [False, True]]))
np.save(path("scalar_float64.npy"), np.float64(3.25))
np.save(path("empty_0x3.npy"), np.zeros((0, 3), dtype=np.float32))
np.save(path("fortran_2x3.npy"), np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3)))
np.save(path("bigendian_3.npy"), np.array([1, 2, 3], dtype=">f4"))
np.save(path("int32_3.npy"), np.array([1, 2, 3], dtype=np.int32))

# --- .npz archives, stored and deflated ---
arrays = {"weights": np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4), "labels": np.array([2, 0, 1], dtype=np.int64)}
np.savez(path("stored.npz"), **arrays)
np.savez_compressed(path("compressed.npz"), **arrays)

# --- a safetensors file written from the format's specification (independent of the C# writer) ---
def write_safetensors(file, tensors, metadata):
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, (code, arr) in tensors.items():
        raw = arr.astype(arr.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": code, "shape": list(arr.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw); offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(file, "wb") as f:
        f.write(struct.pack("<Q", len(text))); f.write(text); f.write(b"".join(blobs))

write_safetensors(path("model.safetensors"), {
    "fc.weight": ("F32", np.arange(6, dtype=np.float32).reshape(2, 3) * 0.5),
    "fc.bias": ("F64", np.array([-1.5, 2.25])),
    "steps": ("I64", np.array([7], dtype=np.int64)),
}, {"format": "pt", "source": "make_fixtures.py"})

# --- PyTorch results for spatial ops and softmax, with gradients for a fixed upstream ---
torch.manual_seed(0)
def grads(fn, *inputs):
    leaves = [t.clone().double().requires_grad_(True) for t in inputs]
    out = fn(*leaves)
    upstream = torch.randn(out.shape, dtype=torch.float64)
    out.backward(upstream)
    return out.detach().numpy(), upstream.numpy(), [l.grad.numpy() for l in leaves]

x = torch.randn(2, 3, 7, 6, dtype=torch.float64)
w = torch.randn(4, 3, 3, 2, dtype=torch.float64)
b = torch.randn(4, dtype=torch.float64)
cases = {
    "conv2d": (lambda x, w, b: F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2)), [x, w, b]),
    "maxpool": (lambda x: F.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True), [x]),
    "avgpool": (lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False), [x]),
    "adaptive": (lambda x: F.adaptive_avg_pool2d(x, (3, 4)), [x]),
    "logsoftmax": (lambda x: F.log_softmax(x, dim=1), [x]),
}
ops = {}
for name, (fn, inputs) in cases.items():
    out, up, gs = grads(fn, *inputs)
    ops[f"{name}.out"], ops[f"{name}.upstream"] = out, up
    for i, (inp, g) in enumerate(zip(inputs, gs)):
        ops[f"{name}.in{i}"], ops[f"{name}.grad{i}"] = inp.numpy(), g
np.savez(path("torch_ops.npz"), **ops)
print("wrote fixtures to", here)
