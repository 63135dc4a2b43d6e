#!/usr/bin/python3
"""The peer for `lstm-classifier` in the quick benchmark: A5's LSTM sentiment classifier in PyTorch (Debian's python3-torch),
at its best here: nn.LSTM over packed sequences (pack_padded_sequence, so no step runs on padding), h_n as the last real
word's state, the same batches of 64 SST-2 training sentences in file order, Adam, binary cross-entropy.

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184 /usr/bin/python3 bench/compare/lstm_classifier_torch.py [--batch 64] [--padded]

--padded runs the LSTM over the padded batch and gathers the last real word instead of packing (ours: `lstm-classifier --padded`).
"""
import gzip, json, os, sys, time
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.set_num_threads(2)
batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 64
padded = "--padded" in sys.argv
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sentences = []
with gzip.open(os.path.join(root, "data", "sst2", "stsa.binary.train.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        parts = line.split()
        if len(parts) > 1:
            sentences.append((1.0 if parts[0] == "1" else 0.0, parts[1:]))
vocabulary = {"<pad>": 0}
encoded = [[vocabulary.setdefault(w, len(vocabulary)) for w in words] for _, words in sentences]
batches = []
for start in range(0, len(encoded) - batch + 1, batch):
    rows = encoded[start:start + batch]
    width = max(len(r) for r in rows)
    tokens = torch.tensor([r + [0] * (width - len(r)) for r in rows])
    batches.append((tokens, torch.tensor([len(r) for r in rows]), torch.tensor([l for l, _ in sentences[start:start + batch]])))

torch.manual_seed(0)
embed, lstm, linear = nn.Embedding(len(vocabulary), 25, padding_idx=0), nn.LSTM(25, 128, batch_first=True), nn.Linear(128, 1)
params = list(embed.parameters()) + list(lstm.parameters()) + list(linear.parameters())
opt = torch.optim.Adam(params, lr=1e-3)
state = {"next": 0}

def step():
    tokens, lengths, labels = batches[state["next"] % len(batches)]
    state["next"] += 1
    opt.zero_grad()
    x = embed(tokens)
    if padded:
        out, _ = lstm(x)
        last = out.gather(1, (lengths - 1).view(-1, 1, 1).expand(-1, 1, 128)).squeeze(1)
    else:
        _, (h, _) = lstm(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))
        last = h[-1]
    p = torch.sigmoid(linear(last).squeeze(1))
    nn.functional.binary_cross_entropy(p, labels).backward()
    opt.step()

for _ in range(10): step()
state["next"] = 0
start = time.perf_counter()
while time.perf_counter() - start < 3 or state["next"] < 20:
    step()
seconds = time.perf_counter() - start
print(json.dumps({"case": "lstm-classifier", "peer": "pytorch " + torch.__version__ + (" padded" if padded else " packed"), "batch": batch,
                  "batches": state["next"], "sentences_per_s": round(state["next"] * batch / seconds)}))
