#!/usr/bin/python3
"""The peer for `resnet18` in the quick benchmark: torchvision's ResNet-18 with a two-class head, SGD with momentum 0.9,
cross-entropy, batch norm in training mode, random 224x224 images (Debian's python3-torch 1.13 and python3-torchvision 0.14).

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184 /usr/bin/python3 bench/compare/resnet18_torch.py [--eval] [--batch 16]
"""
import json, sys, time
import torch
import torch.nn.functional as F
import torchvision

torch.set_num_threads(2)
batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 16
evaluate = "--eval" in sys.argv
torch.manual_seed(0)
model = torchvision.models.resnet18(num_classes=2)
opt = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
x, y = torch.randn(batch, 3, 224, 224), torch.randint(0, 2, (batch,))

def step():
    if evaluate:
        model.eval()
        with torch.no_grad():
            model(x).argmax(1)
    else:
        model.train(); opt.zero_grad(); F.cross_entropy(model(x), y).backward(); opt.step()

for _ in range(3): step()
times, start = [], time.perf_counter()
while time.perf_counter() - start < 10 or len(times) < 5:
    t = time.perf_counter(); step(); times.append(time.perf_counter() - t)
times.sort()
print(json.dumps({"case": "resnet18", "peer": "pytorch " + torch.__version__, "mode": "eval" if evaluate else "train", "batch": batch, "img_per_s": round(batch / times[len(times) // 2], 1)}))
