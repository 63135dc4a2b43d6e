#!/usr/bin/python3
"""The independent oracle for A6's models: the assignment's PyTorch formulation (torch 1.13), float64, on fixed random
weights and inputs, evaluation mode.

    /usr/bin/python3 tests/Autograder.Grading.Tests/Reference/Fixtures/make_a6_fixtures.py

Writes a6_models.npz beside this script: for each model (prefix) its state dict under PREFIX.state.NAME (our parameter
names), its inputs, its outputs, and the gradients of sum(output * upstream) for every parameter under PREFIX.grad.NAME.
"""
import math
import os
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(6)
torch.set_default_dtype(torch.float64)
out = {}


def keep(name, t):
    out[name] = t.detach().numpy().copy() if torch.is_tensor(t) else np.asarray(t)


def randomise(model):
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn_like(p) * 0.5)


def record(prefix, model, outputs):
    for name, p in model.state_dict().items():
        keep(f"{prefix}.state.{name}", p)
    loss = 0
    for i, o in enumerate(outputs):
        upstream = torch.randn_like(o)
        keep(f"{prefix}.out{i}", o)
        keep(f"{prefix}.upstream{i}", upstream)
        loss = loss + (o * upstream).sum()
    model.zero_grad()
    loss.backward()
    for name, p in model.named_parameters():
        keep(f"{prefix}.grad.{name}", p.grad if p.grad is not None else torch.zeros_like(p))


class VanillaRnn(nn.Module):
    def __init__(self, d, h, o):
        super().__init__()
        self.i2h = nn.Linear(d + h, h)
        self.i2o = nn.Linear(d + h, o)

    def forward(self, x, hidden):
        combined = torch.cat((x, hidden), 1)
        return torch.log_softmax(self.i2o(combined), 1), torch.tanh(self.i2h(combined))


