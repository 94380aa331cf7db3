#!/usr/bin/env python3
"""Compares `renkei fold --stdin` with the loose layer's reference
(../shared/bench/peers/loose_fold.py) on every line of the seed pages (Corpus/) and of the
dev set (../shared/devset/docs), byte for byte. CI runs it; exits 1 on any difference.

    scripts/check-loose-fold.py RENKEI_BINARY"""
import os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
sys.path.insert(0, os.path.join(SHARED, "bench", "peers"))
from loose_fold import fold  # noqa: E402

lines = []
for folder in (os.path.join(ROOT, "Corpus"), os.path.join(SHARED, "devset", "docs")):
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        # Python's splitlines also splits at \x1c-\x1e, \x85, \u2028 …; renkei reads lines at \n.
        lines += [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
lines = [line for line in lines if "\x00" not in line]
answer = subprocess.run([sys.argv[1], "fold", "--stdin"], input="\n".join(lines) + "\n",
                        capture_output=True, text=True, check=True).stdout.split("\n")[:-1]
different = [(line, got, fold(line)) for line, got in zip(lines, answer) if got != fold(line)]
if len(answer) != len(lines):
    sys.exit(f"renkei fold answered {len(answer)} lines for {len(lines)}")
for line, got, expected in different[:10]:
    print(f"differs: {line!r}\n  renkei    {got!r}\n  reference {expected!r}")
print(f"loose fold: {len(lines) - len(different)}/{len(lines)} lines of the seed pages and the dev set equal the reference")
sys.exit(1 if different else 0)
