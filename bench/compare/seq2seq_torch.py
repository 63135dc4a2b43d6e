#!/usr/bin/python3
"""The peer for `seq2seq` in the quick benchmark: A6's Seq2Seq with cosine-similarity attention in PyTorch (Debian's
python3-torch): batch 128, length 20, embedding and hidden 128, vocabularies 7,000 -> 6,000, greedy decoding of 19 words,
one training step: Adam, cross-entropy ignoring padding, gradients clipped at 0.5. --cell rnn for the RNN (default LSTM).

  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=2 \
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184 /usr/bin/python3 bench/compare/seq2seq_torch.py [--batch 128] [--cell rnn]
"""
import json, os, sys
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from translator_models_torch import Decoder, Encoder, Seq2Seq, batch, time_steps

torch.set_num_threads(2)
n = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 128
lstm = not ("--cell" in sys.argv and sys.argv[sys.argv.index("--cell") + 1] == "rnn")
torch.manual_seed(0)
model = Seq2Seq(Encoder(7000, 128, 128, 128, lstm), Decoder(128, 128, 128, 6000, lstm, True))
source, target = batch(n, 20)
steps, ms = time_steps(model, lambda s: model(s, 19), source, target)
print(json.dumps({"case": "seq2seq", "peer": "pytorch " + torch.__version__, "batch": n, "length": 20, "cell": "lstm" if lstm else "rnn", "steps": steps, "ms_per_step": round(ms, 1)}))
