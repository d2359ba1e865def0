"""A learned captcha solver, the attack every text captcha falls to: a small CNN with a CTC head, trained only
on labelled samples drawn from the generator itself, CPU only and time-boxed. Run by `npm run bench:solver`
with Debian's /usr/bin/python3 (python3-torch, python3-pil).

  ctc_solver.py --train T.jsonl --test E.jsonl --minutes 1,2 --threads 2 --seed 1
  -> one JSON object per checkpoint on stdout:
     {"minutes", "steps", "samples_seen", "solved", "total", "train_solved", "train_total", "loss", "wall_s"}

Each jsonl line is {"text": "ABC12", "png": base64}. Answers are compared upper-cased, as the app does.
"""
import argparse
import base64
import copy
import io
import json
import math
import os
import sys
import time

# Without this, OpenMP threads spin while they wait and on a busy machine burn more CPU than they compute.
# It must be set before torch loads its OpenMP runtime.
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')

import numpy as np  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402
from torch import nn  # noqa: E402

HEIGHT, WIDTH = 40, 270
# Half size keeps every glyph legible (strokes stay 1-2 px) and makes a step four times cheaper.
IN_HEIGHT, IN_WIDTH = 20, 135
BATCH = 64
PEAK_LR = 3e-3
# Horizontal padding for the random shift; vertical shifts of a 20-px-high strip would cut glyphs.
SHIFT = 3


def load(path):
    """Every PNG is decoded once, up front, into one uint8 tensor: decoding per step would cost more than the step."""
    images, texts = [], []
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
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
    """Three conv blocks turn 3x20x135 into 64x5x33; 1-D convolutions then score every class in each of the 33 columns.

    Small on purpose: on two CPU threads a step must take a fraction of a second, since CTC needs about a
    thousand steps before it reads anything. 33 time steps leave room for CTC's blanks between up to 8
    glyphs (it needs at least 2n+1 when every glyph repeats).
    """

    def __init__(self, classes):
        super().__init__()

        def conv(cin, cout):
            return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]

        self.features = nn.Sequential(
            *conv(3, 16), nn.MaxPool2d(2),
            *conv(16, 32), nn.MaxPool2d(2),
            *conv(32, 64))
        self.head = nn.Sequential(
            nn.Conv1d(64 * 5, 128, 3, padding=1, bias=False), nn.BatchNorm1d(128), nn.ReLU(inplace=True),
            nn.Conv1d(128, 128, 3, padding=1, bias=False), nn.BatchNorm1d(128), nn.ReLU(inplace=True),
            nn.Conv1d(128, classes, 1))
        self.register_buffer('mean', torch.zeros(1, 3, 1, 1))
        self.register_buffer('std', torch.ones(1, 3, 1, 1))

    def forward(self, x):
        f = self.features((x.float() - self.mean) / self.std)
        n, c, h, w = f.shape
        return self.head(f.reshape(n, c * h, w))  # N x classes x T


def decode(logits, alphabet):
    """Greedy CTC decoding: best class per column, repeats collapsed, then blanks (class 0) dropped."""
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
        for i in range(0, len(texts), 500):
            guesses = decode(model(x[i:i + 500]), alphabet)
            solved += sum(g == t for g, t in zip(guesses, texts[i:i + 500]))
    return solved


def shifted(images, rng):
    """A random horizontal shift per image, edge-padded: cheap augmentation that keeps small training sets from being memorised."""
    n, c, h, w = images.shape
    padded = nn.functional.pad(images.float(), (SHIFT, SHIFT, 0, 0), mode='replicate')
    offsets = torch.from_numpy(rng.integers(0, 2 * SHIFT + 1, size=n))
    columns = (offsets[:, None] + torch.arange(w)[None, :]).view(n, 1, 1, w).expand(n, c, h, w)
    return padded.gather(3, columns)


def learning_rate(fraction):
    """One cycle over the CPU-time budget: a short warm-up (CTC stalls on blanks at a high rate from the start), then cosine decay."""
    warm = 0.08
    if fraction < warm:
        return PEAK_LR * (0.1 + 0.9 * fraction / warm)
    return PEAK_LR * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * min(1.0, (fraction - warm) / (1 - warm)))))


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
    started = time.time()

    x_train, y_train = load(args.train)
    x_test, y_test = load(args.test)
    alphabet = sorted(set(''.join(y_train)))
    index = {c: i + 1 for i, c in enumerate(alphabet)}  # 0 is the CTC blank
    targets = [torch.tensor([index[c] for c in t], dtype=torch.long) for t in y_train]
    lengths_all = torch.tensor([len(t) for t in targets], dtype=torch.long)

    model = Net(len(alphabet) + 1)
    sample = x_train[:2000].float()
    model.mean.copy_(sample.mean(dim=(0, 2, 3), keepdim=True))
    model.std.copy_(sample.std(dim=(0, 2, 3), keepdim=True).clamp_min(1.0))
    # Evaluated weights are an exponential average of the trained ones: it reads well at any checkpoint,
    # not only once the learning rate has decayed.
    average = copy.deepcopy(model)
    optimiser = torch.optim.AdamW(model.parameters(), lr=PEAK_LR, weight_decay=1e-4)
    ctc = nn.CTCLoss(blank=0, reduction='mean', zero_infinity=True)
    rng = np.random.default_rng(args.seed)
    budget = checkpoints[-1] * 60
    # CPU seconds per thread spent training, evaluation excluded: on a shared machine wall-clock minutes
    # would buy a varying number of steps; these are what the attacker's own cores deliver in that time.
    trained = 0.0
    steps = 0
    seen = 0
    loss_avg = None
    order = rng.permutation(len(y_train))
    cursor = 0
    for checkpoint in checkpoints:
        while trained < checkpoint * 60:
            start = time.process_time()
            if cursor + BATCH > len(order):
                order = rng.permutation(len(y_train))
                cursor = 0
            batch = torch.from_numpy(order[cursor:cursor + BATCH])
            cursor += BATCH
            for group in optimiser.param_groups:
                group['lr'] = learning_rate(trained / budget)
            logits = model(shifted(x_train[batch], rng))  # N x C x T
            log_probs = logits.permute(2, 0, 1).log_softmax(2)  # T x N x C, as CTCLoss wants
            tgt = torch.cat([targets[i] for i in batch.tolist()])
            input_lengths = torch.full((len(batch),), log_probs.shape[0], dtype=torch.long)
            loss = ctc(log_probs, tgt, input_lengths, lengths_all[batch])
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            with torch.no_grad():
                decay = min(0.995, (1 + steps) / (10 + steps))
                for a, p in zip(average.state_dict().values(), model.state_dict().values()):
                    if a.dtype.is_floating_point:
                        a.mul_(decay).add_(p, alpha=1 - decay)
                    else:
                        a.copy_(p)
            steps += 1
            seen += len(batch)
            loss_avg = loss.item() if loss_avg is None else 0.95 * loss_avg + 0.05 * loss.item()
            trained += (time.process_time() - start) / torch.get_num_threads()
        solved = evaluate(average, x_test, y_test, alphabet)
        train_n = min(len(y_train), len(y_test))
        train_solved = evaluate(average, x_train[:train_n], y_train[:train_n], alphabet)
        print(json.dumps({
            'minutes': checkpoint, 'steps': steps, 'samples_seen': seen, 'solved': solved, 'total': len(y_test),
            'train_solved': train_solved, 'train_total': train_n, 'loss': round(loss_avg, 4),
            'wall_s': round(time.time() - started, 1)}))
        sys.stdout.flush()


if __name__ == '__main__':
    main()
