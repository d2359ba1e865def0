"""A learned captcha solver, the attack every text captcha falls to: a small CNN with a CTC head, trained only
on labelled samples drawn from the generator itself, CPU only and time-boxed. Run by `npm run bench:solver`
with Debian's /usr/bin/python3 (python3-torch, python3-pil).

  ctc_solver.py --train T.jsonl --test E.jsonl --minutes 1,2 --threads 2 --seed 1
  -> one JSON object per checkpoint on stdout: {"minutes", "steps", "samples_seen", "solved", "total"}

Each jsonl line is {"text": "ABC12", "png": base64}. Answers are compared upper-cased, as the app does.
"""
import argparse
import base64
import io
import json
import sys
import time

import numpy as np
import torch
from PIL import Image
from torch import nn

HEIGHT, WIDTH = 40, 270
# Half size is enough to tell the glyphs apart and makes a training step four times cheaper.
IN_HEIGHT, IN_WIDTH = 20, 135
BATCH = 64


def load(path):
    images, texts = [], []
    with open(path) as f:
        for line in f:
            item = json.loads(line)
            img = Image.open(io.BytesIO(base64.b64decode(item['png']))).convert('RGB')
            if img.size != (WIDTH, HEIGHT):
                img = img.resize((WIDTH, HEIGHT), Image.BILINEAR)
            img = img.resize((IN_WIDTH, IN_HEIGHT), Image.BOX)
            images.append(np.asarray(img, dtype=np.uint8))
            texts.append(item['text'].upper())
    x = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).contiguous()
    return x, texts


class Net(nn.Module):
    """Three conv blocks turn 20x135 into a 5x67 map; each of the 67 columns then scores every class."""

    def __init__(self, classes):
        super().__init__()

        def block(cin, cout, pool):
            return [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True), nn.MaxPool2d(pool)]

        self.features = nn.Sequential(
            *block(3, 32, 2), *block(32, 64, (2, 1)), *block(64, 64, (1, 1)))
        self.head = nn.Sequential(
            nn.Conv1d(64 * 5, 128, 3, padding=1), nn.ReLU(inplace=True), nn.Dropout(0.1),
            nn.Conv1d(128, 128, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv1d(128, classes, 1))

    def forward(self, x):
        f = self.features(x.float() / 255.0)
        n, c, h, w = f.shape
        return self.head(f.reshape(n, c * h, w))  # N x classes x T


def decode(logits, alphabet):
    best = logits.argmax(1)  # N x T
    out = []
    for row in best.tolist():
        chars, prev = [], 0
        for k in row:
            if k != 0 and k != prev:
                chars.append(alphabet[k - 1])
            prev = k
        out.append(''.join(chars))
    return out


def evaluate(model, x, texts, alphabet):
    model.eval()
    solved = 0
    with torch.no_grad():
        for i in range(0, len(texts), 256):
            guesses = decode(model(x[i:i + 256]), alphabet)
            solved += sum(g == t for g, t in zip(guesses, texts[i:i + 256]))
    model.train()
    return solved


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--train', required=True)
    parser.add_argument('--test', required=True)
    parser.add_argument('--minutes', default='1,2', help='checkpoints, in CPU minutes of training per thread')
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(max(1, min(2, args.threads)))
    torch.manual_seed(args.seed)
    checkpoints = sorted(float(m) for m in args.minutes.split(','))

    x_train, y_train = load(args.train)
    x_test, y_test = load(args.test)
    alphabet = sorted(set(''.join(y_train + y_test)))
    index = {c: i + 1 for i, c in enumerate(alphabet)}  # 0 is the CTC blank
    targets = [torch.tensor([index[c] for c in t]) for t in y_train]

    model = Net(len(alphabet) + 1)
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    rng = np.random.default_rng(args.seed)
    # CPU seconds per thread spent training, evaluation excluded: on a shared machine wall-clock minutes
    # would buy a varying number of steps; these are what the attacker's own cores deliver in that time.
    trained = 0.0
    steps = 0
    seen = 0
    for checkpoint in checkpoints:
        while trained < checkpoint * 60:
            start = time.process_time()
            batch = rng.choice(len(y_train), size=min(BATCH, len(y_train)), replace=False)
            logits = model(x_train[batch])  # N x C x T
            log_probs = logits.permute(2, 0, 1).log_softmax(2)
            tgt = torch.cat([targets[i] for i in batch])
            lengths = torch.tensor([len(targets[i]) for i in batch])
            loss = ctc(log_probs, tgt, torch.full((len(batch),), log_probs.shape[0], dtype=torch.long), lengths)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            steps += 1
            seen += len(batch)
            trained += (time.process_time() - start) / torch.get_num_threads()
        solved = evaluate(model, x_test, y_test, alphabet)
        print(json.dumps({'minutes': checkpoint, 'steps': steps, 'samples_seen': seen, 'solved': solved, 'total': len(y_test)}))
        sys.stdout.flush()


if __name__ == '__main__':
    main()
