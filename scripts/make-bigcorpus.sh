#!/usr/bin/env bash
# Builds the big real-Japanese corpus of ../shared/data/BIGCORPUS.md (Debian's Japanese
# documentation and package descriptions, ~11,500 documents, ~42 MB) as one UTF-8 .txt file
# per document under DIR. Needs root for apt-get; takes a few minutes and ~1.2 GB of disk.
#
#   scripts/make-bigcorpus.sh /tmp/bigcorpus
set -euo pipefail
OUT="${1:?usage: make-bigcorpus.sh DIR}"
SHARED="${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}"
WORK="$OUT/work"
mkdir -p "$WORK/aptja/lists/partial"

apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  manpages-ja manpages-ja-dev libreoffice-help-ja gimp-help-ja \
  lilypond-doc-html-ja debian-handbook gnome-user-docs debian-reference-ja \
  developers-reference-ja debian-policy-ja debian-faq-ja aptitude-doc-ja \
  kicad-doc-ja maint-guide-ja debian-edu-doc-ja >/dev/null
# Japanese package descriptions, through a private lists folder so the system's apt state stays as it is.
apt-get update -qq -o Acquire::Languages=ja -o Dir::State::Lists="$WORK/aptja/lists"
/usr/lib/apt/apt-helper cat-file "$WORK"/aptja/lists/*_main_i18n_Translation-ja* > "$WORK/Translation-ja.txt"
python3 "$SHARED/data/extract_ja_docs.py" "$WORK/ja_docs.jsonl" --ddtp "$WORK/Translation-ja.txt"

python3 - "$WORK/ja_docs.jsonl" "$OUT/docs" <<'PY'
import json, os, re, sys
source, out = sys.argv[1], sys.argv[2]
count = size = 0
for line in open(source, encoding="utf-8"):
    d = json.loads(line)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", str(d["id"]))[:150]
    path = os.path.join(out, d["source"].replace("/", "_"), name + ".txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = (d.get("title") or "") + "\n\n" + d["text"]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    count += 1
    size += len(text.encode("utf-8"))
print(f"{count} documents, {size / 1e6:.1f} MB in {out}")
PY
