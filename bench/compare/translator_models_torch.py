"""A6's translators in PyTorch, as the assignment writes them (shared by transformer_torch.py and seq2seq_torch.py)."""
import math
import torch
import torch.nn as nn


class AttentionHead(nn.Module):
    def __init__(self, hidden, dk, dv):
        super().__init__()
        self.query, self.key, self.value = nn.Linear(hidden, dk), nn.Linear(hidden, dk), nn.Linear(hidden, dv)

    def forward(self, x):
        weights = torch.softmax(self.query(x) @ self.key(x).transpose(1, 2) / math.sqrt(self.key.out_features), 2)
        return weights @ self.value(x)


class TransformerTranslator(nn.Module):
    def __init__(self, vin, vout, hidden=128, heads=2, ff=2048, dk=96, dv=96, max_length=43):
        super().__init__()
        self.embedding = nn.Embedding(vin, hidden)
        self.positionEmbedding = nn.Embedding(max_length, hidden)
        self.heads = nn.ModuleList([AttentionHead(hidden, dk, dv) for _ in range(heads)])
        self.headProjection = nn.Linear(heads * dv, hidden)
        self.normMh = nn.LayerNorm(hidden)
        self.feedforward1, self.feedforward2 = nn.Linear(hidden, ff), nn.Linear(ff, hidden)
        self.normFf = nn.LayerNorm(hidden)
        self.finalLayer = nn.Linear(hidden, vout)

    def forward(self, tokens):
        x = self.embedding(tokens) + self.positionEmbedding(torch.arange(tokens.shape[1]))
        x = self.normMh(x + self.headProjection(torch.cat([h(x) for h in self.heads], 2)))
        x = self.normFf(x + self.feedforward2(torch.relu(self.feedforward1(x))))
        return self.finalLayer(x)


class Encoder(nn.Module):
    def __init__(self, v, e, he, hd, lstm, dropout=0.2):
        super().__init__()
        self.embedding = nn.Embedding(v, e)
        self.recurrent = (nn.LSTM if lstm else nn.RNN)(e, he, batch_first=True)
        self.linear1, self.linear2 = nn.Linear(he, he), nn.Linear(he, hd)
        self.dropout = nn.Dropout(dropout)
        self.lstm = lstm

    def forward(self, source):
        output, hidden = self.recurrent(self.dropout(self.embedding(source)))
        h = hidden[0] if self.lstm else hidden
        h = torch.tanh(self.linear2(torch.relu(self.linear1(h))))
        return output, ((h, hidden[1]) if self.lstm else h)


class Decoder(nn.Module):
    def __init__(self, e, he, hd, v, lstm, attention, dropout=0.2):
        super().__init__()
        self.embedding = nn.Embedding(v, e)
        if attention:
            self.combine = nn.Linear(e + he, e)
        self.recurrent = (nn.LSTM if lstm else nn.RNN)(e, hd, batch_first=True)
        self.linear = nn.Linear(hd, v)
        self.dropout = nn.Dropout(dropout)
        self.lstm, self.attention = lstm, attention

    def forward(self, x, hidden, encoder_outputs):
        embedded = self.dropout(self.embedding(x))
        if self.attention:
            h = hidden[0] if self.lstm else hidden
            similarity = nn.functional.cosine_similarity(h.transpose(0, 1), encoder_outputs, dim=2)
            context = torch.bmm(torch.softmax(similarity, 1).unsqueeze(1), encoder_outputs)
            embedded = self.combine(torch.cat((embedded, context), 2))
        output, hidden = self.recurrent(embedded, hidden)
        return torch.log_softmax(self.linear(output[:, 0]), 1), hidden


class Seq2Seq(nn.Module):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder, self.decoder = encoder, decoder

    def forward(self, source, length):
        encoder_outputs, hidden = self.encoder(source)
        x, steps = source[:, 0:1], []
        for _ in range(length):
            output, hidden = self.decoder(x, hidden, encoder_outputs)
            steps.append(output)
            x = output.argmax(1).unsqueeze(1)
        return torch.stack(steps, 1)


def time_steps(model, translate, source, target, seconds=5.0):
    """Adam 1e-3, cross-entropy over target words 1.. ignoring <pad> (1), gradients clipped at 0.5; ms per step."""
    import time
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = nn.CrossEntropyLoss(ignore_index=1)

    def step():
        model.train()
        opt.zero_grad()
        scores = translate(source)
        loss = criterion(scores.reshape(-1, scores.shape[2]), target[:, 1:].reshape(-1))
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        opt.step()

    for _ in range(2):
        step()
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or steps < 3:
        step()
        steps += 1
    return steps, 1000 * (time.perf_counter() - start) / steps


def batch(n, length, vin=7000, vout=6000):
    g = torch.Generator().manual_seed(1)
    start = torch.full((n, 1), 2, dtype=torch.long)
    source = torch.cat([start, torch.randint(4, vin, (n, length - 1), generator=g)], 1)
    target = torch.cat([start, torch.randint(4, vout, (n, length - 1), generator=g)], 1)
    return source, target
