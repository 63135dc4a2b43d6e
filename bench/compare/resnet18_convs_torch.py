#!/usr/bin/python3
"""The peer for `resnet18-convs` in the quick benchmark: each distinct convolution of torchvision's ResNet-18 at batch 16,
forward then backward (the stem without an input gradient, as in training), median milliseconds per shape and the sum
weighted by uses (Debian's python3-torch 1.13; run as resnet18_torch.py says).
"""
import json, sys, time
import torch
import torch.nn.functional as F

torch.set_num_threads(2)
batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 16
shapes = [("stem", 3, 224, 64, 7, 2, 3, 1), ("l1", 64, 56, 64, 3, 1, 1, 4), ("l2_down3x3", 64, 56, 128, 3, 2, 1, 1),
          ("l2_proj1x1", 64, 56, 128, 1, 2, 0, 1), ("l2", 128, 28, 128, 3, 1, 1, 3), ("l3_down3x3", 128, 28, 256, 3, 2, 1, 1),
          ("l3_proj1x1", 128, 28, 256, 1, 2, 0, 1), ("l3", 256, 14, 256, 3, 1, 1, 3), ("l4_down3x3", 256, 14, 512, 3, 2, 1, 1),
          ("l4_proj1x1", 256, 14, 512, 1, 2, 0, 1), ("l4", 512, 7, 512, 3, 1, 1, 3)]
torch.manual_seed(0)
result, total = {"case": "resnet18-convs", "peer": "pytorch " + torch.__version__, "batch": batch}, 0.0
for name, c, h, f, k, stride, pad, uses in shapes:
    x = torch.randn(batch, c, h, h, requires_grad=name != "stem")
    w = torch.randn(f, c, k, k, requires_grad=True)
    out = (h + 2 * pad - k) // stride + 1
    up = torch.randn(batch, f, out, out)
    def step():
        x.grad = w.grad = None
        F.conv2d(x, w, None, stride, pad).backward(up)
    for _ in range(3): step()
    times, start = [], time.perf_counter()
    while time.perf_counter() - start < 1 or len(times) < 5:
        t = time.perf_counter(); step(); times.append(time.perf_counter() - t)
    times.sort()
    ms = round(times[len(times) // 2] * 1000, 2)
    result[name + "_ms"] = ms
    total += ms * uses
result["weighted_total_ms"] = round(total, 1)
print(json.dumps(result))
