#!/usr/bin/env python3
"""Prints the benchmark suite's table from the peer harness's JSON: per engine documents,
MB, ingest seconds, index and database bytes, query median / p95 / p99 ms, exact queries,
and Renkei's ratio to each peer (ingest throughput, size and latency: < 1 is better for
size and latency, > 1 better for throughput).

    scripts/bench-table.py peers.json [--engine renkei]"""
import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("result")
parser.add_argument("--engine", default="renkei")
args = parser.parse_args()
result = json.load(open(args.result, encoding="utf-8"))
corpus, summary = result["corpus"], result["summary"]


def percentile(values, fraction):
    values = sorted(values)
    return values[max(0, min(len(values) - 1, int(-(-fraction * len(values) // 1)) - 1))] if values else None


p99 = {}
for name in summary:
    times = [row["engines"][name]["ms"] for row in result["per_query"] if row["engines"].get(name, {}).get("ms") is not None]
    p99[name] = percentile(times, 0.99)


def mib(n):
    return "n/a" if n is None else f"{n / 2**20:.1f} MiB"


def number(x, digits=2):
    return "n/a" if x is None else f"{x:.{digits}f}"


rows = [name for name in summary if name != "substring-scan"]
print(f"Corpus: {corpus['docs']} documents, {corpus['mb']:.1f} MB; {result['n_queries']} queries; "
      f"times: median of {result['timing']['repeat']} runs per query")
print()
print("| engine | ingest s | index | database | median ms | p95 ms | p99 ms | exact | recall | precision |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for name in rows:
    s = summary[name]
    print(f"| {name} | {number(s['load_s'])} | {mib(s['index_bytes'])} | {mib(s['db_bytes'])} | "
          f"{number(s['query_ms_median'], 3)} | {number(s['query_ms_p95'], 3)} | {number(p99[name], 3)} | "
          f"{s['queries_exact']}/{result['n_queries']} | {number(s['micro_recall'], 3)} | {number(s['micro_precision'], 3)} |")
if args.engine in summary:
    mine = summary[args.engine]
    print()
    print(f"| {args.engine} ÷ peer | ingest throughput | database size | index size | median | p95 | p99 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in rows:
        if name == args.engine:
            continue
        peer = summary[name]
        def ratio(a, b):
            return "n/a" if a is None or b in (None, 0) else f"{a / b:.2f}×"
        print(f"| {name} | {ratio(peer['load_s'], mine['load_s'])} | {ratio(mine['db_bytes'], peer['db_bytes'])} | "
              f"{ratio(mine['index_bytes'], peer['index_bytes'])} | {ratio(mine['query_ms_median'], peer['query_ms_median'])} | "
              f"{ratio(mine['query_ms_p95'], peer['query_ms_p95'])} | {ratio(p99[args.engine], p99[name])} |")
