#!/usr/bin/env python3
"""Makes a benchmark query set from a folder of UTF-8 documents: one query per line, each a
literal phrase (the peer harness's ground truth is the NFKC + lower-case substring).

    scripts/make-queries.py DOCS OUT [--seed 20261123] [--per-kind 60]

Kinds, --per-kind queries each (7 × 60 + 60 × 4 lengths ≥ 500 by default):
  random substrings of 1, 2, 3, 4, 6 and 10 characters (no blanks) from random documents;
  common words: the most frequent kanji and katakana runs of 2 to 6 characters;
  ASCII fragments: pieces of 3 to 8 characters of ASCII words;
  phrases with a blank: two neighbouring words with the one space between them;
  rare and absent strings: substrings of 5 to 8 characters shuffled (mostly no hit).
Deterministic for a seed."""
import argparse
import collections
import os
import random
import re
import unicodedata

parser = argparse.ArgumentParser()
parser.add_argument("docs")
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=20261123)
parser.add_argument("--per-kind", type=int, default=60)
args = parser.parse_args()
rng = random.Random(args.seed)

paths = sorted(os.path.join(root, name) for root, _, names in os.walk(args.docs) for name in names)
texts = [open(path, encoding="utf-8", errors="replace").read() for path in paths]
texts = [t for t in texts if len(t) > 50]
blank = re.compile(r"\s")
queries, seen = [], set()


def add(kind, query):
    query = query.strip()
    if query and not query.startswith("#") and query not in seen and "\ufffd" not in query:
        seen.add(query)
        queries.append((kind, query))
        return True
    return False


def random_substring(length):
    for _ in range(1000):
        text = rng.choice(texts)
        start = rng.randrange(0, len(text) - length)
        piece = text[start:start + length]
        if not blank.search(piece) and unicodedata.category(piece[0])[0] != "C":
            return piece
    return None


for length in (1, 2, 3, 4, 6, 10):
    count = 0
    while count < args.per_kind:
        piece = random_substring(length)
        if piece is not None and add(f"substring-{length}", piece):
            count += 1

runs = collections.Counter()
word = re.compile(r"[\u4e00-\u9fff]{2,6}|[\u30a0-\u30ff]{2,6}")
for text in rng.sample(texts, min(len(texts), 3000)):
    runs.update(word.findall(text))
for run, _ in runs.most_common(args.per_kind * 2)[: args.per_kind]:
    add("common-word", run)

ascii_words = re.compile(r"[A-Za-z][A-Za-z0-9_]{5,}")
count = 0
while count < args.per_kind:
    found = ascii_words.findall(rng.choice(texts))
    if found:
        chosen = rng.choice(found)
        length = rng.randint(3, min(8, len(chosen)))
        start = rng.randrange(0, len(chosen) - length + 1)
        count += add("ascii-fragment", chosen[start:start + length])

pairs = re.compile(r"\S{2,12} \S{2,12}")
count = 0
while count < args.per_kind:
    found = pairs.findall(rng.choice(texts))
    if found:
        count += add("phrase-with-blank", rng.choice(found))

count = 0
while count < args.per_kind:
    piece = random_substring(rng.randint(5, 8))
    if piece is not None:
        letters = list(piece)
        rng.shuffle(letters)
        count += add("shuffled", "".join(letters))

with open(args.out, "w", encoding="utf-8") as out:
    out.write(f"# {len(queries)} queries from {len(texts)} documents under {args.docs}, seed {args.seed}\n")
    kind = None
    for query_kind, query in queries:
        if query_kind != kind:
            out.write(f"# --- {query_kind} ---\n")
            kind = query_kind
        out.write(query + "\n")
print(f"{len(queries)} queries written to {args.out}")
