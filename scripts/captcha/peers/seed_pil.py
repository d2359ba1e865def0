"""The seed tutorial's captcha (step 4), rewritten from its description: a 270x40 RGB image in a random
colour, five random letters/digits at font size 30, one every 60 px at y=3, each in a random colour,
saved as PNG into memory. Used as a peer by the captcha benchmarks; run with Debian's /usr/bin/python3,
which has python3-pil.

  seed_pil.py bench --count N --runs R --font F      -> JSON {"ms_per_captcha": [...per run...]}
  seed_pil.py dataset --count N --out DIR --font F   -> DIR/NNNNN.png and DIR/answers.json
"""
import argparse
import io
import json
import os
import random
import string
import time

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 270, 40


def random_colour(rng):
    return (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))


def make_captcha(rng, font):
    # The tutorial samples one char from letters plus a single random digit, so digits are rare; kept as is.
    img = Image.new('RGB', (WIDTH, HEIGHT), color=random_colour(rng))
    draw = ImageDraw.Draw(img)
    text = ''
    for i in range(5):
        ch = rng.sample(string.ascii_letters + str(rng.randint(0, 9)), 1)[0]
        text += ch
        draw.text((i * 60, 3), ch, fill=random_colour(rng), font=font)
    buf = io.BytesIO()
    img.save(buf, 'png')
    return text, buf.getvalue()


def bench(args, font):
    rng = random.Random(args.seed)
    for _ in range(min(200, args.count)):
        make_captcha(rng, font)
    runs = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for _ in range(args.count):
            make_captcha(rng, font)
        runs.append((time.perf_counter() - start) * 1000 / args.count)
    print(json.dumps({'ms_per_captcha': runs}))


def dataset(args, font):
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    answers = []
    for i in range(args.count):
        text, png = make_captcha(rng, font)
        name = '%05d.png' % i
        with open(os.path.join(args.out, name), 'wb') as f:
            f.write(png)
        answers.append({'file': name, 'text': text})
    with open(os.path.join(args.out, 'answers.json'), 'w') as f:
        json.dump(answers, f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('mode', choices=['bench', 'dataset'])
    parser.add_argument('--count', type=int, default=1000)
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--font', required=True)
    parser.add_argument('--out')
    args = parser.parse_args()
    font = ImageFont.truetype(args.font, size=30)
    if args.mode == 'bench':
        bench(args, font)
    else:
        if not args.out:
            parser.error('dataset needs --out')
        dataset(args, font)


if __name__ == '__main__':
    main()
