#!/usr/bin/python3
"""Writes nn_oracle.npz: PyTorch outputs and gradients of nn layers and losses for fixed weights and inputs.

Run with Debian's python3-torch (not needed to run the tests):
    /usr/bin/python3 tests/Autograder.Tensors.Tests/NN/Fixtures/make_nn_fixtures.py
Keys: "<case>.<name>" — parameters under their state-dict names, "in", "out", "upstream", "grad_in",
and "grad.<parameter>". Everything is float64 and seeded.
"""
import os
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
out = {}

def record(case, module, inputs, forward):
    for name, p in module.state_dict().items():
        out[f"{case}.{name}"] = p.detach().numpy().copy()
    leaves = [x.clone().requires_grad_(x.is_floating_point()) for x in inputs]
    y = forward(module, *leaves)
    up = torch.randn(y.shape)
    y.backward(up)
    for i, x in enumerate(leaves):
        out[f"{case}.in{i}"] = x.detach().numpy()
        if x.is_floating_point():
            out[f"{case}.grad_in{i}"] = x.grad.numpy()
    out[f"{case}.out"], out[f"{case}.upstream"] = y.detach().numpy(), up.numpy()
    for name, p in module.named_parameters():
        out[f"{case}.grad.{name}"] = p.grad.numpy()

x_seq = torch.randn(5, 3, 4)  # (T, N, I)
record("rnn", nn.RNN(4, 6, num_layers=2), [x_seq], lambda m, x: m(x)[0])
record("lstm", nn.LSTM(4, 6, num_layers=2, batch_first=True), [x_seq], lambda m, x: m(x)[0])
record("gru", nn.GRU(4, 6), [x_seq], lambda m, x: m(x)[0])
record("lstm_state", nn.LSTM(4, 6), [x_seq], lambda m, x: torch.cat([s for s in m(x)[1]], 0))
mha = nn.MultiheadAttention(8, 2, batch_first=True)
with torch.no_grad():
    mha.in_proj_bias.normal_(); mha.out_proj.bias.normal_()
q, kv = torch.randn(2, 3, 8), torch.randn(2, 5, 8)
pad = torch.tensor([[False, False, False, True, True], [False] * 5])
record("mha", mha, [q, kv], lambda m, q, kv: m(q, kv, kv, key_padding_mask=pad)[0])
bn = nn.BatchNorm2d(3)
with torch.no_grad():
    bn.weight.normal_(); bn.bias.normal_()
record("bn", bn, [torch.randn(4, 3, 5, 5)], lambda m, x: m(x))
out["bn.running_mean_after"], out["bn.running_var_after"] = bn.running_mean.numpy(), bn.running_var.numpy()
ln = nn.LayerNorm([3, 4])
with torch.no_grad():
    ln.weight.normal_(); ln.bias.normal_()
record("ln", ln, [torch.randn(2, 3, 4)], lambda m, x: m(x))
logits, target = torch.randn(6, 5), torch.tensor([1, 0, 4, -100, 2, 2])
record("ce", nn.Identity(), [logits], lambda m, x: F.cross_entropy(x, target, ignore_index=-100).reshape(1))
out["ce.target"] = target.numpy()
seg, seg_target = torch.randn(2, 4, 3), torch.tensor([[0, 3, 1], [2, 2, -100]])
record("ce_seq", nn.Identity(), [seg], lambda m, x: F.cross_entropy(x, seg_target, reduction="sum").reshape(1))
out["ce_seq.target"] = seg_target.numpy()
bce_x, bce_y = torch.randn(7) * 3, torch.rand(7)
record("bce_logits", nn.Identity(), [bce_x], lambda m, x: F.binary_cross_entropy_with_logits(x, bce_y).reshape(1))
out["bce_logits.target"] = bce_y.numpy()
a, b = torch.randn(4, 6), torch.randn(4, 6)
record("cosine", nn.Identity(), [a, b], lambda m, x, y: F.cosine_similarity(x, y, dim=1))


# Packed sequences: padding skipped, zeros in the padded outputs, final states at each sequence's last real step.
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

def packed(case, module, x, lengths, batch_first):
    def forward(m, x):
        y, state = m(pack_padded_sequence(x, torch.tensor(lengths), batch_first=batch_first, enforce_sorted=False))
        y = pad_packed_sequence(y, batch_first=batch_first, total_length=x.shape[1 if batch_first else 0])[0]
        states = state if isinstance(state, tuple) else (state,)
        return torch.cat([y.reshape(-1)] + [s.reshape(-1) for s in states])
    record(case, module, [x], forward)
    out[f"{case}.lengths"] = np.array(lengths, dtype=np.int64)

packed("lstm_packed", nn.LSTM(4, 6, num_layers=2, batch_first=True), torch.randn(4, 5, 4), [3, 5, 1, 4], True)
packed("gru_packed", nn.GRU(4, 6), torch.randn(5, 3, 4), [2, 5, 5], False)
packed("rnn_packed", nn.RNN(4, 6, num_layers=2), torch.randn(5, 3, 4), [5, 3, 3], False)

np.savez(os.path.join(os.path.dirname(os.path.abspath(__file__)), "nn_oracle.npz"), **out)
print(len(out), "arrays")
