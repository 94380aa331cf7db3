#!/usr/bin/env python3
"""Two builds of renkei side by side on one corpus, in alternating rounds (a single run on
this machine moves by ±10 %): first ingest, unchanged re-ingest, and the peer harness's
query timing (`renkei bench-queries`: median, p95, p99 of the per-query medians). Prints
one table; the builds' hits must be equal, or it says where they differ.

    scripts/bench-ab.py OLD_BINARY NEW_BINARY --docs /tmp/bigcorpus/docs --queries Q.txt [--rounds 3]

Make the binaries with `swift build -c release` in two worktrees (`git worktree add`)."""
import argparse, json, os, shutil, statistics, subprocess, tempfile, time

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("old")
parser.add_argument("new")
parser.add_argument("--docs", required=True)
parser.add_argument("--queries", required=True)
parser.add_argument("--rounds", type=int, default=3)
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="renkei-ab-")
builds = {"old": args.old, "new": args.new}
figures = {name: {"ingest": [], "reingest": [], "median": [], "p95": [], "p99": []} for name in builds}
hits = {}


def timed(command):
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    return time.monotonic() - start


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


try:
    for round_number in range(args.rounds):
        order = list(builds) if round_number % 2 == 0 else list(reversed(builds))
        for name in order:
            binary = builds[name]
            index = os.path.join(work, name, "renkei.sqlite")
            shutil.rmtree(os.path.dirname(index), ignore_errors=True)
            figures[name]["ingest"].append(timed([binary, "ingest", args.docs, "--index", index]))
            figures[name]["reingest"].append(timed([binary, "ingest", args.docs, "--index", index]))
            answer = subprocess.run(
                [binary, "bench-queries", "--index", index, "--queries", args.queries, "--warmup", "1", "--repeat", "5"],
                check=True, capture_output=True, text=True).stdout
            lines = [json.loads(line) for line in answer.splitlines() if line.strip()]
            per_query = [statistics.median(line["times_ms"]) for line in lines]
            figures[name]["median"].append(statistics.median(per_query))
            figures[name]["p95"].append(percentile(per_query, 0.95))
            figures[name]["p99"].append(percentile(per_query, 0.99))
            hits[name] = {line["query"]: line.get("hits") for line in lines}
            print(f"round {round_number + 1} {name}: ingest {figures[name]['ingest'][-1]:.2f} s, "
                  f"re-ingest {figures[name]['reingest'][-1]:.2f} s, median {figures[name]['median'][-1]:.3f} ms, "
                  f"p99 {figures[name]['p99'][-1]:.3f} ms", flush=True)
finally:
    shutil.rmtree(work, ignore_errors=True)

print(f"\n{args.rounds} alternating rounds; medians of the rounds (all rounds in brackets)\n")
print("| figure | old | new | new ÷ old |")
print("|---|---:|---:|---:|")
for figure, unit in [("ingest", "s"), ("reingest", "s"), ("median", "ms"), ("p95", "ms"), ("p99", "ms")]:
    old, new = statistics.median(figures["old"][figure]), statistics.median(figures["new"][figure])
    rounds = lambda name: ", ".join(f"{value:.3g}" for value in figures[name][figure])
    print(f"| {figure} {unit} | {old:.3f} ({rounds('old')}) | {new:.3f} ({rounds('new')}) | {new / old:.3f} |")
different = [query for query in hits["old"] if hits["old"][query] != hits["new"].get(query)]
print(f"\nhits: {'identical on every query' if not different else f'{len(different)} queries differ, e.g. {different[:3]}'}")
