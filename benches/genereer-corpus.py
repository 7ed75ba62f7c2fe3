#!/usr/bin/env python3
"""Generate a benchmark corpus of N letters (default 10,000, about 50 MB) from helder's own
letters in tests/corpus/letters: each generated letter joins paragraphs drawn from several
source letters, so the corpus is varied but stays realistic customer-letter Dutch.

    python3 benches/genereer-corpus.py target/bench-corpus 10000
"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "target/bench-corpus"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "..", "tests", "corpus", "letters")
paragraphs = []
for name in sorted(os.listdir(src)):
    if name.endswith(".txt"):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            paragraphs += [p.strip() for p in f.read().split("\n\n") if p.strip()]
rng = random.Random(42)
os.makedirs(out, exist_ok=True)
total = 0
for i in range(n):
    parts = ["Geachte heer of mevrouw,"]
    size = 0
    while size < 5000:
        p = rng.choice(paragraphs)
        parts.append(p)
        size += len(p.encode("utf-8"))
    parts.append("Met vriendelijke groet,\n\nKlantenservice")
    text = "\n\n".join(parts) + "\n"
    sub = os.path.join(out, f"{i // 1000:02d}")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"brief-{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    total += len(text.encode("utf-8"))
# One large file with everything, for single-file MB/s.
with open(os.path.join(out, "..", "bench-groot.txt"), "w", encoding="utf-8") as big:
    for i in range(n):
        with open(os.path.join(out, f"{i // 1000:02d}", f"brief-{i:05d}.txt"), encoding="utf-8") as f:
            big.write(f.read())
            big.write("\n")
print(f"{n} brieven, {total / 1e6:.1f} MB in {out}")
