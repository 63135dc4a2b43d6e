#!/usr/bin/python3
"""The peer for `transformer` in the quick benchmark: A6's one-layer Transformer translator in PyTorch (Debian's
python3-torch) at the assignment's sizes (batch 128, length 43, hidden 128, 2 heads, d_k = d_v = 96, feed-forward 2048,
vocabularies 7,000 -> 6,000), one training step: Adam, cross-entropy ignoring padding, gradients clipped at 0.5.

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184 /usr/bin/python3 bench/compare/transformer_torch.py [--batch 128]
"""
import json, os, sys
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from translator_models_torch import TransformerTranslator, batch, time_steps

torch.set_num_threads(2)
n = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 128
torch.manual_seed(0)
model = TransformerTranslator(7000, 6000)
source, target = batch(n, 43)
steps, ms = time_steps(model, lambda s: model(s)[:, 1:], source, target)
print(json.dumps({"case": "transformer", "peer": "pytorch " + torch.__version__, "batch": n, "length": 43, "steps": steps, "ms_per_step": round(ms, 1)}))