class NaiveLstm(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        for g in "ifgo":
            setattr(self, f"weightI{g}", nn.Parameter(torch.empty(d, h)))
            setattr(self, f"weightH{g}", nn.Parameter(torch.empty(h, h)))
            setattr(self, f"bias{g.upper()}", nn.Parameter(torch.empty(h)))

    def forward(self, x, init):
        h, c = init
        for t in range(x.shape[1]):
            xt = x[:, t]
            z = {g: xt @ getattr(self, f"weightI{g}") + h @ getattr(self, f"weightH{g}") + getattr(self, f"bias{g.upper()}") for g in "ifgo"}
            i, f, g, o = torch.sigmoid(z["i"]), torch.sigmoid(z["f"]), torch.tanh(z["g"]), torch.sigmoid(z["o"])
            c = f * c + i * g
            h = o * torch.tanh(c)
        return h, c


class Encoder(nn.Module):
    def __init__(self, v, e, he, hd, lstm):
        super().__init__()
        self.embedding = nn.Embedding(v, e)
        self.recurrent = (nn.LSTM if lstm else nn.RNN)(e, he, batch_first=True)
        self.linear1 = nn.Linear(he, he)
        self.linear2 = nn.Linear(he, hd)
        self.dropout = nn.Dropout(0.2)
        self.lstm = lstm

    def forward(self, source):
        output, hidden = self.recurrent(self.dropout(self.embedding(source)))
        if self.lstm:
            h, c = hidden
            return output, (torch.tanh(self.linear2(torch.relu(self.linear1(h)))), c)
        return output, torch.tanh(self.linear2(torch.relu(self.linear1(hidden))))


class Decoder(nn.Module):
    def __init__(self, e, he, hd, v, lstm, attention):
        super().__init__()
        self.embedding = nn.Embedding(v, e)
        if attention:
            self.combine = nn.Linear(e + he, e)
        self.recurrent = (nn.LSTM if lstm else nn.RNN)(e, hd, batch_first=True)
        self.linear = nn.Linear(hd, v)
        self.dropout = nn.Dropout(0.2)
        self.lstm, self.attention = lstm, attention

    @staticmethod
    def compute_attention(hidden, encoder_outputs):
        similarity = nn.functional.cosine_similarity(hidden.transpose(0, 1), encoder_outputs, dim=2)
        return torch.softmax(similarity, 1).unsqueeze(1)

    def forward(self, x, hidden, encoder_outputs):
        embedded = self.dropout(self.embedding(x))
        if self.attention:
            h = hidden[0] if self.lstm else hidden
            context = torch.bmm(self.compute_attention(h, encoder_outputs), encoder_outputs)
            embedded = self.combine(torch.cat((embedded, context), 2))
        output, hidden = self.recurrent(embedded, hidden)
        return torch.log_softmax(self.linear(output[:, 0]), 1), hidden


class Seq2Seq(nn.Module):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder, self.decoder = encoder, decoder

    def forward(self, source, length):
        encoder_outputs, hidden = self.encoder(source)
        x = source[:, 0:1]
        steps = []
        for _ in range(length):
            output, hidden = self.decoder(x, hidden, encoder_outputs)
            steps.append(output)
            x = output.argmax(1).unsqueeze(1)
        return torch.stack(steps, 1)


class AttentionHead(nn.Module):
    def __init__(self, hidden, dk, dv):
        super().__init__()
        self.query, self.key, self.value = nn.Linear(hidden, dk), nn.Linear(hidden, dk), nn.Linear(hidden, dv)

    def weights(self, x):
        return torch.softmax(self.query(x) @ self.key(x).transpose(1, 2) / math.sqrt(self.key.out_features), 2)

    def forward(self, x):
        return self.weights(x) @ self.value(x)


class TransformerTranslator(nn.Module):
    def __init__(self, vin, vout, hidden, heads, ff, dk, dv, max_length):
        super().__init__()
        self.embedding = nn.Embedding(vin, hidden)
        self.positionEmbedding = nn.Embedding(max_length, hidden)
        self.heads = nn.ModuleList([AttentionHead(hidden, dk, dv) for _ in range(heads)])
        self.headProjection = nn.Linear(heads * dv, hidden)
        self.normMh = nn.LayerNorm(hidden)
        self.feedforward1 = nn.Linear(hidden, ff)
        self.feedforward2 = nn.Linear(ff, hidden)
        self.normFf = nn.LayerNorm(hidden)
        self.finalLayer = nn.Linear(hidden, vout)

    def forward(self, tokens):
        x = self.embedding(tokens) + self.positionEmbedding(torch.arange(tokens.shape[1]))
        x = self.normMh(x + self.headProjection(torch.cat([h(x) for h in self.heads], 2)))
        x = self.normFf(x + self.feedforward2(torch.relu(self.feedforward1(x))))
        return self.finalLayer(x)


# The naive units.
rnn = VanillaRnn(4, 5, 6); randomise(rnn)
x, h = torch.randn(3, 4), torch.randn(3, 5)
keep("rnn.x", x); keep("rnn.h", h)
record("rnn", rnn, rnn(x, h))

lstm = NaiveLstm(3, 5); randomise(lstm)
x, h0, c0 = torch.randn(3, 4, 3), torch.randn(3, 5), torch.randn(3, 5)
keep("lstm.x", x); keep("lstm.h0", h0); keep("lstm.c0", c0)
record("lstm", lstm, lstm(x, (h0, c0)))

# Seq2Seq: an RNN without attention (encoder 6 wide, decoder 5), an LSTM with attention (both 5).
source = torch.tensor([[2, 7, 9, 4, 3, 1], [2, 5, 3, 1, 1, 1], [2, 10, 8, 8, 6, 3]])
keep("source", source)
for prefix, lstm_cell, attention, he in [("s2s_rnn", False, False, 6), ("s2s_lstm_attention", True, True, 5)]:
    model = Seq2Seq(Encoder(11, 4, he, 5, lstm_cell), Decoder(4, he, 5, 9, lstm_cell, attention)).eval()
    randomise(model)
    record(prefix, model, [model(source, 5)])

# The Transformer: 2 heads, d_k 3 and d_v 4 apart.
transformer = TransformerTranslator(10, 8, 6, 2, 7, 3, 4, 7).eval(); randomise(transformer)
tokens = torch.tensor([[1, 4, 9, 0, 2], [3, 3, 7, 5, 8]])
keep("transformer.tokens", tokens)
record("transformer", transformer, [transformer(tokens)])
with torch.no_grad():
    keep("transformer.head0_weights", transformer.heads[0].weights(transformer.embedding(tokens) + transformer.positionEmbedding(torch.arange(5))))

np.savez(os.path.join(os.path.dirname(os.path.abspath(__file__)), "a6_models.npz"), **out)
print(f"wrote {len(out)} arrays")
