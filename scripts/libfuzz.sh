#!/usr/bin/env bash
# Coverage-guided fuzzing: the targets of renkei-fuzz (normaliser with its offset map, bigram
# tokenizer, query parser, text decoder, HTML reader, date scanner) under libFuzzer with
# AddressSanitizer. libFuzzer's bytes drive the same input generator (`RandomInput`), and a
# broken invariant aborts like a crash, so libFuzzer keeps the input that broke it.
#
#   scripts/libfuzz.sh [--runs 20000] [--seconds S] [target…]   (targets by name, as renkei-fuzz names them)
#
# --seconds stops each target after S seconds, whichever of the two limits comes first.
#
# Builds renkei-libfuzz in .build-libfuzz (its own build: every module compiled with
# -sanitize=fuzzer,address), keeps each target's corpus in .build-libfuzz/corpus/<target>
# between runs, and writes crash inputs to .build-libfuzz/findings/. Exits 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=20000
SECONDS_LIMIT=0
TARGETS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --seconds) SECONDS_LIMIT="$2"; shift 2 ;;
        *) TARGETS+=("$1"); shift ;;
    esac
done
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("normalizer" "tokenizer" "query parser" "text decoder" "HTML reader" "date scanner")
SCRATCH=.build-libfuzz
# lld links it: Debian's gold stops with an internal error (dwarf_reader.cc) on this link.
swift build -c release --scratch-path "$SCRATCH" --product renkei-libfuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DRENKEI_LIBFUZZER -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >&2
BINARY="$SCRATCH/release/renkei-libfuzz"
mkdir -p "$SCRATCH/findings"
# Swift's runtime keeps metadata for the life of the process: not leaks worth reporting.
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
status=0
for target in "${TARGETS[@]}"; do
    corpus="$SCRATCH/corpus/${target// /-}"
    mkdir -p "$corpus"
    started=$(date +%s.%N)
    if RENKEI_FUZZ_TARGET="$target" "$BINARY" -runs="$RUNS" -max_total_time="$SECONDS_LIMIT" -max_len=2048 -print_final_stats=1 \
        -artifact_prefix="$SCRATCH/findings/${target// /-}-" "$corpus" > "$SCRATCH/$target.log" 2>&1; then
        outcome="0 findings"
    else
        outcome="FINDING (see $SCRATCH/$target.log and $SCRATCH/findings/)"
        status=1
    fi
    seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
    edges=$(grep -o 'cov: [0-9]*' "$SCRATCH/$target.log" | tail -n 1 | cut -d' ' -f2)
    executed=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$SCRATCH/$target.log" | grep -o '[0-9]*$' || echo "?")
    echo "$target: $executed inputs, $seconds s, coverage ${edges:-?} edges, corpus $(ls "$corpus" | wc -l) inputs, $outcome"
done
exit $status
