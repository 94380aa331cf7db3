#!/usr/bin/env python3
"""Writes Tests/RenkeiCoreTests/Fixtures/loose-fold.jsonl: inputs with their fold and loose
needles as the loose layer's reference (../shared/bench/peers/loose_fold.py) computes them,
for LooseFoldTests to compare with the Swift LooseFold byte for byte. Run from the
repository root after the reference or the tables change, and commit the file.

The inputs: every character of every class the fold touches, alone and after each kana and
kanji (kana of every kind, half- and full-width forms, dashes, blanks, dots, variation
selectors, 々, ゔ with small kana, every kanji variant), 1,000 random strings over those
characters (seeded), the spelling-variant classes' members inside words, and every line of
the seed pages in Corpus/. `scripts/check-loose-fold.py` compares whole pages, the dev set
included, through `renkei fold`."""
import json, os, random, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
sys.path.insert(0, os.path.join(SHARED, "bench", "peers"))
from loose_fold import ITAIJI, SPELLINGS, fold, loose_needles  # noqa: E402

special = set()
special.update(chr(c) for c in range(0x3000, 0x3100))           # CJK symbols, hiragana, katakana
special.update(chr(c) for c in range(0x31F0, 0x3200))           # katakana phonetic extensions
special.update(chr(c) for c in range(0xFF00, 0xFFF0))           # half- and full-width forms
special.update(chr(c) for c in range(0x110000) if chr(c).isspace())
special.update("-‐‑‒–—―−ー・･·々〃ゝゞヽヾ\u3099\u309a")
special.update(chr(c) for c in list(range(0xFE00, 0xFE10)) + list(range(0xE0100, 0xE0110)))
special.update(ITAIJI.keys())
special.update(ITAIJI.values())
special.update("ABCxyz0123佐木高崎埼斉斎葛辺")
special = sorted(c for c in special if unicodedata.category(c) not in ("Cs", "Cn"))
inputs = []
for c in special:
    inputs.append("カ" + c + "ぁ")
    inputs.append("佐" + c)
    inputs.append(c)
    if "\u3040" <= c <= "\u30ff" or "\uff61" <= c <= "\uff9f":
        for before in ["ゔ", "ヴ", "ｳﾞ", "ー", " "]:
            inputs.append(before + c)
for a in ["ゔ", "ヴ", "ｳﾞ", "ヷ", "ヸ", "ヹ", "ヺ"]:
    for b in "ぁぃぅぇぉァィゥェォｧｨｩｪｫ ・ー々" + "\ufe00":
        inputs.append(a + b)
        inputs.append(a + b + "ん")
inputs += ["々", "々々", "佐々木", "佐々々", "ヷ々", "ゔ々ぁ", "時々刻々", "〃", "ａｂＣ－１"]
random.seed(20261207)
alphabet = special + list("あいうえおかきくけこアイウエオ漢字日野市協定")
for _ in range(1000):
    inputs.append("".join(random.choice(alphabet) for _ in range(random.randint(1, 8))))
for spellings in SPELLINGS[::17]:
    for s in spellings:
        inputs.append("市の" + s + "について")
corpus = os.path.join(ROOT, "Corpus")
for name in sorted(os.listdir(corpus)):
    with open(os.path.join(corpus, name), encoding="utf-8", errors="replace") as f:
        inputs += [line for line in f.read().split("\n") if line.strip()]

seen = set()
out = os.path.join(ROOT, "Tests", "RenkeiCoreTests", "Fixtures", "loose-fold.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for text in inputs:
        if text in seen:
            continue
        seen.add(text)
        case = {"text": text, "fold": fold(text)}
        needles = sorted(loose_needles(text))
        if needles != ([case["fold"]] if case["fold"] else []):
            case["needles"] = needles   # only where spelling variants add some (else: the fold, if any)
        f.write(json.dumps(case, ensure_ascii=False) + "\n")
print(f"{len(seen)} cases written to {out}")
