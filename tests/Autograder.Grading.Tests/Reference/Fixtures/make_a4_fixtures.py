#!/usr/bin/python3
"""The independent oracle for A4's style-transfer losses: CS231n's PyTorch formulation, float64, on fixed random inputs.

    /usr/bin/python3 tests/Autograder.Grading.Tests/Reference/Fixtures/make_a4_fixtures.py

Writes a4_style_losses.npz beside this script: the inputs, each loss and its gradients (autograd of torch 1.13).
"""
import os
import numpy as np
import torch

torch.manual_seed(0)
d = torch.float64
out = {}

def keep(name, t):
    out[name] = t.detach().numpy().copy()

def content_loss(w, current, original):
    return w * ((current - original) ** 2).sum()

def gram_matrix(features, normalize=True):
    n, c, h, w = features.shape
    f = features.reshape(n, c, h * w)
    g = torch.bmm(f, f.transpose(1, 2))
    return g / (c * h * w) if normalize else g

def style_loss(feats, layers, targets, weights):
    return sum(weights[i] * ((gram_matrix(feats[l]) - targets[i]) ** 2).sum() for i, l in enumerate(layers))

def tv_loss(img, w):
    return w * (((img[:, :, 1:, :] - img[:, :, :-1, :]) ** 2).sum() + ((img[:, :, :, 1:] - img[:, :, :, :-1]) ** 2).sum())

current = torch.randn(1, 4, 5, 6, dtype=d, requires_grad=True)
original = torch.randn(1, 4, 5, 6, dtype=d)
loss = content_loss(0.06, current, original)
loss.backward()
keep("content.current", current); keep("content.original", original); keep("content.loss", loss); keep("content.grad", current.grad)

features = torch.randn(2, 3, 4, 5, dtype=d, requires_grad=True)
upstream = torch.randn(2, 3, 3, dtype=d)
gram = gram_matrix(features)
(gram * upstream).sum().backward()
keep("gram.features", features); keep("gram.upstream", upstream); keep("gram.normalized", gram); keep("gram.raw", gram_matrix(features.detach(), False)); keep("gram.grad", features.grad)

feats = [torch.randn(1, c, 4 + i % 2, 5, dtype=d, requires_grad=True) for i, c in enumerate([3, 4, 5, 6])]
layers, weights = [0, 2, 3], [300.0, 1.5, 7.0]
targets = [gram_matrix(torch.randn(1, [3, 4, 5, 6][l], 4 + l % 2, 5, dtype=d)) for l in layers]
loss = style_loss(feats, layers, targets, weights)
loss.backward()
for i, f in enumerate(feats):
    keep(f"style.features{i}", f); keep(f"style.grad{i}", f.grad if f.grad is not None else torch.zeros_like(f))
for i, t in enumerate(targets):
    keep(f"style.target{i}", t)
keep("style.loss", loss)

image = torch.randn(1, 3, 6, 7, dtype=d, requires_grad=True)
loss = tv_loss(image, 0.02)
loss.backward()
keep("tv.image", image); keep("tv.loss", loss); keep("tv.grad", image.grad)

np.savez(os.path.join(os.path.dirname(os.path.abspath(__file__)), "a4_style_losses.npz"), **out)
print("wrote", len(out), "arrays")
