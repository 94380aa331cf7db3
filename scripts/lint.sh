#!/usr/bin/env bash
# The lint step CI runs (about two seconds): swift-format with the project's .swift-format
# (four-space indentation, 150 columns), and no line over 150 characters anywhere in
# Sources/ and Tests/ (swift-format counts columns differently for Japanese text).
# `swift format format -i -r Sources Tests` fixes most of what it reports.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict -r Sources Tests
python3 - <<'PY'
import pathlib, sys
long = [f"{path}:{number}: {len(line)} characters"
        for root in ("Sources", "Tests") for path in sorted(pathlib.Path(root).rglob("*.swift"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if len(line) > 150]
print("\n".join(long) or "lint: every line is within 150 characters")
sys.exit(1 if long else 0)
PY
