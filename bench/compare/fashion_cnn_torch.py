#!/usr/bin/python3
"""The peer for `fashion-cnn` in the quick benchmark: the same CNN, optimizer and batch in PyTorch (Debian's python3-torch).

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184 /usr/bin/python3 bench/compare/fashion_cnn_torch.py [--eval] [--batch 64]
"""
import json, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(2)
batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 64
evaluate = "--eval" in sys.argv
torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 6 * 6, 600), nn.ReLU(), nn.Dropout(0.25),
    nn.Linear(600, 120), nn.ReLU(), nn.Linear(120, 10), nn.LogSoftmax(1))
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
x, y = torch.randn(batch, 1, 28, 28), torch.randint(0, 10, (batch,))

def step():
    if evaluate:
        model.eval()
        with torch.no_grad():
            model(x).argmax(1)
    else:
        model.train(); opt.zero_grad(); F.nll_loss(model(x), y).backward(); opt.step()

for _ in range(20): step()
times, start = [], time.perf_counter()
while time.perf_counter() - start < 3 or len(times) < 20:
    t = time.perf_counter(); step(); times.append(time.perf_counter() - t)
times.sort()
print(json.dumps({"case": "fashion-cnn", "peer": "pytorch " + torch.__version__, "mode": "eval" if evaluate else "train", "batch": batch, "img_per_s": round(batch / times[len(times) // 2])}))
